from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Integer, String, Table, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.extensions import db
from app.models.types import UTCDateTime, utcnow

# Which labels each task carries. Deleting a task or a label removes its rows here.
task_labels = Table(
    "task_labels",
    db.metadata,
    Column("task_id", ForeignKey("tasks.id", ondelete="CASCADE"), primary_key=True),
    Column("label_id", ForeignKey("labels.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Label(db.Model):
    """A user's tag for tasks, created the first time a task uses its name."""

    __tablename__ = "labels"
    __table_args__ = (UniqueConstraint("user_id", "name_key", name="uq_labels_user_name_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(40))
    # The case-folded name: "Casa" and "casa" are one label.
    name_key: Mapped[str] = mapped_column(String(160))
    color: Mapped[str] = mapped_column(String(16), default="grey", server_default="grey")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def rename(self, name: str) -> None:
        self.name, self.name_key = name, name.casefold()

    def __repr__(self) -> str:
        return f"<Label {self.id} {self.name!r}>"
