"""The iCalendar feed, parsed back with icalendar as a calendar client would read it."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar

from app.services.calendar import CalendarTask, build_feed

NY = ZoneInfo("America/New_York")
UPDATED = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def task(id: int, **overrides: object) -> CalendarTask:
    values: dict[str, object] = {
        "id": id,
        "title": f"Task {id}",
        "description": None,
        "due_date": date(2026, 3, 10),
        "due_time": None,
        "recurrence": None,
        "estimate_minutes": None,
        "updated_at": UPDATED,
    }
    values.update(overrides)
    return CalendarTask(**values)  # type: ignore[arg-type]


def feed(*tasks: CalendarTask) -> Calendar:
    body = build_feed(tasks, zone=NY, name="Tarefa — Ana", host="tarefa.example")
    assert b"\r\n" in body and all(len(line) <= 75 for line in body.split(b"\r\n"))
    return Calendar.from_ical(body)


def test_the_calendar_declares_itself_for_every_client() -> None:
    calendar = feed()
    assert (
        str(calendar["prodid"]),
        str(calendar["version"]),
        str(calendar["method"]),
        str(calendar["x-wr-calname"]),
        calendar.walk("VEVENT"),
    ) == ("-//Tarefa//Tarefa task feed//EN", "2.0", "PUBLISH", "Tarefa — Ana", [])


def test_a_task_without_time_is_an_all_day_event() -> None:
    (event,) = feed(task(1, title="Pay rent", description="Bank transfer")).walk("VEVENT")
    assert (
        str(event["uid"]),
        str(event["summary"]),
        str(event["description"]),
        event.decoded("dtstart"),
        event.decoded("dtend"),
        event["dtstart"].params.get("VALUE"),
        event.decoded("dtstamp"),
    ) == (
        "task-1@tarefa.example",
        "Pay rent",
        "Bank transfer",
        date(2026, 3, 10),
        date(2026, 3, 11),
        "DATE",
        UPDATED,
    )


def test_a_timed_task_starts_at_its_local_time_with_the_zone_defined() -> None:
    calendar = feed(task(2, due_date=date(2026, 3, 8), due_time=time(9), estimate_minutes=90))
    (event,) = calendar.walk("VEVENT")
    start = event.decoded("dtstart")
    assert (
        start.replace(tzinfo=None),
        event["dtstart"].params["TZID"],
        start.astimezone(UTC),
        event.decoded("dtend") - start,
        [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")],
    ) == (
        datetime(2026, 3, 8, 9, 0),
        "America/New_York",
        datetime(2026, 3, 8, 13, 0, tzinfo=UTC),  # EDT from 02:00 that morning
        timedelta(minutes=90),
        ["America/New_York"],
    )


def test_recurring_tasks_carry_their_rule_with_until_in_the_right_form() -> None:
    events = feed(
        task(3, recurrence="FREQ=WEEKLY;BYDAY=MO"),
        task(4, recurrence="FREQ=DAILY;UNTIL=20260331"),
        task(5, recurrence="FREQ=DAILY;UNTIL=20260331", due_time=time(9)),
    ).walk("VEVENT")
    rules = [event["rrule"].to_ical().decode() for event in events]
    assert rules == [
        "FREQ=WEEKLY;BYDAY=MO",
        "FREQ=DAILY;UNTIL=20260331",
        "FREQ=DAILY;UNTIL=20260401T035959Z",
    ]


def test_text_with_commas_semicolons_and_newlines_round_trips() -> None:
    title = "Buy: milk, eggs; bread\nand a very long line " + "x" * 120
    (event,) = feed(task(6, title=title)).walk("VEVENT")
    assert str(event["summary"]) == title
