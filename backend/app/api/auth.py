"""Accounts and sessions: register, login, refresh, logout, profile, password reset."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask import Response, current_app, jsonify, request
from flask_jwt_extended import (
    decode_token,
    get_jwt,
    jwt_required,
    set_refresh_cookies,
    unset_jwt_cookies,
)
from flask_jwt_extended.exceptions import JWTExtendedException
from jwt.exceptions import PyJWTError

from app.api.deps import (
    BEARER,
    account_rate_limit,
    auth_rate_limit,
    current_user,
    current_user_id,
    failure,
    login_account_key,
    refused,
    user_or_ip_key,
)
from app.core.api import Blueprint
from app.core.extensions import limiter
from app.jobs import enqueue
from app.jobs.accounts import password_reset as password_reset_job
from app.schemas.auth import (
    LoginIn,
    LogoutIn,
    MeUpdate,
    PasswordResetConfirmIn,
    PasswordResetIn,
    RegisterIn,
    TokenOut,
    UserOut,
)
from app.services import accounts
from app.services import auth as auth_service
from app.services import tokens as token_service
from app.services.tokens import TokenPair

blp = Blueprint("auth", __name__, url_prefix="/api/auth", description="Accounts and sessions")
auth_limit = limiter.limit(auth_rate_limit, methods=["POST"])
# Per account as well as per IP: guesses spread over many addresses still hit one budget.
# Only refused guesses spend it.
login_account_limit = limiter.limit(
    account_rate_limit, key_func=login_account_key, deduct_when=refused(401)
)
password_guess_limit = limiter.limit(
    account_rate_limit, key_func=user_or_ip_key, methods=["PATCH"], deduct_when=refused(403)
)


# Browsers send ``X-Refresh-Token-Delivery: cookie``: their refresh token then lives only in
# the httpOnly cookie, out of reach of any script; API clients get it in the body too.
COOKIE_ONLY = {
    "in": "header",
    "name": "X-Refresh-Token-Delivery",
    "required": False,
    "schema": {"type": "string", "enum": ["cookie"]},
    "description": "`cookie`: leave the refresh token out of the body (browsers)",
}


def _token_response(pair: TokenPair) -> Response:
    """The pair as JSON, plus the refresh token as an httpOnly cookie for browsers."""
    body = {
        "access_token": pair.access_token,
        "token_type": "Bearer",
        "expires_in": pair.expires_in,
    }
    if request.headers.get(COOKIE_ONLY["name"], "").strip().lower() != "cookie":
        body["refresh_token"] = pair.refresh_token
    response = jsonify(body)
    # The cookie lives exactly as long as the token it carries.
    max_age = current_app.config["REFRESH_TOKEN_DAYS"] * 24 * 3600
    set_refresh_cookies(response, pair.refresh_token, max_age=max_age)
    return response


@blp.route("/register", methods=["POST"])
@auth_limit
@blp.arguments(RegisterIn)
@blp.response(201, UserOut)
@blp.alt_response(409, **failure("Email already registered"))
@blp.alt_response(429, **failure("Too many attempts"))
def register(data: dict[str, Any]) -> Any:
    """Create an account."""
    return accounts.create_user(**data)


@blp.route("/login", methods=["POST"])
@auth_limit
@login_account_limit
@blp.arguments(LoginIn)
@blp.response(200, TokenOut)
@blp.alt_response(401, **failure("Invalid email or password"))
@blp.alt_response(429, **failure("Too many attempts"))
@blp.doc(parameters=[COOKIE_ONLY])
def login(data: dict[str, Any]) -> Response:
    """Exchange credentials for an access token and a refresh token."""
    user = auth_service.authenticate(email=data["email"], password=data["password"])
    return _token_response(token_service.issue_tokens(user=user))


@blp.route("/refresh", methods=["POST"])
@jwt_required(refresh=True, locations=["headers", "cookies"])
@blp.response(200, TokenOut)
@blp.alt_response(401, **failure("Missing, invalid, expired or reused refresh token"))
@blp.doc(security=[{"bearerAuth": []}, {"refreshCookie": []}], parameters=[COOKIE_ONLY])
def refresh() -> Response:
    """Rotate the refresh token (Bearer or cookie with its X-CSRF-TOKEN header).

    Each refresh token works once; presenting a used one revokes the whole login.
    """
    return _token_response(token_service.rotate_refresh_token(get_jwt()))


@blp.route("/logout", methods=["POST"])
@jwt_required()
@blp.arguments(LogoutIn, required=False)
@blp.response(204)
@blp.alt_response(401, **failure("Missing or invalid access token"))
@blp.doc(**BEARER)
def logout(data: dict[str, Any]) -> Response:
    """Revoke the access token and the refresh token: the one in the body (API clients)
    and the one in the cookie (browsers), whichever are sent."""
    claims = get_jwt()
    token_service.revoke_access_token(
        jti=claims["jti"], expires_at=datetime.fromtimestamp(claims["exp"], UTC)
    )
    for raw in (data.get("refresh_token"), request.cookies.get("refresh_token_cookie")):
        _revoke_refresh_token(raw)
    response = Response(status=204)
    unset_jwt_cookies(response)
    return response


def _revoke_refresh_token(raw: str | None) -> None:
    if not raw:
        return
    try:
        claims = decode_token(raw)
    except (JWTExtendedException, PyJWTError):
        return  # an unusable token needs no revoking; the cookie is cleared anyway
    if claims.get("type") == "refresh":
        token_service.revoke_refresh_token(jti=claims["jti"], user_id=current_user_id())


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
@password_guess_limit
@blp.arguments(MeUpdate, required=False)
@blp.response(200, UserOut)
@blp.alt_response(401, **failure("Missing or invalid access token"))
@blp.alt_response(403, **failure("Current password missing or wrong"))
@blp.alt_response(429, **failure("Too many wrong current passwords"))
@blp.doc(**BEARER)
def update_me(data: dict[str, Any]) -> Any:
    """Change your name, your time zone, or your password (with ``current_password``).

    A new password ends every session of the account, this one included: log in again.
    """
    return auth_service.update_profile(user=current_user(), **data)


@blp.route("/password-reset", methods=["POST"])
@auth_limit
@blp.arguments(PasswordResetIn)
@blp.response(202)
@blp.alt_response(429, **failure("Too many attempts"))
def password_reset(data: dict[str, Any]) -> Response:
    """Email a reset link if the account exists; the answer is the same either way."""
    # Only queued here: an existing and an unknown account cost this request the same.
    enqueue(password_reset_job, email=data["email"])
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
