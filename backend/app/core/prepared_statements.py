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
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event

OPTION = "tarefa_prepared"
PREPARED = {OPTION: True}


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
