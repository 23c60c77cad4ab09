"""Mail as a job: retried with backoff while SMTP fails, delivered once per key."""

from __future__ import annotations

import logging
from typing import Any

from rq import get_current_job

from app.core.extensions import db
from app.core.mail import send_mail
from app.jobs.queue import enqueue
from app.jobs.runtime import job
from app.models import MailDelivery
from app.repositories import reminders as delivery_repository

log = logging.getLogger("tarefa.jobs.mail")


@job(queue="mail", retry=True, timeout=120)
def deliver_mail(*, to: str, subject: str, body: str, key: str | None = None) -> dict[str, Any]:
    """Send one mail unless a delivery with the same key is already recorded.

    The delivery is recorded right after the SMTP server accepted the message, so a job
    retried after its worker died once the mail was out does not send it again.
    """
    current = get_current_job()
    job_id = current.id if current else None
    key = key or f"job:{job_id}"
    if delivery_repository.mail_delivered(key):
        log.info("mail already delivered, not sent again", extra={"delivery_key": key})
        return {"delivered": False, "duplicate": True}
    send_mail(to=to, subject=subject, body=body)
    delivery_repository.add_mail_delivery(
        MailDelivery(key=key, recipient=to, subject=subject[:200], job_id=job_id)
    )
    db.session.commit()
    log.info("mail delivered", extra={"delivery_key": key})
    return {"delivered": True, "duplicate": False}


def send_mail_later(*, to: str, subject: str, body: str, key: str | None = None) -> str:
    """Queue a mail; ``key`` names what it is about (default: the job), for idempotence."""
    return enqueue(deliver_mail, to=to, subject=subject, body=body, key=key).id
