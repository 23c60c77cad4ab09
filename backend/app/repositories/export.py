"""The reads of an account's export: everything of one owner, in a stable order."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select

from app.core.extensions import db
from app.models import Label, Project, Task, TaskOccurrence


def projects(owner_id: int) -> list[Project]:
    return list(
        db.session.scalars(
            select(Project)
            .where(Project.user_id == owner_id)
            .order_by(Project.position, Project.id)
        )
    )


def labels(owner_id: int) -> list[Label]:
    return list(
        db.session.scalars(select(Label).where(Label.user_id == owner_id).order_by(Label.name_key))
    )


def subtasks(owner_id: int) -> list[Task]:
    """Every task of the owner that has a parent, in their order under it."""
    return list(
        db.session.scalars(
            select(Task)
            .where(Task.user_id == owner_id, Task.parent_id.is_not(None))
            .order_by(Task.position, Task.id)
        )
    )


def occurrences(owner_id: int) -> list[TaskOccurrence]:
    return list(
        db.session.scalars(
            select(TaskOccurrence)
            .join(Task, Task.id == TaskOccurrence.task_id)
            .where(Task.user_id == owner_id)
            .order_by(TaskOccurrence.due_date, TaskOccurrence.id)
        )
    )


def top_level_tasks(owner_id: int, *, batch: int) -> Iterator[Task]:
    """The owner's top-level tasks, the Inbox first then by project, fetched ``batch`` rows
    at a time."""
    query = (
        select(Task)
        .where(Task.user_id == owner_id, Task.parent_id.is_(None))
        .order_by(Task.project_id.is_not(None), Task.project_id, Task.position, Task.id)
        .execution_options(yield_per=batch)
    )
    yield from db.session.scalars(query)
