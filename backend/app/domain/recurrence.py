"""Recurring tasks: RFC 5545 RRULEs validated, stepped through and said in words.

Occurrences are computed on local wall-clock dates (python-dateutil's rrule on naive
dates), so a task due "every day at 9:00" stays at 9:00 in the user's zone across
daylight-saving changes; the instant is derived from the date, the time and the zone only
when needed (``due_instant``).

Only what a task can mean is accepted: FREQ is DAILY, WEEKLY, MONTHLY or YEARLY (the time
of day is the task's ``due_time``, not BYHOUR), and rules that could never produce a date
(the 31st of February) are refused up front, because rrule would search for them until
the year 9999.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr

MAX_LENGTH = 200
FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
PARTS = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "WKST"}
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WORKDAYS = "MO,TU,WE,TH,FR"
# For the 29th, 30th and 31st: that day, or the month's last day when it is shorter.
LAST_DAY_FALLBACK = {29: "28,29", 30: "28,29,30", 31: "28,29,30,31"}


class RecurrenceError(ValueError):
    """A rule that is not a valid (or not a supported) RRULE; the message says why."""


@dataclass(frozen=True)
class Rule:
    """A validated rule: its text and its parts."""

    text: str
    parts: dict[str, str]


def monthly_on_day(day: int) -> str:
    """The rule for "every month on the <day>th", falling back to the last day of shorter months."""
    if day in LAST_DAY_FALLBACK:
        return f"FREQ=MONTHLY;BYMONTHDAY={LAST_DAY_FALLBACK[day]};BYSETPOS=-1"
    return f"FREQ=MONTHLY;BYMONTHDAY={day}"


def parse_rule(text: str) -> Rule:
    """Validate an RRULE (with or without the ``RRULE:`` prefix) and return it normalised."""
    if not isinstance(text, str) or not text.strip():
        raise RecurrenceError("A recurrence rule is required, e.g. FREQ=WEEKLY;BYDAY=MO.")
    if len(text) > MAX_LENGTH:
        raise RecurrenceError(f"A recurrence rule has at most {MAX_LENGTH} characters.")
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    parts: dict[str, str] = {}
    for chunk in body.split(";"):
        name, sep, value = chunk.partition("=")
        name, value = name.strip().upper(), value.strip().upper()
        if not sep or not value:
            raise RecurrenceError(f"'{chunk}' is not NAME=VALUE.")
        if name not in PARTS:
            raise RecurrenceError(f"{name} is not supported; use {', '.join(sorted(PARTS))}.")
        if name in parts:
            raise RecurrenceError(f"{name} appears twice.")
        parts[name] = value
    _check_parts(parts)
    normalised = ";".join(f"{name}={parts[name]}" for name in _ordered(parts))
    rule = Rule(normalised, parts)
    try:
        _build(rule, date(2000, 1, 1))
    except (ValueError, TypeError) as error:
        raise RecurrenceError(f"Not a valid RRULE: {error}.") from error
    return rule


def _ordered(parts: dict[str, str]) -> list[str]:
    order = ["FREQ", "INTERVAL", "BYMONTH", "BYMONTHDAY", "BYDAY", "BYSETPOS", "WKST"]
    return [n for n in order if n in parts] + [n for n in ("COUNT", "UNTIL") if n in parts]


def _int_list(parts: dict[str, str], name: str, low: int, high: int) -> list[int]:
    values = []
    for item in parts.get(name, "").split(",") if name in parts else []:
        try:
            number = int(item)
        except ValueError:
            raise RecurrenceError(f"{name} must list whole numbers, not '{item}'.") from None
        if not low <= abs(number) <= high:
            raise RecurrenceError(f"{name} values must be between {low} and {high} (or negative).")
        values.append(number)
    return values


def _check_parts(parts: dict[str, str]) -> None:
    if parts.get("FREQ") not in FREQUENCIES:
        raise RecurrenceError(f"FREQ is required and must be one of {', '.join(FREQUENCIES)}.")
    if "COUNT" in parts and "UNTIL" in parts:
        raise RecurrenceError("COUNT and UNTIL cannot be used together.")
    for name, high in (("INTERVAL", 1000), ("COUNT", 1000)):
        if name in parts and not (parts[name].isdigit() and 1 <= int(parts[name]) <= high):
            raise RecurrenceError(f"{name} must be a whole number from 1 to {high}.")
    if "UNTIL" in parts:
        _until(parts["UNTIL"])
    months = _int_list(parts, "BYMONTH", 1, 12)
    if any(m < 0 for m in months):
        raise RecurrenceError("BYMONTH values must be between 1 and 12.")
    month_days = _int_list(parts, "BYMONTHDAY", 1, 31)
    _int_list(parts, "BYSETPOS", 1, 31)
    for day in parts.get("BYDAY", "").split(",") if "BYDAY" in parts else []:
        ordinal, code = day[:-2], day[-2:]
        if code not in WEEKDAYS or (ordinal and not ordinal.lstrip("+-").isdigit()):
            raise RecurrenceError(f"BYDAY must list weekdays such as MO or 1FR, not '{day}'.")
        if ordinal and not 1 <= abs(int(ordinal)) <= 5:
            raise RecurrenceError("A BYDAY ordinal must be between 1 and 5 (or -5 and -1).")
    if "WKST" in parts and parts["WKST"] not in WEEKDAYS:
        raise RecurrenceError("WKST must be a weekday such as MO.")
    if months and month_days and not _some_day_exists(months, month_days):
        raise RecurrenceError("No month in BYMONTH has any of the days in BYMONTHDAY.")
    if "BYSETPOS" in parts:
        _check_set_positions(parts, month_days)


def _check_set_positions(parts: dict[str, str], month_days: list[int]) -> None:
    """BYSETPOS must point inside the days a period selects, or no date ever matches."""
    if parts["FREQ"] not in ("MONTHLY", "YEARLY") or not (
        "BYMONTHDAY" in parts or "BYDAY" in parts
    ):
        raise RecurrenceError(
            "BYSETPOS is supported with FREQ=MONTHLY or FREQ=YEARLY and BYMONTHDAY or BYDAY."
        )
    days = parts.get("BYDAY", "").split(",") if "BYDAY" in parts else []
    selected = len(month_days) if month_days else 4 * len(days)
    if any(abs(position) > selected for position in _int_list(parts, "BYSETPOS", 1, 31)):
        raise RecurrenceError("BYSETPOS points past the days the rule selects in a period.")


def _some_day_exists(months: list[int], month_days: list[int]) -> bool:
    longest = {m: calendar.monthrange(2000, m)[1] for m in months}  # 2000: a leap year
    return any(abs(day) <= longest[m] for m in months for day in month_days)


def _until(value: str) -> date:
    try:
        return datetime.strptime(value[:8], "%Y%m%d").date()
    except ValueError:
        raise RecurrenceError("UNTIL must be a date such as 20271231.") from None


def _build(rule: Rule, start: date) -> rrule:
    text = rule.text
    if "UNTIL" in rule.parts:  # compared with naive local dates, so made a local date-time
        until = _until(rule.parts["UNTIL"])
        text = text.replace(f"UNTIL={rule.parts['UNTIL']}", f"UNTIL={until:%Y%m%d}T235959")
    return rrulestr(text, dtstart=datetime.combine(start, time()))


def first_on_or_after(rule_text: str, *, start: date, day: date) -> date | None:
    """The rule's first date on or after ``day`` (counting from ``start``)."""
    found = _build(parse_rule(rule_text), start).after(datetime.combine(day, time()), inc=True)
    return found.date() if found else None


def next_due_date(rule_text: str, *, start: date, due: date, today: date) -> date | None:
    """The date a recurring task moves to when its occurrence on ``due`` is done or skipped.

    The first date of the rule after ``due`` that is not in the past (an overdue daily task
    completed today is due again today, not on a date already gone); ``None`` when the rule
    has ended (COUNT or UNTIL).
    """
    return first_on_or_after(rule_text, start=start, day=max(due + timedelta(days=1), today))


def due_instant(due_date: date, due_time: time | None, zone: ZoneInfo) -> datetime | None:
    """The UTC instant of a local due date and time; a time skipped by DST moves forward."""
    if due_time is None:
        return None
    local = datetime.combine(due_date, due_time, tzinfo=zone)
    # fold=0 reads a skipped wall time with the offset before the change: 02:30 becomes 03:30.
    return local.astimezone(UTC)
