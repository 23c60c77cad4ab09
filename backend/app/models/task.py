from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, Time, func, select
from sqlalchemy.orm import Mapped, aliased, column_property, mapped_column

from app.core.extensions import db
from app.models.types import UTCDateTime, utcnow


class Task(db.Model):
    __tablename__ = "tasks"
    # Every list query filters by owner first, then sorts or filters by one of these.
    __table_args__ = (
        Index("ix_tasks_user_created", "user_id", "created_at"),
        Index("ix_tasks_user_due", "user_id", "due_date"),
        Index("ix_tasks_user_title", "user_id", "title"),
        Index("ix_tasks_user_done", "user_id", "done"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    # Subtasks live and die with their parent: the database deletes them in cascade.
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("tasks.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(160))
    description: Mapped[str | None] = mapped_column(Text)
    done: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    due_date: Mapped[date | None] = mapped_column(Date)
    # Local wall-clock time in the owner's zone, so 9:00 stays 9:00 across DST changes.
    due_time: Mapped[time | None] = mapped_column(Time)
    # An RFC 5545 RRULE; recurrence_start is the first date it counts from (COUNT, INTERVAL).
    recurrence: Mapped[str | None] = mapped_column(String(200))
    recurrence_start: Mapped[date | None] = mapped_column(Date)
    estimate_minutes: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    def __repr__(self) -> str:
        return f"<Task {self.id} user={self.user_id}>"


# Loaded with every task in the same SELECT (correlated subqueries on ix_tasks_parent_id),
# so a page of tasks with its subtask progress stays one query.
_Subtask = aliased(Task)
Task.subtask_count = column_property(
    select(func.count(_Subtask.id)).where(_Subtask.parent_id == Task.id).scalar_subquery()
)
Task.subtasks_done = column_property(
    select(func.count(_Subtask.id))
    .where(_Subtask.parent_id == Task.id, _Subtask.done.is_(True))
    .scalar_subquery()
)
