"""Jobs at a given instant and periodic jobs: each fires once, whatever the workers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import redis
from rq import Queue
from rq.cron import CronJob

from app.jobs import enqueue_in
from app.jobs.mail import deliver_mail
from app.jobs.schedule import OnceCronScheduler
from app.jobs.upkeep import purge_expired_tokens
from tests.jobs.conftest import wait_until


def test_a_scheduled_job_fires_once_with_two_workers_running(env, smtp, start_worker):
    start_worker("clock-1")
    start_worker("clock-2")
    app = env.app()
    with app.test_request_context():
        job = enqueue_in(
            timedelta(seconds=3), deliver_mail, to="z@example.com", subject="At", body="b"
        )
    assert job.get_status() == "scheduled"

    wait_until(lambda: job.get_status(refresh=True) == "finished", timeout=60, what="the job")
    # Both workers run RQ's scheduler; only the one holding the queue's lock moves the job.
    wait_until(lambda: smtp.messages, timeout=5, what="the mail")
    assert len(smtp.messages) == 1
    job.refresh()
    assert job.worker_name in ("clock-1", "clock-2")


def _scheduler(connection: redis.Redis, **schedule: object) -> OnceCronScheduler:
    scheduler = OnceCronScheduler(connection=connection)
    scheduler.register(purge_expired_tokens, queue_name="default", name="purge", **schedule)
    return scheduler


def test_a_periodic_slot_is_enqueued_once_by_two_schedulers_and_after_a_restart(jobs_redis):
    connection = redis.Redis.from_url(jobs_redis)
    first, second = (_scheduler(connection, interval=3600) for _ in range(2))

    fired = first.enqueue_jobs() + second.enqueue_jobs()
    restarted = _scheduler(connection, interval=3600).enqueue_jobs()

    assert [job.name for job in fired] == ["purge"]
    assert restarted == []
    assert Queue("default", connection=connection).count == 1


def test_a_cron_slot_is_enqueued_once_by_two_schedulers(jobs_redis):
    connection = redis.Redis.from_url(jobs_redis)
    schedulers = [_scheduler(connection, cron="17 3 * * *") for _ in range(2)]
    due = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(minutes=1)
    for scheduler in schedulers:
        [cron_job] = scheduler.get_jobs()
        assert isinstance(cron_job, CronJob)
        cron_job.next_enqueue_time = due  # the slot both reached at the same time

    fired = [job for scheduler in schedulers for job in scheduler.enqueue_jobs()]

    assert len(fired) == 1
    assert Queue("default", connection=connection).count == 1
    assert all(s.get_jobs()[0].next_enqueue_time > datetime.now(UTC) for s in schedulers)
