"""Helpers views share: who is calling, and the admin gate."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import Response, current_app, request
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
    if user is None or not user.is_active:
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


def account_rate_limit() -> str:
    return current_app.config["RATELIMIT_ACCOUNT"]


def ai_rate_limit() -> str:
    """The offline planner costs milliseconds; a paid provider costs money."""
    if current_app.config["AI_PROVIDER"] == "offline":
        return current_app.config["RATELIMIT_AI_OFFLINE"]
    return current_app.config["RATELIMIT_AI"]


def login_account_key() -> str:
    """The account a login is for (its email as the services compare it), else the IP."""
    body = request.get_json(silent=True)
    email = body.get("email") if isinstance(body, dict) else None
    if isinstance(email, str) and email.strip():
        return f"account:{email.strip().lower()}"
    return f"ip:{get_remote_address()}"


def refused(status: int) -> Callable[[Response], bool]:
    """For ``deduct_when``: spend the budget only on answers with this status."""
    return lambda response: response.status_code == status


def user_or_ip_key() -> str:
    identity = get_jwt_identity()
    return f"user:{identity}" if identity else f"ip:{get_remote_address()}"
