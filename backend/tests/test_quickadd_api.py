"""POST /api/tasks/parse and /api/tasks/quick over HTTP."""

import pytest


@pytest.fixture
def owner(make_user):
    return make_user(email="owner@example.com")


@pytest.fixture
def headers(auth, owner):
    return auth.headers(owner)


def test_parse_answers_every_field_without_saving(client, headers):
    response = client.post(
        "/api/tasks/parse",
        json={
            "text": "Dentista toda sexta 14h30 #saúde @pessoal !2 me lembre 1h antes",
            "now": "2026-03-11T10:00:00-03:00",
            "timezone": "America/Sao_Paulo",
        },
        headers=headers,
    )
    assert (response.status_code, response.json) == (
        200,
        {
            "title": "Dentista",
            "language": "pt-BR",
            "due_date": "2026-03-13",
            "due_time": "14:30",
            "due_at": "2026-03-13T17:30:00+00:00",
            "project": "saúde",
            "labels": ["pessoal"],
            "priority": 2,
            "recurrence": "FREQ=WEEKLY;BYDAY=FR",
            "recurrence_text": "Toda sexta-feira",
            "reminder": {"before_minutes": 60},
        },
    )
    assert client.get("/api/tasks", headers=headers).json["total"] == 0


def test_parse_around_midnight_uses_the_given_zone(client, headers):
    body = {"text": "Call mom today", "now": "2026-03-08T04:59:00Z"}
    in_new_york = client.post(
        "/api/tasks/parse", json={**body, "timezone": "America/New_York"}, headers=headers
    )
    in_utc = client.post("/api/tasks/parse", json={**body, "timezone": "UTC"}, headers=headers)
    assert (in_new_york.json["due_date"], in_utc.json["due_date"]) == ("2026-03-07", "2026-03-08")


@pytest.mark.parametrize(
    ("accept", "language", "due"),
    [
        ("pt-BR,pt;q=0.9", "pt-BR", "2027-03-05"),
        ("en-US", "en", "2026-05-03"),
        (None, "en", "2026-05-03"),
    ],
)
def test_a_line_without_telling_words_follows_accept_language(
    client, headers, accept, language, due
):
    extra = {"Accept-Language": accept} if accept else {}
    response = client.post(
        "/api/tasks/parse",
        json={"text": "Boleto 05/03", "now": "2026-03-11T10:00:00Z", "timezone": "UTC"},
        headers={**headers, **extra},
    )
    assert (response.json["language"], response.json["due_date"]) == (language, due)


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({}, {"text": ["Missing data for required field."]}),
        (
            {"text": "  "},
            {"text": ["Length must be between 1 and 500 (surrounding spaces not counted)."]},
        ),
        ({"text": "x", "language": "fr"}, {"language": ["Must be one of: en, pt-BR."]}),
        (
            {"text": "x", "timezone": "Mars/Olympus"},
            {"timezone": ["Not a known IANA time zone (for example America/Sao_Paulo)."]},
        ),
        ({"text": "x", "now": "2026-03-11T10:00:00"}, {"now": ["Not a valid aware datetime."]}),
    ],
)
def test_parse_rejects_bad_input_with_the_error_envelope(client, headers, body, errors):
    response = client.post("/api/tasks/parse", json=body, headers=headers)
    assert (response.status_code, response.json["errors"]["json"]) == (422, errors)


def test_parse_needs_a_login(client):
    assert client.post("/api/tasks/parse", json={"text": "x"}).status_code == 401


@pytest.fixture
def frozen(monkeypatch):
    from datetime import datetime

    from app.core import clock

    def freeze(moment: str) -> None:
        instant = datetime.fromisoformat(moment)
        monkeypatch.setattr(clock, "now", lambda: instant)

    return freeze


def quick(client, headers, text, **extra):
    return client.post("/api/tasks/quick", json={"text": text, **extra}, headers=headers)


