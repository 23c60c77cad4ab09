"""Quick add for a user: parse a line in their zone and clock, or parse it and save the task."""

from __future__ import annotations

from datetime import date, datetime
from http import HTTPStatus
from typing import Any
from zoneinfo import ZoneInfo

from app.core import clock
from app.core.errors import DomainError
from app.domain.limits import TITLE_MAX_LENGTH
from app.domain.quickadd import Parsed, parse
from app.domain.recurrence_text import describe
from app.models.task import NO_PRIORITY
from app.repositories import projects as project_repository
from app.repositories import users as user_repository
from app.repositories.task_rows import TaskRow
from app.services import projects
from app.services import tasks as task_service

QUICK_PROJECT_COLOR = "blue"


def user_zone(owner_id: int) -> ZoneInfo:
    return ZoneInfo(user_repository.timezone_of(owner_id))


def parse_line(
    *,
    owner_id: int,
    text: str,
    default_language: str,
    language: str | None = None,
    now: datetime | None = None,
    timezone: str | None = None,
    literal: list[str] | None = None,
) -> Parsed:
    """What ``text`` means for this user, at ``now`` (default: the clock) in their zone."""
    zone = ZoneInfo(timezone) if timezone else user_zone(owner_id)
    return parse(
        text,
        now=now or clock.now(),
        zone=zone,
        language=language,
        default_language=default_language,
        literal=literal or (),
    )


def as_dict(parsed: Parsed) -> dict[str, Any]:
    """The parse result as the API answers it, with the rule in the line's language."""
    return {
        "title": parsed.title,
        "language": parsed.language,
        "due_date": parsed.due_date,
        "due_time": parsed.due_time,
        "due_at": parsed.due_at,
        "project": parsed.project,
        "labels": parsed.labels,
        "priority": parsed.priority,
        "recurrence": parsed.recurrence,
        "recurrence_text": describe(parsed.recurrence, parsed.language)
        if parsed.recurrence
        else None,
        "reminder": parsed.reminder,
    }


class QuickAddRejected(DomainError):
    status = HTTPStatus.UNPROCESSABLE_ENTITY


def _project_id(owner_id: int, name: str | None) -> int | None:
    """The caller's project of that name (case-insensitively), created when missing."""
    if name is None:
        return None
    found = project_repository.id_named(owner_id=owner_id, name_key=name.casefold())
    if found is None:
        found = projects.create_project(owner_id=owner_id, name=name, color=QUICK_PROJECT_COLOR).id
    return found


def quick_create(
    *,
    owner_id: int,
    text: str,
    default_language: str,
    language: str | None = None,
    literal: list[str] | None = None,
    project_id: int | None = None,
    due_date: date | None = None,
    labels: list[str] | None = None,
    description: str | None = None,
    priority: int | None = None,
) -> TaskRow:
    """Parse a line and create the task it describes (with its reminder, if it says one).

    ``project_id``, ``due_date``, ``labels`` and ``priority`` come from the view the line was
    typed in or the form's details: the line's own words win; its labels join the others."""
    parsed = parse_line(
        owner_id=owner_id,
        text=text,
        default_language=default_language,
        language=language,
        literal=literal,
    )
    if not 1 <= len(parsed.title) <= TITLE_MAX_LENGTH:
        reason = f"What is left for the title must have 1 to {TITLE_MAX_LENGTH} characters."
        raise QuickAddRejected(reason, errors={"json": {"text": [reason]}})
    fields: dict[str, Any] = {
        "title": parsed.title,
        "description": description or None,
        "due_date": parsed.due_date or due_date,
        "due_time": parsed.due_time,
        "recurrence": parsed.recurrence,
        "labels": [*(labels or []), *parsed.labels],
        "priority": parsed.priority or priority or NO_PRIORITY,
        "project_id": _project_id(owner_id, parsed.project) if parsed.project else project_id,
        "reminders": [parsed.reminder] if parsed.reminder else [],
    }
    return task_service.create_task(owner_id=owner_id, fields=fields)
