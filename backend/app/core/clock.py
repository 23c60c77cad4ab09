"""The current time, in one replaceable place: tests pin it to check day boundaries."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo


def now() -> datetime:
    return datetime.now(UTC)


def today_in(timezone: str) -> date:
    """The calendar day it is now for someone living in ``timezone`` (an IANA name)."""
    return now().astimezone(ZoneInfo(timezone)).date()
