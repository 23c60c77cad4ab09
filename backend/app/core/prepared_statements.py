"""Server-side prepared statements for the statements that ask for one (PostgreSQL).

A prepared statement is parsed and planned once per connection; PostgreSQL then runs it
again without planning, which for the task list's statement (a dozen subqueries) is half
of the database's work for the request. Statements are prepared only when asked, with the
``PREPARED`` execution option: after five runs PostgreSQL may switch a prepared statement to
a generic plan, made blind to its values, and for a substring search that plan walks every
task of the user (a search went from 8 to 80 ms). Ask only where the plan cannot depend on
the values: an equality on the owner and keys, never a search pattern.

psycopg decides per execution from its connection's ``prepare_threshold``: ``0`` prepares
at the first run, ``None`` neither prepares nor uses what was prepared. A ROLLBACK of a
real transaction makes psycopg forget (and deallocate) the connection's statements; the
next run prepares them again.

A migration that changes the type of a column a prepared statement returns makes PostgreSQL
refuse that statement on every connection that prepared it ("cached plan must not change
result type"), and psycopg keeps using it: the app discards such a connection and answers
the request again on a fresh one (``app.Tarefa``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import DBAPIError

OPTION = "tarefa_prepared"
PREPARED = {OPTION: True}
_FEATURE_NOT_SUPPORTED = "0A000"  # SQLSTATE of "cached plan must not change result type"


def enable_prepared_statements(engine: Engine) -> None:
    """Prepare the statements run with ``PREPARED`` on ``engine``'s connections (psycopg)."""
    if engine.dialect.driver == "psycopg" and not event.contains(
        engine, "before_cursor_execute", _prepare_when_asked
    ):
        event.listen(engine, "before_cursor_execute", _prepare_when_asked)


def _prepare_when_asked(
    _conn: Any, cursor: Any, _statement: str, _parameters: Any, context: Any, _many: bool
) -> None:
    asked = context is not None and context.execution_options.get(OPTION, False)
    cursor.connection.prepare_threshold = 0 if asked else None


def is_stale_prepared_plan(error: DBAPIError) -> bool:
    """Whether PostgreSQL refused a prepared statement whose result type has changed."""
    state = getattr(error.orig, "sqlstate", None)
    return state == _FEATURE_NOT_SUPPORTED and "cached plan" in str(error.orig)
