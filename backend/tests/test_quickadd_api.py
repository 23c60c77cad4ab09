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
            {"timezone": ["Not a known IANA time zone, e.g. America/Sao_Paulo."]},
        ),
        ({"text": "x", "now": "2026-03-11T10:00:00"}, {"now": ["Not a valid aware datetime."]}),
    ],
)
def test_parse_rejects_bad_input_with_the_error_envelope(client, headers, body, errors):
    response = client.post("/api/tasks/parse", json=body, headers=headers)
    assert (response.status_code, response.json["errors"]["json"]) == (422, errors)


def test_parse_needs_a_login(client):
    assert client.post("/api/tasks/parse", json={"text": "x"}).status_code == 401
