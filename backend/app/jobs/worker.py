"""Workers: ``flask worker`` processes on Redis, or one thread inside ``make run``.

Both run each job in a fresh app context, observe its duration and outcome, and fire
periodic jobs through the CronScheduler of ``app.jobs.schedule``. On SIGTERM a process
worker lets its current job finish for ``WORKER_SHUTDOWN_GRACE_SECONDS``, then stops it
and puts it back at the front of its queue for another worker; nothing is lost.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING, Any

from flask import Flask
from rq import SimpleWorker, Worker
from rq.job import Job
from rq.queue import Queue
from rq.scheduler import RQScheduler
from rq.timeouts import TimerDeathPenalty

from app.jobs.runtime import observe_attempt
from app.jobs.schedule import build_cron_scheduler

if TYPE_CHECKING:
    from app.jobs.queue import JobRuntime

log = logging.getLogger("tarefa.jobs.worker")


class _AppJobs:
    """Shared by both workers: an app context per job, metrics per attempt."""

    app: Flask

    def perform_job(self, job: Job, queue: Queue) -> bool:
        with self.app.app_context():
            from app.core.extensions import db

            try:
                return super().perform_job(job, queue)  # type: ignore[misc]
            finally:
                db.session.remove()

    def execute_job(self, job: Job, queue: Queue) -> None:
        started = time.perf_counter()
        super().execute_job(job, queue)  # type: ignore[misc]
        try:
            status = job.get_status(refresh=True)
        except Exception:  # the job expired or was deleted meanwhile
            return
        observe_attempt(job, str(getattr(status, "value", status)), time.perf_counter() - started)


class ProcessWorker(_AppJobs, Worker):
    """RQ's forking worker: each job in a child process, so it can be stopped."""

    def __init__(self, *args: Any, app: Flask, grace_seconds: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.app = app
        self.grace_seconds = grace_seconds
        self._interrupted_job_id: str | None = None

    def main_work_horse(self, job: Job, queue: Queue) -> None:
        # The child must not share the parent's database connections.
        with self.app.app_context():
            from app.core.extensions import db

            db.engine.dispose(close=False)
        super().main_work_horse(job, queue)

    def request_stop(self, signum: Any, frame: Any) -> None:
        job_id = self.get_current_job_id()
        super().request_stop(signum, frame)  # raises StopRequested when idle
        if job_id:
            log.info("shutdown requested: %ss for job %s to finish", self.grace_seconds, job_id)
            timer = threading.Timer(self.grace_seconds, self._interrupt, args=(job_id,))
            timer.daemon = True
            timer.start()

    def _interrupt(self, job_id: str) -> None:
        if self.horse_pid and self.get_current_job_id() == job_id:
            log.warning("job %s did not finish in time: requeued for another worker", job_id)
            self._interrupted_job_id = job_id
            self.kill_horse()

    def handle_job_failure(
        self, job: Job, queue: Queue, started_job_registry: Any = None, exc_string: str = ""
    ) -> None:
        if job.id != self._interrupted_job_id:
            super().handle_job_failure(job, queue, started_job_registry, exc_string)
            return
        # Stopped by our own shutdown, not failed: back to the front of its queue.
        self._interrupted_job_id = None
        with self.connection.pipeline() as pipeline:
            self.cleanup_execution(job, pipeline=pipeline)
            pipeline.execute()
        queue.enqueue_job(job, at_front=True)


class ThreadWorker(_AppJobs, SimpleWorker):
    """RQ's in-process worker, run on a thread: no signals, a timer for timeouts."""

    death_penalty_class = TimerDeathPenalty

    def __init__(self, *args: Any, app: Flask, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.app = app

    def _install_signal_handlers(self) -> None:
        pass  # signals belong to the main thread (gunicorn's)


def run_clock(runtime: JobRuntime, *, move_scheduled: bool, stop: threading.Event) -> None:
    """Fire periodic jobs and, in thread mode, move due scheduled jobs onto their queues."""
    connection = runtime.new_connection()
    cron = build_cron_scheduler(connection)
    queues = [Queue(name, connection=connection) for name in _queue_names(runtime)]
    scheduler = RQScheduler(queues, connection=connection) if move_scheduled else None
    while not stop.is_set():
        try:
            cron.enqueue_jobs()
            if scheduler is not None:
                scheduler.acquire_locks()
                if scheduler.acquired_locks:
                    scheduler.enqueue_scheduled_jobs()
        except Exception:
            log.exception("clock tick failed")
        stop.wait(1.0 if scheduler is not None else min(cron.calculate_sleep_interval(), 5.0))


def _queue_names(runtime: JobRuntime) -> list[str]:
    from app.jobs.queue import QUEUES

    return list(QUEUES)


def start_in_process_worker(runtime: JobRuntime) -> None:
    from app.jobs.catalog import load_job_modules

    load_job_modules()
    connection = runtime.new_connection()
    worker = ThreadWorker(
        [Queue(name, connection=connection) for name in _queue_names(runtime)],
        connection=connection,
        app=runtime.app,
    )
    threading.Thread(
        target=worker.work,
        kwargs={"logging_level": "WARNING", "with_scheduler": False},
        name="tarefa-jobs-worker",
        daemon=True,
    ).start()
    threading.Thread(
        target=run_clock,
        args=(runtime,),
        kwargs={"move_scheduled": True, "stop": threading.Event()},
        name="tarefa-jobs-clock",
        daemon=True,
    ).start()
    log.info("in-process job worker started (JOBS_MODE=thread)")


class QueueDepthCollector:
    """``tarefa_queue_depth{queue}`` and kept failures, read from Redis at each scrape."""

    def __init__(self, runtime: JobRuntime) -> None:
        self.runtime = runtime

    def collect(self) -> Any:
        from prometheus_client.core import GaugeMetricFamily
        from rq.registry import FailedJobRegistry, ScheduledJobRegistry

        depth = GaugeMetricFamily("tarefa_queue_depth", "Jobs waiting, by queue", labels=["queue"])
        scheduled = GaugeMetricFamily(
            "tarefa_queue_scheduled", "Jobs scheduled for later, by queue", labels=["queue"]
        )
        failed = GaugeMetricFamily(
            "tarefa_queue_failed", "Failed jobs kept for an admin, by queue", labels=["queue"]
        )
        for queue in self.runtime.queues():
            depth.add_metric([queue.name], queue.count)
            scheduled.add_metric([queue.name], ScheduledJobRegistry(queue=queue).count)
            failed.add_metric([queue.name], FailedJobRegistry(queue=queue).count)
        yield from (depth, scheduled, failed)


def run_process_worker(
    app: Flask, *, queue_names: list[str], burst: bool, metrics_port: int, name: str | None
) -> bool:
    """Work until SIGTERM (or, with ``burst``, until the queues are empty)."""
    from prometheus_client import REGISTRY, start_http_server

    from app.jobs.catalog import load_job_modules
    from app.jobs.queue import get_runtime

    load_job_modules()
    runtime = get_runtime(app)
    if runtime.mode != "redis":
        raise RuntimeError("flask worker needs REDIS_URL (JOBS_MODE=redis)")
    connection = runtime.new_connection()
    if metrics_port:
        REGISTRY.register(QueueDepthCollector(runtime))
        start_http_server(metrics_port)
    stop = threading.Event()
    clock = threading.Thread(
        target=run_clock,
        args=(runtime,),
        kwargs={"move_scheduled": False, "stop": stop},
        name="tarefa-jobs-clock",
        daemon=True,
    )
    clock.start()
    worker = ProcessWorker(
        [Queue(queue_name, connection=connection) for queue_name in queue_names],
        connection=connection,
        name=name,
        app=app,
        grace_seconds=app.config["WORKER_SHUTDOWN_GRACE_SECONDS"],
    )
    try:
        return worker.work(burst=burst, with_scheduler=True, logging_level="INFO")
    finally:
        stop.set()
