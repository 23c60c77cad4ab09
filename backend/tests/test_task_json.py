"""The list's fast JSON is exactly what the documented TaskOut schema dumps."""

import json

import orjson
import pytest
from sqlalchemy import select

from app.core.extensions import db
from app.models import Task
from app.repositories.tasks import attach_subtask_progress
from app.schemas.task_json import task_dict
from app.schemas.tasks import TaskOut


@pytest.fixture
def varied(client, auth, make_user):
    headers = auth.headers(make_user())
    client.patch("/api/auth/me", json={"timezone": "America/Sao_Paulo"}, headers=headers)
    bodies = [
        {"title": "Plain"},
        {
            "title": "Timed, repeating",
            "description": "With a description",
            "due_date": "2026-12-02",
            "due_time": "09:30",
            "recurrence": "FREQ=WEEKLY;BYDAY=MO",
            "reminders": [{"before_minutes": 30}, {"remind_at": "2026-12-01T10:00:00Z"}],
            "labels": ["casa", "Trabalho"],
            "priority": 1,
            "estimate_minutes": 25,
        },
        {"title": "Done", "done": True, "due_date": "2026-11-30"},
    ]
    created = [client.post("/api/tasks", json=body, headers=headers).json for body in bodies]
    sub = {"title": "Step", "parent_id": created[1]["id"], "done": True}
    step = client.post("/api/tasks", json=sub, headers=headers)
    assert step.status_code == 201
    return [task["id"] for task in [*created, step.json]]


@pytest.mark.parametrize("language", ["en", "pt-BR"])
def test_fast_dump_equals_the_schema_dump(app, varied, language):
    with app.test_request_context(headers={"Accept-Language": language}):
        tasks = list(db.session.scalars(select(Task).where(Task.id.in_(varied))))
        attach_subtask_progress(tasks)
        for task in tasks:
            fast = orjson.loads(orjson.dumps(task_dict(task)))
            assert fast == json.loads(json.dumps(TaskOut().dump(task)))
            assert set(fast) == set(TaskOut().fields)
        assert sorted(task.subtask_count for task in tasks) == [0, 0, 0, 1]
        assert any(task_dict(task)["recurrence_text"] for task in tasks)
        assert any(task_dict(task)["reminders"] for task in tasks)


def test_the_list_answers_the_fast_json(client, auth, make_user):
    headers = auth.headers(make_user(email="list@example.com"))
    made = client.post("/api/tasks", json={"title": "One", "labels": ["x"]}, headers=headers)

    listed = client.get("/api/tasks", headers=headers)

    assert listed.headers["Content-Type"] == "application/json"
    assert listed.json["items"] == [made.json]
