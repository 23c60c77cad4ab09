"""Task rules. Ownership is checked here, once: another user's task does not exist."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from app.core import clock
from app.core.errors import BadRequest, Conflict, NotFound
from app.core.extensions import db
from app.domain.task_query import DATED_VIEWS, TaskFilter
from app.models import Task
from app.repositories import positions
from app.repositories import tasks as task_repository
from app.repositories import users as user_repository
from app.repositories.keyset import InvalidCursor
from app.repositories.pagination import Page
from app.repositories.reads import read_without_transaction
from app.repositories.task_rows import TaskRow
from app.repositories.tasks import Counts
from app.schemas.time_fields import owner_zone
from app.services import recurring, reminders
from app.services.labels import resolve_labels
from app.services.projects import require_project

UPDATABLE_FIELDS = ("title", "description", "due_date", "estimate_minutes", "priority")
SUBTASK_PROJECT = "A subtask stays in its parent's project."
NOT_NEIGHBOURS = "before_id and after_id are no longer neighbours; reload the list and retry."
# Sent as project_id by a client that did not mention it (distinct from null, the Inbox).
UNSET: Any = object()


def user_today(owner_id: int) -> date:
    """Today's date where the user lives (their ``timezone``)."""
    return clock.today_in(user_repository.timezone_of(owner_id))


def list_tasks(
    *, owner_id: int, filters: dict[str, Any], page: int, per_page: int, cursor: str | None = None
) -> Page[TaskRow]:
    """A page of the owner's tasks (``filters`` are the fields of ``TaskFilter``); a cursor
    made for another owner or sort answers 400."""
    read_without_transaction()
    task_filter = TaskFilter(**filters)
    if task_filter.project_id is not None:
        require_project(owner_id=owner_id, project_id=task_filter.project_id)
    if task_filter.view in DATED_VIEWS:
        task_filter = replace(task_filter, today=user_today(owner_id))
    try:
        return task_repository.list_tasks(
            owner_id=owner_id, task_filter=task_filter, page=page, per_page=per_page, cursor=cursor
        )
    except InvalidCursor as error:
        raise BadRequest(str(error), errors={"query": {"cursor": [str(error)]}}) from None


def counts(*, owner_id: int) -> Counts:
    """Open tasks per view, project and label: exactly the totals the views list (each
    total from its own statement: a write between them moves a number for one refresh)."""
    read_without_transaction()
    return task_repository.counts(owner_id=owner_id, today=user_today(owner_id))


def _owned(owner_id: int, task_id: int, field: str | None = None) -> Task:
    task = task_repository.get_owned_task(owner_id=owner_id, task_id=task_id)
    if task is None:
        errors = {"json": {field: ["Task not found."]}} if field else None
        raise NotFound("Task not found.", errors=errors)
    return task


def read_task(*, owner_id: int, task_id: int) -> TaskRow:
    """The owner's task to show (a list row: read in one statement, nothing to change)."""
    read_without_transaction()
    row = task_repository.owned_task_row(owner_id=owner_id, task_id=task_id)
    if row is None:
        raise NotFound("Task not found.")
    return row


def get_task(*, owner_id: int, task_id: int) -> Task:
    task = task_repository.get_owned_task(owner_id=owner_id, task_id=task_id, with_progress=True)
    if task is None:
        raise NotFound("Task not found.")
    return task


def _committed_row(owner_id: int, task_id: int) -> TaskRow:
    """Read the task back as the answer shows it, with every write of this request applied,
    then commit: one transaction, and one statement to read it (a list row, no ORM object)."""
    db.session.flush()
    row = task_repository.owned_task_row(owner_id=owner_id, task_id=task_id)
    assert row is not None, "a task written in this transaction is there to read"
    db.session.commit()
    return row


def _committed(owner_id: int, task_ids: list[int]) -> list[Task]:
    """Read the tasks back with every write of this request applied (bulk UPDATEs bypass
    the objects in memory), with their subtask progress, then commit.

    One transaction: the commit keeps what was just read instead of expiring it, so the
    answer needs no second transaction to reload the same rows.
    """
    db.session.flush()
    by_id = {
        task.id: task
        for task in task_repository.get_owned_tasks(
            owner_id=owner_id, task_ids=task_ids, refresh=True, with_progress=True
        )
    }
    tasks = [by_id[task_id] for task_id in task_ids if task_id in by_id]
    # The answer shows due times in the owner's zone: read it now, in this transaction.
    owner_zone(owner_id)
    session = db.session()
    session.expire_on_commit = False
    try:
        session.commit()
    finally:
        session.expire_on_commit = True
    return tasks


