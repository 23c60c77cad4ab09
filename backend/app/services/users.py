"""Administration of accounts, and the first admin created at start-up."""

from __future__ import annotations

import logging

from sqlalchemy import func, select

from app.core.errors import Conflict, NotFound
from app.core.extensions import db
from app.core.security import hash_password
from app.models import User
from app.repositories.pagination import Page, paginate
from app.services.auth import create_user, find_user_by_email

log = logging.getLogger(__name__)


def list_users(*, page: int, per_page: int) -> Page[User]:
    return paginate(select(User).order_by(User.id), page=page, per_page=per_page)


def get_user(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound("User not found.")
    return user


def update_user(
    *,
    user_id: int,
    acting_user_id: int,
    name: str | None = None,
    is_admin: bool | None = None,
    password: str | None = None,
) -> User:
    user = get_user(user_id)
    if is_admin is False and user.is_admin:
        if user.id == acting_user_id:
            raise Conflict("You cannot remove your own admin rights.")
        _ensure_another_admin(user)
    if name is not None:
        user.name = name
    if is_admin is not None:
        user.is_admin = is_admin
    if password is not None:
        user.password_hash = hash_password(password)
    db.session.commit()
    return user


def delete_user(*, user_id: int, acting_user_id: int) -> None:
    user = get_user(user_id)
    if user.id == acting_user_id:
        raise Conflict("You cannot delete your own account from the admin page.")
    if user.is_admin:
        _ensure_another_admin(user)
    db.session.delete(user)
    db.session.commit()


def _ensure_another_admin(user: User) -> None:
    admins = db.session.scalar(select(func.count()).select_from(User).where(User.is_admin))
    if admins is not None and admins <= 1:
        raise Conflict(f"{user.email} is the last admin.")


def ensure_admin(*, email: str, password: str, name: str = "Admin") -> tuple[User, bool]:
    """Create an admin, or promote the existing account; returns (user, created)."""
    user = find_user_by_email(email)
    if user is not None:
        if not user.is_admin:
            user.is_admin = True
            db.session.commit()
        return user, False
    return create_user(name=name, email=email, password=password, is_admin=True), True
