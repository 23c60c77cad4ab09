"""What every job runs inside: log context, a user-safe error, cancellation and metrics."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from prometheus_client import Counter, Histogram
from rq import get_current_job
from rq.job import Job

from app.core.errors import DomainError
from app.core.logging import log_context

log = logging.getLogger("tarefa.jobs")
F = TypeVar("F", bound=Callable[..., Any])

JOB_DURATION = Histogram(
    "tarefa_job_duration_seconds",
    "Time a job ran, by job",
    ["job"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300),
)
JOB_FAILURES = Counter(
    "tarefa_job_failures_total", "Job attempts that ended in an error, by job", ["job"]
)
JOB_OUTCOMES = Counter("tarefa_jobs_total", "Job attempts by job and outcome", ["job", "outcome"])
GENERIC_ERROR = {"status": 500, "message": "The job failed; an administrator can retry it."}


class JobCancelled(Exception):
    """Raised at a checkpoint when the job's owner asked to cancel it."""


def job_name(job: Job) -> str:
    return (job.func_name or "unknown").rsplit(".", 1)[-1]


def checkpoint() -> None:
    """Stop here if the job was cancelled meanwhile; call it before saving anything."""
    current = get_current_job()
    if current is not None and current.get_meta(refresh=True).get("cancel_requested"):
        raise JobCancelled


def job(*, queue: str = "default", retry: bool = False, timeout: int = 300) -> Callable[[F], F]:
    """Declare a job function: its queue, whether failures are retried with backoff
    (``JOBS_RETRY_BACKOFF``), and how long one attempt may run."""

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def run(*args: Any, **kwargs: Any) -> Any:
            current = get_current_job()
            context = {
                "job_id": current.id if current else None,
                "job": func.__name__,
                "request_id": current.meta.get("request_id") if current else None,
            }
            token = log_context.set(context)
            try:
                return _run(func, current, args, kwargs)
            finally:
                log_context.reset(token)

        run.job_options = {"queue": queue, "retry": retry, "timeout": timeout}  # type: ignore[attr-defined]
        return run  # type: ignore[return-value]

    return decorate


def _run(func: Callable[..., Any], current: Job | None, args: Any, kwargs: Any) -> Any:
    log.info("job started")
    try:
        result = func(*args, **kwargs)
    except JobCancelled:
        if current is not None:
            current.meta["cancelled"] = True
            current.save_meta()
        log.info("job cancelled")
        return None
    except DomainError as error:
        _record_error(current, {"status": int(error.status), "message": error.message})
        log.warning("job failed: %s", error.message)
        raise
    except Exception:
        _record_error(current, GENERIC_ERROR)
        log.exception("job failed")
        raise
    log.info("job succeeded")
    return result


def _record_error(current: Job | None, error: dict[str, Any]) -> None:
    if current is not None:
        current.meta["error"] = error
        current.save_meta()


def observe_attempt(job: Job, status: str, seconds: float) -> None:
    """Count one finished attempt (called by the worker, which outlives the attempt)."""
    name = job_name(job)
    JOB_DURATION.labels(job=name).observe(seconds)
    outcome = {"finished": "succeeded", "stopped": "cancelled", "canceled": "cancelled"}.get(
        status, "failed"
    )
    JOB_OUTCOMES.labels(job=name, outcome=outcome).inc()
    if outcome == "failed":
        JOB_FAILURES.labels(job=name).inc()
