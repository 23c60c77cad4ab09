"""The task list's read path: plain rows, not ORM objects.

A page of the list is read by one statement whose rows carry everything a task shows: its
columns, its subtask progress and its label names (an aggregate, in the order ``Task.labels``
has). Reminders are rare, so a row only says whether its task has any, and the page's
reminders cost a second statement in the same transaction only when one does. Building ORM
instances (identity map, collections, change tracking) for rows nobody will change cost more
CPU than the rest of the request.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any, NamedTuple

import orjson
from sqlalchemy import ColumnElement, Dialect, Row, String, exists, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import TypeDecorator

from app.core.extensions import db
from app.models import Label, Reminder, Task, User, task_labels

TASK_COLUMNS = tuple(Task.__table__.c)
_LABELS = Label.__table__.c
_REMINDERS = Reminder.__table__.c
_USERS = User.__table__.c


class ListedTask(NamedTuple):
    """A task of the list: its row (``TASK_COLUMNS``, ``owner_timezone``,
    ``subtask_count``, ``subtasks_done``, ``label_names``) and its reminders (rows of
    ``reminders``)."""

    row: Row[Any]
    reminders: Sequence[Row[Any]]


class _NameList(TypeDecorator[list[str]]):
    """A list of label names: a text[] on PostgreSQL, a JSON array on SQLite."""

    impl = String
    cache_ok = True

    def process_result_value(self, value: Any, dialect: Dialect) -> list[str]:
        if value is None:
            return []
        if isinstance(value, str):  # SQLite: json_group_array has no ORDER BY before 3.44
            # name_key is name.casefold(), and SQLite compares text by code point, as Python does.
            return sorted(orjson.loads(value), key=str.casefold)
        return list(value)


class LabelNames(FunctionElement[list[str]]):
    """The names of the labels of the task whose id is the argument, as ``Task.labels``
    orders them (by ``name_key``)."""

    name = "label_names"
    type = _NameList()
    inherit_cache = True


def _labels_of(task_id: ColumnElement[int], *columns: Any) -> Any:
    return (
        select(*columns)
        .select_from(task_labels)
        .join(Label.__table__, _LABELS.id == task_labels.c.label_id)
        .where(task_labels.c.task_id == task_id)
    )


@compiles(LabelNames, "postgresql")
def _label_names_postgresql(element: LabelNames, compiler: SQLCompiler, **kw: Any) -> str:
    (task_id,) = element.clauses
    names = _labels_of(task_id, _LABELS.name).order_by(_LABELS.name_key)
    return "ARRAY" + compiler.process(names.scalar_subquery(), **kw)


@compiles(LabelNames)
def _label_names_json(element: LabelNames, compiler: SQLCompiler, **kw: Any) -> str:
    (task_id,) = element.clauses
    names = _labels_of(task_id, func.json_group_array(_LABELS.name))
    return compiler.process(names.scalar_subquery(), **kw)


def owner_columns(owner_id: int) -> list[ColumnElement[Any]]:
    """What a list row carries about its owner: the zone its due times are in (PostgreSQL
    reads it once for the whole statement)."""
    zone = select(_USERS.timezone).where(_USERS.id == owner_id).scalar_subquery()
    return [func.coalesce(zone, "UTC").label("owner_timezone")]


def _row_columns_of(task_id: ColumnElement[int]) -> list[ColumnElement[Any]]:
    subtask = Task.__table__.alias("subtask")
    children = select(func.count(subtask.c.id)).where(subtask.c.parent_id == task_id)
    return [
        children.scalar_subquery().label("subtask_count"),
        children.where(subtask.c.done.is_(True)).scalar_subquery().label("subtasks_done"),
        LabelNames(task_id).label("label_names"),
        exists().where(_REMINDERS.task_id == task_id).label("has_reminders"),
    ]


# Built once for the common case: building them, and SQLAlchemy's cache key of a fresh
# copy, cost more than running them.
_OF_TASKS_TABLE = _row_columns_of(Task.__table__.c.id)


def row_columns(source: Any) -> list[ColumnElement[Any]]:
    """What a list row carries beyond the task's columns, computed from ``source`` (the
    columns the page's rows come from) for the rows of the page only."""
    if source.id is Task.__table__.c.id:
        return _OF_TASKS_TABLE
    return _row_columns_of(source.id)


def with_reminders(rows: Sequence[Row[Any]]) -> list[ListedTask]:
    """The page's rows with their reminders, read in one statement when any row has some."""
    wanted = [row.id for row in rows if row.has_reminders]
    by_task: dict[int, list[Row[Any]]] = defaultdict(list)
    if wanted:
        found = db.session.execute(
            select(_REMINDERS).where(_REMINDERS.task_id.in_(wanted)).order_by(_REMINDERS.id)
        )
        for reminder in found:
            by_task[reminder.task_id].append(reminder)
    return [ListedTask(row, by_task.get(row.id, ())) for row in rows]
