"""The SQL an app runs for a request, captured from the app itself (to plan it with EXPLAIN)."""

from __future__ import annotations

from flask import Flask
from flask_jwt_extended import create_access_token
from sqlalchemy import event

from app.core.extensions import db


def statements_reading_tasks(app: Flask, user_id: int, path: str) -> list[tuple[str, object]]:
    """The statements reading tasks that ``GET path`` runs for this user, with their
    parameters; ``RuntimeError`` when the request fails or reads no task."""
    captured: list[tuple[str, object]] = []

    def remember(_conn, _cursor, statement, parameters, _context, _many):
        if "FROM tasks" in statement:
            captured.append((statement, parameters))

    with app.app_context():
        token = create_access_token(identity=str(user_id))
        event.listen(db.engine, "before_cursor_execute", remember)
        try:
            response = app.test_client().get(path, headers={"Authorization": f"Bearer {token}"})
        finally:
            event.remove(db.engine, "before_cursor_execute", remember)
    if response.status_code != 200 or not captured:
        raise RuntimeError(
            f"could not capture the queries of {path}: HTTP {response.status_code}, "
            f"{len(captured)} statements reading tasks"
        )
    return captured
