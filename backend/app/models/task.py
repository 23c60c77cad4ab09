from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    Time,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.extensions import db
from app.domain.limits import TITLE_MAX_LENGTH
from app.models.label import Label, task_labels
from app.models.reminder import Reminder
from app.models.types import UTCDateTime, utcnow

NO_PRIORITY = 4  # priorities run from 1 (highest) to 4 (none)
# Trigram GIN indexes serving the list's ILIKE search, made by migration 0007 on PostgreSQL
# only (SQLite has no pg_trgm), so they are not in the metadata; autogenerate skips them.
SEARCH_INDEXES = ("ix_tasks_title_trgm", "ix_tasks_description_trgm")


def is_managed(obj: object, name: str | None, type_: str, *_args: object) -> bool:
    """Alembic's ``include_object``: everything but the PostgreSQL-only search indexes."""
    return not (type_ == "index" and name in SEARCH_INDEXES)


class Task(db.Model):
    __tablename__ = "tasks"
    # Every list query filters by owner first, then sorts or filters by one of these.
    __table_args__ = (
        Index("ix_tasks_user_created", "user_id", "created_at"),
        Index("ix_tasks_user_due", "user_id", "due_date"),
        Index("ix_tasks_user_title", "user_id", "title"),
        Index("ix_tasks_user_done", "user_id", "done"),
        Index("ix_tasks_user_project_position", "user_id", "project_id", "position"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    # Subtasks live and die with their parent: the database deletes them in cascade.
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("tasks.id", ondelete="CASCADE"), index=True
    )
    # None is the Inbox. Subtasks always carry their parent's project.
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("projects.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(TITLE_MAX_LENGTH))
    description: Mapped[str | None] = mapped_column(Text)
    done: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    due_date: Mapped[date | None] = mapped_column(Date)
    # Local wall-clock time in the owner's zone, so 9:00 stays 9:00 across DST changes.
    due_time: Mapped[time | None] = mapped_column(Time)
    # An RFC 5545 RRULE; recurrence_start is the first date it counts from (COUNT, INTERVAL).
    recurrence: Mapped[str | None] = mapped_column(String(200))
    recurrence_start: Mapped[date | None] = mapped_column(Date)
    estimate_minutes: Mapped[int | None] = mapped_column(Integer)
    priority: Mapped[int] = mapped_column(
        SmallInteger, default=NO_PRIORITY, server_default=str(NO_PRIORITY)
    )
    # Manual order among the tasks of one project (or the Inbox) and one parent; gaps
    # between values let a move write one row (see repositories.positions).
    position: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    reminders: Mapped[list[Reminder]] = relationship(
        lazy="selectin", order_by="Reminder.id", cascade="all, delete-orphan", passive_deletes=True
    )
    # Loaded for a whole page at once (one SELECT ... IN), never row by row.
    labels: Mapped[list[Label]] = relationship(
        secondary=task_labels, lazy="selectin", order_by=Label.name_key
    )

    # Subtask progress is not a column: repositories.tasks fills it, as two columns of the
    # query that reads the tasks (or with one grouped query for tasks already loaded).
    subtask_count = 0
    subtasks_done = 0

    @property
    def label_names(self) -> list[str]:
        return [label.name for label in self.labels]

    def set_done(self, done: bool) -> None:
        """Open or close the task; completed_at records when it was closed."""
        if done and not self.done:
            self.completed_at = utcnow()
        elif not done:
            self.completed_at = None
        self.done = done

    def __repr__(self) -> str:
        return f"<Task {self.id} user={self.user_id}>"
