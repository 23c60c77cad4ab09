"""The queries and writes on calendar feed addresses (one per user)."""

from __future__ import annotations

from sqlalchemy import select

from app.core.extensions import db
from app.models import CalendarFeed


def of_owner(owner_id: int, *, lock: bool = False) -> CalendarFeed | None:
    """The owner's feed; ``lock``: its row locked until commit (a concurrent regenerate waits)."""
    statement = select(CalendarFeed).where(CalendarFeed.user_id == owner_id)
    return db.session.scalar(statement.with_for_update() if lock else statement)


def by_token(token: str) -> CalendarFeed | None:
    return db.session.scalar(select(CalendarFeed).where(CalendarFeed.token == token))


def add(feed: CalendarFeed) -> None:
    db.session.add(feed)


def delete(feed: CalendarFeed) -> None:
    db.session.delete(feed)
