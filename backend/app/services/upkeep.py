"""Upkeep: remove token rows that can no longer matter."""

from __future__ import annotations

from datetime import UTC, datetime

from app.core.extensions import db
from app.repositories import tokens as token_repository


def purge_expired_tokens(*, now: datetime | None = None) -> dict[str, int]:
    """Delete expired refresh tokens, revoked access tokens and reset links; count each.

    An expired token is refused on its own expiry date, so its row only served reuse
    detection until then; a used reset link is kept until it expires like the others.
    """
    counts = token_repository.delete_expired(now=now or datetime.now(UTC))
    db.session.commit()
    return counts
