"""Reminders: every 30 seconds, deliver the ones that are due."""

from __future__ import annotations

import logging

from app.core import clock
from app.jobs.runtime import job
from app.jobs.schedule import periodic
from app.services import reminders

log = logging.getLogger("tarefa.jobs.reminders")


@periodic(every_seconds=30)
@job(queue="default", retry=True, timeout=120)
def send_due_reminders() -> dict[str, int]:
    """Send the mail and record the notification of each reminder now due."""
    sent = reminders.send_due(now=clock.now())
    if sent:
        log.info("reminders sent", extra={"sent": sent})
    return {"sent": sent}
