"""Self-service: login, profile changes and password reset (accounts are kept by
``services.accounts``)."""

from __future__ import annotations

import hashlib
import logging
import secrets
from datetime import UTC, datetime, timedelta

from flask import current_app

from app.core.errors import AuthError, BadRequest, Forbidden
from app.core.extensions import db
from app.core.security import hash_password, needs_rehash, verify_password
from app.jobs.mail import send_mail_later
from app.models import User
from app.repositories import tokens as token_repository
from app.repositories import users as user_repository
from app.services import accounts

log = logging.getLogger(__name__)
INVALID_CREDENTIALS = "Invalid email or password."
INVALID_RESET_LINK = "This reset link is invalid or has expired."


def authenticate(*, email: str, password: str) -> User:
    """Return the user for valid credentials; the same error and cost otherwise."""
    user = accounts.find_user_by_email(email)
    if not verify_password(user.password_hash if user else None, password) or user is None:
        raise AuthError(INVALID_CREDENTIALS)
    if not user.is_active:
        raise AuthError(INVALID_CREDENTIALS)
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
        db.session.commit()
    return user


def update_profile(
    *,
    user: User,
    name: str | None = None,
    password: str | None = None,
    current_password: str | None = None,
    timezone: str | None = None,
) -> User:
    """Rename, or set a new password, which ends every session (this one too)."""
    if password is not None:
        # 403, not 401: the session is fine, this one change is refused.
        if not current_password:
            raise Forbidden(
                "Send your current password to set a new one.",
                errors={"json": {"current_password": ["Required to set a new password."]}},
            )
        if not verify_password(user.password_hash, current_password):
            raise Forbidden(
                "The current password is not correct.",
                errors={"json": {"current_password": ["The current password is not correct."]}},
            )
    if name is not None:
        user.name = name
    if timezone is not None:
        user.timezone = timezone
    if password is not None:
        accounts.set_password(user, password)
    else:
        db.session.commit()
    return user


def _hash_reset_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def request_password_reset(*, email: str) -> None:
    """Mail a single-use link when the account exists; say nothing either way."""
    user = accounts.find_user_by_email(email)
    if user is None or not user.is_active:
        return
    token = secrets.token_urlsafe(32)
    minutes = current_app.config["PASSWORD_RESET_MINUTES"]
    token_repository.add_reset_link(
        user_id=user.id,
        token_hash=_hash_reset_token(token),
        expires_at=datetime.now(UTC) + timedelta(minutes=minutes),
    )
    db.session.commit()
    # In the fragment: browsers never send it, so no access log (ours, gunicorn's,
    # Nginx's, a proxy's) ever records the token; the SPA reads it from there.
    link = f"{current_app.config['PUBLIC_URL']}/reset-password#token={token}"
    body = (
        f"Hello {user.name},\n\nTo choose a new Tarefa password, open this link within "
        f"{minutes} minutes:\n\n{link}\n\nIf you did not ask for this, ignore this message.\n"
    )
    # A job: retried while SMTP fails, and kept for an admin if it never succeeds.
    send_mail_later(to=user.email, subject="Reset your Tarefa password", body=body)


def confirm_password_reset(*, token: str, password: str) -> None:
    """Use a reset link once: claiming it is one conditional UPDATE, so of concurrent
    uses exactly one wins; the new password then voids every other link of the user."""
    now = datetime.now(UTC)
    user_id = token_repository.claim_reset_link(_hash_reset_token(token), now=now)
    user = user_repository.get(user_id) if user_id is not None else None
    if user is None or not user.is_active:
        db.session.rollback()
        raise BadRequest(INVALID_RESET_LINK, errors={"json": {"token": [INVALID_RESET_LINK]}})
    accounts.set_password(user, password)
