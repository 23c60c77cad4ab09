"""The task list as JSON without marshmallow's per-field loop: plain dicts dumped by orjson.

Hot path only (``GET /api/tasks``). The output is exactly ``TaskPage``'s, which stays the
documented schema; ``tests/test_task_json.py`` compares the two on varied tasks and fails
when ``TaskOut`` gains a field this module does not write.
"""

from __future__ import annotations

from typing import Any

import orjson
from flask import Response

from app.models import Reminder, Task
from app.repositories.pagination import Page
from app.schemas.time_fields import due_at, recurrence_text


def _instant(value: Any) -> str | None:
    return None if value is None else value.isoformat()


def reminder_dict(reminder: Reminder) -> dict[str, Any]:
    fire_at = reminder.fire_at
    return {
        "id": reminder.id,
        "remind_at": _instant(reminder.remind_at),
        "before_minutes": reminder.before_minutes,
        "fire_at": _instant(fire_at),
        "sent": fire_at is not None and reminder.sent_for == fire_at,
    }


def task_dict(task: Task) -> dict[str, Any]:
    """``TaskOut().dump(task)``, faster."""
    due_date, due_time = task.due_date, task.due_time
    return {
        "id": task.id,
        "title": task.title,
        "description": task.description,
        "done": task.done,
        "due_date": None if due_date is None else due_date.isoformat(),
        "due_time": None if due_time is None else due_time.strftime("%H:%M"),
        "due_at": due_at(task),
        "recurrence": task.recurrence,
        "reminders": [reminder_dict(reminder) for reminder in task.reminders],
        "recurrence_text": recurrence_text(task),
        "estimate_minutes": task.estimate_minutes,
        "parent_id": task.parent_id,
        "project_id": task.project_id,
        "priority": task.priority,
        "labels": task.label_names,
        "position": task.position,
        "completed_at": _instant(task.completed_at),
        "subtask_count": task.subtask_count,
        "subtasks_done": task.subtasks_done,
        "user_id": task.user_id,
        "created_at": _instant(task.created_at),
        "updated_at": _instant(task.updated_at),
    }


def task_page_response(page: Page[Task]) -> Response:
    """The ``TaskPage`` envelope of ``page`` as a JSON response."""
    body = {
        "items": [task_dict(task) for task in page.items],
        "total": page.total,
        "page": page.page,
        "per_page": page.per_page,
        "pages": page.pages,
        "total_exact": page.total_exact,
        "next_cursor": page.next_cursor,
    }
    return Response(orjson.dumps(body), mimetype="application/json")
