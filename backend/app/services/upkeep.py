"""Upkeep: remove token rows that can no longer matter."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete

from app.core.extensions import db
from app.models import PasswordResetToken, RefreshToken, RevokedAccessToken


def purge_expired_tokens(*, now: datetime | None = None) -> dict[str, int]:
    """Delete expired refresh tokens, revoked access tokens and reset links; count each.

    An expired token is refused on its own expiry date, so its row only served reuse
    detection until then; a used reset link is kept until it expires like the others.
    """
    now = now or datetime.now(UTC)
    counts = {}
    for label, model in (
        ("refresh_tokens", RefreshToken),
        ("revoked_access_tokens", RevokedAccessToken),
        ("password_reset_tokens", PasswordResetToken),
    ):
        result = db.session.execute(delete(model).where(model.expires_at < now))
        counts[label] = result.rowcount  # type: ignore[attr-defined]
    db.session.commit()
    return counts
