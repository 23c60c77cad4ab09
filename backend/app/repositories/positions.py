"""Manual order with gaps: a move writes one row; the list is renumbered only when two
neighbours leave no room between them.

Positions are compared within a *scope* (the tasks of one project or the Inbox under one
parent, or a user's projects). Callers hold ``lock_owner`` for the whole transaction, so
two moves by the same user never read the same gap: concurrent moves cannot produce
duplicate positions or lose a row.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select, update

from app.core.extensions import db
from app.models import User

GAP = 65536

Scope = list[ColumnElement[bool]]


def lock_owner(owner_id: int) -> None:
    """Serialise reordering per user until the transaction ends (a no-op on SQLite,
    whose writers are serialised already). ``FOR NO KEY UPDATE`` still lets the user's
    other rows reference the user row meanwhile."""
    db.session.execute(select(User.id).where(User.id == owner_id).with_for_update(key_share=True))


def occupied(model: Any, scope: Scope) -> bool:
    """Does any row lie in ``scope``?"""
    return db.session.scalar(select(model.id).where(*scope).limit(1)) is not None


def end_position(model: Any, scope: Scope) -> int:
    """A position after every row of the scope."""
    last = db.session.scalar(select(func.max(model.position)).where(*scope))
    return GAP if last is None else last + GAP


def follows(model: Any, scope: Scope, *, item: Any, after: Any, before: Any) -> bool:
    """Whether ``before`` comes right after ``after`` in the scope, leaving ``item`` out."""
    next_id = db.session.scalar(
        select(model.id)
        .where(
            *scope,
            model.id != item.id,
            or_(
                model.position > after.position,
                and_(model.position == after.position, model.id > after.id),
            ),
        )
        .order_by(model.position, model.id)
        .limit(1)
    )
    return next_id == before.id


def place(model: Any, item: Any, scope: Scope, *, before: Any = None, after: Any = None) -> None:
    """Give ``item`` a position right before ``before`` or right after ``after`` (rows of
    ``scope``; with both, the caller checked they are neighbours), or at the end when
    neither is given."""
    others = [*scope, model.id != item.id]
    if before is None and after is None:
        item.position = end_position(model, others)
        return
    if after is not None:
        before = None  # between neighbours is right after the first one
    for _attempt in range(2):
        position = _between(model, others, before=before, after=after)
        if position is not None:
            item.position = position
            return
        _renumber(model, others)
        db.session.refresh(before if before is not None else after)
    raise RuntimeError("no room after renumbering")  # pragma: no cover - cannot happen


def _between(model: Any, scope: Scope, *, before: Any, after: Any) -> int | None:
    if after is not None:
        low = after.position
        high = db.session.scalar(
            select(func.min(model.position)).where(*scope, model.position > low)
        )
        if high is None:
            return low + GAP
    else:
        high = before.position
        low = db.session.scalar(
            select(func.max(model.position)).where(*scope, model.position < high)
        )
        if low is None:
            return high - GAP
    return (low + high) // 2 if high - low >= 2 else None


def _renumber(model: Any, scope: Scope) -> None:
    ids = db.session.scalars(select(model.id).where(*scope).order_by(model.position, model.id))
    db.session.execute(
        update(model),
        [{"id": row_id, "position": (n + 1) * GAP} for n, row_id in enumerate(ids)],
    )
