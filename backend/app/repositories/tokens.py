"""The queries and writes on refresh tokens, revoked access tokens and password-reset links."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, exists, select, update

from app.core.extensions import db
from app.models import PasswordResetToken, RefreshToken, RevokedAccessToken, User


def add_refresh_token(*, jti: str, family_id: str, user_id: int, expires_at: datetime) -> None:
    db.session.add(
        RefreshToken(jti=jti, family_id=family_id, user_id=user_id, expires_at=expires_at)
    )


def claim_refresh_token(jti: str, *, now: datetime) -> bool:
    """Revoke the token if it is still live, in one conditional UPDATE: of concurrent
    claims of one token exactly one returns True."""
    claimed = db.session.execute(
        update(RefreshToken)
        .where(RefreshToken.jti == jti, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now)
        .execution_options(synchronize_session=False)
    )
    return claimed.rowcount == 1


def get_refresh_token(jti: str) -> RefreshToken | None:
    return db.session.get(RefreshToken, jti)


def revoke_refresh_token(*, jti: str, user_id: int, now: datetime) -> None:
    db.session.execute(
        update(RefreshToken)
        .where(
            RefreshToken.jti == jti,
            RefreshToken.user_id == user_id,
            RefreshToken.revoked_at.is_(None),
        )
        .values(revoked_at=now)
    )


def revoke_refresh_tokens_of(user_id: int, *, now: datetime) -> None:
    db.session.execute(
        update(RefreshToken)
        .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )


def revoke_access_token(*, jti: str, expires_at: datetime) -> None:
    if db.session.get(RevokedAccessToken, jti) is None:
        db.session.add(RevokedAccessToken(jti=jti, expires_at=expires_at))


def token_state(jti: str, user_id: int) -> tuple[bool, bool | None, datetime | str | None]:
    """In one query: (is this access token id revoked?, is its account active (None: no
    such account)?, the account's ``tokens_valid_after``; SQLite hands it back as text)."""
    account = select(User.is_active, User.tokens_valid_after).where(User.id == user_id)
    row = db.session.execute(
        select(
            exists().where(RevokedAccessToken.jti == jti),
            account.with_only_columns(User.is_active).scalar_subquery(),
            account.with_only_columns(User.tokens_valid_after).scalar_subquery(),
        )
    ).one()
    return bool(row[0]), row[1], row[2]


def add_reset_link(*, user_id: int, token_hash: str, expires_at: datetime) -> None:
    db.session.add(
        PasswordResetToken(user_id=user_id, token_hash=token_hash, expires_at=expires_at)
    )


def claim_reset_link(token_hash: str, *, now: datetime) -> int | None:
    """Use a live reset link in one conditional UPDATE; its account's id, or None."""
    return db.session.scalar(
        update(PasswordResetToken)
        .where(
            PasswordResetToken.token_hash == token_hash,
            PasswordResetToken.used_at.is_(None),
            PasswordResetToken.expires_at > now,
        )
        .values(used_at=now)
        .returning(PasswordResetToken.user_id)
        .execution_options(synchronize_session=False)
    )


def void_reset_links(user_id: int, *, now: datetime) -> None:
    db.session.execute(
        update(PasswordResetToken)
        .where(PasswordResetToken.user_id == user_id, PasswordResetToken.used_at.is_(None))
        .values(used_at=now)
    )


def delete_expired(*, now: datetime) -> dict[str, int]:
    """Delete refresh tokens, revoked access tokens and reset links past their expiry;
    how many of each."""
    counts = {}
    for label, model in (
        ("refresh_tokens", RefreshToken),
        ("revoked_access_tokens", RevokedAccessToken),
        ("password_reset_tokens", PasswordResetToken),
    ):
        result = db.session.execute(delete(model).where(model.expires_at < now))
        counts[label] = result.rowcount  # type: ignore[attr-defined]
    return counts
