from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.extensions import db
from app.models.types import UTCDateTime, utcnow


class Reminder(db.Model):
    """A reminder of a task: at an instant (``remind_at``) or ``before_minutes`` its due moment.

    ``fire_at`` is when it is due now; ``sent_for`` is the ``fire_at`` it was delivered for, so
    moving the task (or its next occurrence) re-arms a relative reminder.
    """

    __tablename__ = "reminders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    remind_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    before_minutes: Mapped[int | None] = mapped_column(Integer)
    fire_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    sent_for: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The language of the request that set it: the mail and notification speak it.
    language: Mapped[str] = mapped_column(String(8), default="en")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Notification(db.Model):
    """An in-app notification; ``key`` makes each reminder delivery happen once."""

    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="SET NULL"))
    key: Mapped[str] = mapped_column(String(120), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
