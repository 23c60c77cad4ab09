"""The task queries that are reused or non-trivial. Every one is scoped to an owner."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    case,
    func,
    or_,
    select,
    update,
)
from sqlalchemy import delete as sa_delete
from sqlalchemy.orm import aliased, lazyload

from app.core.extensions import db
from app.core.prepared_statements import PREPARED
from app.domain.task_query import SORT_NAMES, UPCOMING_DAYS, TaskFilter
from app.models import Label, Project, Task, TaskOccurrence, task_labels
from app.repositories import positions, task_rows
from app.repositories.keyset import SortKey
from app.repositories.pagination import Page, paginate_keyset
from app.repositories.task_rows import TASK_COLUMNS, TaskRow

# The list's statement is Core, on the tables' own columns: an ORM attribute anywhere in it
# would send its execution through the ORM's much slower path.
TASKS = Task.__table__.c
LABELS = Label.__table__.c
SORT_COLUMNS = {
    "created_at": TASKS.created_at,
    "title": TASKS.title,
    "due_date": TASKS.due_date,
    "priority": TASKS.priority,
    "position": TASKS.position,
    "completed_at": TASKS.completed_at,
}
assert tuple(SORT_COLUMNS) == SORT_NAMES, "every sort name the API accepts has its column"
NULLABLE_SORTS = ("due_date", "completed_at")
# The list counts matching tasks up to this many (see pagination.paginate_keyset).
TOTAL_CAP = 1000


def week_end(today: date) -> date:
    """The last day the Upcoming view shows."""
    return today + timedelta(UPCOMING_DAYS)


def view_condition(view: str, today: Any, last_upcoming: Any) -> ColumnElement[bool]:
    """What puts a task in a view (``today`` and ``last_upcoming``: dates or bind
    parameters). The list and the counts share these conditions, so a count is always the
    length of its view."""
    is_open = TASKS.done.is_(False)
    if view == "inbox":
        return and_(is_open, TASKS.project_id.is_(None))
    if view == "today":
        return and_(is_open, TASKS.due_date <= today)
    if view == "overdue":
        return and_(is_open, TASKS.due_date < today)
    if view == "upcoming":
        return and_(is_open, TASKS.due_date > today, TASKS.due_date <= last_upcoming)
    if view == "done":
        return TASKS.done.is_(True)
    raise ValueError(f"unknown view {view!r}")


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _has_label(owner_id: Any, name_key: Any) -> ColumnElement[bool]:
    return TASKS.id.in_(
        select(task_labels.c.task_id)
        .join(Label.__table__, LABELS.id == task_labels.c.label_id)
        .where(LABELS.user_id == owner_id, LABELS.name_key == name_key)
    )


@dataclass(frozen=True)
class _ListShape:
    """What the list's statement depends on besides values: the same shape, the same SQL."""

    view: str | None
    done: bool | None
    by_project: bool
    by_parent: bool
    top_level: bool
    by_priority: bool
    label_count: int
    searched: bool
    sort: str

    @classmethod
    def of(cls, task_filter: TaskFilter) -> _ListShape:
        return cls(
            view=task_filter.view,
            done=task_filter.done,
            by_project=task_filter.project_id is not None,
            by_parent=task_filter.parent_id is not None,
            top_level=task_filter.top_level,
            by_priority=bool(task_filter.priorities),
            label_count=len(task_filter.labels),
            searched=bool(task_filter.q),
            sort=task_filter.sort,
        )


def _list_params(owner_id: int, task_filter: TaskFilter) -> dict[str, Any]:
    """The values of the list's bind parameters (see ``_list_statement``)."""
    params: dict[str, Any] = {
        "owner_id": owner_id,
        "project_id": task_filter.project_id,
        "parent_id": task_filter.parent_id,
        "priorities": list(task_filter.priorities),
        "pattern": f"%{_escape_like(task_filter.q)}%" if task_filter.q else None,
    }
    if task_filter.today is not None:
        params.update(today=task_filter.today, last_upcoming=week_end(task_filter.today))
    for index, name in enumerate(task_filter.labels):
        params[f"label_{index}"] = name.casefold()
    return params