def create_task(*, owner_id: int, fields: dict[str, Any]) -> TaskRow:
    """Add a task at the end of its project (or the Inbox); a subtask joins its parent's
    project, at the end of its siblings."""
    fields = dict(fields)
    parent_id = fields.pop("parent_id", None)
    project_id = fields.pop("project_id", UNSET)
    label_names = fields.pop("labels", [])
    reminder_items = fields.pop("reminders", [])
    done = fields.pop("done", False)
    parent = _owned(owner_id, parent_id, "parent_id") if parent_id is not None else None
    if parent is not None:
        if project_id is not UNSET and project_id != parent.project_id:
            raise Conflict(SUBTASK_PROJECT, errors={"json": {"project_id": [SUBTASK_PROJECT]}})
        project_id = parent.project_id
    elif project_id is UNSET:
        project_id = None
    elif project_id is not None:
        require_project(owner_id=owner_id, project_id=project_id, field="project_id")
    task = Task(user_id=owner_id, parent_id=parent_id, project_id=project_id, **fields)
    if task.recurrence:
        recurring.apply_schedule(task, {"recurrence": task.recurrence}, today=user_today(owner_id))
    task.set_done(done)
    task.labels = resolve_labels(owner_id=owner_id, names=label_names)
    reminders.set_reminders(task, reminder_items)
    _append(task)
    task_repository.add([task])
    return _committed_row(owner_id, task.id)


def _append(task: Task) -> None:
    positions.lock_owner(task.user_id)
    task.position = positions.end_position(
        Task,
        task_repository.sibling_scope(
            owner_id=task.user_id, project_id=task.project_id, parent_id=task.parent_id
        ),
    )


def create_tasks(*, owner_id: int, parent: Task | None, drafts: list[dict[str, Any]]) -> list[Task]:
    """Save several tasks at once (a generated plan), all or nothing, in the plan's order."""
    positions.lock_owner(owner_id)
    project_id = parent.project_id if parent else None
    start = positions.end_position(
        Task,
        task_repository.sibling_scope(
            owner_id=owner_id, project_id=project_id, parent_id=parent.id if parent else None
        ),
    )
    tasks = [
        Task(
            user_id=owner_id,
            parent_id=parent.id if parent else None,
            project_id=project_id,
            position=start + n * positions.GAP,
            **draft,
        )
        for n, draft in enumerate(drafts)
    ]
    task_repository.add(tasks)
    return _committed(owner_id, [task.id for task in tasks])


def _check_destination(owner_id: int, project_id: int | None) -> None:
    if project_id is not None:
        require_project(owner_id=owner_id, project_id=project_id, field="project_id")


def _set_project(task: Task, project_id: int | None) -> None:
    """Move a top-level task (and all its subtasks) to a project (checked by the caller)
    or the Inbox."""
    if task.parent_id is not None:
        raise Conflict(SUBTASK_PROJECT, errors={"json": {"project_id": [SUBTASK_PROJECT]}})
    task.project_id = project_id
    task_repository.set_project(task_repository.descendant_ids([task.id]), project_id)


def update_task(*, owner_id: int, task_id: int, changes: dict[str, Any]) -> TaskRow:
    task = _owned(owner_id, task_id)
    for name in UPDATABLE_FIELDS:
        if name in changes:
            setattr(task, name, changes[name])
    schedule = {name: changes[name] for name in recurring.SCHEDULE_FIELDS if name in changes}
    if schedule:
        recurring.apply_schedule(task, schedule, today=user_today(owner_id))
    if "done" in changes:
        _set_done(task, changes["done"])
    if "labels" in changes:
        task.labels = resolve_labels(owner_id=owner_id, names=changes["labels"])
    if "reminders" in changes:
        reminders.set_reminders(task, changes["reminders"])
    if "project_id" in changes and changes["project_id"] != task.project_id:
        _check_destination(owner_id, changes["project_id"])
        _set_project(task, changes["project_id"])
        _append(task)
    return _committed_row(owner_id, task.id)


def _set_done(task: Task, done: bool) -> None:
    """Closing a recurring task completes its current occurrence and moves it to the next
    date instead; it closes only once its rule has ended. Only a repeating task needs the
    owner's today (a query)."""
    closing_a_repeating_task = done and not task.done and recurring.repeats(task)
    if closing_a_repeating_task and recurring.complete(task, today=user_today(task.user_id)):
        return
    task.set_done(done)


def toggle_task(*, owner_id: int, task_id: int) -> TaskRow:
    task = _owned(owner_id, task_id)
    _set_done(task, not task.done)
    return _committed_row(owner_id, task.id)


