"""Input and abuse: nested JSON, weak passwords, per-account throttles, the AI budget,
integer estimates."""

import pytest

from app import _skip_idle_rate_limit_check, create_app
from app.core.config import ConfigError
from app.core.extensions import limiter
from app.services.accounts import create_user
from tests.support.accounts import PASSWORD, Auth, bearer
from tests.support.apps import app_config

DEEP = "[" * 100_000 + "]" * 100_000


@pytest.fixture
def headers(auth, make_user):
    return auth.headers(make_user(email="abuse@example.com"))


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/auth/login", DEEP),
        ("/api/auth/register", '{"name": ' + DEEP + "}"),
        ("/api/tasks", '{"title": "x", "description": ' + "{" * 50_000 + "}" * 50_000 + "}"),
    ],
)
def test_deeply_nested_json_is_a_400(client, headers, path, body):
    response = client.post(path, data=body, content_type="application/json", headers=headers)

    assert response.status_code == 400
    assert response.json == {
        "code": 400,
        "status": "Bad Request",
        "message": "JSON nested deeper than 32 levels.",
    }


def test_brackets_inside_strings_do_not_count_as_nesting(client, headers):
    title = "[" * 80 + '"{' * 20

    response = client.post("/api/tasks", json={"title": title}, headers=headers)

    assert response.status_code == 201
    assert response.json["title"] == title


@pytest.mark.parametrize("password", ["1234567890", "abc", "          "])
def test_admin_set_and_own_passwords_follow_the_rule(client, auth, make_user, password):
    admin_headers = auth.headers(make_user(email="root@example.com", is_admin=True))
    member = make_user(email="weak@example.com")

    by_admin = client.patch(
        f"/api/users/{member.id}", json={"password": password}, headers=admin_headers
    )
    created = client.post(
        "/api/users",
        json={"name": "N", "email": "n@example.com", "password": password},
        headers=admin_headers,
    )
    own = client.patch(
        "/api/auth/me",
        json={"password": password, "current_password": PASSWORD},
        headers=auth.headers(member),
    )

    for response in (by_admin, created, own):
        assert response.status_code == 422
        assert list(response.json["errors"]["json"]) == ["password"]


@pytest.mark.parametrize("password", ["password", "12345678", "qwertyuiop", " " * 16])
def test_weak_first_admin_password_stops_start_up(database_url, password):
    config = app_config(
        database_url, FIRST_ADMIN_EMAIL="root@example.com", FIRST_ADMIN_PASSWORD=password
    )

    with pytest.raises(ConfigError, match=r"^FIRST_ADMIN_PASSWORD is refused: "):
        create_app(config)


def test_weak_password_is_refused_by_the_cli(runner):
    result = runner.invoke(
        args=["users", "create-admin", "--email", "a@example.com", "--password", "1234567890"]
    )

    assert result.exit_code == 2
    assert "This password is too common; choose another one." in result.output


def wrong_login(client, email, address):
    return client.post(
        "/api/auth/login",
        json={"email": email, "password": "not-the-password"},
        environ_base={"REMOTE_ADDR": address},
    )


def test_login_guesses_are_throttled_per_account_across_addresses(make_app):
    app = make_app(RATELIMIT_AUTH="1000 per minute", RATELIMIT_ACCOUNT="3 per 15 minutes")
    client = app.test_client()
    with app.app_context():
        create_user(name="T", email="target@example.com", password=PASSWORD)
        create_user(name="O", email="other@example.com", password=PASSWORD)

    guesses = [
        wrong_login(client, " Target@Example.com", f"10.0.0.{n}").status_code for n in range(3)
    ]
    correct = client.post(
        "/api/auth/login",
        json={"email": "target@example.com", "password": PASSWORD},
        environ_base={"REMOTE_ADDR": "10.0.0.99"},
    )

    assert guesses == [401, 401, 401]
    assert correct.status_code == 429
    assert Auth(client).login("other@example.com")["token_type"] == "Bearer"


