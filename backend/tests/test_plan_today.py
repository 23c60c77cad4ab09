"""POST /api/plan/today and /api/plan/today/accept, with the clock pinned."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.core import clock
from tests.organise.client import Api


@pytest.fixture
def api(client, auth, make_user):
    return Api(client, auth.headers(make_user(email="ana@example.com")))


@pytest.fixture(autouse=True)
def pinned_clock(monkeypatch):
    # 10:00 in São Paulo on 2026-12-02; still 2026-12-02 in UTC.
    moment = datetime(2026, 12, 2, 13, 0, tzinfo=UTC)
    monkeypatch.setattr(clock, "now", lambda: moment)


def plan(api, minutes, status=200, **body):
    return api.call("POST", "/api/plan/today", status, json={"available_minutes": minutes, **body})


def choices(result):
    return [
        (i["task"]["title"], i["minutes"], i["estimated"], i["reason"]) for i in result["tasks"]
    ]


def test_overdue_and_due_today_come_first_then_priority_then_the_quickest(api):
    api.task("Write the report", priority=2, estimate_minutes=90)
    api.task("Answer Bia", priority=2, estimate_minutes=10)
    api.task("Someday idea", estimate_minutes=20)
    api.task("Pay the electricity bill", due_date="2026-12-02", estimate_minutes=15)
    api.task("Send the invoice", due_date="2026-11-29", estimate_minutes=20, priority=3)
    api.task("Return the library books", due_date="2026-12-01", estimate_minutes=30)
    api.task("Next week's thing", due_date="2026-12-09", estimate_minutes=5)
    api.task("Already done", due_date="2026-12-01", estimate_minutes=5, done=True)

    result = plan(api, 180, language="en")

    assert result["date"] == "2026-12-02"
    assert choices(result) == [
        ("Send the invoice", 20, False, "Overdue for 3 days, priority 3, 20 min"),
        ("Return the library books", 30, False, "Overdue since yesterday, 30 min"),
        ("Pay the electricity bill", 15, False, "Due today, quick: 15 min"),
        ("Answer Bia", 10, False, "Priority 2, quick: 10 min"),
        ("Write the report", 90, False, "Priority 2, 90 min"),
        ("Next week's thing", 5, False, "Fits in the time left, quick: 5 min"),
    ]
    assert (result["planned_minutes"], result["left_out"]) == (170, 1)  # "Someday idea" is 20


def test_tasks_are_taken_in_order_while_they_fit(api):
    api.task("Overdue and long", due_date="2026-11-30", estimate_minutes=120)
    api.task("Due today", due_date="2026-12-02", estimate_minutes=45)
    api.task("High priority", priority=1, estimate_minutes=30)
    api.task("Quick one", estimate_minutes=10)

    result = plan(api, 90, language="en")

    assert [item["task"]["title"] for item in result["tasks"]] == [
        "Due today",
        "High priority",
        "Quick one",
    ]
    assert (result["planned_minutes"], result["left_out"]) == (85, 1)


def test_missing_estimates_come_from_the_planner_and_say_so(api):
    api.task("Call the plumber", due_date="2026-12-02")
    api.task("Pagar a conta de luz", due_date="2026-12-02")
    api.task("Something vague")

    result = plan(api, 120, language="en")

    assert choices(result) == [
        ("Pagar a conta de luz", 20, True, "Due today, about 20 min (estimated)"),
        ("Call the plumber", 30, True, "Due today, about 30 min (estimated)"),
        ("Something vague", 30, True, "Fits in the time left, about 30 min (estimated)"),
    ]
    assert api.call("GET", "/api/tasks?per_page=100", 200)["items"][0]["estimate_minutes"] is None


def test_explanations_follow_the_language_of_the_tasks(api):
    api.task("Ligar para o encanador", due_date="2026-11-30", estimate_minutes=10, priority=1)
    api.task("Pagar o aluguel", due_date="2026-12-02", estimate_minutes=20)

    result = plan(api, 60)

    assert [item["reason"] for item in result["tasks"]] == [
        "Atrasada há 2 dias, prioridade 1, rápida: 10 min",
        "Vence hoje, 20 min",
    ]


def test_today_is_the_users_day_not_utc(api, monkeypatch):
    api.call("PATCH", "/api/auth/me", 200, json={"timezone": "America/Sao_Paulo"})
    # 01:00 UTC on Dec 3 is still Dec 2 in São Paulo.
    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 12, 3, 1, 0, tzinfo=UTC))
    api.task("Due on the 2nd", due_date="2026-12-02", estimate_minutes=10)

    result = plan(api, 30, language="en")

    assert result["date"] == "2026-12-02"
    assert [item["reason"] for item in result["tasks"]] == ["Due today, quick: 10 min"]


def test_a_task_split_into_open_steps_is_planned_through_its_steps(api):
    parent = api.task("Move house", estimate_minutes=600)
    api.task("Book the movers", parent_id=parent["id"], estimate_minutes=20)
    api.task("Label the boxes", parent_id=parent["id"], estimate_minutes=30, done=True)

    result = plan(api, 60, language="en")

    assert [item["task"]["title"] for item in result["tasks"]] == ["Book the movers"]


def test_another_users_tasks_are_never_proposed_nor_accepted(api, client, auth, make_user):
    other = Api(client, auth.headers(make_user(email="bob@example.com")))
    theirs = other.task("Bob's task", estimate_minutes=5)

    assert plan(api, 60)["tasks"] == []
    mine = api.task("Mine", estimate_minutes=5)
    error = api.call(
        "POST", "/api/plan/today/accept", 404, json={"task_ids": [mine["id"], theirs["id"]]}
    )
    assert error["message"] == "No such task in your list"
    assert api.call("GET", f"/api/tasks/{mine['id']}", 200)["due_date"] is None
    assert other.call("GET", f"/api/tasks/{theirs['id']}", 200)["due_date"] is None


def test_accepted_tasks_get_todays_date(api):
    first = api.task("First", estimate_minutes=5)
    second = api.task("Second", estimate_minutes=5, due_date="2026-11-20")
    dropped = api.task("Dropped", estimate_minutes=5)

    result = api.call(
        "POST", "/api/plan/today/accept", 200, json={"task_ids": [second["id"], first["id"]]}
    )

    assert result["date"] == "2026-12-02"
    assert [(t["title"], t["due_date"]) for t in result["tasks"]] == [
        ("Second", "2026-12-02"),
        ("First", "2026-12-02"),
    ]
    assert api.call("GET", f"/api/tasks/{dropped['id']}", 200)["due_date"] is None
    assert sorted(api.titles("view=today")) == ["First", "Second"]


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({}, {"available_minutes": ["Missing data for required field."]}),
        (
            {"available_minutes": 0},
            {
                "available_minutes": [
                    "Must be greater than or equal to 1 and less than or equal to 1440."
                ]
            },
        ),
        ({"available_minutes": "lots"}, {"available_minutes": ["Not a valid integer."]}),
        ({"available_minutes": 60, "language": "fr"}, {"language": ["Must be one of: en, pt-BR."]}),
    ],
)
def test_bad_input_is_a_422_envelope(api, body, errors):
    response = api.call("POST", "/api/plan/today", 422, json=body)
    assert response["errors"] == {"json": errors}


def test_accept_needs_at_least_one_task(api):
    response = api.call("POST", "/api/plan/today/accept", 422, json={"task_ids": []})
    assert response["errors"] == {"json": {"task_ids": ["Length must be between 1 and 100."]}}


def test_plan_needs_a_login(client):
    assert client.post("/api/plan/today", json={"available_minutes": 30}).status_code == 401
