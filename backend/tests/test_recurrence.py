"""Recurrence rules: validation, the next due date, the rule in words and local instants."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.domain.recurrence import (
    RecurrenceError,
    due_instant,
    monthly_on_day,
    next_due_date,
    parse_rule,
)
from app.domain.recurrence_text import describe

NY, LIS = ZoneInfo("America/New_York"), ZoneInfo("Europe/Lisbon")
LAST_DAY_31 = monthly_on_day(31)


def completions(rule: str, start: str, times: int) -> list[str]:
    """Complete a task on its due day ``times`` times; the due dates it moves to."""
    first = due = date.fromisoformat(start)
    seen = []
    for _ in range(times):
        moved = next_due_date(rule, start=first, due=due, today=due)
        if moved is None:
            seen.append("end")
            break
        seen.append(moved.isoformat())
        due = moved
    return seen


@pytest.mark.parametrize(
    ("rule", "start", "expected"),
    [
        ("FREQ=DAILY", "2026-03-07", ["2026-03-08", "2026-03-09", "2026-03-10"]),
        ("FREQ=DAILY", "2026-02-27", ["2026-02-28", "2026-03-01", "2026-03-02"]),
        (
            "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
            "2026-01-29",
            ["2026-01-30", "2026-02-02", "2026-02-03"],
        ),
        ("FREQ=WEEKLY;BYDAY=MO", "2026-03-02", ["2026-03-09", "2026-03-16", "2026-03-23"]),
        ("FREQ=WEEKLY;BYDAY=TU,TH", "2026-12-29", ["2026-12-31", "2027-01-05", "2027-01-07"]),
        (
            "FREQ=WEEKLY;INTERVAL=2",
            "2026-10-19",
            ["2026-11-02", "2026-11-16", "2026-11-30", "2026-12-14", "2026-12-28", "2027-01-11"],
        ),
        (
            LAST_DAY_31,
            "2026-01-31",
            ["2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30"],
        ),
        (LAST_DAY_31, "2027-12-31", ["2028-01-31", "2028-02-29", "2028-03-31"]),
        (
            "FREQ=MONTHLY;BYMONTHDAY=31",
            "2026-01-31",
            ["2026-03-31", "2026-05-31", "2026-07-31", "2026-08-31", "2026-10-31"],
        ),
        ("FREQ=MONTHLY;BYMONTHDAY=5", "2026-12-05", ["2027-01-05", "2027-02-05"]),
        ("FREQ=MONTHLY;BYDAY=-1FR", "2026-01-30", ["2026-02-27", "2026-03-27"]),
        ("FREQ=YEARLY", "2024-02-29", ["2028-02-29"]),
        ("FREQ=DAILY;COUNT=3", "2026-03-01", ["2026-03-02", "2026-03-03", "end"]),
        ("FREQ=DAILY;UNTIL=20260302", "2026-03-01", ["2026-03-02", "end"]),
    ],
)
def test_completing_on_the_due_day_moves_to_the_next_date(
    rule: str, start: str, expected: list[str]
) -> None:
    assert completions(rule, start, len(expected)) == expected


@pytest.mark.parametrize(
    ("rule", "due", "today", "expected"),
    [
        # An overdue occurrence completed late moves to the first date not in the past.
        ("FREQ=DAILY", date(2026, 3, 1), date(2026, 3, 5), date(2026, 3, 5)),
        ("FREQ=WEEKLY;BYDAY=MO", date(2026, 3, 2), date(2026, 3, 11), date(2026, 3, 16)),
        # Completed early: still the occurrence after the one that was due.
        ("FREQ=WEEKLY;BYDAY=MO", date(2026, 3, 16), date(2026, 3, 11), date(2026, 3, 23)),
    ],
)
def test_the_next_date_is_never_in_the_past(
    rule: str, due: date, today: date, expected: date
) -> None:
    assert next_due_date(rule, start=date(2026, 3, 2), due=due, today=today) == expected


def test_every_two_weeks_keeps_its_phase_from_the_start() -> None:
    # Started on 19 October; completed late on 5 November: the next is 16 November, not 19th.
    found = next_due_date(
        "FREQ=WEEKLY;INTERVAL=2",
        start=date(2026, 10, 19),
        due=date(2026, 11, 2),
        today=date(2026, 11, 5),
    )
    assert found == date(2026, 11, 16)


@pytest.mark.parametrize(
    ("day", "zone", "instant"),
    [
        (date(2026, 3, 7), NY, "2026-03-07T14:00:00"),  # EST
        (date(2026, 3, 8), NY, "2026-03-08T13:00:00"),  # EDT from 02:00 that day
        (date(2026, 10, 24), LIS, "2026-10-24T08:00:00"),  # WEST
        (date(2026, 10, 25), LIS, "2026-10-25T09:00:00"),  # WET from 02:00 that day
    ],
)
def test_nine_oclock_stays_nine_oclock_across_daylight_saving(
    day: date, zone: ZoneInfo, instant: str
) -> None:
    assert due_instant(day, time(9), zone) == datetime.fromisoformat(instant).replace(tzinfo=UTC)


def test_a_skipped_wall_time_moves_forward_and_no_time_means_no_instant() -> None:
    skipped = due_instant(date(2026, 3, 8), time(2, 30), NY)
    assert (skipped, due_instant(date(2026, 3, 8), None, NY)) == (
        datetime(2026, 3, 8, 7, 30, tzinfo=UTC),
        None,
    )
    assert skipped.astimezone(NY).time() == time(3, 30)


@pytest.mark.parametrize(
    ("given", "normalised"),
    [
        ("FREQ=WEEKLY;BYDAY=MO", "FREQ=WEEKLY;BYDAY=MO"),
        ("RRULE:freq=weekly;byday=mo", "FREQ=WEEKLY;BYDAY=MO"),
        (" FREQ=MONTHLY;BYSETPOS=-1;BYMONTHDAY=28,29,30,31 ", LAST_DAY_31),
        ("COUNT=5;FREQ=DAILY;INTERVAL=2", "FREQ=DAILY;INTERVAL=2;COUNT=5"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29"),
        ("FREQ=DAILY;UNTIL=20271231T235959Z", "FREQ=DAILY;UNTIL=20271231T235959Z"),
    ],
)
def test_valid_rules_are_normalised(given: str, normalised: str) -> None:
    assert parse_rule(given).text == normalised


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("", "A recurrence rule is required, e.g. FREQ=WEEKLY;BYDAY=MO."),
        ("FREQ", "'FREQ' is not NAME=VALUE."),
        ("FREQ=HOURLY", "FREQ is required and must be one of DAILY, WEEKLY, MONTHLY, YEARLY."),
        ("BYDAY=MO", "FREQ is required and must be one of DAILY, WEEKLY, MONTHLY, YEARLY."),
        ("FREQ=DAILY;FREQ=WEEKLY", "FREQ appears twice."),
        (
            "FREQ=DAILY;BYHOUR=9",
            "BYHOUR is not supported; use BYDAY, BYMONTH, BYMONTHDAY, BYSETPOS, COUNT, FREQ, "
            "INTERVAL, UNTIL, WKST.",
        ),
        ("FREQ=DAILY;INTERVAL=0", "INTERVAL must be a whole number from 1 to 1000."),
        ("FREQ=DAILY;COUNT=2;UNTIL=20270101", "COUNT and UNTIL cannot be used together."),
        ("FREQ=DAILY;UNTIL=tomorrow", "UNTIL must be a date such as 20271231."),
        ("FREQ=WEEKLY;BYDAY=XX", "BYDAY must list weekdays such as MO or 1FR, not 'XX'."),
        ("FREQ=MONTHLY;BYDAY=6MO", "A BYDAY ordinal must be between 1 and 5 (or -5 and -1)."),
        ("FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY values must be between 1 and 31 (or negative)."),
        ("FREQ=MONTHLY;BYMONTHDAY=x", "BYMONTHDAY must list whole numbers, not 'X'."),
        (
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
            "No month in BYMONTH has any of the days in BYMONTHDAY.",
        ),
        (
            "FREQ=DAILY;BYSETPOS=2",
            "BYSETPOS is supported with FREQ=MONTHLY or FREQ=YEARLY and BYMONTHDAY or BYDAY.",
        ),
        (
            "FREQ=MONTHLY;BYMONTHDAY=1;BYSETPOS=2",
            "BYSETPOS points past the days the rule selects in a period.",
        ),
        ("FREQ=DAILY;" + "INTERVAL=1;" * 20, "A recurrence rule has at most 200 characters."),
    ],
)
def test_invalid_rules_say_why(given: str, message: str) -> None:
    with pytest.raises(RecurrenceError) as caught:
        parse_rule(given)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("rule", "english", "portuguese"),
    [
        ("FREQ=DAILY", "Every day", "Todo dia"),
        ("FREQ=DAILY;INTERVAL=3", "Every 3 days", "A cada 3 dias"),
        ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "Every weekday", "Todo dia útil"),
        ("FREQ=WEEKLY;BYDAY=MO", "Every Monday", "Toda segunda-feira"),
        ("FREQ=WEEKLY;BYDAY=SA", "Every Saturday", "Todo sábado"),
        (
            "FREQ=WEEKLY;BYDAY=MO,WE,FR",
            "Every Monday, Wednesday and Friday",
            "Toda segunda, quarta e sexta-feira",
        ),
        ("FREQ=WEEKLY", "Every week", "Toda semana"),
        ("FREQ=WEEKLY;INTERVAL=2", "Every 2 weeks", "A cada 2 semanas"),
        (
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
            "Every 2 weeks on Thursday",
            "A cada 2 semanas, na quinta-feira",
        ),
        ("FREQ=MONTHLY;BYMONTHDAY=5", "Every month on the 5th", "Todo mês no dia 5"),
        (
            LAST_DAY_31,
            "Every month on the 31st (or the last day)",
            "Todo mês no dia 31 (ou no último dia)",
        ),
        ("FREQ=MONTHLY;BYMONTHDAY=-1", "Every month on the last day", "Todo mês no último dia"),
        (
            "FREQ=MONTHLY;BYDAY=1MO",
            "Every month on the first Monday",
            "Todo mês na primeira segunda-feira",
        ),
        (
            "FREQ=MONTHLY;BYDAY=-1SA",
            "Every month on the last Saturday",
            "Todo mês no último sábado",
        ),
        (
            "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15",
            "Every year on March 15",
            "Todo ano em 15 de março",
        ),
        ("FREQ=DAILY;COUNT=5", "Every day, 5 times", "Todo dia, 5 vezes"),
        ("FREQ=DAILY;UNTIL=20271231", "Every day, until 2027-12-31", "Todo dia, até 31/12/2027"),
        (
            "FREQ=MONTHLY;BYMONTH=1,7",
            "Every month (FREQ=MONTHLY;BYMONTH=1,7)",
            "Todo mês (FREQ=MONTHLY;BYMONTH=1,7)",
        ),
    ],
)
def test_rules_in_words(rule: str, english: str, portuguese: str) -> None:
    assert (describe(rule, "en"), describe(rule, "pt-BR")) == (english, portuguese)


def test_the_first_date_counts_from_the_start_with_count() -> None:
    # COUNT counts from the rule's start, not from the current due date.
    start = date(2026, 3, 1)
    moved = [
        next_due_date(
            "FREQ=WEEKLY;COUNT=2", start=start, due=start + timedelta(weeks=w), today=start
        )
        for w in (0, 1)
    ]
    assert moved == [date(2026, 3, 8), None]
