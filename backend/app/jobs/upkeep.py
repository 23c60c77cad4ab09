"""Scheduled upkeep."""

from __future__ import annotations

import logging

from app.jobs.runtime import job
from app.jobs.schedule import periodic
from app.services import upkeep

log = logging.getLogger("tarefa.jobs.upkeep")


@periodic(cron="17 3 * * *")  # daily at 03:17 UTC
@job(queue="default", retry=True, timeout=600)
def purge_expired_tokens() -> dict[str, int]:
    """Daily: delete expired refresh tokens, revoked access tokens and reset links."""
    counts = upkeep.purge_expired_tokens()
    log.info("expired tokens purged", extra=counts)
    return counts
