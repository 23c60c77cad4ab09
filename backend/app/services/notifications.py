"""The caller's notifications. Another user's notification does not exist (404)."""

from __future__ import annotations

from typing import Any

from app.core import clock
from app.core.errors import NotFound
from app.core.extensions import db
from app.models import Notification
from app.repositories import notifications as notification_repository

LATEST = 50


def latest(*, owner_id: int) -> dict[str, Any]:
    return {
        "items": notification_repository.latest(owner_id=owner_id, limit=LATEST),
        "unread": notification_repository.unread_count(owner_id=owner_id),
    }


def mark_read(*, owner_id: int, notification_id: int) -> Notification:
    notification = notification_repository.owned(owner_id=owner_id, notification_id=notification_id)
    if notification is None:
        raise NotFound("Notification not found.")
    if notification.read_at is None:
        notification.read_at = clock.now()
        db.session.commit()
    return notification


def mark_all_read(*, owner_id: int) -> None:
    notification_repository.mark_all_read(owner_id=owner_id, now=clock.now())
    db.session.commit()
