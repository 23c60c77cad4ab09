"""Recurring tasks: completing or skipping an occurrence records it and moves the task on.

A recurring task is one row whose due date moves; each completed or skipped occurrence is
kept as a ``TaskOccurrence`` (``GET /api/tasks/<id>/occurrences``). Next dates follow the
rule in the owner's zone (``recurrence.next_due_date``). When the rule has ended (COUNT or
UNTIL), completing the last occurrence closes the task like any other.
"""

from __future__ import annotations

from datetime import date

from app.core.errors import Conflict
from app.domain.recurrence import first_on_or_after, next_due_date
from app.models import Task, TaskOccurrence
from app.models.occurrence import DONE, SKIPPED
from app.repositories import tasks as task_repository
from app.services import reminders

NOT_RECURRING = "This task does not repeat."
SCHEDULE_FIELDS = ("due_date", "due_time", "recurrence")


def apply_schedule(task: Task, changes: dict[str, object], *, today: date) -> None:
    """Apply due date, time and rule changes; a rule counts from the (new) due date.

    A rule set on a task without a due date gives it one: the rule's first date from today.
    """
    for name in SCHEDULE_FIELDS:
        if name in changes:
            setattr(task, name, changes[name])
    if task.recurrence is None:
        task.recurrence_start = None
    elif "recurrence" in changes or "due_date" in changes or task.recurrence_start is None:
        if task.due_date is None:
            task.due_date = first_on_or_after(task.recurrence, start=today, day=today)
        task.recurrence_start = task.due_date
    reminders.rearm(task)


def repeats(task: Task) -> bool:
    """Whether the task has occurrences to move through: a rule, and a date to apply it to."""
    return bool(task.recurrence) and task.due_date is not None


def advance(task: Task, *, outcome: str, today: date) -> bool:
    """Record the current occurrence and move the task to its next date.

    Returns False when the task does not repeat or its rule has ended (nothing moved), so
    the caller closes it as usual. Subtasks reopen with the new occurrence.
    """
    if not repeats(task):
        return False
    task_repository.add_occurrence(
        TaskOccurrence(
            task_id=task.id, due_date=task.due_date, due_time=task.due_time, outcome=outcome
        )
    )
    start = task.recurrence_start or task.due_date
    following = next_due_date(task.recurrence, start=start, due=task.due_date, today=today)
    if following is None:
        return False
    task.due_date = following
    reminders.rearm(task)
    task_repository.reopen_subtasks(task.id)
    return True


def skip(task: Task, *, today: date) -> bool:
    """Skip the current occurrence; False when it was the last one (the task is then done)."""
    if not repeats(task):
        raise Conflict(NOT_RECURRING)
    return advance(task, outcome=SKIPPED, today=today)


def stop(task: Task) -> None:
    """Stop repeating: the task keeps its current due date and becomes a one-off."""
    if not task.recurrence:
        raise Conflict(NOT_RECURRING)
    task.recurrence = None
    task.recurrence_start = None


def complete(task: Task, *, today: date) -> bool:
    """Complete the current occurrence; True when the task moved on and stays open."""
    return advance(task, outcome=DONE, today=today)


def occurrences(task: Task) -> list[TaskOccurrence]:
    """The task's recorded occurrences, latest first."""
    return task_repository.occurrences(task.id)
