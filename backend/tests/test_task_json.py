"""The list's fast JSON is exactly what the documented TaskOut schema dumps, on PostgreSQL and
on SQLite (each reads a list row's labels and reminders with its own SQL)."""

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import update

from app import create_app
from app.core.extensions import db
from app.models import Reminder, Task
from app.repositories.tasks import get_owned_task
from app.schemas.tasks import TaskOut
from tests.support.accounts import Auth, UserFactory
from tests.support.apps import app_config, migrate_database

# Instants whose microseconds are zero, or end in zeros: isoformat() writes six digits or none.
WHOLE_SECOND = datetime(2026, 11, 3, 8, 15, 0, tzinfo=UTC)
TRAILING_ZEROS = datetime(2026, 11, 4, 17, 45, 9, 120000, tzinfo=UTC)


@pytest.fixture(params=["postgresql", "sqlite"])
def database_app(request, make_app, tmp_path):
    if request.param == "postgresql":
        return make_app()
    url = f"sqlite:///{tmp_path / 'tarefa.db'}"
    migrate_database(url)
    return create_app(app_config(url))


@pytest.fixture
def varied(database_app):
    """An owner in São Paulo with tasks covering every kind of value a task shows."""
    client = database_app.test_client()
    headers = Auth(client).headers(UserFactory(database_app)())
    client.patch("/api/auth/me", json={"timezone": "America/Sao_Paulo"}, headers=headers)
    project = client.post("/api/projects", json={"name": "Casa"}, headers=headers).json
    bodies = [
        {"title": "Plain"},
        {
            "title": "Timed, repeating",
            "description": "With a description",
            "due_date": "2026-12-02",
            "due_time": "09:30",
            "recurrence": "FREQ=WEEKLY;BYDAY=MO",
            "reminders": [{"before_minutes": 30}, {"remind_at": "2026-12-01T10:00:00Z"}],
            "labels": ["casa", "Trabalho", "Ágil", "zebra", "Éter", "banho"],
            "priority": 1,
            "estimate_minutes": 25,
        },
        {"title": "Done", "done": True, "due_date": "2026-11-30"},
        {"title": "Repeats, no time", "recurrence": "FREQ=DAILY", "due_date": "2026-12-01"},
        {"title": "Timed only", "due_date": "2026-12-05", "due_time": "23:59"},
        {
            "title": 'Quotes " and \\ backslash',
            "description": "Linha 1\nLinha 2\ttab \u0001 control, 🎉 and \u2028",
            "project_id": project["id"],
            "reminders": [{"remind_at": "2026-12-03T12:30:00.5Z"}],
        },
    ]
    created = [client.post("/api/tasks", json=body, headers=headers).json for body in bodies]
    assert all("id" in task for task in created), created
    sub = {"title": "Step", "parent_id": created[1]["id"], "done": True}
    step = client.post("/api/tasks", json=sub, headers=headers)
    assert step.status_code == 201
    ids = [task["id"] for task in [*created, step.json]]
    with database_app.app_context():
        db.session.execute(
            update(Task)
            .where(Task.id == ids[0])
            .values(created_at=WHOLE_SECOND, updated_at=TRAILING_ZEROS)
        )
        db.session.execute(update(Task).where(Task.id == ids[2]).values(completed_at=WHOLE_SECOND))
        # One reminder already sent for its current instant, the others not.
        db.session.execute(
            update(Reminder).where(Reminder.task_id == ids[5]).values(sent_for=Reminder.fire_at)
        )
        db.session.commit()
    return client, headers, ids


@pytest.mark.parametrize("language", ["en", "pt-BR"])
def test_each_listed_task_is_the_schema_dump_of_that_task(database_app, varied, language):
    client, owner, ids = varied
    headers = {**owner, "Accept-Language": language}
    listed = client.get("/api/tasks?per_page=100", headers=headers).json["items"]

    assert sorted(task["id"] for task in listed) == sorted(ids)
    for task in listed:
        with database_app.test_request_context(headers={"Accept-Language": language}):
            orm_task = get_owned_task(
                owner_id=task["user_id"], task_id=task["id"], with_progress=True
            )
            documented = json.loads(json.dumps(TaskOut().dump(orm_task)))
        assert task == documented
        assert task == client.get(f"/api/tasks/{task['id']}", headers=headers).json
        assert set(task) == set(TaskOut().fields)
    by_title = {task["title"]: task for task in listed}
    assert by_title["Plain"]["created_at"] == "2026-11-03T08:15:00+00:00"
    assert by_title["Plain"]["updated_at"] == "2026-11-04T17:45:09.120000+00:00"
    assert by_title["Done"]["completed_at"] == "2026-11-03T08:15:00+00:00"
    assert by_title["Timed only"]["due_at"] == "2026-12-06T02:59:00+00:00"
    assert by_title["Repeats, no time"]["due_at"] is None
    assert by_title["Repeats, no time"]["recurrence_text"]
    assert [r["sent"] for r in by_title['Quotes " and \\ backslash']["reminders"]] == [True]
    assert by_title['Quotes " and \\ backslash']["reminders"][0]["remind_at"] == (
        "2026-12-03T12:30:00.500000+00:00"
    )
    timed = by_title["Timed, repeating"]
    # By casefolded code point, as Task.labels orders them: accented initials last.
    assert timed["labels"] == ["banho", "casa", "Trabalho", "zebra", "Ágil", "Éter"]
    assert (timed["subtask_count"], timed["subtasks_done"]) == (1, 1)
    assert sorted(task["subtask_count"] for task in listed) == [0, 0, 0, 0, 0, 0, 1]


def test_the_list_answers_the_fast_json(client, auth, make_user):
    headers = auth.headers(make_user(email="list@example.com"))
    made = client.post("/api/tasks", json={"title": "One", "labels": ["x"]}, headers=headers)

    listed = client.get("/api/tasks", headers=headers)

    assert listed.headers["Content-Type"] == "application/json"
    assert listed.json["items"] == [made.json]
