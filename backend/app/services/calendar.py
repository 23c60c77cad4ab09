"""The calendar feed: a user's open, dated tasks as an RFC 5545 iCalendar, built with icalendar.

A task without a time is an all-day event (DTSTART;VALUE=DATE); a task with a time starts
at that local time in the user's zone (DTSTART;TZID=… with its VTIMEZONE, which Google,
Apple and Outlook all need) and lasts its estimate, or 30 minutes. A recurring task carries
its RRULE, with UNTIL written in the form RFC 5545 requires for that kind of start.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vRecur

from app.domain.recurrence import parse_rule

PRODID = "-//Tarefa//Tarefa task feed//EN"
DEFAULT_MINUTES = 30


@dataclass(frozen=True)
class CalendarTask:
    id: int
    title: str
    description: str | None
    due_date: date
    due_time: time | None
    recurrence: str | None
    estimate_minutes: int | None
    updated_at: datetime


def build_feed(tasks: Iterable[CalendarTask], *, zone: ZoneInfo, name: str, host: str) -> bytes:
    """The iCalendar document for ``tasks``; ``host`` makes the event UIDs globally unique."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", zone.key)
    for task in tasks:
        calendar.add_component(_event(task, zone, host))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _event(task: CalendarTask, zone: ZoneInfo, host: str) -> Event:
    event = Event()
    event.add("uid", f"task-{task.id}@{host}")
    event.add("dtstamp", task.updated_at.astimezone(UTC))
    event.add("last-modified", task.updated_at.astimezone(UTC))
    event.add("summary", task.title)
    if task.description:
        event.add("description", task.description)
    if task.due_time is None:
        event.add("dtstart", task.due_date)
        event.add("dtend", task.due_date + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    else:
        start = datetime.combine(task.due_date, task.due_time, tzinfo=zone)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=task.estimate_minutes or DEFAULT_MINUTES))
    if task.recurrence:
        event.add("rrule", _recur(task, zone))
    return event


def _recur(task: CalendarTask, zone: ZoneInfo) -> vRecur:
    rule = parse_rule(task.recurrence or "")
    parts = dict(rule.parts)
    until = parts.pop("UNTIL", None)
    recur = vRecur.from_ical(";".join(f"{k}={v}" for k, v in parts.items()))
    if until:
        last_day = date(int(until[0:4]), int(until[4:6]), int(until[6:8]))
        if task.due_time is None:  # UNTIL matches DTSTART's type: a DATE
            recur["UNTIL"] = last_day
        else:  # a UTC date-time for a zoned start: the end of that local day
            end = datetime.combine(last_day, time(23, 59, 59), tzinfo=zone)
            recur["UNTIL"] = end.astimezone(UTC)
    return recur
