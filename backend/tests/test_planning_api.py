"""AI planning through the API, on the offline planner (the embedded default)."""

import pytest

from app.services.ai import AIProviderError, AITimeout, Plan, PlannedTask
from tests.support.accounts import Auth, UserFactory


@pytest.fixture
def headers(auth, make_user):
    return auth.headers(make_user(email="planner@example.com"))


def generate(client, headers, **body):
    return client.post(
        "/api/tasks/generate",
        json={"goal": "Plan a weekend trip to Lisbon", **body},
        headers=headers,
    )


def test_dry_run_proposes_without_saving(client, headers):
    response = generate(
        client, headers, goal="Organizar a festa de aniversário do meu filho", dry_run=True
    )

    assert response.status_code == 200
    body = response.json
    assert (body["provider"], body["model"]) == ("offline", "offline-planner-v1")
    assert len(body["tasks"]) == 7
    assert set(body["tasks"][0]) == {"title", "estimate_minutes"}
    assert body["tasks"][0]["title"] == "Definir data, horário e orçamento da festa"
    assert client.get("/api/tasks", headers=headers).json["total"] == 0


def test_generate_saves_the_plan_in_the_callers_list(client, headers):
    response = generate(client, headers, max_tasks=4)

    assert response.status_code == 201
    tasks = response.json["tasks"]
    assert [t["title"] for t in tasks] == [
        "Set the dates and budget for the trip to Lisbon",
        "Book flights or transport to Lisbon",
        "Book accommodation in Lisbon",
        "Make a packing list and pack",
    ]
    assert all(t["id"] and t["estimate_minutes"] > 0 and t["parent_id"] is None for t in tasks)
    listed = client.get("/api/tasks?sort=created_at", headers=headers).json
    assert [t["id"] for t in listed["items"]] == [t["id"] for t in tasks]


@pytest.mark.parametrize(
    ("language", "first_title"),
    [
        ("en", "Set the date, time and budget for the party"),
        ("pt-BR", "Definir data, horário e orçamento da festa"),
    ],
)
def test_language_can_be_chosen(client, headers, language, first_title):
    response = generate(
        client, headers, goal="Birthday party for my son", language=language, dry_run=True
    )

    assert response.json["tasks"][0]["title"] == first_title


def test_granularity_changes_the_number_of_steps(client, headers):
    counts = [
        len(generate(client, headers, granularity=g, max_tasks=15, dry_run=True).json["tasks"])
        for g in ("coarse", "normal", "fine")
    ]

    assert counts[0] < counts[1] < counts[2]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"goal": "ab"}, "goal"),
        ({"goal": "   ab   "}, "goal"),
        ({"goal": "x" * 501}, "goal"),
        ({"max_tasks": 0}, "max_tasks"),
        ({"max_tasks": 16}, "max_tasks"),
        ({"language": "fr"}, "language"),
        ({"granularity": "huge"}, "granularity"),
        ({"dry_run": "sometimes"}, "dry_run"),
        ({"goal": "plan \x00 it"}, "goal"),
        ({"extra": 1}, "extra"),
    ],
)
def test_generate_validation(client, headers, body, field):
    response = generate(client, headers, **body)

    assert response.status_code == 422
    assert list(response.json["errors"]["json"]) == [field]
    assert client.get("/api/tasks", headers=headers).json["total"] == 0


def test_breakdown_saves_new_subtasks_only(client, headers):
    plan = generate(client, headers, max_tasks=3).json["tasks"]
    parent_id = plan[0]["id"]

    response = client.post(
        f"/api/tasks/{parent_id}/breakdown", json={"max_tasks": 3}, headers=headers
    )

    assert response.status_code == 201
    subtasks = response.json["tasks"]
    assert [t["parent_id"] for t in subtasks] == [parent_id] * 3
    sibling_titles = {t["title"] for t in plan}
    assert not sibling_titles & {t["title"] for t in subtasks}
    parent = client.get(f"/api/tasks/{parent_id}", headers=headers).json
    assert (parent["subtask_count"], parent["subtasks_done"]) == (3, 0)
    again = client.post(
        f"/api/tasks/{parent_id}/breakdown", json={"max_tasks": 3}, headers=headers
    ).json["tasks"]
    assert not {t["title"] for t in again} & {t["title"] for t in subtasks}


def test_breakdown_of_another_users_task_is_404(client, headers, auth, make_user):
    task = client.post("/api/tasks", json={"title": "Move house"}, headers=headers).json
    intruder = auth.headers(make_user(email="other@example.com"))

    response = client.post(f"/api/tasks/{task['id']}/breakdown", json={}, headers=intruder)

    assert response.status_code == 404
    assert client.get(f"/api/tasks/{task['id']}", headers=headers).json["subtask_count"] == 0


def test_breakdown_validation(client, headers):
    task = client.post("/api/tasks", json={"title": "Move house"}, headers=headers).json

    response = client.post(
        f"/api/tasks/{task['id']}/breakdown", json={"max_tasks": 99}, headers=headers
    )

    assert response.status_code == 422
    assert list(response.json["errors"]["json"]) == ["max_tasks"]


def test_ai_rate_limit_is_per_user_and_shared_by_both_endpoints(make_app):
    app = make_app(RATELIMIT_AI_OFFLINE="2 per hour")
    client = app.test_client()
    make_user, login = UserFactory(app), Auth(client)
    first, second = login.headers(make_user()), login.headers(make_user())
    task = client.post("/api/tasks", json={"title": "Move house"}, headers=first).json

    statuses = [
        generate(client, first, dry_run=True).status_code,
        client.post(f"/api/tasks/{task['id']}/breakdown", json={}, headers=first).status_code,
        generate(client, first, dry_run=True).status_code,
        generate(client, second, dry_run=True).status_code,
    ]

    assert statuses == [200, 201, 429, 200]


class ScriptedPlanner:
    def __init__(self, outcome):
        self.outcome = outcome

    def plan(self, request):
        if isinstance(self.outcome, Exception):
            raise self.outcome
        return self.outcome


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (AITimeout("The AI provider did not answer within 20 seconds."), 504),
        (AIProviderError("AI provider rate limit reached."), 502),
    ],
)
def test_provider_failures_map_to_json_errors(app, client, headers, error, status):
    app.extensions["tarefa.planner"] = ScriptedPlanner(error)

    response = generate(client, headers)

    assert response.status_code == status
    assert response.json["message"] == error.message
    assert client.get("/api/tasks", headers=headers).json["total"] == 0


def test_provider_and_model_are_reported(app, client, headers):
    app.extensions["tarefa.planner"] = ScriptedPlanner(
        Plan([PlannedTask("Call the venue", 15)], provider="openai", model="gpt-4o-mini")
    )

    body = generate(client, headers).json

    assert (body["provider"], body["model"]) == ("openai", "gpt-4o-mini")
    assert [t["title"] for t in body["tasks"]] == ["Call the venue"]


def test_async_is_ignored_by_the_offline_planner(client, auth, make_user):
    headers = auth.headers(make_user())

    response = client.post(
        "/api/tasks/generate",
        json={"goal": "Plan a weekend trip to Lisbon", "async": True, "max_tasks": 3},
        headers=headers,
    )

    assert response.status_code == 201
    assert response.json["provider"] == "offline"
    assert len(response.json["tasks"]) == 3
