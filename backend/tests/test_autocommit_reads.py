"""The list and a task's page reach PostgreSQL as their SELECT alone: no BEGIN before it,
no ROLLBACK after. What the client library sends is read from libpq's own trace."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask import Flask
from psycopg import pq
from sqlalchemy import event, text

from app.core.extensions import db
from app.repositories.reads import read_without_transaction
from tests.support.accounts import Auth, UserFactory

# A round trip ends with Sync (extended protocol) or is one Query (simple protocol).
_SENT = re.compile(r"^F\t\d+\t(Query|Parse|Sync)(.*)$", re.MULTILINE)


@contextmanager
def traced(app: Flask, path: Path) -> Iterator[list[tuple[str, str]]]:
    """What the app sends PostgreSQL meanwhile: (message, its first word) per Query and
    Parse message, and ("Sync", "") per extended-protocol round trip."""
    sent: list[tuple[str, str]] = []
    trace_file = path.open("a")  # open until the end: libpq writes to its descriptor

    def start(dbapi_connection, _record, _proxy):
        dbapi_connection.pgconn.trace(trace_file.fileno())
        dbapi_connection.pgconn.set_trace_flags(pq.Trace.SUPPRESS_TIMESTAMPS)

    def stop(dbapi_connection, _record):
        dbapi_connection.pgconn.untrace()  # flushes what libpq wrote

    with app.app_context():
        engine = db.engine
    event.listen(engine, "checkout", start)
    event.listen(engine, "checkin", stop)
    try:
        yield sent
    finally:
        event.remove(engine, "checkout", start)
        event.remove(engine, "checkin", stop)
        trace_file.close()
        for kind, rest in _SENT.findall(path.read_text()):
            words = re.findall(r"[A-Za-z]+", rest.split('" "')[-1] if kind == "Parse" else rest)
            sent.append((kind, words[0].upper() if words else ""))


@pytest.fixture
def signed_in(committed_app):
    user = UserFactory(committed_app)()
    headers = Auth(committed_app.test_client()).headers(user)
    client = committed_app.test_client()
    created = client.post("/api/tasks", json={"title": "Read me"}, headers=headers)
    assert created.status_code == 201
    return client, headers, created.json["id"]


@pytest.mark.parametrize("path", ["/api/tasks?per_page=20", "/api/tasks/{id}"])
def test_a_read_is_its_select_alone(committed_app, signed_in, tmp_path, path):
    client, headers, task_id = signed_in

    with traced(committed_app, tmp_path / "libpq.trace") as sent:
        answer = client.get(path.format(id=task_id), headers=headers)

    assert answer.status_code == 200
    round_trips = [message for message in sent if message[0] in ("Query", "Sync")]
    statements = [word for kind, word in sent if kind in ("Query", "Parse")]
    assert (len(round_trips), statements) == (1, ["SELECT"])


def test_a_write_after_a_read_still_runs_in_one_transaction(committed_app, signed_in, tmp_path):
    """The pool gives the read's connection back out of autocommit: the next request on it
    (the same connection, the only one in the pool) writes atomically again."""
    client, headers, task_id = signed_in
    assert client.get("/api/tasks", headers=headers).status_code == 200

    with traced(committed_app, tmp_path / "libpq.trace") as sent:
        toggled = client.post(f"/api/tasks/{task_id}/toggle", headers=headers)

    assert toggled.status_code == 200
    statements = [word for kind, word in sent if kind in ("Query", "Parse")]
    assert (statements[0], statements[-1]) == ("BEGIN", "COMMIT")
    assert "ROLLBACK" not in statements


def test_a_read_inside_a_transaction_stays_in_it(committed_app):
    """Once a request has read or written, its later reads see the same transaction."""
    with committed_app.app_context():
        db.session.execute(text("SELECT 1"))
        read_without_transaction()
        connection = db.session.connection()

        assert connection.get_isolation_level() == "READ COMMITTED"
        assert db.session().in_transaction()


def test_sessions_run_in_utc_with_plans_made_for_the_values(committed_app):
    """Reads no longer end in a ROLLBACK, which made psycopg forget its prepared statements:
    they are now prepared after five runs, and PostgreSQL must not switch them to a generic
    plan (blind to a search pattern, it walks every task of the user)."""
    with committed_app.app_context():
        settings = (
            db.session.execute(text("SHOW TimeZone")).scalar(),
            db.session.execute(text("SHOW plan_cache_mode")).scalar(),
        )

    assert settings == ("UTC", "force_custom_plan")
