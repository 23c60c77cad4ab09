"""Issuing, rotating and revoking JWTs.

PostgreSQL is the source of truth for revocation, so it holds across workers, replicas
and restarts; Redis, when configured, caches the answers for access tokens, and each
process keeps the answers it has for ``REVOCATION_CACHE_SECONDS`` in memory, so the common
request asks neither. An access token is refused when its own id was revoked (logout) and
when its account is gone, deactivated, or ended its sessions after the token was issued
(``tokens_valid_after``). A revocation takes effect at once in the process that made it and
within ``REVOCATION_CACHE_SECONDS`` in every other.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import redis
from cachetools import TTLCache
from flask import current_app, g
from flask_jwt_extended import create_access_token, create_refresh_token, decode_token

from app.core.cache import get_redis
from app.core.errors import AuthError
from app.core.extensions import db
from app.models import User
from app.repositories import tokens as token_repository
from app.repositories import users as user_repository

log = logging.getLogger(__name__)
_CACHE_PREFIX = "tarefa:revoked:"
_USER_PREFIX = "tarefa:user-sessions:"
# A "still valid" answer is cached briefly so a change on another replica wins quickly.
_NOT_REVOKED_TTL_SECONDS = 30
# Cached state of an account that is deleted or deactivated: every token is refused.
_NO_SESSIONS = "none"
REUSE_MESSAGE = "Refresh token reuse detected; please log in again."
_LOCAL_KEY = "tarefa.revocation_cache"


def _monotonic() -> float:
    return time.monotonic()  # a module function, so tests can move time forward


class LocalCache:
    """The answers this process already has, each trusted for ``seconds`` (thread-safe)."""

    def __init__(self, seconds: float) -> None:
        self._entries: TTLCache[str, str] | None = (
            TTLCache(maxsize=20_000, ttl=seconds, timer=lambda: _monotonic()) if seconds else None
        )
        self._lock = threading.Lock()

    def get(self, key: str) -> str | None:
        if self._entries is None:
            return None
        with self._lock:
            return self._entries.get(key)

    def put(self, key: str, value: str, *, only_new: bool = False) -> None:
        if self._entries is None:
            return
        with self._lock:
            if not (only_new and key in self._entries):
                self._entries[key] = value


def local_cache() -> LocalCache:
    extensions = current_app.extensions
    if _LOCAL_KEY not in extensions:
        extensions.setdefault(
            _LOCAL_KEY, LocalCache(current_app.config["REVOCATION_CACHE_SECONDS"])
        )
    return extensions[_LOCAL_KEY]


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
    # ``iat`` to the microsecond, so a token issued right after a password change is told
    # apart from one issued right before it (whole seconds would blur the two).
    issued_at = time.time()
    access = create_access_token(
        identity=identity,
        additional_claims={"adm": user.is_admin, "iat": issued_at},
        expires_delta=timedelta(minutes=access_minutes),
    )
    family = family_id or str(uuid.uuid4())
    refresh = create_refresh_token(
        identity=identity,
        additional_claims={"fam": family, "iat": issued_at},
        expires_delta=timedelta(days=refresh_days),
    )
    claims = decode_token(refresh)
    token_repository.add_refresh_token(
        jti=claims["jti"],
        family_id=family,
        user_id=user.id,
        expires_at=datetime.fromtimestamp(claims["exp"], UTC),
    )
    db.session.commit()
    return TokenPair(access, refresh, access_minutes * 60)


def rotate_refresh_token(claims: dict[str, Any]) -> TokenPair:
    """Swap a refresh token for a new pair; any second use ends every session of the user.

    The swap is one conditional UPDATE: of N concurrent uses of one token exactly one
    changes the row (PostgreSQL makes the others wait for it, then re-check), and the
    others are treated as the theft they look like.
    """
    jti = claims["jti"]
    claimed = token_repository.claim_refresh_token(jti, now=datetime.now(UTC))
    stored = token_repository.get_refresh_token(jti)
    if stored is None:
        db.session.rollback()
        raise AuthError("Unknown refresh token.")
    user = user_repository.get(stored.user_id)
    if not claimed:
        db.session.rollback()
        log.warning("refresh token reuse detected", extra={"user_id": stored.user_id})
        if user is not None:
            end_sessions(user)
        raise AuthError(REUSE_MESSAGE)
    if user is None or not user.is_active:
        db.session.rollback()
        raise AuthError("The account behind this token no longer exists.")
    return issue_tokens(user=user, family_id=stored.family_id)


def revoke_refresh_token(*, jti: str, user_id: int) -> None:
    """Revoke one refresh token of ``user_id`` (someone else's is left alone)."""
    token_repository.revoke_refresh_token(jti=jti, user_id=user_id, now=datetime.now(UTC))
    db.session.commit()


def end_sessions(user: User) -> None:
    """Revoke every refresh token of ``user`` and refuse every access token issued so far.

    Commits, together with whatever change of ``user`` the caller made (a new password,
    deactivation), then tells the other workers through the cache.
    """
    now = datetime.now(UTC)
    token_repository.revoke_refresh_tokens_of(user.id, now=now)
    user.tokens_valid_after = now
    db.session.commit()
    publish_account_state(user_id=user.id, user=user)


def publish_account_state(*, user_id: int, user: User | None) -> None:
    """After a commit: overwrite the cached session state, at once in this process and in
    Redis; other processes see it when their own copy expires."""
    key, state = _USER_PREFIX + str(user_id), _account_state(user)
    local_cache().put(key, state)
    _cache_write(key, state, _NOT_REVOKED_TTL_SECONDS)


def revoke_access_token(*, jti: str, expires_at: datetime) -> None:
    token_repository.revoke_access_token(jti=jti, expires_at=expires_at)
    db.session.commit()
    ttl = max(int((expires_at - datetime.now(UTC)).total_seconds()), 1)
    local_cache().put(_CACHE_PREFIX + jti, "1")
    _cache_write(_CACHE_PREFIX + jti, "1", ttl)


def is_access_token_revoked(claims: dict[str, Any]) -> bool:
    """True for a logged-out token, or one issued before its account ended its sessions."""
    jti_revoked, state = _token_state(claims)
    if jti_revoked:
        return True
    if state in ("", _NO_SESSIONS):  # a gone account is ``account_accepts_tokens``'s to refuse
        return False
    return float(claims["iat"]) < float(state)


def account_accepts_tokens(claims: dict[str, Any]) -> bool:
    """False when the token's account was deleted or deactivated."""
    return _token_state(claims)[1] != _NO_SESSIONS


def _token_state(claims: dict[str, Any]) -> tuple[bool, str]:
    """(Was this token's id revoked?, its account's state), from this process's cache, else
    Redis, else one query; remembered for the rest of the request."""
    jti, user_id = claims["jti"], int(claims["sub"])
    remembered = g.get("tarefa_token_state")
    if remembered is not None and remembered[0] == jti:
        return remembered[1]
    jti_key, user_key = _CACHE_PREFIX + jti, _USER_PREFIX + str(user_id)
    local = local_cache()
    cached_jti, cached_state = local.get(jti_key), local.get(user_key)
    if cached_jti is None or cached_state is None:
        cached_jti, cached_state = _cache_read_both(jti_key, user_key)
        if cached_jti is None or cached_state is None:
            cached_jti, cached_state = _read_token_state(jti, user_id)
            if cached_jti == "0":
                _cache_write(jti_key, "0", _NOT_REVOKED_TTL_SECONDS, only_new=True)
            # Never overwrites a state written meanwhile by a change that committed after
            # our read; nor does the local copy below.
            _cache_write(user_key, cached_state, _NOT_REVOKED_TTL_SECONDS, only_new=True)
        local.put(jti_key, cached_jti, only_new=True)
        local.put(user_key, cached_state, only_new=True)
    answer = (cached_jti == "1", cached_state)
    g.tarefa_token_state = (jti, answer)
    return answer


def _read_token_state(jti: str, user_id: int) -> tuple[str, str]:
    revoked, is_active, valid_after = token_repository.token_state(jti, user_id)
    jti_state = "1" if revoked else "0"
    if not is_active:  # no such account, or deactivated
        return jti_state, _NO_SESSIONS
    if isinstance(valid_after, str):  # SQLite hands a scalar subquery's datetime back as text
        valid_after = datetime.fromisoformat(valid_after)
    return jti_state, "" if valid_after is None else _instant(valid_after)


def _account_state(user: User | None) -> str:
    """``none`` (no token accepted), ``""`` (all accepted) or the POSIX instant they start."""
    if user is None or not user.is_active:
        return _NO_SESSIONS
    if user.tokens_valid_after is None:
        return ""
    return _instant(user.tokens_valid_after)


def _instant(moment: datetime) -> str:
    if moment.tzinfo is None:  # SQLite keeps no zone; every stored instant is UTC
        moment = moment.replace(tzinfo=UTC)
    return repr(moment.timestamp())


def _cache_read_both(first: str, second: str) -> tuple[str | None, str | None]:
    """Two keys in one round trip; (None, None) without Redis or when it fails."""
    client = get_redis()
    if client is None:
        return None, None
    try:
        values = client.mget(first, second)
    except redis.RedisError as exc:
        log.warning("redis unavailable for revocation cache: %s", exc.__class__.__name__)
        return None, None
    one, two = (None if value is None else value.decode() for value in values)
    return one, two


def _cache_write(key: str, value: str, ttl: int, *, only_new: bool = False) -> None:
    client = get_redis()
    if client is None:
        return
    try:
        client.set(key, value.encode(), ex=ttl, nx=only_new)
    except redis.RedisError as exc:
        log.warning("redis unavailable for revocation cache: %s", exc.__class__.__name__)
