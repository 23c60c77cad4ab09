"""Fields for due times and recurrence rules, documented as exactly what they accept."""

from __future__ import annotations

import re
from datetime import time
from typing import Any
from zoneinfo import ZoneInfo

from flask import g, request
from marshmallow import ValidationError, fields

from app.domain.recurrence import RecurrenceError, due_instant, parse_rule
from app.domain.recurrence_text import describe
from app.repositories import users as user_repository

TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9](:00)?$"


class LocalTime(fields.Field):
    """A wall-clock time ``HH:MM`` in the user's zone (``HH:MM:00`` is accepted too)."""

    def __init__(self, **kwargs: Any) -> None:
        metadata = {"type": "string", "pattern": TIME_PATTERN, "example": "09:30"}
        super().__init__(metadata={**metadata, **kwargs.pop("metadata", {})}, **kwargs)

    def _serialize(self, value: time | None, attr: str | None, obj: Any, **kwargs: Any) -> Any:
        return None if value is None else value.strftime("%H:%M")

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> time:
        if not isinstance(value, str) or not re.match(TIME_PATTERN, value):
            raise ValidationError("Not a valid time: use HH:MM, 00:00 to 23:59.")
        return time.fromisoformat(value[:5])


class RRule(fields.String):
    """An RFC 5545 recurrence rule such as ``FREQ=WEEKLY;BYDAY=MO``, stored normalised."""

    def __init__(self, **kwargs: Any) -> None:
        metadata = {
            "maxLength": 200,
            "pattern": r"^[A-Za-z0-9=;,:+\- ]+$",
            "example": "FREQ=WEEKLY;BYDAY=MO",
            "description": "RFC 5545 RRULE: FREQ (DAILY, WEEKLY, MONTHLY, YEARLY), INTERVAL, "
            "BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, COUNT, UNTIL, WKST.",
        }
        super().__init__(metadata={**metadata, **kwargs.pop("metadata", {})}, **kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            return parse_rule(text).text
        except RecurrenceError as error:
            raise ValidationError(str(error)) from None


def owner_zone(owner_id: int) -> ZoneInfo:
    """The owner's zone, looked up once per request however many tasks are dumped."""
    zones: dict[int, ZoneInfo] = g.setdefault("owner_zones", {})
    if owner_id not in zones:
        zones[owner_id] = ZoneInfo(user_repository.timezone_of(owner_id))
    return zones[owner_id]


def due_at(task: Any) -> str | None:
    """The task's due instant in UTC (ISO 8601), when it has a due date and a time."""
    if task.due_date is None or task.due_time is None:
        return None
    instant = due_instant(task.due_date, task.due_time, owner_zone(task.user_id))
    return instant.isoformat() if instant else None


def request_language() -> str:
    """The language rules are described in: the caller's (Accept-Language), else English."""
    best = request.accept_languages.best_match(["en", "pt-BR", "pt"], default="en")
    return "pt-BR" if best.startswith("pt") else "en"


def recurrence_text(task: Any) -> str | None:
    """The task's rule in words, in the caller's language (Accept-Language)."""
    if not task.recurrence:
        return None
    return describe(task.recurrence, request_language())
