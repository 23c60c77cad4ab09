"""A record of each mail a job delivered, so a retried job never sends it twice."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.extensions import db
from app.models.types import UTCDateTime, utcnow


class MailDelivery(db.Model):
    """One delivered mail, keyed by what it is about (a job id, or ``reminder:<task>:<due>``)."""

    __tablename__ = "mail_deliveries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    recipient: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(String(200))
    job_id: Mapped[str | None] = mapped_column(String(64))
    delivered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
