"""The queries and writes on labels. Every one is scoped to an owner."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.core.extensions import db
from app.models import Label


def named(*, owner_id: int, name_key: str) -> Label | None:
    """The owner's label with this case-folded name, if any."""
    return db.session.scalar(
        select(Label).where(Label.user_id == owner_id, Label.name_key == name_key)
    )


def named_any(*, owner_id: int, name_keys: Iterable[str]) -> dict[str, Label]:
    """The owner's labels with these case-folded names, by name key."""
    rows = db.session.scalars(
        select(Label).where(Label.user_id == owner_id, Label.name_key.in_(list(name_keys)))
    )
    return {label.name_key: label for label in rows}


def create_or_find(*, owner_id: int, name: str) -> Label:
    """Insert the label in a savepoint; when a parallel request inserted the same name
    first, return that one instead of a duplicate."""
    try:
        with db.session.begin_nested():
            label = Label(user_id=owner_id, name=name, name_key=name.casefold())
            db.session.add(label)
        return label
    except IntegrityError:
        found = named(owner_id=owner_id, name_key=name.casefold())
        if found is None:  # pragma: no cover - the conflicting row vanished meanwhile
            raise
        return found


def listed(*, owner_id: int) -> list[Label]:
    return list(
        db.session.scalars(
            select(Label).where(Label.user_id == owner_id).order_by(Label.name_key, Label.id)
        )
    )


def owned(*, owner_id: int, label_id: int) -> Label | None:
    return db.session.scalar(select(Label).where(Label.id == label_id, Label.user_id == owner_id))


def add(label: Label) -> None:
    db.session.add(label)


def delete(label: Label) -> None:
    db.session.delete(label)
