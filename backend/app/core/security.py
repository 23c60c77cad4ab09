"""Password hashing (argon2id) and the JWT callbacks that turn every token failure into JSON."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import Flask, Response, current_app

from app.core.envelope import error_response
from app.core.extensions import jwt

_HASHER_KEY = "tarefa.password_hasher"
_DUMMY_HASH_KEY = "tarefa.dummy_hash"
_HASH_SLOTS_KEY = "tarefa.password_hash_slots"


def init_password_hasher(app: Flask) -> None:
    hasher = PasswordHasher(
        time_cost=app.config["ARGON2_TIME_COST"],
        memory_cost=app.config["ARGON2_MEMORY_KIB"],
        parallelism=app.config["ARGON2_PARALLELISM"],
    )
    app.extensions[_HASHER_KEY] = hasher
    # Each argon2 hash holds ARGON2_MEMORY_KIB; a burst of logins on a threaded worker
    # would hold that many at once. Hashes beyond the slots wait their turn instead.
    slots = max(int(app.config["PASSWORD_HASH_CONCURRENCY"]), 1)
    app.extensions[_HASH_SLOTS_KEY] = threading.BoundedSemaphore(slots)


def hash_slots() -> threading.BoundedSemaphore:
    """The semaphore that bounds how many argon2 computations run at once in this process."""
    return current_app.extensions[_HASH_SLOTS_KEY]


@contextmanager
def _hash_slot() -> Iterator[None]:
    with hash_slots():
        yield


def _hasher() -> PasswordHasher:
    return current_app.extensions[_HASHER_KEY]


def _dummy_hash() -> str:
    """A hash to verify against when an account does not exist, so a failed login costs
    the same whether or not the email is known. Made on first use, not at start-up."""
    extensions = current_app.extensions
    if _DUMMY_HASH_KEY not in extensions:
        extensions[_DUMMY_HASH_KEY] = hash_password("tarefa-dummy-password")
    return extensions[_DUMMY_HASH_KEY]


def hash_password(password: str) -> str:
    with _hash_slot():
        return _hasher().hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Check a password; with ``password_hash=None`` burn the same time and fail."""
    target = password_hash or _dummy_hash()
    try:
        with _hash_slot():
            matched = _hasher().verify(target, password)
    except (VerificationError, InvalidHashError):
        return False
    return matched and password_hash is not None


def needs_rehash(password_hash: str) -> bool:
    return _hasher().check_needs_rehash(password_hash)


def _unauthorized(message: str) -> Response:
    response = error_response(401, message)
    response.headers["WWW-Authenticate"] = "Bearer"
    return response


@jwt.unauthorized_loader
def _missing_token(reason: str) -> Response:
    return _unauthorized(f"Authentication required: {reason}.")


@jwt.invalid_token_loader
def _invalid_token(reason: str) -> Response:
    return _unauthorized(f"Invalid token: {reason}.")


@jwt.expired_token_loader
def _expired_token(_header: dict[str, Any], _payload: dict[str, Any]) -> Response:
    return _unauthorized("Token has expired.")


@jwt.revoked_token_loader
def _revoked_token(_header: dict[str, Any], _payload: dict[str, Any]) -> Response:
    return _unauthorized("Token has been revoked.")


@jwt.needs_fresh_token_loader
def _needs_fresh(_header: dict[str, Any], _payload: dict[str, Any]) -> Response:
    return _unauthorized("A fresh login is required.")


@jwt.user_lookup_error_loader
def _user_gone(_header: dict[str, Any], _payload: dict[str, Any]) -> Response:
    return _unauthorized("The account behind this token no longer exists.")