def _list_statement(shape: _ListShape) -> Select[Any]:
    """The owner's tasks of this shape, unordered, values as bind parameters."""
    owner_id = bindparam("owner_id", type_=Integer)
    statement = select(*TASK_COLUMNS, *task_rows.owner_columns(owner_id))
    statement = statement.where(TASKS.user_id == owner_id)
    if shape.view is not None:
        condition = view_condition(
            shape.view, bindparam("today", type_=Date), bindparam("last_upcoming", type_=Date)
        )
        statement = statement.where(condition)
    if shape.done is not None:
        statement = statement.where(TASKS.done.is_(shape.done))
    if shape.by_project:
        statement = statement.where(TASKS.project_id == bindparam("project_id", type_=Integer))
    if shape.by_parent:
        statement = statement.where(TASKS.parent_id == bindparam("parent_id", type_=Integer))
    elif shape.top_level:
        statement = statement.where(TASKS.parent_id.is_(None))
    if shape.by_priority:
        statement = statement.where(TASKS.priority.in_(bindparam("priorities", expanding=True)))
    for index in range(shape.label_count):
        statement = statement.where(_has_label(owner_id, bindparam(f"label_{index}")))
    if shape.searched:
        pattern = bindparam("pattern", type_=String)
        statement = statement.where(
            or_(
                TASKS.title.ilike(pattern, escape="\\"),
                TASKS.description.ilike(pattern, escape="\\"),
            )
        )
    return statement


def sort_keys(sort: str) -> list[SortKey]:
    """The ORDER BY of a sort choice, ending with the id so no two rows tie."""
    name = sort.lstrip("-")
    descending = sort.startswith("-")
    # Tasks without the date go last in either direction.
    keys = [SortKey(SORT_COLUMNS[name], descending, nulls_last=name in NULLABLE_SORTS)]
    if name == "priority":
        keys.append(SortKey(TASKS.position))  # equal priorities keep the manual order
    keys.append(SortKey(TASKS.id, descending))
    return keys


def list_tasks(
    *, owner_id: int, task_filter: TaskFilter, page: int, per_page: int, cursor: str | None = None
) -> Page[TaskRow]:
    """A page of the owner's tasks at ``page`` or after ``cursor``, with a capped total."""
    shape = _ListShape.of(task_filter)
    page = paginate_keyset(
        lambda: _list_statement(shape),
        shape=shape,
        params=_list_params(owner_id, task_filter),
        keys=sort_keys(task_filter.sort),
        scope=f"tasks:{owner_id}:{task_filter.sort}",
        page=page,
        per_page=per_page,
        cursor=cursor,
        count_cap=TOTAL_CAP,
        scans=shape.searched,
        detail=task_rows.with_details,
        prepared=not shape.searched,
    )
    return replace(page, items=task_rows.records(page.items))


# One task as the list shows it: the same row, read by its id.
_ONE_TASK_ROW = task_rows.with_details(
    select(*TASK_COLUMNS, *task_rows.owner_columns(bindparam("owner_id", type_=Integer)))
    .where(
        TASKS.id == bindparam("task_id", type_=Integer),
        TASKS.user_id == bindparam("owner_id", type_=Integer),
    )
    .cte("page")
)


def owned_task_row(*, owner_id: int, task_id: int) -> TaskRow | None:
    """The owner's task as a list row (one statement, no ORM object), or None."""
    params = {"owner_id": owner_id, "task_id": task_id}
    connection = db.session.connection()  # no ORM entity: see paginate_keyset
    row = connection.execute(_ONE_TASK_ROW, params, execution_options=PREPARED).first()
    return None if row is None else task_rows.records([row])[0]


def _progress_of(task: Any) -> list[ColumnElement[int]]:
    subtask = aliased(Task, name="subtask")
    children = select(func.count(subtask.id)).where(subtask.parent_id == task.id)
    return [
        children.scalar_subquery().label("subtask_count"),
        children.where(subtask.done.is_(True)).scalar_subquery().label("subtasks_done"),
    ]


# Built once: SQLAlchemy memoizes the cache key of an element, not of a fresh copy.
_TASK_PROGRESS = _progress_of(Task)


def attach_subtask_progress(tasks: Iterable[Task]) -> None:
    """Fill ``subtask_count`` and ``subtasks_done`` for these tasks with one grouped query."""
    by_id = {task.id: task for task in tasks}
    if not by_id:
        return
    rows = db.session.execute(
        select(
            Task.parent_id,
            func.count(Task.id),
            func.coalesce(func.sum(case((Task.done.is_(True), 1), else_=0)), 0),
        )
        .where(Task.parent_id.in_(by_id))
        .group_by(Task.parent_id)
    )
    counted = {parent_id: (count, done) for parent_id, count, done in rows}
    for task_id, task in by_id.items():
        task.subtask_count, task.subtasks_done = counted.get(task_id, (0, 0))


