"""Helpers views share: who is calling (and whether their token still counts), and the
admin gate."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import Response, current_app, request
from flask_jwt_extended import get_jwt_identity, jwt_required
from flask_limiter.util import get_remote_address
from flask_smorest.error_handler import ErrorSchema

from app.core.errors import Forbidden
from app.core.extensions import jwt
from app.models import User
from app.services import accounts, tokens

F = TypeVar("F", bound=Callable[..., Any])
# OpenAPI: the operation needs an access token as a Bearer header.
BEARER: dict[str, Any] = {"security": [{"bearerAuth": []}]}


def failure(description: str) -> dict[str, Any]:
    """Arguments of ``alt_response`` for an error: the JSON error envelope, described."""
    return {"schema": ErrorSchema, "description": description}


def current_user_id() -> int:
    return int(get_jwt_identity())


def current_user() -> User:
    return accounts.active_user(current_user_id())


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


@jwt.user_lookup_loader
def _account_of(_header: dict[str, Any], payload: dict[str, Any]) -> bool | None:
    # Every token, access or refresh, must belong to an existing, active account;
    # None makes Flask-JWT-Extended answer with its user_lookup_error_loader (401).
    return True if tokens.account_accepts_tokens(payload) else None


@jwt.token_in_blocklist_loader
def _is_revoked(_header: dict[str, Any], payload: dict[str, Any]) -> bool:
    # Refresh tokens are checked (and rotated) by the refresh service itself, which must
    # see a reused token to revoke its whole family.
    if payload.get("type") != "access":
        return False
    return tokens.is_access_token_revoked(payload)
