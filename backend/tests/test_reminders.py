"""Reminders on tasks: when they fire, moving with the task, delivery once, notifications."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.core import clock
from app.core.extensions import db
from app.models import MailDelivery, Notification
from app.services import reminders


@pytest.fixture
def owner(make_user):
    return make_user(email="owner@example.com")


@pytest.fixture
def headers(auth, owner, client):
    headers = auth.headers(owner)
    client.patch("/api/auth/me", json={"timezone": "America/New_York"}, headers=headers)
    return headers


@pytest.fixture
def now(monkeypatch):
    """The server clock, pinned; ``now.set(iso)`` moves it."""

    class Clock:
        value = datetime(2026, 3, 7, 12, 0, tzinfo=UTC)

        def set(self, iso: str) -> None:
            self.value = datetime.fromisoformat(iso)

    pinned = Clock()
    monkeypatch.setattr(clock, "now", lambda: pinned.value)
    return pinned


def create(client, headers, **fields):
    response = client.post("/api/tasks", json={"title": "Flight", **fields}, headers=headers)
    assert response.status_code == 201, response.json
    return response.json


def fires(task):
    return [
        (r["before_minutes"], r["remind_at"], r["fire_at"], r["sent"]) for r in task["reminders"]
    ]


def deliver(app):
    with app.app_context():
        return reminders.send_due(now=clock.now())


def test_reminders_fire_before_the_due_moment_in_the_users_zone(client, headers, now):
    task = create(
        client, headers, due_date="2026-03-08", due_time="09:00",
        reminders=[{"before_minutes": 60}, {"remind_at": "2026-03-07T20:00:00-05:00"}],
    )  # fmt: skip
    assert fires(task) == [
        (60, None, "2026-03-08T12:00:00+00:00", False),  # 08:00 EDT, after the DST change
        (None, "2026-03-08T01:00:00+00:00", "2026-03-08T01:00:00+00:00", False),
    ]
    moved = client.patch(
        f"/api/tasks/{task['id']}", json={"due_time": "10:30"}, headers=headers
    ).json
    assert [r["fire_at"] for r in moved["reminders"]] == [
        "2026-03-08T13:30:00+00:00",
        "2026-03-08T01:00:00+00:00",
    ]


def test_a_task_without_time_is_reminded_relative_to_nine(client, headers, now):
    task = create(client, headers, due_date="2026-03-10", reminders=[{"before_minutes": 1440}])
    assert fires(task) == [(1440, None, "2026-03-09T13:00:00+00:00", False)]


@pytest.mark.parametrize(
    "reminder",
    [{}, {"before_minutes": 5, "remind_at": "2026-03-08T01:00:00Z"}],
)
def test_a_reminder_is_one_of_the_two_kinds(client, headers, reminder):
    response = client.post(
        "/api/tasks", json={"title": "x", "reminders": [reminder]}, headers=headers
    )
    assert (response.status_code, response.json["errors"]["json"]["reminders"]) == (
        422,
        {"0": {"_schema": ["Give exactly one of remind_at and before_minutes."]}},
    )


def test_a_due_reminder_is_delivered_once_and_never_for_a_done_task(
    app, client, headers, now, owner
):
    kept = create(client, headers, due_date="2026-03-07", due_time="13:00",
                  reminders=[{"before_minutes": 30}])  # fmt: skip
    done = create(client, headers, title="Done", due_date="2026-03-07", due_time="13:00",
                  reminders=[{"before_minutes": 30}])  # fmt: skip
    client.patch(f"/api/tasks/{done['id']}", json={"done": True}, headers=headers)

    now.set("2026-03-07T17:29:00+00:00")
    assert deliver(app) == 0
    now.set("2026-03-07T17:30:00+00:00")
    assert (deliver(app), deliver(app)) == (1, 0)

    with app.app_context():
        mails = db.session.scalars(select(MailDelivery)).all()
        assert [(m.recipient, m.subject) for m in mails] == [
            ("owner@example.com", "Reminder: Flight")
        ]
    listed = client.get("/api/notifications", headers=headers).json
    assert (listed["unread"], [(n["task_id"], n["title"], n["body"]) for n in listed["items"]]) == (
        1,
        [(kept["id"], "Reminder: Flight", "“Flight” is due 2026-03-07 13:00.")],
    )
    assert fires(client.get(f"/api/tasks/{kept['id']}", headers=headers).json)[0][3] is True


def test_portuguese_reminders_speak_portuguese(app, client, headers, now):
    pt = {**headers, "Accept-Language": "pt-BR"}
    create(client, pt, title="Dentista", due_date="2026-03-07", due_time="13:00",
           reminders=[{"before_minutes": 60}])  # fmt: skip
    now.set("2026-03-07T17:00:00+00:00")
    deliver(app)
    [item] = client.get("/api/notifications", headers=headers).json["items"]
    assert (item["title"], item["body"]) == (
        "Lembrete: Dentista",
        "“Dentista” vence 07/03/2026 13:00.",
    )


def test_a_recurring_task_rearms_its_reminder_for_the_next_occurrence(app, client, headers, now):
    task = create(client, headers, due_date="2026-03-07", due_time="13:00",
                  recurrence="FREQ=DAILY", reminders=[{"before_minutes": 30}])  # fmt: skip
    now.set("2026-03-07T17:45:00+00:00")
    deliver(app)
    moved = client.patch(f"/api/tasks/{task['id']}", json={"done": True}, headers=headers).json
    assert (moved["due_date"], fires(moved)) == (
        "2026-03-08",
        [(30, None, "2026-03-08T16:30:00+00:00", False)],
    )


def test_a_reminder_already_past_when_set_is_not_sent_late(app, client, headers, now):
    now.set("2026-03-07T20:00:00+00:00")
    task = create(client, headers, due_date="2026-03-07", due_time="13:00",
                  reminders=[{"before_minutes": 30}])  # fmt: skip
    assert (fires(task)[0][3], deliver(app)) == (True, 0)


def test_notifications_are_marked_read_and_scoped_to_their_owner(
    app, client, headers, now, auth, make_user
):
    create(client, headers, due_date="2026-03-07", due_time="13:00",
           reminders=[{"before_minutes": 30}])  # fmt: skip
    now.set("2026-03-07T18:00:00+00:00")
    deliver(app)
    [item] = client.get("/api/notifications", headers=headers).json["items"]
    other = auth.headers(make_user())
    assert client.post(f"/api/notifications/{item['id']}/read", headers=other).status_code == 404
    assert client.get("/api/notifications", headers=other).json == {"items": [], "unread": 0}
    read = client.post(f"/api/notifications/{item['id']}/read", headers=headers)
    assert (read.status_code, read.json["read_at"]) == (200, "2026-03-07T18:00:00+00:00")
    assert client.get("/api/notifications", headers=headers).json["unread"] == 0
    assert client.post("/api/notifications/read-all", headers=headers).status_code == 204


def test_deleting_a_task_deletes_its_reminders(app, client, headers, now):
    task = create(client, headers, due_date="2026-03-07", due_time="13:00",
                  reminders=[{"before_minutes": 30}])  # fmt: skip
    client.delete(f"/api/tasks/{task['id']}", headers=headers)
    now.set("2026-03-07T18:00:00+00:00")
    assert deliver(app) == 0
    with app.app_context():
        assert db.session.scalars(select(Notification)).all() == []
