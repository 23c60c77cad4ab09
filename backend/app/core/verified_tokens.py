"""Flask-JWT-Extended's manager, remembering the access tokens it has verified."""

from __future__ import annotations

import threading
import time
from typing import Any

from cachetools import TTLCache
from flask import current_app
from flask_jwt_extended import JWTManager

_VERIFIED_KEY = "tarefa.verified_tokens"
# Long enough to span an access token's life (15 minutes by default), bounded in memory.
_VERIFIED_SECONDS = 900
_VERIFIED_MAX = 10_000


class _VerifiedTokens:
    """Claims of the tokens this app verified, by the token's exact text (thread-safe)."""

    def __init__(self) -> None:
        self._claims: TTLCache[str, dict[str, Any]] = TTLCache(_VERIFIED_MAX, _VERIFIED_SECONDS)
        self._lock = threading.Lock()

    def get(self, token: str) -> dict[str, Any] | None:
        with self._lock:
            return self._claims.get(token)

    def put(self, token: str, claims: dict[str, Any]) -> None:
        with self._lock:
            self._claims[token] = claims


class CachingJWTManager(JWTManager):
    """Verifies a bearer token once per process, then trusts its exact text until it expires.

    Flask-JWT-Extended decodes a token three times to verify it, and PyJWT checks every
    character of every segment in Python: about a tenth of a millisecond per request. The
    same text verified with the same key always gives the same claims; only their expiry
    depends on the time, so it is checked again at each use (an expired token takes the
    full path, which refuses it as before). Revocation and the account's state are not
    claims: they are checked at every request, after this. Tokens with a CSRF value
    (cookies) are not remembered. The claims live per app, as the key does.
    """

    def _decode_jwt_from_config(
        self, encoded_token: str, csrf_value: str | None = None, allow_expired: bool = False
    ) -> dict[str, Any]:
        if csrf_value is not None or allow_expired:
            return super()._decode_jwt_from_config(encoded_token, csrf_value, allow_expired)
        verified = _verified_tokens()
        claims = verified.get(encoded_token)
        if claims is None or _expired(claims):
            claims = super()._decode_jwt_from_config(encoded_token)
            verified.put(encoded_token, claims)
        return dict(claims)  # a copy: callers keep it as the request's own


def _expired(claims: dict[str, Any]) -> bool:
    expires = claims.get("exp")  # absent when JWT_ACCESS_TOKEN_EXPIRES is off
    return expires is not None and expires <= time.time()  # PyJWT's own rule, without leeway


def _verified_tokens() -> _VerifiedTokens:
    extensions = current_app.extensions
    if _VERIFIED_KEY not in extensions:
        extensions.setdefault(_VERIFIED_KEY, _VerifiedTokens())
    return extensions[_VERIFIED_KEY]
