"""Calendar feed addresses: one secret token per user, replaced when regenerated.

The token is not a login: it opens that user's feed (``GET /api/calendar/<token>.ics``)
and nothing else, so a calendar app can poll it without credentials.
"""

from __future__ import annotations

import secrets
from zoneinfo import ZoneInfo

from app.core.errors import NotFound
from app.core.extensions import db
from app.models import CalendarFeed
from app.repositories import calendar_feeds as feed_repository
from app.repositories import tasks as task_repository
from app.repositories import users as user_repository
from app.services.calendar import CalendarTask, build_feed

NO_FEED = "No calendar feed yet: create one first."


def _token() -> str:
    return secrets.token_urlsafe(32)  # 256 bits, 43 URL-safe characters


def get_feed(*, owner_id: int) -> CalendarFeed:
    feed = feed_repository.of_owner(owner_id)
    if feed is None:
        raise NotFound(NO_FEED)
    return feed


def regenerate(*, owner_id: int) -> CalendarFeed:
    """Create the feed, or give it a new token: the old address stops working at once."""
    feed = feed_repository.of_owner(owner_id, lock=True)
    if feed is None:
        feed = CalendarFeed(user_id=owner_id, token=_token())
        feed_repository.add(feed)
    else:
        feed.token = _token()
    db.session.commit()
    return feed


def remove(*, owner_id: int) -> None:
    feed_repository.delete(get_feed(owner_id=owner_id))
    db.session.commit()


def render(*, token: str, host: str) -> bytes:
    """The iCalendar of the token owner's open tasks that have a due date."""
    feed = feed_repository.by_token(token)
    if feed is None:
        raise NotFound("No such calendar feed.")
    user = user_repository.get(feed.user_id)
    assert user is not None  # the feed row is deleted with its user
    tasks = task_repository.open_dated(owner_id=user.id)
    items = (
        CalendarTask(
            id=t.id,
            title=t.title,
            description=t.description,
            due_date=t.due_date,  # type: ignore[arg-type]
            due_time=t.due_time,
            recurrence=t.recurrence,
            estimate_minutes=t.estimate_minutes,
            updated_at=t.updated_at,
        )
        for t in tasks
    )
    zone = ZoneInfo(user.timezone)
    return build_feed(items, zone=zone, name=f"Tarefa — {user.name}", host=host)