def test_the_limiter_checks_before_requests_only_with_limits_to_check(app, monkeypatch):
    """Every limit decorates its route and the decorator checks it (the throttle tests here
    answer 429 all the same), so Flask-Limiter's check before every request, which costs CPU
    with nothing to check, is left out; a default limit, were one set, brings it back."""
    check = limiter._check_request_limit
    assert check not in app.before_request_funcs[None]

    monkeypatch.setattr(limiter.limit_manager, "_default_limits", [["2 per minute"]])
    app.before_request_funcs[None].append(check)
    _skip_idle_rate_limit_check(app)

    assert check in app.before_request_funcs[None]


def test_successful_logins_do_not_spend_the_account_budget(make_app):
    app = make_app(RATELIMIT_AUTH="1000 per minute", RATELIMIT_ACCOUNT="2 per 15 minutes")
    client = app.test_client()
    with app.app_context():
        create_user(name="T", email="often@example.com", password=PASSWORD)

    for _ in range(4):
        Auth(client).login("often@example.com")


def test_wrong_current_password_guesses_are_throttled_per_account(make_app):
    app = make_app(RATELIMIT_ACCOUNT="3 per 15 minutes")
    client = app.test_client()
    with app.app_context():
        create_user(name="T", email="me@example.com", password=PASSWORD)
    headers = bearer(Auth(client).login("me@example.com")["access_token"])

    def change(current):
        return client.patch(
            "/api/auth/me",
            json={"password": "a-new-password", "current_password": current},
            headers=headers,
        ).status_code

    renamed = client.patch("/api/auth/me", json={"name": "Free"}, headers=headers).status_code
    assert [renamed] + [change(f"guess-{n}") for n in range(3)] + [change(PASSWORD)] == [
        200,
        403,
        403,
        403,
        429,
    ]


def generate(client, headers, **body):
    return client.post("/api/tasks/generate", json=body, headers=headers).status_code


def test_refused_ai_requests_do_not_spend_the_budget(make_app):
    app = make_app(RATELIMIT_AI_OFFLINE="2 per hour", RATELIMIT_AI="1000 per hour")
    client = app.test_client()
    with app.app_context():
        create_user(name="T", email="ai@example.com", password=PASSWORD)
    headers = bearer(Auth(client).login("ai@example.com")["access_token"])

    invalid = [generate(client, headers, goal="") for _ in range(5)]
    valid = [generate(client, headers, goal="Plan a move", dry_run=True) for _ in range(3)]

    assert invalid == [422] * 5
    assert valid == [200, 200, 429]


@pytest.mark.parametrize(
    ("provider", "setting"), [("offline", "RATELIMIT_AI_OFFLINE"), ("openai", "RATELIMIT_AI")]
)
def test_the_ai_budget_follows_the_provider(app, provider, setting):
    from app.api.deps import ai_rate_limit

    app.config.update(
        AI_PROVIDER=provider, RATELIMIT_AI="20 per hour", RATELIMIT_AI_OFFLINE="120 per hour"
    )
    with app.test_request_context():
        assert ai_rate_limit() == app.config[setting]


def test_ai_budget_defaults():
    from app.core.config import Settings

    settings = Settings.load({})

    assert (settings.ratelimit_ai, settings.ratelimit_ai_offline) == ("20 per hour", "120 per hour")
    assert settings.ratelimit_account == "10 per 15 minutes"
    assert settings.password_hash_concurrency == 2


@pytest.mark.parametrize("value", [1.5, "30", True])
def test_estimate_minutes_must_be_an_integer(client, headers, value):
    created = client.post(
        "/api/tasks", json={"title": "Estimate", "estimate_minutes": value}, headers=headers
    )

    assert created.status_code == 422
    assert created.json["errors"] == {"json": {"estimate_minutes": ["Not a valid integer."]}}


def test_whole_estimates_are_kept(client, headers):
    created = client.post(
        "/api/tasks", json={"title": "Estimate", "estimate_minutes": 45}, headers=headers
    )

    assert (created.status_code, created.json["estimate_minutes"]) == (201, 45)
    patched = client.patch(
        f"/api/tasks/{created.json['id']}", json={"estimate_minutes": 2.5}, headers=headers
    )
    assert patched.status_code == 422
