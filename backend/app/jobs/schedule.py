"""Periodic jobs on RQ's CronScheduler, fired once per slot however many workers run it.

Every worker runs a CronScheduler with the same periodic jobs. Before enqueueing, a worker
claims the slot (the due minute of a cron job, the interval bucket of an interval job) with
one Redis ``SET NX``: the first claimant enqueues, the others skip. Cron jobs compute their
next slot from the clock, so a restarted worker does not fire again a slot already served.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from rq.cron import CronJob, CronScheduler
from rq.utils import now

log = logging.getLogger("tarefa.jobs.schedule")
F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class Periodic:
    func: Callable[..., Any]
    name: str
    cron: str | None = None
    every_seconds: int | None = None


PERIODIC: dict[str, Periodic] = {}


def periodic(
    *, cron: str | None = None, every_seconds: int | None = None, name: str | None = None
) -> Callable[[F], F]:
    """Run a ``@job`` function on a cron schedule (UTC) or every N seconds."""
    if (cron is None) == (every_seconds is None):
        raise ValueError("give exactly one of cron or every_seconds")

    def register(func: F) -> F:
        key = name or func.__name__
        PERIODIC[key] = Periodic(func=func, name=key, cron=cron, every_seconds=every_seconds)
        return func

    return register


class OnceCronScheduler(CronScheduler):
    """RQ's CronScheduler, with each due slot claimed in Redis before it is enqueued."""

    def enqueue_jobs(self) -> list[CronJob]:
        enqueue_time = now()
        enqueued: list[CronJob] = []
        for cron_job in self.get_jobs():
            if not cron_job.should_run():
                continue
            if self._claim(cron_job):
                cron_job.enqueue(self.connection)
                enqueued.append(cron_job)
            cron_job.set_enqueue_time(enqueue_time)
        return enqueued

    def _claim(self, cron_job: CronJob) -> bool:
        if cron_job.cron and cron_job.next_enqueue_time:
            slot = cron_job.next_enqueue_time.strftime("%Y-%m-%dT%H:%M")
            ttl = 7 * 24 * 3600
        else:
            interval = cron_job.interval or 60
            slot = str(int(now().timestamp()) // interval)
            ttl = max(2 * interval, 60)
        key = f"tarefa:cron:{cron_job.name}:{slot}"
        claimed = bool(self.connection.set(key, self.name, nx=True, ex=ttl))
        if not claimed:
            log.debug("slot %s already fired by another worker", key)
        return claimed


def build_cron_scheduler(connection: Any) -> OnceCronScheduler:
    from app.jobs.catalog import load_job_modules

    load_job_modules()
    scheduler = OnceCronScheduler(connection=connection, logging_level=logging.WARNING)
    for item in PERIODIC.values():
        scheduler.register(
            item.func,
            queue_name=item.func.job_options["queue"],  # type: ignore[attr-defined]
            cron=item.cron,
            interval=item.every_seconds,
            name=item.name,
            result_ttl=24 * 3600,
            failure_ttl=30 * 24 * 3600,
        )
    return scheduler
