"""The queries and writes on accounts. Callers pass emails already normalised."""

from __future__ import annotations

from sqlalchemy import select

from app.core.extensions import db
from app.models import User
from app.repositories.pagination import Page, paginate


def get(user_id: int) -> User | None:
    return db.session.get(User, user_id)


def by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == email))


def page(*, page: int, per_page: int) -> Page[User]:
    return paginate(select(User).order_by(User.id), page=page, per_page=per_page)


def timezone_of(user_id: int) -> str:
    """The account's IANA zone; UTC for an account that no longer exists."""
    user = get(user_id)
    return user.timezone if user else "UTC"


def add(user: User) -> None:
    db.session.add(user)


def delete(user: User) -> None:
    db.session.delete(user)


def lock_active_admin_ids() -> list[int]:
    """Ids of the active admins, their rows locked (in id order: no deadlock) until commit."""
    return list(
        db.session.scalars(
            select(User.id).where(User.is_admin, User.is_active).order_by(User.id).with_for_update()
        )
    )
