"""The queries and writes on reminders, their notifications and mail deliveries."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select

from app.core.extensions import db
from app.models import MailDelivery, Notification, Reminder, Task


def lock_due(*, now: datetime, limit: int) -> list[Reminder]:
    """Reminders due at ``now`` (not yet sent for their moment) of open tasks, earliest
    first; their rows locked with SKIP LOCKED, so two workers never take the same one."""
    return list(
        db.session.scalars(
            select(Reminder)
            .join(Task, Task.id == Reminder.task_id)
            .where(
                Reminder.fire_at <= now,
                or_(Reminder.sent_for.is_(None), Reminder.sent_for != Reminder.fire_at),
                Task.done.is_(False),
            )
            .order_by(Reminder.fire_at)
            .limit(limit)
            .with_for_update(skip_locked=True, of=Reminder)
        )
    )


def add_notification(notification: Notification) -> None:
    db.session.add(notification)


def mail_delivered(key: str) -> bool:
    """Was a mail with this delivery key already sent?"""
    return db.session.scalar(select(MailDelivery.id).where(MailDelivery.key == key)) is not None


def add_mail_delivery(delivery: MailDelivery) -> None:
    db.session.add(delivery)
