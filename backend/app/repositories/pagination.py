"""Pagination of a SELECT in one round trip: the total rides along with the page's rows."""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from sqlalchemy import CTE, Integer, Row, Select, bindparam, func, literal_column, select

from app.core.extensions import db
from app.core.prepared_statements import PREPARED
from app.repositories.keyset import SortKey, after, decode_cursor, encode_cursor

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    total: int
    page: int
    per_page: int
    total_exact: bool = True
    next_cursor: str | None = None

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


@dataclass(frozen=True)
class _KeysetStatements:
    page: Select[Any]  # the page (one row more than asked), each row with the capped total
    count: Select[Any]  # the capped total alone, for when the page has no row


# Keyset statements built for each shape of list asked so far. Built once, a statement's
# SQLAlchemy cache key is memoized too: building and keying a statement per request cost
# as much CPU as running it. Shapes are few (filters present, sort, which cursor values
# are NULL); the bound only guards against a runaway.
_STATEMENTS: dict[Hashable, _KeysetStatements] = {}
_STATEMENTS_MAX = 2048


def paginate_keyset(
    build: Callable[[], Select[Any]],
    *,
    shape: Hashable,
    params: dict[str, Any],
    keys: list[SortKey],
    scope: str,
    page: int,
    per_page: int,
    cursor: str | None = None,
    count_cap: int,
    scans: bool = False,
    detail: Callable[[CTE], Select[Any]],
    prepared: bool = False,
) -> Page[Row[Any]]:
    """One page of the statement ``build`` makes (the columns of one table, unordered,
    values as bind parameters given in ``params``; the same ``shape`` builds the same
    statement) in the order of ``keys``, after ``cursor`` (a ``next_cursor`` of the same
    ``scope``) or at ``page``. The items are the rows as they come.

    The total is counted up to ``count_cap`` rows (or to the end of the page after the
    requested one, if further) by a scalar subquery of the same statement: never a scan of the whole
    list. Past that, ``total`` is the bound and ``total_exact`` is false. One more row
    than the page is read to know whether a ``next_cursor`` is due.

    ``scans``: no index serves the filter (a substring search), so finding the page may read
    every row; then a page by number counts in that same pass instead of a second one.

    ``detail``: given the page's rows (a CTE of the statement's columns and ``total_count``),
    the SELECT of them with what else a row carries (joined, or computed per row), read in
    the same statement; the rows are ordered by ``keys`` again around it.

    ``prepared``: run the first page, or the page after a cursor, as a prepared statement
    (see ``app.core.prepared_statements``: only where no value can change the best plan,
    so never for a substring search).
    """
    offset = (page - 1) * per_page
    after_values: list[Any] | None = None
    if cursor is not None:  # then page is ignored
        after_values = decode_cursor(cursor, scope, len(keys))
        offset = 0
        scans = False
    # Past the cap, count one page beyond this one, so page links always reach the next.
    count_limit = max(count_cap, offset + 2 * per_page)
    nulls = None if after_values is None else tuple(value is None for value in after_values)
    # The first page and the pages after a cursor (the hot path) have their limits written
    # into the statement once; a page by number further on keeps them as parameters, which
    # SQLAlchemy writes in at each run (a statement per offset would not be worth keeping).
    limits = (count_limit + 1, per_page + 1) if offset == 0 else None
    statement_key = (shape, nulls, scans, limits)
    statements = _STATEMENTS.get(statement_key)
    if statements is None:
        statements = _keyset_statements(build(), keys, nulls, scans, detail, limits)
        if len(_STATEMENTS) >= _STATEMENTS_MAX:
            _STATEMENTS.clear()
        _STATEMENTS[statement_key] = statements
    bound = {
        **params,
        "keyset_count_limit": count_limit + 1,
        "keyset_limit": per_page + 1,
        "keyset_offset": offset,
        **{f"keyset_after_{i}": value for i, value in enumerate(after_values or ())},
    }
    # A page by number deep in the list is its own statement per offset: not worth keeping.
    options = PREPARED if prepared and offset == 0 else {}
    # On the session's connection directly: the statement holds no ORM entity, so the
    # Session's own execute (events, bind lookup, ORM options) only added CPU.
    connection = db.session.connection()
    rows = connection.execute(statements.page, bound, execution_options=options).all()
    if rows:
        total = rows[0].total_count
    elif cursor is not None or page > 1:
        total = db.session.scalar(statements.count, bound) or 0  # no row for it to ride on
    else:
        total = 0
    items = rows[:per_page]
    next_cursor = None
    if len(rows) > per_page:
        next_cursor = encode_cursor(scope, [key.value_of(items[-1]) for key in keys])
    exact = total <= count_limit
    return Page(items, total if exact else count_limit, page, per_page, exact, next_cursor)


def _keyset_statements(
    statement: Select[Any],
    keys: list[SortKey],
    nulls: tuple[bool, ...] | None,
    scans: bool,
    detail: Callable[[CTE], Select[Any]],
    limits: tuple[int, int] | None,
) -> _KeysetStatements:
    capped = statement.with_only_columns(literal_column("1"), maintain_column_froms=True)
    # The limits and the offset are written into the SQL, never sent as parameters:
    # PostgreSQL plans a LIMIT it cannot see for a tenth of the rows, which keeps a prepared
    # page from ever earning a generic plan.
    offset: Any
    if limits is None:
        count_limit, limit, offset = (
            bindparam(name, type_=Integer, literal_execute=True)
            for name in ("keyset_count_limit", "keyset_limit", "keyset_offset")
        )
    else:
        count_limit, limit = (literal_column(str(int(value))) for value in limits)
        offset = None
    counted = select(func.count()).select_from(capped.order_by(None).limit(count_limit).subquery())
    ordered = statement.order_by(*(key.order() for key in keys))
    if nulls is not None:
        values = [None if null else bindparam(f"keyset_after_{i}") for i, null in enumerate(nulls)]
        ordered = ordered.where(after(keys, values))
    if scans:
        paged = _counted_in_one_pass(ordered, keys, count_limit)
    else:
        paged = ordered.add_columns(counted.scalar_subquery().label("total_count"))
    rows = paged.limit(limit).offset(offset).cte("page")
    again = [replace(key, column=rows.c[key.column.key]) for key in keys]
    page = detail(rows).order_by(*(key.order() for key in again))
    return _KeysetStatements(page, counted)


def _counted_in_one_pass(ordered: Select[Any], keys: list[SortKey], limit: Any) -> Select[Any]:
    """The first ``limit`` rows of ``ordered``, each with their count (a window over
    them), in the same order: one pass over the matches, however few there are."""
    first = ordered.limit(limit).subquery()
    again = [replace(key, column=first.c[key.column.key]) for key in keys]
    counted = select(*first.c, func.count().over().label("total_count"))
    return counted.order_by(*(key.order() for key in again))
