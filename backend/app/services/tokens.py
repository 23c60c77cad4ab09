"""Issuing, rotating and revoking JWTs.

PostgreSQL is the source of truth for revocation, so it holds across workers, replicas
and restarts; Redis, when configured, caches the answer for access tokens.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import redis
from flask import current_app
from flask_jwt_extended import create_access_token, create_refresh_token, decode_token
from sqlalchemy import select, update

from app.core.cache import get_redis
from app.core.errors import AuthError
from app.core.extensions import db
from app.models import RefreshToken, RevokedAccessToken, User

log = logging.getLogger(__name__)
_CACHE_PREFIX = "tarefa:revoked:"
# A "not revoked" answer is cached briefly so a logout on another replica wins quickly.
_NOT_REVOKED_TTL_SECONDS = 30


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in: int


def issue_tokens(*, user: User, family_id: str | None = None) -> TokenPair:
    """Create an access token and a refresh token; a login starts a new family."""
    access_minutes = current_app.config["ACCESS_TOKEN_MINUTES"]
    refresh_days = current_app.config["REFRESH_TOKEN_DAYS"]
    identity = str(user.id)
    access = create_access_token(
        identity=identity,
        additional_claims={"adm": user.is_admin},
        expires_delta=timedelta(minutes=access_minutes),
    )
    family = family_id or str(uuid.uuid4())
    refresh = create_refresh_token(
        identity=identity,
        additional_claims={"fam": family},
        expires_delta=timedelta(days=refresh_days),
    )
    claims = decode_token(refresh)
    db.session.add(
        RefreshToken(
            jti=claims["jti"],
            family_id=family,
            user_id=user.id,
            expires_at=datetime.fromtimestamp(claims["exp"], UTC),
        )
    )
    db.session.commit()
    return TokenPair(access, refresh, access_minutes * 60)


def rotate_refresh_token(claims: dict[str, Any]) -> TokenPair:
    """Swap a refresh token for a new pair; a second use of one revokes its family."""
    stored = db.session.get(RefreshToken, claims["jti"])
    if stored is None:
        raise AuthError("Unknown refresh token.")
    if stored.revoked_at is not None:
        _revoke_family(stored.family_id)
        log.warning("refresh token reuse detected", extra={"user_id": stored.user_id})
        raise AuthError("Refresh token reuse detected; please log in again.")
    user = db.session.get(User, stored.user_id)
    if user is None:
        raise AuthError("The account behind this token no longer exists.")
    stored.revoked_at = datetime.now(UTC)
    return issue_tokens(user=user, family_id=stored.family_id)


def revoke_refresh_token(jti: str) -> None:
    db.session.execute(
        update(RefreshToken)
        .where(RefreshToken.jti == jti, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=datetime.now(UTC))
    )
    db.session.commit()


def _revoke_family(family_id: str) -> None:
    db.session.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=datetime.now(UTC))
    )
    db.session.commit()


def revoke_access_token(*, jti: str, expires_at: datetime) -> None:
    if db.session.get(RevokedAccessToken, jti) is None:
        db.session.add(RevokedAccessToken(jti=jti, expires_at=expires_at))
    db.session.commit()
    ttl = max(int((expires_at - datetime.now(UTC)).total_seconds()), 1)
    _cache_set(jti, revoked=True, ttl=ttl)


def is_access_token_revoked(jti: str) -> bool:
    cached = _cache_get(jti)
    if cached is not None:
        return cached
    revoked = db.session.scalar(select(RevokedAccessToken.jti).where(RevokedAccessToken.jti == jti))
    _cache_set(jti, revoked=revoked is not None, ttl=_NOT_REVOKED_TTL_SECONDS)
    return revoked is not None


def _cache_get(jti: str) -> bool | None:
    client = get_redis()
    if client is None:
        return None
    try:
        value = client.get(_CACHE_PREFIX + jti)
    except redis.RedisError as exc:
        log.warning("redis unavailable for revocation cache: %s", exc.__class__.__name__)
        return None
    return None if value is None else value == b"1"


def _cache_set(jti: str, *, revoked: bool, ttl: int) -> None:
    client = get_redis()
    if client is None:
        return
    try:
        # "not revoked" never overwrites a revocation written meanwhile by a logout.
        client.set(_CACHE_PREFIX + jti, b"1" if revoked else b"0", ex=ttl, nx=not revoked)
    except redis.RedisError as exc:
        log.warning("redis unavailable for revocation cache: %s", exc.__class__.__name__)