def delete_task(*, owner_id: int, task_id: int) -> None:
    task_repository.delete(_owned(owner_id, task_id))
    db.session.commit()


def move_task(
    *,
    owner_id: int,
    task_id: int,
    before_id: int | None = None,
    after_id: int | None = None,
    project_id: Any = UNSET,
) -> TaskRow:
    """Put a task right before or after another task, between two neighbours, or at the end
    of a list.

    The destination is ``project_id`` when given (null: the Inbox), else the anchors' list,
    else the task's own. Only the moved row is written, except on the rare renumbering of a
    list whose gaps ran out.
    """
    positions.lock_owner(owner_id)
    task = _owned(owner_id, task_id)
    before = _owned(owner_id, before_id, "before_id") if before_id is not None else None
    after = _owned(owner_id, after_id, "after_id") if after_id is not None else None
    anchors = {field: row for field, row in (("before_id", before), ("after_id", after)) if row}
    if project_id is UNSET:
        project_id = next(iter(anchors.values())).project_id if anchors else task.project_id
    for field, anchor in anchors.items():
        _check_anchor(task, anchor, project_id, field)
    if project_id != task.project_id:
        _check_destination(owner_id, project_id)
        _set_project(task, project_id)
    scope = task_repository.sibling_scope(
        owner_id=owner_id, project_id=task.project_id, parent_id=task.parent_id
    )
    both = before is not None and after is not None
    if both and not positions.follows(Task, scope, item=task, after=after, before=before):
        raise Conflict(NOT_NEIGHBOURS)
    if both or task not in (before, after):  # next to itself: already in place
        positions.place(Task, task, scope, before=before, after=after)
    return _committed_row(owner_id, task.id)


def _check_anchor(task: Task, anchor: Task, project_id: int | None, field: str) -> None:
    if anchor.parent_id != task.parent_id or anchor.project_id != project_id:
        message = "The task to move next to is in another list."
        raise Conflict(message, errors={"json": {field: [message]}})


@dataclass(frozen=True)
class BulkResult:
    action: str
    changed_ids: list[int]
    tasks: list[Task]


def bulk(*, owner_id: int, ids: list[int], action: str, **options: Any) -> BulkResult:
    """Apply one action to several of the caller's tasks, all or nothing.

    Any id that is not one of the caller's tasks fails the whole request (404) before
    anything changes. ``changed_ids`` lists the tasks the action actually changed.
    """
    wanted = list(dict.fromkeys(ids))
    positions.lock_owner(owner_id)
    tasks = task_repository.get_owned_tasks(owner_id=owner_id, task_ids=wanted)
    missing = sorted(set(wanted) - {task.id for task in tasks})
    if missing:
        message = f"Tasks not found: {', '.join(map(str, missing))}."
        raise NotFound(message, errors={"json": {"ids": [message]}})
    if action == "delete":
        task_repository.delete_many(wanted)
        db.session.commit()
        return BulkResult(action, wanted, [])
    if action == "move":
        _check_destination(owner_id, options["project_id"])
    if action == "add_label":
        (options["label"],) = resolve_labels(owner_id=owner_id, names=[options["label"]])
    changed = [task.id for task in tasks if _BULK_ACTIONS[action](task, options)]
    return BulkResult(action, changed, _committed(owner_id, wanted))


def _complete(task: Task, _options: dict[str, Any]) -> bool:
    if task.done:
        return False
    _set_done(task, True)
    return True


def _reopen(task: Task, _options: dict[str, Any]) -> bool:
    if not task.done:
        return False
    task.set_done(False)
    return True


def _move(task: Task, options: dict[str, Any]) -> bool:
    if task.project_id == options["project_id"]:
        return False
    _set_project(task, options["project_id"])
    _append(task)
    db.session.flush()  # the next task of the batch goes after this one
    return True


def _set_priority(task: Task, options: dict[str, Any]) -> bool:
    if task.priority == options["priority"]:
        return False
    task.priority = options["priority"]
    return True


def _add_label(task: Task, options: dict[str, Any]) -> bool:
    label = options["label"]
    if label in task.labels:
        return False
    task.labels.append(label)
    return True


def _remove_label(task: Task, options: dict[str, Any]) -> bool:
    key = options["label"].casefold()
    kept = [label for label in task.labels if label.name_key != key]
    if len(kept) == len(task.labels):
        return False
    task.labels = kept
    return True


_BULK_ACTIONS = {
    "complete": _complete,
    "reopen": _reopen,
    "move": _move,
    "set_priority": _set_priority,
    "add_label": _add_label,
    "remove_label": _remove_label,
}
