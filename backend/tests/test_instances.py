"""Two app instances (two workers or replicas) sharing one committed database and Redis."""

import pytest

from app import create_app
from tests.support.accounts import PASSWORD, bearer
from tests.support.apps import app_config, migrate_database
from tests.support.databases import create_database, drop_database


@pytest.fixture
def shared_database():
    url = create_database("tarefa_instances")
    migrate_database(url)
    yield url
    drop_database(url)


@pytest.fixture
def two_instances(shared_database, clean_redis):
    config = app_config(shared_database, REDIS_URL=clean_redis)
    apps = [create_app(config), create_app(config)]
    yield [app.test_client() for app in apps]
    from app.core.extensions import db

    for app in apps:
        with app.app_context():
            db.engine.dispose()


def test_logout_on_one_instance_is_honoured_by_the_other(two_instances):
    first, second = two_instances
    first.post(
        "/api/auth/register", json={"name": "Two", "email": "two@example.com", "password": PASSWORD}
    )
    tokens = first.post(
        "/api/auth/login", json={"email": "two@example.com", "password": PASSWORD}
    ).json
    headers = bearer(tokens["access_token"])
    assert second.get("/api/auth/me", headers=headers).status_code == 200

    assert first.post("/api/auth/logout", headers=headers).status_code == 204

    refused = second.get("/api/auth/me", headers=headers)
    assert refused.status_code == 401
    assert refused.json["message"] == "Token has been revoked."


def test_refresh_reuse_on_another_instance_revokes_the_family(two_instances):
    first, second = two_instances
    first.post(
        "/api/auth/register", json={"name": "Fam", "email": "fam@example.com", "password": PASSWORD}
    )
    original = first.post(
        "/api/auth/login", json={"email": "fam@example.com", "password": PASSWORD}
    ).json
    refresh = bearer(original["refresh_token"])
    second.delete_cookie("refresh_token_cookie", path="/api/auth")
    first.delete_cookie("refresh_token_cookie", path="/api/auth")

    rotated = second.post("/api/auth/refresh", headers=refresh).json
    assert first.post("/api/auth/refresh", headers=refresh).status_code == 401
    assert (
        second.post("/api/auth/refresh", headers=bearer(rotated["refresh_token"])).status_code
        == 401
    )


def test_password_change_on_one_instance_ends_sessions_on_the_other_at_once(two_instances):
    first, second = two_instances
    account = {"email": "moved@example.com", "password": PASSWORD}
    first.post("/api/auth/register", json={"name": "Moved", **account})
    old = bearer(first.post("/api/auth/login", json=account).json["access_token"])
    assert second.get("/api/tasks", headers=old).status_code == 200  # caches "still valid"

    changed = first.patch(
        "/api/auth/me",
        json={"password": "moved-on-password", "current_password": PASSWORD},
        headers=old,
    )

    assert changed.status_code == 200
    assert second.get("/api/tasks", headers=old).status_code == 401
    new_login = {"email": "moved@example.com", "password": "moved-on-password"}
    new = bearer(second.post("/api/auth/login", json=new_login).json["access_token"])
    assert first.get("/api/tasks", headers=new).status_code == 200
