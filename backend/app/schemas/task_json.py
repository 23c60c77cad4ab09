"""The task list as JSON without marshmallow's per-field loop: plain dicts dumped by orjson.

Hot paths only (the list, and the answers of the single-task reads and writes), from the list's rows (``repositories.task_rows``). The
output is exactly ``TaskPage``'s, which stays the documented schema;
``tests/test_task_json.py`` compares each listed task with ``TaskOut``'s dump of the same
task and fails when ``TaskOut`` gains a field this module does not write.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

import orjson
from flask import Response

from app.domain.recurrence import due_instant
from app.domain.recurrence_text import describe
from app.repositories.pagination import Page
from app.repositories.task_rows import ReminderRow, TaskRow
from app.schemas.time_fields import request_language

# Dates and instants are left to orjson, which writes them as isoformat() does (UTC
# instants end in +00:00; microseconds only when there are some).


def reminder_dict(reminder: ReminderRow) -> dict[str, Any]:
    fire_at = reminder.fire_at
    return {
        "id": reminder.id,
        "remind_at": reminder.remind_at,
        "before_minutes": reminder.before_minutes,
        "fire_at": fire_at,
        "sent": fire_at is not None and reminder.sent_for == fire_at,
    }


def task_dict(task: TaskRow, language: str) -> dict[str, Any]:
    """``TaskOut().dump(task)`` of a listed task, faster; rules described in ``language``."""
    due_date, due_time = task.due_date, task.due_time
    due = None
    if due_date is not None and due_time is not None:
        due = due_instant(due_date, due_time, ZoneInfo(task.owner_timezone))
    return {
        "id": task.id,
        "title": task.title,
        "description": task.description,
        "done": task.done,
        "due_date": due_date,
        "due_time": None if due_time is None else due_time.strftime("%H:%M"),
        "due_at": due,
        "recurrence": task.recurrence,
        "reminders": [reminder_dict(reminder) for reminder in task.reminders],
        "recurrence_text": describe(task.recurrence, language) if task.recurrence else None,
        "estimate_minutes": task.estimate_minutes,
        "parent_id": task.parent_id,
        "project_id": task.project_id,
        "priority": task.priority,
        "labels": task.label_names,
        "position": task.position,
        "completed_at": task.completed_at,
        "subtask_count": task.subtask_count,
        "subtasks_done": task.subtasks_done,
        "user_id": task.user_id,
        "created_at": task.created_at,
        "updated_at": task.updated_at,
    }


def task_page_response(page: Page[TaskRow]) -> Response:
    """The ``TaskPage`` envelope of ``page`` as a JSON response."""
    language = request_language()
    body = {
        "items": [task_dict(task, language) for task in page.items],
        "total": page.total,
        "page": page.page,
        "per_page": page.per_page,
        "pages": page.pages,
        "total_exact": page.total_exact,
        "next_cursor": page.next_cursor,
    }
    return Response(orjson.dumps(body), mimetype="application/json")


def task_response(task: TaskRow, status: int = 200) -> Response:
    """One task (``TaskOut``) as a JSON response."""
    body = orjson.dumps(task_dict(task, request_language()))
    return Response(body, status=status, mimetype="application/json")
