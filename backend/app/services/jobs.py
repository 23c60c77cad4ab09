"""Jobs as their owners and admins see them: status, result, cancel, retry, discard.

A job belongs to the user whose id it carries in its meta; anyone else gets 404.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from rq.command import send_stop_job_command
from rq.exceptions import InvalidJobOperation, NoSuchJobError
from rq.job import Job, JobStatus
from rq.registry import FailedJobRegistry, ScheduledJobRegistry, StartedJobRegistry

from app.core.errors import Conflict, NotFound
from app.jobs.queue import get_runtime
from app.jobs.runtime import job_name

_STATUS = {
    JobStatus.QUEUED: "queued",
    JobStatus.DEFERRED: "queued",
    JobStatus.SCHEDULED: "queued",
    JobStatus.CREATED: "queued",
    JobStatus.STARTED: "running",
    JobStatus.FINISHED: "succeeded",
    JobStatus.FAILED: "failed",
    JobStatus.STOPPED: "cancelled",
    JobStatus.CANCELED: "cancelled",
}
NO_SUCH_JOB = "No such job."


def _fetch(job_id: str) -> Job | None:
    try:
        return Job.fetch(job_id, connection=get_runtime().connection)
    except NoSuchJobError:
        return None


def _status(job: Job) -> str:
    status = _STATUS.get(job.get_status(refresh=False), "queued")
    if status == "succeeded" and job.meta.get("cancelled"):
        return "cancelled"
    if status == "running" and job.meta.get("cancel_requested"):
        return "cancelled"  # being stopped: it will save nothing
    return status


def describe(job: Job) -> dict[str, Any]:
    """What the API shows of a job."""
    status = _status(job)
    out: dict[str, Any] = {
        "id": job.id,
        "kind": job_name(job),
        "status": status,
        "created_at": job.created_at,
        "finished_at": job.ended_at if status in ("succeeded", "failed", "cancelled") else None,
    }
    if status == "succeeded":
        out["result"] = job.return_value()
    if status == "failed":
        out["error"] = job.meta.get("error") or {"status": 500, "message": "The job failed."}
    return out


def get_job(*, owner_id: int, job_id: str) -> Job:
    """One of the caller's jobs."""
    job = _fetch(job_id)
    if job is None or job.meta.get("owner_id") != owner_id:
        raise NotFound(NO_SUCH_JOB)
    return job


def cancel_job(*, owner_id: int, job_id: str) -> Job:
    """Cancel a queued job, or stop a running one before it saves anything."""
    job = get_job(owner_id=owner_id, job_id=job_id)
    status = _status(job)
    if status in ("succeeded", "failed"):
        raise Conflict(f"The job already {'finished' if status == 'succeeded' else 'failed'}.")
    if status == "queued":
        job.cancel()
    elif status == "running":
        # Checked by the job before it saves (thread mode cannot kill a thread) ...
        job.meta["cancel_requested"] = True
        job.save_meta()
        if get_runtime().mode == "redis":
            # ... and a process worker stops the job at once.
            with suppress(InvalidJobOperation):  # it finished meanwhile
                send_stop_job_command(job.connection, job.id)
    job.refresh()
    return job


def _registry(queue: Any, status: str) -> Any:
    registries = {
        "failed": FailedJobRegistry,
        "scheduled": ScheduledJobRegistry,
        "running": StartedJobRegistry,
    }
    return registries[status](queue=queue)


def list_jobs(*, status: str, limit: int = 100) -> list[dict[str, Any]]:
    """Jobs of every queue in one state, newest first (admins)."""
    runtime = get_runtime()
    ids: list[str] = []
    for queue in runtime.queues():
        ids.extend(
            queue.get_job_ids() if status == "queued" else _registry(queue, status).get_job_ids()
        )
    jobs = [job for job in Job.fetch_many(ids, connection=runtime.connection) if job is not None]
    if status == "failed":
        jobs = [job for job in jobs if job.get_status(refresh=False) == JobStatus.FAILED]
    jobs.sort(key=lambda job: job.created_at, reverse=True)
    return [describe_for_admin(job) for job in jobs[:limit]]


def describe_for_admin(job: Job) -> dict[str, Any]:
    out = describe(job)
    out.update(
        queue=job.origin,
        owner_id=job.meta.get("owner_id"),
        request_id=job.meta.get("request_id"),
        attempts=(job.number_of_retries or 0) + (1 if job.ended_at or job.started_at else 0),
        failure=_failure(job) if out["status"] == "failed" else None,
    )
    return out


def _failure(job: Job) -> str | None:
    """The exception's last line (its type and message), without the traceback."""
    result = job.latest_result()
    text = (result.exc_string if result else None) or ""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:500] if lines else None


def _failed(job_id: str) -> Job:
    job = _fetch(job_id)
    if job is None or job.get_status(refresh=False) != JobStatus.FAILED:
        raise NotFound("No such failed job.")
    return job


def retry_job(*, job_id: str) -> Job:
    """Put a failed job back on its queue (admins)."""
    job = _failed(job_id)
    job.meta.pop("error", None)
    job.save_meta()
    FailedJobRegistry(job.origin, connection=job.connection).requeue(job)
    get_runtime().ensure_worker()
    job.refresh()
    return job


def discard_job(*, job_id: str) -> None:
    """Forget a failed job (admins)."""
    job = _failed(job_id)
    FailedJobRegistry(job.origin, connection=job.connection).remove(job, delete_job=True)
