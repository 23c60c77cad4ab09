"""Helpers views share: who is calling, and the admin gate."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import current_app
from flask_jwt_extended import get_jwt_identity, jwt_required
from flask_limiter.util import get_remote_address
from flask_smorest.error_handler import ErrorSchema

from app.core.errors import AuthError, Forbidden
from app.core.extensions import db
from app.models import User

F = TypeVar("F", bound=Callable[..., Any])
# OpenAPI: the operation needs an access token as a Bearer header.
BEARER: dict[str, Any] = {"security": [{"bearerAuth": []}]}


def failure(description: str) -> dict[str, Any]:
    """Arguments of ``alt_response`` for an error: the JSON error envelope, described."""
    return {"schema": ErrorSchema, "description": description}


def current_user_id() -> int:
    return int(get_jwt_identity())


def current_user() -> User:
    user = db.session.get(User, current_user_id())
    if user is None:
        raise AuthError("The account behind this token no longer exists.")
    return user


def admin_required(view: F) -> F:
    """Require a valid access token of an account that is an admin right now."""

    @wraps(view)
    @jwt_required()
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if not current_user().is_admin:
            raise Forbidden("Admin rights are required.")
        return view(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def auth_rate_limit() -> str:
    return current_app.config["RATELIMIT_AUTH"]


def ai_rate_limit() -> str:
    return current_app.config["RATELIMIT_AI"]


def user_or_ip_key() -> str:
    identity = get_jwt_identity()
    return f"user:{identity}" if identity else f"ip:{get_remote_address()}"
