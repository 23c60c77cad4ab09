"""Accounts and sessions: register, login, refresh, logout, profile, password reset."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask import Response, jsonify, request
from flask_jwt_extended import (
    decode_token,
    get_jwt,
    jwt_required,
    set_refresh_cookies,
    unset_jwt_cookies,
)
from flask_jwt_extended.exceptions import JWTExtendedException
from flask_smorest import Blueprint
from jwt.exceptions import PyJWTError

from app.api.deps import BEARER, auth_rate_limit, current_user, failure
from app.core.extensions import limiter
from app.schemas.auth import (
    LoginIn,
    MeUpdate,
    PasswordResetConfirmIn,
    PasswordResetIn,
    RegisterIn,
    TokenOut,
    UserOut,
)
from app.services import auth as auth_service
from app.services import tokens as token_service
from app.services.tokens import TokenPair

blp = Blueprint("auth", __name__, url_prefix="/api/auth", description="Accounts and sessions")
auth_limit = limiter.limit(auth_rate_limit, methods=["POST"])


def _token_response(pair: TokenPair) -> Response:
    """The pair as JSON, plus the refresh token as an httpOnly cookie for browsers."""
    response = jsonify(
        access_token=pair.access_token,
        refresh_token=pair.refresh_token,
        token_type="Bearer",  # noqa: S106 - the scheme name, not a secret
        expires_in=pair.expires_in,
    )
    set_refresh_cookies(response, pair.refresh_token)
    return response


@blp.route("/register", methods=["POST"])
@auth_limit
@blp.arguments(RegisterIn)
@blp.response(201, UserOut)
@blp.alt_response(409, **failure("Email already registered"))
@blp.alt_response(429, **failure("Too many attempts"))
def register(data: dict[str, Any]) -> Any:
    """Create an account."""
    return auth_service.create_user(**data)


@blp.route("/login", methods=["POST"])
@auth_limit
@blp.arguments(LoginIn)
@blp.response(200, TokenOut)
@blp.alt_response(401, **failure("Invalid email or password"))
@blp.alt_response(429, **failure("Too many attempts"))
def login(data: dict[str, Any]) -> Response:
    """Exchange credentials for an access token and a refresh token."""
    user = auth_service.authenticate(email=data["email"], password=data["password"])
    return _token_response(token_service.issue_tokens(user=user))


@blp.route("/refresh", methods=["POST"])
@jwt_required(refresh=True, locations=["headers", "cookies"])
@blp.response(200, TokenOut)
@blp.alt_response(401, **failure("Missing, invalid, expired or reused refresh token"))
@blp.doc(security=[{"bearerAuth": []}, {"refreshCookie": []}])
def refresh() -> Response:
    """Rotate the refresh token (Bearer or cookie with its X-CSRF-TOKEN header).

    Each refresh token works once; presenting a used one revokes the whole login.
    """
    return _token_response(token_service.rotate_refresh_token(get_jwt()))


@blp.route("/logout", methods=["POST"])
@jwt_required()
@blp.response(204)
@blp.alt_response(401, **failure("Missing or invalid access token"))
@blp.doc(**BEARER)
def logout() -> Response:
    """Revoke the access token, and the refresh token when the browser sends its cookie."""
    claims = get_jwt()
    token_service.revoke_access_token(
        jti=claims["jti"], expires_at=datetime.fromtimestamp(claims["exp"], UTC)
    )
    _revoke_refresh_cookie()
    response = Response(status=204)
    unset_jwt_cookies(response)
    return response


def _revoke_refresh_cookie() -> None:
    raw = request.cookies.get("refresh_token_cookie")
    if not raw:
        return
    try:
        claims = decode_token(raw)
    except (JWTExtendedException, PyJWTError):
        return  # an unusable cookie needs no revoking; it is cleared below anyway
    if claims.get("type") == "refresh":
        token_service.revoke_refresh_token(claims["jti"])


@blp.route("/me", methods=["GET"])
@jwt_required()
@blp.response(200, UserOut)
@blp.alt_response(401, **failure("Missing or invalid access token"))
@blp.doc(**BEARER)
def me() -> Any:
    """The account behind the access token."""
    return current_user()


@blp.route("/me", methods=["PATCH"])
@jwt_required()
@blp.arguments(MeUpdate, required=False)
@blp.response(200, UserOut)
@blp.alt_response(401, **failure("Missing or invalid access token"))
@blp.doc(**BEARER)
def update_me(data: dict[str, Any]) -> Any:
    """Change your name, your time zone, or your password (with ``current_password``)."""
    return auth_service.update_profile(user=current_user(), **data)


@blp.route("/password-reset", methods=["POST"])
@auth_limit
@blp.arguments(PasswordResetIn)
@blp.response(202)
@blp.alt_response(429, **failure("Too many attempts"))
def password_reset(data: dict[str, Any]) -> Response:
    """Email a reset link if the account exists; the answer is the same either way."""
    auth_service.request_password_reset(email=data["email"])
    return Response(status=202)


@blp.route("/password-reset/confirm", methods=["POST"])
@auth_limit
@blp.arguments(PasswordResetConfirmIn)
@blp.response(204)
@blp.alt_response(429, **failure("Too many attempts"))
def password_reset_confirm(data: dict[str, Any]) -> Response:
    """Set a new password with the token from the emailed link (single use)."""
    auth_service.confirm_password_reset(token=data["token"], password=data["password"])
    return Response(status=204)
