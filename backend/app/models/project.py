from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.extensions import db
from app.models.types import UTCDateTime, utcnow

# Colour names, not values: the web app maps each to a shade readable in both themes.
COLORS = (
    "red",
    "orange",
    "amber",
    "yellow",
    "lime",
    "green",
    "teal",
    "cyan",
    "blue",
    "indigo",
    "violet",
    "pink",
    "brown",
    "grey",
)


class Project(db.Model):
    """A list of tasks. Tasks without a project are the Inbox."""

    __tablename__ = "projects"
    __table_args__ = (
        # Names are unique per user whatever their case: name_key is the case-folded name.
        UniqueConstraint("user_id", "name_key", name="uq_projects_user_name_key"),
        Index("ix_projects_user_position", "user_id", "position"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(80))
    name_key: Mapped[str] = mapped_column(String(320))
    color: Mapped[str] = mapped_column(String(16), default="blue", server_default="blue")
    position: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    archived: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    def rename(self, name: str) -> None:
        self.name, self.name_key = name, name.casefold()

    def __repr__(self) -> str:
        return f"<Project {self.id} user={self.user_id}>"
