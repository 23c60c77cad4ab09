"""Quick add for a user: parse a line in their zone and clock, or parse it and save the task."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from app.core.extensions import db
from app.models import User
from app.services.quickadd import Parsed, parse
from app.services.recurrence_text import describe


def user_zone(owner_id: int) -> ZoneInfo:
    user = db.session.get(User, owner_id)
    return ZoneInfo(getattr(user, "timezone", None) or "UTC")


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
        now=now or datetime.now(UTC),
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


def user_today(owner_id: int) -> date:
    """Today's date in the user's zone."""
    return datetime.now(user_zone(owner_id)).date()
