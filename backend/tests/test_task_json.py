"""The list's fast JSON is exactly what the documented TaskOut schema dumps."""

import json

import pytest

from app.repositories.tasks import get_owned_task
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
            "labels": ["casa", "Trabalho", "Ágil", "zebra", "Éter", "banho"],
            "priority": 1,
            "estimate_minutes": 25,
        },
        {"title": "Done", "done": True, "due_date": "2026-11-30"},
    ]
    created = [client.post("/api/tasks", json=body, headers=headers).json for body in bodies]
    sub = {"title": "Step", "parent_id": created[1]["id"], "done": True}
    step = client.post("/api/tasks", json=sub, headers=headers)
    assert step.status_code == 201
    return headers, [task["id"] for task in [*created, step.json]]


@pytest.mark.parametrize("language", ["en", "pt-BR"])
def test_each_listed_task_is_the_schema_dump_of_that_task(app, client, varied, language):
    owner, varied = varied
    headers = {**owner, "Accept-Language": language}
    listed = client.get("/api/tasks?per_page=100", headers=headers).json["items"]

    assert sorted(task["id"] for task in listed) == sorted(varied)
    for task in listed:
        with app.test_request_context(headers={"Accept-Language": language}):
            orm_task = get_owned_task(
                owner_id=task["user_id"], task_id=task["id"], with_progress=True
            )
            documented = json.loads(json.dumps(TaskOut().dump(orm_task)))
        assert task == documented
        assert task == client.get(f"/api/tasks/{task['id']}", headers=headers).json
        assert set(task) == set(TaskOut().fields)
    assert sorted(task["subtask_count"] for task in listed) == [0, 0, 0, 1]
    assert [task["subtasks_done"] for task in listed if task["subtask_count"]] == [1]
    assert any(task["recurrence_text"] for task in listed)
    assert any(task["reminders"] for task in listed)
    assert any(task["due_at"] for task in listed)


def test_the_list_answers_the_fast_json(client, auth, make_user):
    headers = auth.headers(make_user(email="list@example.com"))
    made = client.post("/api/tasks", json={"title": "One", "labels": ["x"]}, headers=headers)

    listed = client.get("/api/tasks", headers=headers)

    assert listed.headers["Content-Type"] == "application/json"
    assert listed.json["items"] == [made.json]
