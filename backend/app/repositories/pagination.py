"""Pagination of a SELECT in one round trip: the total rides along as a window count."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, func, select

from app.core.extensions import db

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return math.ceil(self.total / self.per_page) if self.total else 0


def paginate(statement: Select[Any], *, page: int, per_page: int) -> Page[Any]:
    """Run ``statement`` (one entity per row) for one page, with the total count."""
    windowed = (
        statement.add_columns(func.count().over().label("total_count"))
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    rows = db.session.execute(windowed).all()
    if rows:
        return Page([row[0] for row in rows], rows[0].total_count, page, per_page)
    # Past the last page the window has no row to ride on: count separately.
    total = 0
    if page > 1:
        total = db.session.scalar(
            select(func.count()).select_from(statement.order_by(None).subquery())
        )
    return Page([], total or 0, page, per_page)
