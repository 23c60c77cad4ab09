"""`make run` without Redis: the same RQ jobs on an in-process worker thread."""

from __future__ import annotations

from datetime import timedelta

from app.jobs import enqueue_in
from app.jobs.mail import deliver_mail
from tests.jobs.conftest import wait_until


def test_without_redis_mail_and_scheduled_jobs_run_in_process(env, smtp):
    env.set(REDIS_URL="", JOBS_MODE="auto")
    app = env.app()
    client = app.test_client()
    client.post(
        "/api/auth/register",
        json={"name": "T", "email": "thread@example.com", "password": "correct-horse-battery"},
    )

    assert (
        client.post("/api/auth/password-reset", json={"email": "thread@example.com"}).status_code
        == 202
    )
    wait_until(lambda: smtp.messages, timeout=30, what="the reset mail")
    with app.test_request_context():
        later = enqueue_in(
            timedelta(seconds=1), deliver_mail, to="l@example.com", subject="L", body="b"
        )
    wait_until(lambda: len(smtp.messages) == 2, timeout=30, what="the scheduled mail")

    assert [m["Subject"] for _, m in smtp.messages] == ["Reset your Tarefa password", "L"]
    # The worker marks the job finished just after the mail is handed to the server.
    wait_until(
        lambda: later.get_status(refresh=True) == "finished", timeout=10, what="the job finished"
    )
