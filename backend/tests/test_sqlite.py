"""The embedded default: the same API on a SQLite file, migrated like production."""

import pytest

from app import create_app
from tests.support.accounts import bearer
from tests.support.apps import FAST_ARGON2, migrate_database


@pytest.fixture
def sqlite_client(tmp_path):
    url = f"sqlite:///{tmp_path / 'tarefa.db'}"
    migrate_database(url)
    return create_app({"APP_ENV": "testing", "DATABASE_URL": url, **FAST_ARGON2}).test_client()


def test_full_flow_on_sqlite(sqlite_client):
    client = sqlite_client
    client.post(
        "/api/auth/register",
        json={"name": "Lia", "email": "lia@example.com", "password": "lia-sqlite-pass"},
    )
    tokens = client.post(
        "/api/auth/login", json={"email": "LIA@example.com", "password": "lia-sqlite-pass"}
    ).json
    headers = bearer(tokens["access_token"])

    parent = client.post(
        "/api/tasks", json={"title": "Plan trip", "due_date": "2026-12-10"}, headers=headers
    ).json
    client.post(
        "/api/tasks",
        json={"title": "Book flights", "parent_id": parent["id"], "done": True},
        headers=headers,
    )
    client.post("/api/tasks", json={"title": "Água e café", "description": "Ação"}, headers=headers)

    listing = client.get("/api/tasks?top_level=true&sort=title", headers=headers).json
    assert [t["title"] for t in listing["items"]] == ["Plan trip", "Água e café"]
    assert (listing["items"][0]["subtask_count"], listing["items"][0]["subtasks_done"]) == (1, 1)
    assert listing["items"][0]["created_at"].endswith("+00:00")
    assert [t["title"] for t in client.get("/api/tasks?q=Ação", headers=headers).json["items"]] == [
        "Água e café"
    ]
    assert [t["title"] for t in client.get("/api/tasks?q=plan", headers=headers).json["items"]] == [
        "Plan trip"
    ]

    # Foreign keys are enforced on SQLite too: deleting the parent removes its subtask.
    assert client.delete(f"/api/tasks/{parent['id']}", headers=headers).status_code == 204
    assert client.get("/api/tasks", headers=headers).json["total"] == 1

    assert client.post("/api/auth/logout", headers=headers).status_code == 204
    assert client.get("/api/tasks", headers=headers).status_code == 401


def test_a_deleted_users_token_never_reads_the_next_users_tasks(sqlite_client):
    client = sqlite_client

    def account(email):
        body = {"email": email, "password": "lia-sqlite-pass"}
        user_id = client.post("/api/auth/register", json={"name": email, **body}).json["id"]
        token = client.post("/api/auth/login", json=body).json["access_token"]
        return user_id, bearer(token)

    account("admin@example.com")
    with client.application.app_context():
        from app.core.extensions import db
        from app.models import User

        db.session.get(User, 1).is_admin = True
        db.session.commit()
    admin = {
        "Authorization": "Bearer "
        + client.post(
            "/api/auth/login", json={"email": "admin@example.com", "password": "lia-sqlite-pass"}
        ).json["access_token"]
    }
    gone_id, gone = account("gone@example.com")
    assert client.delete(f"/api/users/{gone_id}", headers=admin).status_code == 204

    next_id, next_headers = account("next@example.com")
    client.post("/api/tasks", json={"title": "Private"}, headers=next_headers)

    assert next_id == gone_id + 1
    assert client.get("/api/tasks", headers=gone).status_code == 401


def test_the_list_reads_labels_and_reminders_as_a_single_task_shows_them(sqlite_client):
    # SQLite has no ARRAY: the list aggregates label names as JSON and orders them itself.
    client = sqlite_client
    client.post(
        "/api/auth/register",
        json={"name": "Rui", "email": "rui@example.com", "password": "rui-sqlite-pass"},
    )
    login = {"email": "rui@example.com", "password": "rui-sqlite-pass"}
    headers = bearer(client.post("/api/auth/login", json=login).json["access_token"])
    body = {
        "title": "Revisar orçamento",
        "due_date": "2026-12-10",
        "due_time": "08:15",
        "labels": ["zebra", "Éter", "casa", "Ágil", "Banho"],
        "reminders": [{"before_minutes": 10}, {"remind_at": "2026-12-09T12:00:00Z"}],
    }
    made = client.post("/api/tasks", json=body, headers=headers).json
    client.post("/api/tasks", json={"title": "Sem nada"}, headers=headers)

    listed = client.get("/api/tasks?sort=title", headers=headers).json["items"]

    assert listed[0] == client.get(f"/api/tasks/{made['id']}", headers=headers).json
    # SQLite compares text by code point, as Python does: accented letters sort last.
    assert listed[0]["labels"] == ["Banho", "casa", "zebra", "Ágil", "Éter"]
    assert [reminder["before_minutes"] for reminder in listed[0]["reminders"]] == [10, None]
    assert (listed[1]["title"], listed[1]["labels"], listed[1]["reminders"]) == ("Sem nada", [], [])