def get_owned_task(*, owner_id: int, task_id: int, with_progress: bool = False) -> Task | None:
    """The owner's task; ``with_progress`` fills its subtask progress in the same query.

    Without it (a task about to change), its reminders and labels load when first used: most
    changes, such as closing a task, touch neither, and loading both with the task cost two
    more queries.
    """
    statement = select(Task).where(Task.id == task_id, Task.user_id == owner_id)
    if not with_progress:
        collections = lazyload(Task.reminders), lazyload(Task.labels)
        return db.session.scalar(statement.options(*collections))
    found = _with_progress(statement)
    return found[0] if found else None


def get_owned_tasks(
    *, owner_id: int, task_ids: Iterable[int], refresh: bool = False, with_progress: bool = False
) -> list[Task]:
    """The owner's tasks among ``task_ids``; ``refresh`` reloads those already in the
    session (and their labels and reminders) from the database; ``with_progress`` fills
    their subtask progress in the same query."""
    statement = (
        select(Task)
        .where(Task.user_id == owner_id, Task.id.in_(list(task_ids)))
        .order_by(Task.position, Task.id)
    )
    if refresh:
        statement = statement.execution_options(populate_existing=True)
    if with_progress:
        return _with_progress(statement)
    return list(db.session.scalars(statement))


def _with_progress(statement: Select[tuple[Task]]) -> list[Task]:
    rows = db.session.execute(statement.add_columns(*_TASK_PROGRESS)).all()
    for row in rows:
        row[0].subtask_count, row[0].subtasks_done = row.subtask_count, row.subtasks_done
    return [row[0] for row in rows]


def add(tasks: Iterable[Task]) -> None:
    """Insert new tasks and flush, so they have their ids."""
    db.session.add_all(list(tasks))
    db.session.flush()


def delete(task: Task) -> None:
    """Delete a task; its subtasks, labels links and reminders go with it (cascades)."""
    db.session.delete(task)


def delete_many(task_ids: Iterable[int]) -> None:
    db.session.execute(
        sa_delete(Task).where(Task.id.in_(list(task_ids))),
        execution_options={"synchronize_session": False},
    )


def set_project(task_ids: Iterable[int], project_id: int | None) -> None:
    """Put these tasks in a project (or the Inbox) in one UPDATE."""
    ids = list(task_ids)
    if ids:
        db.session.execute(
            update(Task).where(Task.id.in_(ids)).values(project_id=project_id),
            execution_options={"synchronize_session": False},
        )


def descendant_ids(task_ids: Iterable[int]) -> list[int]:
    """Every subtask below these tasks, at any depth (one query per level)."""
    found: list[int] = []
    level = list(task_ids)
    while level:
        level = list(db.session.scalars(select(Task.id).where(Task.parent_id.in_(level))))
        found.extend(level)
    return found


def titles_near(*, owner_id: int, task: Task) -> set[str]:
    """Lower-cased titles of a task, its siblings and its subtasks."""
    siblings = (
        Task.parent_id.is_(None) if task.parent_id is None else Task.parent_id == task.parent_id
    )
    rows = db.session.scalars(
        select(Task.title).where(Task.user_id == owner_id, or_(siblings, Task.parent_id == task.id))
    )
    return {title.casefold() for title in rows}


def sibling_scope(*, owner_id: int, project_id: int | None, parent_id: int | None) -> list:
    """The rows a task's position is compared with: same project (or Inbox), same parent."""
    return [
        Task.user_id == owner_id,
        Task.project_id.is_(None) if project_id is None else Task.project_id == project_id,
        Task.parent_id.is_(None) if parent_id is None else Task.parent_id == parent_id,
    ]


