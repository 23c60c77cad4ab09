"""The job queue of one app: RQ on Redis, or RQ on an in-process Redis for ``make run``.

``JOBS_MODE`` picks how jobs run (``auto``: ``redis`` when ``REDIS_URL`` is set, else
``thread``):

- ``redis``: jobs wait in Redis until a ``flask worker`` process runs them.
- ``thread``: no Redis server. RQ runs on fakeredis inside this process and a worker thread
  (plus a clock thread for scheduled and periodic jobs) runs them: the same RQ code paths,
  but a restart loses jobs that had not run yet, and only one process may serve the app.
- ``inline``: RQ's synchronous mode (``is_async=False``), for unit tests that run inside
  one rolled-back transaction.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import redis
from flask import Flask, current_app, g, has_request_context
from rq import Queue, Retry
from rq.job import Job

from app.core.envelope import error_response
from app.core.logging import log_context

QUEUES = ("mail", "ai", "default")
_KEY = "tarefa.jobs"
RESULT_TTL = 24 * 3600  # a finished job's status and result, for a page reloaded later
FAILURE_TTL = 30 * 24 * 3600  # failed jobs wait this long for an admin


class JobRuntime:
    """Connection, queues and (in thread mode) the in-process worker of one app."""

    def __init__(self, app: Flask) -> None:
        mode = app.config["JOBS_MODE"]
        if mode == "auto":
            mode = "redis" if app.config.get("REDIS_URL") else "thread"
        self.app = app
        self.mode = mode
        self._server: Any = None
        if mode == "redis":
            self.connection: redis.Redis = redis.Redis.from_url(
                app.config["REDIS_URL"], socket_connect_timeout=2, socket_timeout=5
            )
        else:
            import fakeredis  # only without a Redis server: it takes a while to import

            self._server = fakeredis.FakeServer()
            self.connection = fakeredis.FakeRedis(server=self._server)
        self._started = False
        self._lock = threading.Lock()

    def new_connection(self) -> redis.Redis:
        """Another client of the same server (worker threads keep their own)."""
        if self._server is not None:
            import fakeredis

            return fakeredis.FakeRedis(server=self._server)
        return redis.Redis.from_url(self.app.config["REDIS_URL"])

    def queue(self, name: str) -> Queue:
        return Queue(name, connection=self.connection, is_async=self.mode != "inline")

    def queues(self) -> list[Queue]:
        return [self.queue(name) for name in QUEUES]

    def ensure_worker(self) -> None:
        """In thread mode, start the in-process worker and clock once."""
        if self.mode != "thread" or self._started:
            return
        with self._lock:
            if self._started:
                return
            from app.jobs.worker import start_in_process_worker

            start_in_process_worker(self)
            self._started = True


def init_jobs(app: Flask) -> None:
    runtime = JobRuntime(app)
    app.extensions[_KEY] = runtime
    if runtime.mode == "thread":
        # Scheduled and periodic jobs must fire even before anything is enqueued.
        app.before_request(runtime.ensure_worker)
    app.register_error_handler(redis.RedisError, _queue_unavailable)


def _queue_unavailable(error: redis.RedisError) -> Any:
    current_app.logger.warning("job queue unavailable: %s", type(error).__name__)
    response = error_response(503, "The job queue is unavailable; try again shortly.")
    response.headers["Retry-After"] = "5"
    return response


def get_runtime(app: Flask | None = None) -> JobRuntime:
    return (app or current_app).extensions[_KEY]


def _options(func: Callable[..., Any], meta: dict[str, Any]) -> dict[str, Any]:
    declared = getattr(func, "job_options", None)
    if declared is None:
        raise TypeError(f"{func.__name__} is not a job: decorate it with @job")
    options: dict[str, Any] = {
        "job_timeout": declared["timeout"],
        "result_ttl": RESULT_TTL,
        "failure_ttl": FAILURE_TTL,
        "meta": {"request_id": _request_id(), **meta},
    }
    backoff = list(current_app.config["JOBS_RETRY_BACKOFF"])
    if declared["retry"] and backoff:
        options["retry"] = Retry(max=len(backoff), interval=backoff)
    return options


def _request_id() -> str | None:
    """The request that caused this job, also when a job enqueues another."""
    if has_request_context():
        return g.get("request_id")
    return log_context.get().get("request_id")


def _queue_for(func: Callable[..., Any]) -> Queue:
    runtime = get_runtime()
    runtime.ensure_worker()
    return runtime.queue(func.job_options["queue"])  # type: ignore[attr-defined]


def enqueue(func: Callable[..., Any], *, visible_to: int | None = None, **kwargs: Any) -> Job:
    """Run ``func(**kwargs)`` on a worker; ``visible_to`` lets that user follow and cancel it."""
    options = _options(func, {"owner_id": visible_to})
    return _queue_for(func).enqueue(func, kwargs=kwargs, **options)


def enqueue_at(
    when: datetime, func: Callable[..., Any], *, visible_to: int | None = None, **kwargs: Any
) -> Job:
    """Run ``func(**kwargs)`` at ``when`` (timezone-aware), once."""
    if when.tzinfo is None:
        raise ValueError("enqueue_at needs a timezone-aware datetime")
    options = _options(func, {"owner_id": visible_to})
    queue = _queue_for(func)
    if queue.is_async:
        return queue.enqueue_at(when.astimezone(UTC), func, kwargs=kwargs, **options)
    return queue.enqueue(func, kwargs=kwargs, **options)


def enqueue_in(
    delay: timedelta, func: Callable[..., Any], *, visible_to: int | None = None, **kwargs: Any
) -> Job:
    """Run ``func(**kwargs)`` after ``delay``, once."""
    return enqueue_at(datetime.now(UTC) + delay, func, visible_to=visible_to, **kwargs)
