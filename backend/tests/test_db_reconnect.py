"""No ping per checkout: a request that draws a connection PostgreSQL has since closed is
answered again, once, on a fresh one, and what it writes is written once."""

import psycopg
from sqlalchemy import make_url

from tests.support.accounts import PASSWORD, bearer
from tests.support.databases import admin_connection


def _close_every_connection(app):
    """What a PostgreSQL restart does to the pool's idle connections."""
    name = make_url(app.config["SQLALCHEMY_DATABASE_URI"]).database
    with admin_connection() as conn:
        closed = conn.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = %s",
            (name,),
        ).fetchone()[0]
    assert closed >= 1


def _change_the_title_type(app):
    """What a migration widening ``tasks.title`` does to statements already prepared."""
    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    with psycopg.connect(url.render_as_string(hide_password=False), autocommit=True) as conn:
        conn.execute("ALTER TABLE tasks ALTER COLUMN title TYPE varchar(1000)")


def _signed_in(client):
    account = {"email": "re@example.com", "password": PASSWORD}
    assert client.post("/api/auth/register", json={"name": "Re", **account}).status_code == 201
    token = client.post("/api/auth/login", json=account).json["access_token"]
    return bearer(token)


def test_a_read_on_a_dead_connection_is_answered_on_a_fresh_one(committed_app, caplog):
    client = committed_app.test_client()
    headers = _signed_in(client)
    assert client.get("/api/tasks", headers=headers).status_code == 200

    _close_every_connection(committed_app)
    answer = client.get("/api/tasks", headers=headers)

    assert (answer.status_code, answer.json["total"]) == (200, 0)
    assert "database connection was lost; retrying on a fresh one" in caplog.messages


def test_a_write_on_a_dead_connection_is_made_once(committed_app):
    client = committed_app.test_client()
    headers = _signed_in(client)
    assert client.get("/api/tasks", headers=headers).status_code == 200

    _close_every_connection(committed_app)
    created = client.post("/api/tasks", json={"title": "Once"}, headers=headers)

    assert created.status_code == 201
    titles = [t["title"] for t in client.get("/api/tasks", headers=headers).json["items"]]
    assert titles == ["Once"]


def test_a_list_after_a_migration_changed_a_column_type_is_answered_again(committed_app, caplog):
    """The list is a prepared statement: once a migration changes the type of a column it
    returns, PostgreSQL refuses it on every connection that prepared it ("cached plan must
    not change result type"). Such a connection is discarded and the request answered again
    on a fresh one."""
    client = committed_app.test_client()
    headers = _signed_in(client)
    assert client.post("/api/tasks", json={"title": "Kept"}, headers=headers).status_code == 201
    assert client.get("/api/tasks", headers=headers).status_code == 200  # prepared now

    _change_the_title_type(committed_app)
    answers = [client.get("/api/tasks", headers=headers) for _ in range(2)]

    assert [(a.status_code, a.json["items"][0]["title"]) for a in answers] == [(200, "Kept")] * 2
    assert (
        caplog.messages.count("a prepared statement went stale after a schema change; retrying")
        == 1
    )


def test_a_write_whose_answer_meets_a_stale_prepared_statement_is_made_once(committed_app):
    """A write reads its answer back with the prepared statement of one task, before its
    commit: when that statement has gone stale, the uncommitted write is rolled back with
    the discarded connection and made again, once."""
    client = committed_app.test_client()
    headers = _signed_in(client)
    task_id = client.post("/api/tasks", json={"title": "Flip"}, headers=headers).json["id"]
    assert client.get(f"/api/tasks/{task_id}", headers=headers).status_code == 200

    _change_the_title_type(committed_app)
    toggled = client.post(f"/api/tasks/{task_id}/toggle", headers=headers)

    assert (toggled.status_code, toggled.json["done"]) == (200, True)
    assert client.get(f"/api/tasks/{task_id}", headers=headers).json["done"] is True
