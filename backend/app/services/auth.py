"""Accounts: registration, login, profile changes and password reset."""

from __future__ import annotations

import hashlib
import logging
import secrets
from datetime import UTC, datetime, timedelta

from flask import current_app
from sqlalchemy import select, update

from app.core.errors import AuthError, BadRequest, Conflict, Forbidden
from app.core.extensions import db
from app.core.mail import MailError, send_mail
from app.core.security import hash_password, needs_rehash, verify_password
from app.models import PasswordResetToken, RefreshToken, User

log = logging.getLogger(__name__)
INVALID_CREDENTIALS = "Invalid email or password."


def normalize_email(email: str) -> str:
    return email.strip().lower()


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalize_email(email)))


def create_user(
    *, name: str, email: str, password: str, is_admin: bool = False, timezone: str = "UTC"
) -> User:
    email = normalize_email(email)
    if find_user_by_email(email) is not None:
        raise Conflict("An account with this email already exists.")
    user = User(name=name, email=email, password_hash=hash_password(password), is_admin=is_admin)
    user.timezone = timezone
    db.session.add(user)
    db.session.commit()
    return user


def authenticate(*, email: str, password: str) -> User:
    """Return the user for valid credentials; the same error and cost otherwise."""
    user = find_user_by_email(email)
    if not verify_password(user.password_hash if user else None, password) or user is None:
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
        _set_password(user, password)
    if name is not None:
        user.name = name
    if timezone is not None:
        user.timezone = timezone
    db.session.commit()
    return user


def _set_password(user: User, password: str) -> None:
    """Change the password and end every session that used the old one."""
    user.password_hash = hash_password(password)
    db.session.execute(
        update(RefreshToken)
        .where(RefreshToken.user_id == user.id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=datetime.now(UTC))
    )


def _hash_reset_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def request_password_reset(*, email: str) -> None:
    """Mail a single-use link when the account exists; say nothing either way."""
    user = find_user_by_email(email)
    if user is None:
        return
    token = secrets.token_urlsafe(32)
    minutes = current_app.config["PASSWORD_RESET_MINUTES"]
    db.session.add(
        PasswordResetToken(
            user_id=user.id,
            token_hash=_hash_reset_token(token),
            expires_at=datetime.now(UTC) + timedelta(minutes=minutes),
        )
    )
    db.session.commit()
    link = f"{current_app.config['PUBLIC_URL']}/reset-password?token={token}"
    body = (
        f"Hello {user.name},\n\nTo choose a new Tarefa password, open this link within "
        f"{minutes} minutes:\n\n{link}\n\nIf you did not ask for this, ignore this message.\n"
    )
    try:
        send_mail(to=user.email, subject="Reset your Tarefa password", body=body)
    except MailError:
        # The answer must not reveal that the account exists, so the failure is only logged.
        log.exception("password reset mail failed")


def confirm_password_reset(*, token: str, password: str) -> None:
    reset = db.session.scalar(
        select(PasswordResetToken).where(PasswordResetToken.token_hash == _hash_reset_token(token))
    )
    now = datetime.now(UTC)
    if reset is None or reset.used_at is not None or reset.expires_at <= now:
        raise BadRequest(
            "This reset link is invalid or has expired.",
            errors={"json": {"token": ["This reset link is invalid or has expired."]}},
        )
    user = db.session.get(User, reset.user_id)
    if user is None:  # the account was deleted; the cascade normally removes the token too
        raise BadRequest("This reset link is invalid or has expired.")
    reset.used_at = now
    _set_password(user, password)
    db.session.commit()
