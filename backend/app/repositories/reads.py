"""Reads that need no transaction around them."""

from __future__ import annotations

from sqlalchemy import Engine

from app.core.extensions import db


def read_without_transaction() -> None:
    """Run the request's next statements in autocommit, unless a transaction is under way.

    A read-only request in a transaction is three round trips to PostgreSQL (BEGIN, the
    SELECT, the ROLLBACK when the session closes), each costing CPU at both ends; in
    autocommit it is the SELECT alone. Every statement then sees its own snapshot: call this
    only where the answer comes from one statement, or from statements that need not agree,
    and never before a write.
    """
    session = db.session()
    if session.in_transaction() or not isinstance(session.get_bind(), Engine):
        # Something was read or written already, or the session is bound to a connection
        # whose transaction belongs to its caller: stay in that transaction.
        return
    session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
