from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Time
from sqlalchemy.orm import Mapped, mapped_column

from app.core.extensions import db
from app.models.types import UTCDateTime, utcnow

DONE, SKIPPED = "done", "skipped"


class TaskOccurrence(db.Model):
    """One past occurrence of a recurring task: completed or skipped, and when."""

    __tablename__ = "task_occurrences"
    __table_args__ = (Index("ix_task_occurrences_task_due", "task_id", "due_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    due_date: Mapped[date] = mapped_column(Date)
    due_time: Mapped[time | None] = mapped_column(Time)
    outcome: Mapped[str] = mapped_column(String(8))  # DONE or SKIPPED
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<TaskOccurrence {self.id} task={self.task_id} {self.due_date} {self.outcome}>"
