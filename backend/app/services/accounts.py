"""Accounts: the one owner of creating users, setting passwords, admin rights,
deactivation and deletion, used by self-service, the admin API and the CLI alike.

Setting a password, deactivating and deleting end every session of the account
(see ``tokens.end_sessions``), whoever does it.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from app.core.errors import AuthError, Conflict, NotFound
from app.core.extensions import db
from app.core.passwords import check_password
from app.core.security import hash_password
from app.models import User
from app.repositories import tokens as token_repository
from app.repositories import users as user_repository
from app.repositories.pagination import Page
from app.services import tokens

log = logging.getLogger(__name__)


def normalize_email(email: str) -> str:
    return email.strip().lower()


def find_user_by_email(email: str) -> User | None:
    return user_repository.by_email(normalize_email(email))


def list_users(*, page: int, per_page: int) -> Page[User]:
    return user_repository.page(page=page, per_page=per_page)


def active_user(user_id: int) -> User:
    """The account behind a token, refused when it is gone or deactivated."""
    user = user_repository.get(user_id)
    if user is None or not user.is_active:
        raise AuthError("The account behind this token no longer exists.")
    return user


def get_user(user_id: int) -> User:
    user = user_repository.get(user_id)
    if user is None:
        raise NotFound("User not found.")
    return user


def create_user(
    *, name: str, email: str, password: str, is_admin: bool = False, timezone: str = "UTC"
) -> User:
    """Create an account; the password must follow the rule (``WeakPasswordError``)."""
    check_password(password)
    email = normalize_email(email)
    if find_user_by_email(email) is not None:
        raise Conflict("An account with this email already exists.")
    user = User(name=name, email=email, password_hash=hash_password(password), is_admin=is_admin)
    user.timezone = timezone
    user_repository.add(user)
    db.session.commit()
    return user


def set_password(user: User, password: str) -> None:
    """Change the password, void unused reset links and end every session. Commits."""
    _store_password(user, password)
    tokens.end_sessions(user)


def update_user(
    *,
    user_id: int,
    acting_user_id: int,
    name: str | None = None,
    is_admin: bool | None = None,
    is_active: bool | None = None,
    password: str | None = None,
) -> User:
    """An admin's change to an account; never leaves the application without an admin."""
    user = get_user(user_id)
    if user.id == acting_user_id and is_admin is False:
        raise Conflict("You cannot remove your own admin rights.")
    if user.id == acting_user_id and is_active is False:
        raise Conflict("You cannot deactivate your own account.")
    if is_admin is False or is_active is False:
        _ensure_another_admin(user)
    if name is not None:
        user.name = name
    if is_admin is not None:
        user.is_admin = is_admin
    if is_active is not None:
        user.is_active = is_active
    if password is not None:
        _store_password(user, password)
    if password is not None or is_active is False:
        tokens.end_sessions(user)
    else:
        db.session.commit()
        tokens.publish_account_state(user_id=user.id, user=user)
    return user


def delete_user(*, user_id: int, acting_user_id: int) -> None:
    """Delete an account with its tasks and tokens; its tokens stop working at once."""
    user = get_user(user_id)
    if user.id == acting_user_id:
        raise Conflict("You cannot delete your own account from the admin page.")
    _ensure_another_admin(user)
    user_repository.delete(user)
    db.session.commit()
    tokens.publish_account_state(user_id=user_id, user=None)


def ensure_admin(*, email: str, password: str, name: str = "Admin") -> tuple[User, bool]:
    """Create an admin, or promote the existing account; returns (user, created)."""
    user = find_user_by_email(email)
    if user is not None:
        if not user.is_admin:
            user.is_admin = True
            db.session.commit()
        return user, False
    return create_user(name=name, email=email, password=password, is_admin=True), True


def _store_password(user: User, password: str) -> None:
    check_password(password)
    user.password_hash = hash_password(password)
    token_repository.void_reset_links(user.id, now=datetime.now(UTC))


def _ensure_another_admin(user: User) -> None:
    """Refuse when ``user`` is the only active admin left.

    The active admins' rows are locked (in id order, so two callers never deadlock) until
    the caller commits: of two admins removing each other at once, the second one waits,
    then sees a single admin left and is refused. SQLite has no row locks; it runs one
    writer at a time.
    """
    admins = user_repository.lock_active_admin_ids()
    if user.id in admins and len(admins) == 1:
        raise Conflict(f"{user.email} is the last admin.")
