"""Mail through real workers: the reset link, retries after SMTP refuses, idempotence."""

from __future__ import annotations

import json
import re

import httpx
import redis
from rq.job import Job
from rq.registry import FinishedJobRegistry
from sqlalchemy import select

from app.core.extensions import db
from app.jobs import enqueue
from app.jobs.mail import deliver_mail
from app.models import MailDelivery
from tests.jobs.conftest import register, wait_until
from tests.support.ports import free_port


def deliveries(app):
    with app.app_context():
        return [(d.recipient, d.subject) for d in db.session.scalars(select(MailDelivery))]


def test_reset_mail_is_delivered_by_a_worker_with_job_and_request_ids_logged(
    env, smtp, start_worker
):
    worker = start_worker("mail-1")
    app = env.app()
    client = app.test_client()
    register(client, "rita@example.com")

    response = client.post(
        "/api/auth/password-reset",
        json={"email": "rita@example.com"},
        headers={"X-Request-ID": "reset-request-42"},
    )

    assert response.status_code == 202
    wait_until(lambda: smtp.messages, timeout=30, what="the reset mail")
    [(recipients, message)] = smtp.messages
    assert recipients == ["rita@example.com"]
    assert message["Subject"] == "Reset your Tarefa password"
    assert re.search(r"/reset-password#token=[\w-]{20,}", message.get_payload(decode=True).decode())
    assert wait_until(lambda: deliveries(app), timeout=10, what="the delivery record") == [
        ("rita@example.com", "Reset your Tarefa password")
    ]
    lines = [json.loads(line) for line in worker.logs().splitlines() if line.startswith("{")]
    job_lines = [line for line in lines if line.get("request_id") == "reset-request-42"]
    assert {line["job"] for line in job_lines} == {"password_reset", "deliver_mail"}
    assert all(line["job_id"] for line in job_lines)


def test_unknown_account_is_accepted_and_mails_nothing(env, smtp, start_worker):
    start_worker("mail-2")
    app = env.app()
    client = app.test_client()

    response = client.post("/api/auth/password-reset", json={"email": "ghost@example.com"})

    assert response.status_code == 202
    connection = redis.Redis.from_url(env.values["REDIS_URL"])
    finished = FinishedJobRegistry("mail", connection=connection)
    wait_until(lambda: finished.count == 1, timeout=30, what="the reset job to run")
    [job] = Job.fetch_many(finished.get_job_ids(), connection=connection)
    assert job.func_name == "app.jobs.accounts.password_reset"
    assert smtp.messages == []
    assert deliveries(app) == []


def test_a_transient_smtp_failure_is_retried_then_delivered_once(env, smtp, start_worker):
    smtp.failures = 1  # the first attempt gets "451 try again later"
    start_worker("mail-3")
    app = env.app()
    with app.test_request_context():
        job = enqueue(deliver_mail, to="ana@example.com", subject="Hello", body="Once.")

    wait_until(lambda: job.get_status(refresh=True) == "finished", timeout=30, what="the retry")
    assert len(smtp.messages) == 1
    assert smtp.messages[0][0] == ["ana@example.com"]
    assert deliveries(app) == [("ana@example.com", "Hello")]
    assert Job.fetch(job.id, connection=job.connection).retries_left == 1  # of 2


def test_a_delivery_already_recorded_is_not_sent_again(env, smtp, start_worker):
    metrics_port = free_port()
    start_worker("mail-4", "--metrics-port", str(metrics_port))
    app = env.app()
    with app.test_request_context():
        first = enqueue(
            deliver_mail, to="bo@example.com", subject="Reminder", body="x", key="reminder:1:2026"
        )
        wait_until(lambda: first.get_status(refresh=True) == "finished", timeout=30, what="1st")
        # The same delivery again, as a retried job would after its worker died post-send.
        again = enqueue(
            deliver_mail, to="bo@example.com", subject="Reminder", body="x", key="reminder:1:2026"
        )
        wait_until(lambda: again.get_status(refresh=True) == "finished", timeout=30, what="2nd")

    assert len(smtp.messages) == 1
    assert again.return_value() == {"delivered": False, "duplicate": True}
    assert deliveries(app) == [("bo@example.com", "Reminder")]
    # The worker's own metrics: both attempts counted once finished, queues read from Redis.
    metrics_url = f"http://127.0.0.1:{metrics_port}/metrics"
    counted = 'tarefa_jobs_total{job="deliver_mail",outcome="succeeded"} 2.0'

    def scraped() -> str | None:
        body = httpx.get(metrics_url).text
        return body if counted in body else None

    text = wait_until(scraped, timeout=10, what="the metrics")
    assert 'tarefa_job_duration_seconds_count{job="deliver_mail"} 2.0' in text
    assert 'tarefa_queue_depth{queue="mail"} 0.0' in text
    assert 'tarefa_queue_failed{queue="mail"} 0.0' in text
    assert "tarefa_job_failures_total" in text
