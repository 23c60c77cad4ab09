"""The queries and writes on notifications. Every one is scoped to an owner."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update

from app.core.extensions import db
from app.models import Notification


def latest(*, owner_id: int, limit: int) -> list[Notification]:
    return list(
        db.session.scalars(
            select(Notification)
            .where(Notification.user_id == owner_id)
            .order_by(Notification.created_at.desc(), Notification.id.desc())
            .limit(limit)
        )
    )


def unread_count(*, owner_id: int) -> int:
    count = db.session.scalar(
        select(func.count(Notification.id)).where(
            Notification.user_id == owner_id, Notification.read_at.is_(None)
        )
    )
    return count or 0


def owned(*, owner_id: int, notification_id: int) -> Notification | None:
    return db.session.scalar(
        select(Notification).where(
            Notification.id == notification_id, Notification.user_id == owner_id
        )
    )


def mark_all_read(*, owner_id: int, now: datetime) -> None:
    db.session.execute(
        update(Notification)
        .where(Notification.user_id == owner_id, Notification.read_at.is_(None))
        .values(read_at=now)
    )
