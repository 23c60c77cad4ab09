"""Reminders delivered by real worker processes through a real SMTP server: once each, with
two workers racing, never for a completed task."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import redis
from rq.registry import FinishedJobRegistry
from sqlalchemy import func, select

from app.core.extensions import db
from app.models import Notification
from tests.jobs.conftest import register, wait_until


def _runs_finished(redis_url: str) -> int:
    """Runs of the periodic reminder job finished so far (the only job of its queue here)."""
    connection = redis.Redis.from_url(redis_url)
    return FinishedJobRegistry("default", connection=connection).count


def test_each_reminder_is_delivered_once_with_two_workers_and_never_for_done_tasks(
    env, smtp, start_worker
):
    app = env.app()
    client = app.test_client()
    headers = register(client, "ana@example.com")
    soon = (datetime.now(UTC) + timedelta(seconds=2)).isoformat()
    due = {"due_date": "2030-01-01", "reminders": [{"remind_at": soon}]}
    kept = client.post("/api/tasks", json={"title": "Call the bank", **due}, headers=headers)
    done = client.post("/api/tasks", json={"title": "Already done", **due}, headers=headers)
    assert (kept.status_code, done.status_code) == (201, 201)
    client.patch(f"/api/tasks/{done.json['id']}", json={"done": True}, headers=headers)

    start_worker("reminders-1")
    start_worker("reminders-2")

    wait_until(lambda: smtp.messages, timeout=90, what="the reminder mail")
    # Let the periodic job run twice more on either worker: nothing more may be sent.
    after = _runs_finished(env.values["REDIS_URL"])
    wait_until(
        lambda: _runs_finished(env.values["REDIS_URL"]) >= after + 2,
        timeout=120,
        what="two more runs of the reminder job",
    )

    assert [(rcpt, message["Subject"]) for rcpt, message in smtp.messages] == [
        (["ana@example.com"], "Reminder: Call the bank")
    ]
    with app.app_context():
        titles = db.session.scalars(select(Notification.title)).all()
        assert titles == ["Reminder: Call the bank"]
        assert db.session.scalar(select(func.count(Notification.id))) == 1
    listed = client.get("/api/notifications", headers=headers).json
    assert (listed["unread"], listed["items"][0]["task_id"]) == (1, kept.json["id"])