@dataclass(frozen=True)
class Counts:
    inbox: int
    today: int
    overdue: int
    upcoming: int
    projects: dict[str, int]
    labels: dict[str, int]


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def counts(*, owner_id: int, today: date) -> Counts:
    """Open tasks per view, per project and per label: three aggregate queries."""
    views = ("inbox", "today", "overdue", "upcoming")
    row = db.session.execute(
        select(*(_count_if(view_condition(view, today, week_end(today))) for view in views)).where(
            Task.user_id == owner_id
        )
    ).one()
    return Counts(
        **dict(zip(views, (int(value) for value in row), strict=True)),
        projects={str(key): value for key, value in project_open_counts(owner_id=owner_id).items()},
        labels=dict(label_open_counts(owner_id=owner_id).values()),
    )


def project_task_counts(
    *, owner_id: int, project_ids: Iterable[int] | None = None
) -> dict[int, tuple[int, int]]:
    """(open, done) task counts per project of the owner, subtasks included."""
    statement = (
        select(
            Project.id,
            _count_if(Task.done.is_(False)),
            _count_if(Task.done.is_(True)),
        )
        .outerjoin(Task, Task.project_id == Project.id)
        .where(Project.user_id == owner_id)
        .group_by(Project.id)
    )
    if project_ids is not None:
        statement = statement.where(Project.id.in_(list(project_ids)))
    return {pid: (int(open_), int(done)) for pid, open_, done in db.session.execute(statement)}


def project_open_counts(*, owner_id: int) -> dict[int, int]:
    return {pid: open_ for pid, (open_, _done) in project_task_counts(owner_id=owner_id).items()}


def label_open_counts(
    *, owner_id: int, label_ids: Iterable[int] | None = None
) -> dict[int, tuple[str, int]]:
    """Label id -> (name, open tasks carrying it) for the owner's labels."""
    statement = (
        select(Label.id, Label.name, func.count(Task.id))
        .select_from(Label)
        .outerjoin(task_labels, task_labels.c.label_id == Label.id)
        .outerjoin(Task, and_(Task.id == task_labels.c.task_id, Task.done.is_(False)))
        .where(Label.user_id == owner_id)
        .group_by(Label.id, Label.name)
    )
    if label_ids is not None:
        statement = statement.where(Label.id.in_(list(label_ids)))
    return {label_id: (name, count) for label_id, name, count in db.session.execute(statement)}


def delete_in_project(project_id: int) -> None:
    db.session.execute(sa_delete(Task).where(Task.project_id == project_id))


def move_to_inbox_end(*, owner_id: int, project_id: int) -> None:
    """Move a project's tasks to the end of the owner's Inbox, in their order; subtasks keep
    their order under their parent."""
    top_level = list(
        db.session.scalars(
            select(Task.id)
            .where(Task.project_id == project_id, Task.parent_id.is_(None))
            .order_by(Task.position, Task.id)
        )
    )
    start = positions.end_position(
        Task, sibling_scope(owner_id=owner_id, project_id=None, parent_id=None)
    )
    if top_level:
        db.session.execute(
            update(Task),
            [
                {"id": task_id, "position": start + n * positions.GAP}
                for n, task_id in enumerate(top_level)
            ],
        )
    db.session.execute(
        update(Task).where(Task.project_id == project_id).values(project_id=None),
        execution_options={"synchronize_session": False},
    )


def open_tasks(*, owner_id: int) -> list[Task]:
    return list(
        db.session.scalars(select(Task).where(Task.user_id == owner_id, Task.done.is_(False)))
    )


def reopen_subtasks(parent_id: int) -> None:
    """Reopen the done subtasks of a task (a recurring task's next occurrence)."""
    db.session.execute(
        update(Task)
        .where(Task.parent_id == parent_id, Task.done.is_(True))
        .values(done=False, completed_at=None)
        .execution_options(synchronize_session="fetch")
    )


def add_occurrence(occurrence: TaskOccurrence) -> None:
    db.session.add(occurrence)


def occurrences(task_id: int) -> list[TaskOccurrence]:
    """A task's recorded occurrences, latest first."""
    return list(
        db.session.scalars(
            select(TaskOccurrence)
            .where(TaskOccurrence.task_id == task_id)
            .order_by(TaskOccurrence.due_date.desc(), TaskOccurrence.id.desc())
        )
    )


def open_dated(*, owner_id: int) -> list[Task]:
    """The owner's open tasks that have a due date, by date."""
    return list(
        db.session.scalars(
            select(Task)
            .where(Task.user_id == owner_id, Task.done.is_(False), Task.due_date.is_not(None))
            .order_by(Task.due_date, Task.id)
        )
    )
