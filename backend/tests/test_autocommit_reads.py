"""The list, a task's page and the sidebar counts reach PostgreSQL as their SELECTs alone: no
BEGIN before them, no ROLLBACK after. What the client library sends is read from libpq's own
trace."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import pytest
from flask import Flask
from psycopg import pq
from sqlalchemy import event, text

from app.core.extensions import db
from app.repositories.reads import read_without_transaction
from tests.support.accounts import Auth, UserFactory

# A round trip ends with Sync (extended protocol) or is one Query (simple protocol); Parse
# names the statement it prepares ("" for one used once) and gives its text; Bind names the
# statement it runs.
_SENT = re.compile(r"^F\t\d+\t(Query|Parse|Bind|Sync)(.*)$", re.MULTILINE)


class Sent(NamedTuple):
    kind: str  # Query, Parse, Bind or Sync
    name: str  # the prepared statement's name, for Parse and Bind
    verb: str  # the statement's first word (SELECT, BEGIN...), for Query and Parse


def _sent(trace: str) -> list[Sent]:
    messages = []
    for kind, rest in _SENT.findall(trace):
        if kind == "Parse":  # \t "name" "statement (which may go on over several lines)
            name, verb = re.match(r'\s*"([^"]*)" "\s*(\w+)', rest).groups()
        elif kind == "Query":  # \t "statement
            name, verb = "", re.match(r'\s*"\s*(\w+)', rest).group(1)
        elif kind == "Bind":  # \t "portal" "statement" ...
            name, verb = re.match(r'\s*"[^"]*" "([^"]*)"', rest).group(1), ""
        else:
            name, verb = "", ""
        messages.append(Sent(kind, name, verb.upper()))
    return messages


def _run(sent: list[Sent]) -> list[str]:
    """The statements run, in order: the verb of each one-off statement, "prepared" for
    each run of a prepared one."""
    runs, last_parsed = [], ""
    for message in sent:
        if message.kind == "Parse":
            last_parsed = message.verb
        elif message.kind == "Query":
            runs.append(message.verb)
        elif message.kind == "Bind":
            runs.append("prepared" if message.name else last_parsed)
    return runs


@contextmanager
def traced(app: Flask, path: Path) -> Iterator[list[Sent]]:
    """What the app sends PostgreSQL meanwhile (filled in when the block ends)."""
    sent: list[Sent] = []
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
        sent.extend(_sent(path.read_text()))


@pytest.fixture
def signed_in(committed_app):
    user = UserFactory(committed_app)()
    headers = Auth(committed_app.test_client()).headers(user)
    client = committed_app.test_client()
    created = client.post("/api/tasks", json={"title": "Read me"}, headers=headers)
    assert created.status_code == 201
    return client, headers, created.json["id"]


@pytest.mark.parametrize(
    ("path", "runs"),
    [
        ("/api/tasks?per_page=20", ["prepared"]),
        ("/api/tasks/{id}", ["prepared"]),
        ("/api/tasks/counts", ["SELECT"] * 4),
    ],
)
def test_a_read_is_its_selects_alone(committed_app, signed_in, tmp_path, path, runs):
    client, headers, task_id = signed_in
    # Once first: a statement prepared on first use costs a round trip more, that time only.
    assert client.get(path.format(id=task_id), headers=headers).status_code == 200

    with traced(committed_app, tmp_path / "libpq.trace") as sent:
        answer = client.get(path.format(id=task_id), headers=headers)

    assert answer.status_code == 200
    round_trips = [message for message in sent if message.kind in ("Query", "Sync")]
    assert (len(round_trips), _run(sent)) == (len(runs), runs)


def test_a_write_after_a_read_still_runs_in_one_transaction(committed_app, signed_in, tmp_path):
    """The pool gives the read's connection back out of autocommit: the next request on it
    (the same connection, the only one in the pool) writes atomically again."""
    client, headers, task_id = signed_in
    assert client.get("/api/tasks", headers=headers).status_code == 200

    with traced(committed_app, tmp_path / "libpq.trace") as sent:
        toggled = client.post(f"/api/tasks/{task_id}/toggle", headers=headers)

    assert toggled.status_code == 200
    statements = [message.verb for message in sent if message.kind in ("Query", "Parse")]
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


def test_a_search_is_planned_for_its_values_every_time(committed_app, signed_in, tmp_path):
    """A search is never a prepared statement: PostgreSQL would plan it once for any pattern
    after five runs (a walk through every task of the user)."""
    client, headers, _ = signed_in

    with traced(committed_app, tmp_path / "libpq.trace") as sent:
        for _ in range(7):
            assert client.get("/api/tasks?q=read", headers=headers).json["total"] == 1

    parsed = [message for message in sent if message.kind == "Parse"]
    assert [(message.name, message.verb) for message in parsed] == [("", "WITH")] * 7


def _plans_so_far(app: Flask, name: str) -> tuple[int, int]:
    """(generic, custom) plans so far of the statement prepared as ``name`` on the pool's
    connection (the only one: the test's requests come one at a time)."""
    with app.app_context():
        row = db.session.execute(
            text(
                "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = :name"
            ),
            {"name": name},
        ).one()
        return tuple(row)


def test_the_list_is_prepared_once_and_then_planned_no_more(committed_app, signed_in, tmp_path):
    """The list's page is parsed once per connection, and after PostgreSQL's five custom
    plans it runs on a generic one: no planning per request (its LIMIT is written into the
    SQL, or PostgreSQL would guess a tenth of the table and keep planning)."""
    client, headers, _ = signed_in

    with traced(committed_app, tmp_path / "libpq.trace") as sent:
        for _ in range(7):
            assert client.get("/api/tasks?per_page=20", headers=headers).json["total"] == 1

    parsed = [(message.name, message.verb) for message in sent if message.kind == "Parse"]
    assert len(parsed) == 1 and parsed[0][0].startswith("_pg3_") and parsed[0][1] == "WITH"
    assert _run(sent) == ["prepared"] * 7
    assert _plans_so_far(committed_app, parsed[0][0]) == (2, 5)


def test_a_deep_page_by_number_is_not_prepared(committed_app, signed_in, tmp_path):
    """Each offset would be a statement of its own: pages by number past the first run
    unprepared."""
    client, headers, _ = signed_in
    assert client.post("/api/tasks", json={"title": "Second"}, headers=headers).status_code == 201

    with traced(committed_app, tmp_path / "libpq.trace") as sent:
        for _ in range(3):
            page = client.get("/api/tasks?page=2&per_page=1", headers=headers)
            assert [task["title"] for task in page.json["items"]] == ["Read me"]

    parsed = [(message.name, message.verb) for message in sent if message.kind == "Parse"]
    assert parsed == [("", "WITH")] * 3
