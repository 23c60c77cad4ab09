"""The task list's read path: plain rows, not ORM objects.

A page of the list is read by one statement whose rows carry everything a task shows: its
columns, its subtask progress, its label names and its reminders (aggregates, in the order
``Task.labels`` and ``Task.reminders`` have) and the owner's time zone. Building ORM
instances (identity map, collections, change tracking) for rows nobody will change, and
loading their relationships with a statement each, cost more CPU than the rest of the
request.

The aggregates differ per dialect: PostgreSQL builds arrays and JSON in order; SQLite (before
3.44) cannot order inside an aggregate, so the rows are ordered here.
"""

from __future__ import annotations

import functools
from collections import namedtuple
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, NamedTuple, TypeAlias

import orjson
from sqlalchemy import (
    CTE,
    ColumnElement,
    Dialect,
    Row,
    Select,
    String,
    Text,
    cast,
    func,
    select,
)
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import TypeDecorator

from app.models import Label, Reminder, Task, User, task_labels

TASK_COLUMNS = tuple(Task.__table__.c)
_LABELS = Label.__table__.c
_REMINDERS = Reminder.__table__.c
_USERS = User.__table__.c

# A task of the list: a named tuple of the columns of ``tasks``, and those of
# ``owner_columns`` and ``with_details`` (owner_timezone, subtask_count, subtasks_done,
# label_names, reminders), made by ``records``.
TaskRow: TypeAlias = Any


def records(rows: Sequence[Row[Any]]) -> list[TaskRow]:
    """``rows`` as named tuples of the same fields. Reading a column of a SQLAlchemy Row by
    name costs about a microsecond; of a named tuple, a few dozen nanoseconds. A listed task
    is read by name twenty-odd times on its way to JSON: half of that step's CPU went there."""
    if not rows:
        return []
    record = _record_type(rows[0]._fields)
    return [record._make(row) for row in rows]


@functools.lru_cache(maxsize=32)
def _record_type(fields: tuple[str, ...]) -> type[tuple[Any, ...]]:
    return namedtuple("TaskRecord", fields)  # the fields are known at run time only


class ReminderRow(NamedTuple):
    """A reminder as the list shows it."""

    id: int
    remind_at: datetime | None
    before_minutes: int | None
    fire_at: datetime | None
    sent_for: datetime | None


def _instant(text: str | None) -> datetime | None:
    """A timestamp as JSON has it: ISO 8601 with the session's offset (PostgreSQL), or the
    naive UTC text SQLAlchemy stores in SQLite."""
    if text is None:
        return None
    value = datetime.fromisoformat(text)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class _NameList(TypeDecorator[list[str]]):
    """Label names: a text[] on PostgreSQL, a JSON array on SQLite."""

    impl = String
    cache_ok = True

    def process_result_value(self, value: Any, dialect: Dialect) -> list[str]:
        if value is None:
            return []
        if isinstance(value, str):
            # name_key is name.casefold(), and SQLite compares text by code point, as Python does.
            return sorted(orjson.loads(value), key=str.casefold)
        return list(value)


class _ReminderList(TypeDecorator[list[ReminderRow]]):
    """Reminders: a JSON array of ``[id, remind_at, before_minutes, fire_at, sent_for]``."""

    impl = String
    cache_ok = True

    def process_result_value(self, value: Any, dialect: Dialect) -> list[ReminderRow]:
        if value is None:
            return []
        rows = sorted(orjson.loads(value))  # by id, as Task.reminders is
        return [
            ReminderRow(id_, _instant(remind_at), before, _instant(fire_at), _instant(sent_for))
            for id_, remind_at, before, fire_at, sent_for in rows
        ]


class LabelNames(FunctionElement[list[str]]):
    """The names of the labels of the task whose id is the argument, as ``Task.labels``
    orders them (by ``name_key``)."""

    name = "label_names"
    type = _NameList()
    inherit_cache = True


class Reminders(FunctionElement[list[ReminderRow]]):
    """The reminders of the task whose id is the argument, by id."""

    name = "reminders"
    type = _ReminderList()
    inherit_cache = True


def _labels_of(task_id: ColumnElement[int], *columns: Any) -> Any:
    return (
        select(*columns)
        .select_from(task_labels)
        .join(Label.__table__, _LABELS.id == task_labels.c.label_id)
        .where(task_labels.c.task_id == task_id)
    )


def _reminders_of(task_id: ColumnElement[int], aggregate: Any, build: Any) -> Any:
    fields = build(
        _REMINDERS.id,
        _REMINDERS.remind_at,
        _REMINDERS.before_minutes,
        _REMINDERS.fire_at,
        _REMINDERS.sent_for,
    )
    return select(aggregate(fields)).where(_REMINDERS.task_id == task_id)


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


@compiles(Reminders, "postgresql")
def _reminders_postgresql(element: Reminders, compiler: SQLCompiler, **kw: Any) -> str:
    (task_id,) = element.clauses

    def ordered_json_agg(fields: Any) -> Any:
        # As text: psycopg would set up a JSON loader per statement and parse with the
        # standard library; a task has reminders seldom, and orjson parses those.
        return cast(func.json_agg(aggregate_order_by(fields, _REMINDERS.id)), Text)

    found = _reminders_of(task_id, ordered_json_agg, func.json_build_array)
    return compiler.process(found.scalar_subquery(), **kw)


@compiles(Reminders)
def _reminders_json(element: Reminders, compiler: SQLCompiler, **kw: Any) -> str:
    (task_id,) = element.clauses
    found = _reminders_of(task_id, func.json_group_array, func.json_array)
    return compiler.process(found.scalar_subquery(), **kw)


def owner_columns(owner_id: Any) -> list[ColumnElement[Any]]:
    """What a list row carries about its owner: the zone its due times are in (PostgreSQL
    reads it once for the whole statement)."""
    zone = select(_USERS.timezone).where(_USERS.id == owner_id).scalar_subquery()
    return [func.coalesce(zone, "UTC").label("owner_timezone")]


def with_details(rows: CTE) -> Select[Any]:
    """``rows`` (tasks, as columns) with what a list row carries beyond them: their subtask
    progress, from one grouped query over the subtasks of these tasks only, and their label
    names and reminders."""
    subtask = Task.__table__.alias("subtask")
    progress = (
        select(
            subtask.c.parent_id,
            func.count().label("total"),
            func.count().filter(subtask.c.done.is_(True)).label("done"),
        )
        .where(subtask.c.parent_id.in_(select(rows.c.id)))
        .group_by(subtask.c.parent_id)
        .subquery("progress")
    )
    return select(
        *rows.c,
        func.coalesce(progress.c.total, 0).label("subtask_count"),
        func.coalesce(progress.c.done, 0).label("subtasks_done"),
        LabelNames(rows.c.id).label("label_names"),
        Reminders(rows.c.id).label("reminders"),
    ).select_from(rows.outerjoin(progress, progress.c.parent_id == rows.c.id))