def test_quick_creates_the_task_and_a_missing_project(client, headers, frozen):
    frozen("2026-03-11T15:00:00+00:00")
    client.patch("/api/auth/me", json={"timezone": "America/New_York"}, headers=headers)
    response = quick(
        client, headers, "Pay rent tomorrow 9am #home @bills !1 every month on the 12th"
    )
    assert response.status_code == 201, response.json
    task = response.json
    projects = client.get("/api/projects", headers=headers).json
    assert [(p["id"], p["name"]) for p in projects] == [(task["project_id"], "home")]
    assert (
        task["title"], task["due_date"], task["due_time"], task["due_at"], task["priority"],
        task["labels"], task["recurrence"], task["recurrence_text"],
    ) == (
        "Pay rent", "2026-03-12", "09:00", "2026-03-12T13:00:00+00:00", 1,
        ["bills"], "FREQ=MONTHLY;BYMONTHDAY=12", "Every month on the 12th",
    )  # fmt: skip


def test_quick_uses_an_existing_project_whatever_its_case(client, headers, frozen):
    frozen("2026-03-11T13:00:00+00:00")
    casa = client.post("/api/projects", json={"name": "Casa", "color": "green"}, headers=headers)
    task = quick(client, headers, "Dentista sexta 14h30 #casa").json
    assert (task["project_id"], task["title"], task["due_date"], task["due_time"]) == (
        casa.json["id"], "Dentista", "2026-03-13", "14:30",
    )  # fmt: skip
    assert len(client.get("/api/projects", headers=headers).json) == 1


def test_quick_keeps_literal_kinds_in_the_title_and_saves_the_reminder(client, headers, frozen):
    frozen("2026-03-11T13:00:00+00:00")
    task = quick(
        client, headers, "Voo amanhã 7h #viagem me lembre 30 min antes", literal=["project"]
    ).json
    assert (task["title"], task["project_id"], task["due_date"], task["due_time"]) == (
        "Voo #viagem", None, "2026-03-12", "07:00",
    )  # fmt: skip
    assert [(r["before_minutes"], r["fire_at"]) for r in task["reminders"]] == [
        (30, "2026-03-12T06:30:00+00:00")
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("amanhã 9h #casa", "What is left for the title must have 1 to 160 characters."),
        ("x" * 161 + " tomorrow", "What is left for the title must have 1 to 160 characters."),
    ],
)
def test_quick_without_a_usable_title_is_422(client, headers, text, reason):
    response = quick(client, headers, text)
    assert (response.status_code, response.json["errors"]["json"]) == (422, {"text": [reason]})
    assert client.get("/api/tasks", headers=headers).json["total"] == 0


def test_quick_takes_the_views_project_date_and_labels_when_the_line_names_none(
    client, headers, frozen
):
    frozen("2026-03-11T13:00:00+00:00")
    casa = client.post("/api/projects", json={"name": "Casa", "color": "green"}, headers=headers)
    task = quick(
        client, headers, "Regar as plantas @jardim",
        project_id=casa.json["id"], due_date="2026-03-11", labels=["rotina"],
        description="  Samambaia e cactos ", priority=2,
    ).json  # fmt: skip
    assert (
        task["title"], task["project_id"], task["due_date"], task["labels"],
        task["description"], task["priority"],
    ) == (
        "Regar as plantas", casa.json["id"], "2026-03-11", ["jardim", "rotina"],
        "Samambaia e cactos", 2,
    )  # fmt: skip


def test_the_lines_own_project_and_date_win_over_the_views(client, headers, frozen):
    frozen("2026-03-11T13:00:00+00:00")
    casa = client.post("/api/projects", json={"name": "Casa", "color": "green"}, headers=headers)
    task = quick(
        client, headers, "Dentista sexta #saúde !1",
        project_id=casa.json["id"], due_date="2026-03-11", priority=3,
    ).json  # fmt: skip
    saude = [p for p in client.get("/api/projects", headers=headers).json if p["name"] == "saúde"]
    assert (task["title"], task["project_id"], task["due_date"], task["priority"]) == (
        "Dentista", saude[0]["id"], "2026-03-13", 1,
    )  # fmt: skip


def test_quick_into_another_users_project_is_404(client, headers, auth, make_user):
    other = auth.headers(make_user(email="other@example.com"))
    theirs = client.post("/api/projects", json={"name": "Deles", "color": "red"}, headers=other)
    response = quick(client, headers, "Espiar", project_id=theirs.json["id"])
    assert (response.status_code, response.json["errors"]["json"]) == (
        404, {"project_id": ["Project not found."]},
    )  # fmt: skip
    assert client.get("/api/tasks", headers=headers).json["total"] == 0
