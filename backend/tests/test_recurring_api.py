"""Recurring tasks over HTTP: completing, skipping, stopping; history; subtasks reopen."""

from datetime import UTC, datetime

import pytest

from app.core import clock


@pytest.fixture
def owner(make_user):
    return make_user(email="owner@example.com")


@pytest.fixture
def headers(auth, owner):
    return auth.headers(owner)


@pytest.fixture
def frozen(monkeypatch):
    """Pin the server's clock (app.core.clock) to a moment given as ISO text."""

    def freeze(moment: str) -> None:
        instant = datetime.fromisoformat(moment).astimezone(UTC)
        monkeypatch.setattr(clock, "now", lambda: instant)

    return freeze


def create(client, headers, **fields):
    response = client.post("/api/tasks", json={"title": "Repeat", **fields}, headers=headers)
    assert response.status_code == 201, response.json
    return response.json


def complete(client, headers, task_id):
    response = client.patch(f"/api/tasks/{task_id}", json={"done": True}, headers=headers)
    assert response.status_code == 200, response.json
    return response.json


@pytest.mark.parametrize(
    ("rule", "due", "today", "expected"),
    [
        ("FREQ=DAILY", "2026-03-07", "2026-03-07T12:00:00-05:00", "2026-03-08"),
        ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-01-30", "2026-01-30T12:00:00Z", "2026-02-02"),
        ("FREQ=WEEKLY;BYDAY=MO", "2026-03-02", "2026-03-02T12:00:00Z", "2026-03-09"),
        (
            "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1",
            "2026-01-31",
            "2026-01-31T12:00:00Z",
            "2026-02-28",
        ),
        ("FREQ=WEEKLY;INTERVAL=2", "2026-10-19", "2026-10-19T12:00:00Z", "2026-11-02"),
    ],
)
def test_completing_moves_the_task_to_its_next_date_and_keeps_it_open(
    client, headers, frozen, rule, due, today, expected
):
    frozen(today)
    task = create(client, headers, due_date=due, due_time="09:00", recurrence=rule)
    moved = complete(client, headers, task["id"])
    assert (moved["done"], moved["due_date"], moved["due_time"], moved["recurrence"]) == (
        False,
        expected,
        "09:00",
        rule,
    )
    history = client.get(f"/api/tasks/{task['id']}/occurrences", headers=headers).json
    assert [(o["due_date"], o["due_time"], o["outcome"]) for o in history] == [
        (due, "09:00", "done")
    ]


def test_toggle_completes_an_occurrence_too(client, headers, frozen):
    frozen("2026-03-02T12:00:00Z")
    task = create(client, headers, due_date="2026-03-02", recurrence="FREQ=WEEKLY;BYDAY=MO")
    moved = client.post(f"/api/tasks/{task['id']}/toggle", headers=headers).json
    assert (moved["done"], moved["due_date"]) == (False, "2026-03-09")


def test_subtasks_reopen_with_the_next_occurrence(client, headers, frozen):
    frozen("2026-03-02T12:00:00Z")
    task = create(client, headers, due_date="2026-03-02", recurrence="FREQ=WEEKLY;BYDAY=MO")
    step = create(client, headers, title="Step", parent_id=task["id"])
    complete(client, headers, step["id"])
    complete(client, headers, task["id"])
    step_now = client.get(f"/api/tasks/{step['id']}", headers=headers).json
    assert (step_now["done"], step_now["completed_at"]) == (False, None)


def test_skip_records_a_skipped_occurrence_and_stop_makes_a_one_off(client, headers, frozen):
    frozen("2026-03-02T12:00:00Z")
    task = create(client, headers, due_date="2026-03-02", recurrence="FREQ=WEEKLY;BYDAY=MO")
    skipped = client.post(f"/api/tasks/{task['id']}/skip", headers=headers).json
    assert (skipped["done"], skipped["due_date"]) == (False, "2026-03-09")
    stopped = client.post(f"/api/tasks/{task['id']}/stop-repeating", headers=headers).json
    assert (stopped["recurrence"], stopped["recurrence_text"], stopped["due_date"]) == (
        None,
        None,
        "2026-03-09",
    )
    closed = complete(client, headers, task["id"])
    assert (closed["done"], closed["due_date"]) == (True, "2026-03-09")
    history = client.get(f"/api/tasks/{task['id']}/occurrences", headers=headers).json
    assert [(o["due_date"], o["outcome"]) for o in history] == [("2026-03-02", "skipped")]


@pytest.mark.parametrize("action", ["skip", "stop-repeating"])
def test_a_one_off_task_cannot_be_skipped_or_stopped(client, headers, action):
    task = create(client, headers, due_date="2026-03-02")
    response = client.post(f"/api/tasks/{task['id']}/{action}", headers=headers)
    assert (response.status_code, response.json["message"]) == (409, "This task does not repeat.")


def test_the_last_occurrence_closes_the_task(client, headers, frozen):
    frozen("2026-03-01T12:00:00Z")
    task = create(client, headers, due_date="2026-03-01", recurrence="FREQ=DAILY;COUNT=2")
    assert complete(client, headers, task["id"])["due_date"] == "2026-03-02"
    closed = complete(client, headers, task["id"])
    assert (closed["done"], closed["due_date"]) == (True, "2026-03-02")


def test_a_rule_without_due_date_starts_today_in_the_users_zone(client, headers, frozen):
    frozen("2026-03-12T02:30:00Z")  # still 11 March in São Paulo, already 12th in UTC
    client.patch("/api/auth/me", json={"timezone": "America/Sao_Paulo"}, headers=headers)
    task = create(client, headers, recurrence="FREQ=DAILY")
    assert (task["due_date"], task["recurrence_text"]) == ("2026-03-11", "Every day")


def test_recurrence_in_words_follows_accept_language(client, headers):
    task = create(client, headers, due_date="2026-03-02", recurrence="FREQ=WEEKLY;BYDAY=MO")
    pt = client.get(f"/api/tasks/{task['id']}", headers={**headers, "Accept-Language": "pt-BR"})
    assert (task["recurrence_text"], pt.json["recurrence_text"]) == (
        "Every Monday",
        "Toda segunda-feira",
    )


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("FREQ=HOURLY", "FREQ is required and must be one of DAILY, WEEKLY, MONTHLY, YEARLY."),
        (
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
            "No month in BYMONTH has any of the days in BYMONTHDAY.",
        ),
    ],
)
def test_invalid_rules_are_422_with_the_reason(client, headers, rule, message):
    response = client.post("/api/tasks", json={"title": "x", "recurrence": rule}, headers=headers)
    assert (response.status_code, response.json["errors"]["json"]) == (
        422,
        {"recurrence": [message]},
    )


def test_due_at_is_the_instant_in_the_users_zone(client, headers):
    client.patch("/api/auth/me", json={"timezone": "America/New_York"}, headers=headers)
    task = create(client, headers, due_date="2026-03-08", due_time="09:00")
    assert task["due_at"] == "2026-03-08T13:00:00+00:00"


def test_another_users_task_is_404(client, headers, auth, make_user):
    task = create(client, headers, due_date="2026-03-02", recurrence="FREQ=DAILY")
    other = auth.headers(make_user())
    for path in ("occurrences",):
        assert client.get(f"/api/tasks/{task['id']}/{path}", headers=other).status_code == 404
    for path in ("skip", "stop-repeating"):
        assert client.post(f"/api/tasks/{task['id']}/{path}", headers=other).status_code == 404
