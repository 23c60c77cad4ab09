"""Whether the database answers, for the readiness probe."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.core.extensions import db


def database_failure() -> str | None:
    """None when ``SELECT 1`` answers, else the name of the error (the session is rolled
    back, so the broken connection goes back to the pool to be replaced)."""
    try:
        db.session.execute(text("SELECT 1"))
        return None
    except SQLAlchemyError as exc:
        db.session.rollback()
        return exc.__class__.__name__
