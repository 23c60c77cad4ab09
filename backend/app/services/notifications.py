"""The caller's notifications. Another user's notification does not exist (404)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, update

from app.core import clock
from app.core.errors import NotFound
from app.core.extensions import db
from app.models import Notification

LATEST = 50


def latest(*, owner_id: int) -> dict[str, Any]:
    items = db.session.scalars(
        select(Notification)
        .where(Notification.user_id == owner_id)
        .order_by(Notification.created_at.desc(), Notification.id.desc())
        .limit(LATEST)
    ).all()
    unread = db.session.scalar(
        select(func.count(Notification.id)).where(
            Notification.user_id == owner_id, Notification.read_at.is_(None)
        )
    )
    return {"items": items, "unread": unread or 0}


def mark_read(*, owner_id: int, notification_id: int) -> Notification:
    notification = db.session.scalar(
        select(Notification).where(
            Notification.id == notification_id, Notification.user_id == owner_id
        )
    )
    if notification is None:
        raise NotFound("Notification not found.")
    if notification.read_at is None:
        notification.read_at = clock.now()
        db.session.commit()
    return notification


def mark_all_read(*, owner_id: int) -> None:
    db.session.execute(
        update(Notification)
        .where(Notification.user_id == owner_id, Notification.read_at.is_(None))
        .values(read_at=clock.now())
    )
    db.session.commit()
