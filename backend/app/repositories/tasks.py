"""The task queries that are reused or non-trivial. Every one is scoped to an owner."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, or_, select

from app.core.extensions import db
from app.models import Task
from app.repositories.pagination import Page, paginate

SORT_COLUMNS = {
    "created_at": Task.created_at,
    "title": Task.title,
    "due_date": Task.due_date,
}


@dataclass(frozen=True)
class TaskFilter:
    done: bool | None = None
    q: str | None = None
    parent_id: int | None = None
    top_level: bool = False
    sort: str = "-created_at"


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _apply_filter(statement: Select[tuple[Task]], task_filter: TaskFilter) -> Select[tuple[Task]]:
    if task_filter.done is not None:
        statement = statement.where(Task.done.is_(task_filter.done))
    if task_filter.parent_id is not None:
        statement = statement.where(Task.parent_id == task_filter.parent_id)
    elif task_filter.top_level:
        statement = statement.where(Task.parent_id.is_(None))
    if task_filter.q:
        pattern = f"%{_escape_like(task_filter.q)}%"
        statement = statement.where(
            or_(
                Task.title.ilike(pattern, escape="\\"), Task.description.ilike(pattern, escape="\\")
            )
        )
    return statement


def _order(statement: Select[tuple[Task]], sort: str) -> Select[tuple[Task]]:
    column = SORT_COLUMNS[sort.lstrip("-")]
    descending = sort.startswith("-")
    ordered = column.desc() if descending else column.asc()
    if sort.lstrip("-") == "due_date":
        # Tasks without a due date go last in either direction.
        ordered = ordered.nulls_last()
    tiebreak = Task.id.desc() if descending else Task.id.asc()
    return statement.order_by(ordered, tiebreak)


def list_tasks(*, owner_id: int, task_filter: TaskFilter, page: int, per_page: int) -> Page[Task]:
    statement = select(Task).where(Task.user_id == owner_id)
    statement = _order(_apply_filter(statement, task_filter), task_filter.sort)
    return paginate(statement, page=page, per_page=per_page)


def get_owned_task(*, owner_id: int, task_id: int) -> Task | None:
    return db.session.scalar(select(Task).where(Task.id == task_id, Task.user_id == owner_id))


def titles_near(*, owner_id: int, task: Task) -> set[str]:
    """Lower-cased titles of a task, its siblings and its subtasks."""
    siblings = (
        Task.parent_id.is_(None) if task.parent_id is None else Task.parent_id == task.parent_id
    )
    rows = db.session.scalars(
        select(Task.title).where(Task.user_id == owner_id, or_(siblings, Task.parent_id == task.id))
    )
    return {title.casefold() for title in rows}
