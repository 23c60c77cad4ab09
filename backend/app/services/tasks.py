"""Task rules. Ownership is checked here, once: another user's task does not exist."""

from __future__ import annotations

from typing import Any

from app.core.errors import NotFound
from app.core.extensions import db
from app.models import Task
from app.repositories import tasks as task_repository
from app.repositories.pagination import Page
from app.repositories.tasks import TaskFilter

UPDATABLE_FIELDS = ("title", "description", "due_date", "done", "estimate_minutes")


def list_tasks(*, owner_id: int, task_filter: TaskFilter, page: int, per_page: int) -> Page[Task]:
    return task_repository.list_tasks(
        owner_id=owner_id, task_filter=task_filter, page=page, per_page=per_page
    )


def get_task(*, owner_id: int, task_id: int) -> Task:
    task = task_repository.get_owned_task(owner_id=owner_id, task_id=task_id)
    if task is None:
        raise NotFound("Task not found.")
    return task


def create_task(*, owner_id: int, fields: dict[str, Any]) -> Task:
    parent_id = fields.get("parent_id")
    if (
        parent_id is not None
        and task_repository.get_owned_task(owner_id=owner_id, task_id=parent_id) is None
    ):
        raise NotFound(
            "Parent task not found.", errors={"json": {"parent_id": ["Parent task not found."]}}
        )
    task = Task(user_id=owner_id, **fields)
    db.session.add(task)
    db.session.commit()
    return task


def create_tasks(*, owner_id: int, parent: Task | None, drafts: list[dict[str, Any]]) -> list[Task]:
    """Save several tasks at once (a generated plan), all or nothing."""
    tasks = [
        Task(user_id=owner_id, parent_id=parent.id if parent else None, **draft) for draft in drafts
    ]
    db.session.add_all(tasks)
    db.session.commit()
    return tasks


def update_task(*, owner_id: int, task_id: int, changes: dict[str, Any]) -> Task:
    task = get_task(owner_id=owner_id, task_id=task_id)
    for name in UPDATABLE_FIELDS:
        if name in changes:
            setattr(task, name, changes[name])
    db.session.commit()
    return task


def toggle_task(*, owner_id: int, task_id: int) -> Task:
    task = get_task(owner_id=owner_id, task_id=task_id)
    task.done = not task.done
    db.session.commit()
    return task


def delete_task(*, owner_id: int, task_id: int) -> None:
    task = get_task(owner_id=owner_id, task_id=task_id)
    db.session.delete(task)
    db.session.commit()
