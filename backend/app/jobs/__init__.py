"""Background jobs on RQ (Redis Queue): mail, AI generation and scheduled upkeep.

Other modules use three one-liners, all taking a function decorated with ``@job``:

    from app.jobs import enqueue, enqueue_at, job, periodic

    enqueue(deliver_mail, to=..., subject=..., body=...)           # as soon as a worker is free
    enqueue_at(remind_at, send_reminder, task_id=task.id)           # at an instant (UTC-aware)

    @periodic(cron="17 3 * * *")                                    # fired once per slot, whatever
    @job(queue="default")                                           # the number of workers
    def purge_expired_tokens() -> dict[str, int]: ...

A module that declares periodic jobs is listed in ``app.jobs.catalog.JOB_MODULES``.
"""

from app.jobs.queue import enqueue, enqueue_at, enqueue_in, init_jobs
from app.jobs.runtime import JobCancelled, checkpoint, job
from app.jobs.schedule import periodic

__all__ = [
    "JobCancelled",
    "checkpoint",
    "enqueue",
    "enqueue_at",
    "enqueue_in",
    "init_jobs",
    "job",
    "periodic",
]
