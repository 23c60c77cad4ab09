"""Two app instances (two workers or replicas) sharing one committed database and Redis.

Each instance trusts the revocation answers it holds for REVOCATION_CACHE_SECONDS: a logout
or a password change takes effect at once on the instance that made it, and on the others
once that bound has passed. The tests move the cache's clock instead of sleeping.
"""

import pytest

from app import create_app
from app.services import tokens
from tests.support.accounts import PASSWORD, bearer
from tests.support.apps import app_config, migrate_database
from tests.support.databases import create_database, drop_database


@pytest.fixture
def shared_database():
    url = create_database("tarefa_instances")
    migrate_database(url)
    yield url
    drop_database(url)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    fake = Clock()
    monkeypatch.setattr(tokens, "_monotonic", fake)
    return fake


BOUND = 5.0  # REVOCATION_CACHE_SECONDS's default


@pytest.fixture
def cache_seconds():
    return BOUND


@pytest.fixture
def two_instances(shared_database, clean_redis, clock, cache_seconds):
    config = app_config(
        shared_database, REDIS_URL=clean_redis, REVOCATION_CACHE_SECONDS=cache_seconds
    )
    apps = [create_app(config), create_app(config)]
    yield [app.test_client() for app in apps]
    from app.core.extensions import db

    for app in apps:
        with app.app_context():
            db.engine.dispose()


def _login(client, name):
    account = {"email": f"{name}@example.com", "password": PASSWORD}
    client.post("/api/auth/register", json={"name": name, **account})
    issued = client.post("/api/auth/login", json=account).json
    return bearer(issued["access_token"])


def test_logout_is_honoured_at_once_here_and_within_the_bound_on_the_other(two_instances, clock):
    first, second = two_instances
    headers = _login(first, "bound")
    assert second.get("/api/tasks", headers=headers).status_code == 200  # caches "valid"

    assert first.post("/api/auth/logout", headers=headers).status_code == 204

    assert first.get("/api/tasks", headers=headers).status_code == 401
    assert second.get("/api/tasks", headers=headers).status_code == 200  # its copy is recent
    clock.now += BOUND - 0.01
    assert second.get("/api/tasks", headers=headers).status_code == 200
    clock.now += 0.02
    refused = second.get("/api/tasks", headers=headers)
    assert (refused.status_code, refused.json["message"]) == (401, "Token has been revoked.")


@pytest.mark.parametrize("cache_seconds", [0])
def test_without_the_local_cache_a_logout_is_honoured_everywhere_at_once(two_instances):
    first, second = two_instances
    headers = _login(first, "nocache")
    assert second.get("/api/tasks", headers=headers).status_code == 200

    assert first.post("/api/auth/logout", headers=headers).status_code == 204

    assert second.get("/api/tasks", headers=headers).status_code == 401


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


def test_password_change_on_one_instance_ends_sessions_on_the_other_within_the_bound(
    two_instances, clock
):
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
    assert first.get("/api/tasks", headers=old).status_code == 401
    clock.now += BOUND + 0.01
    assert second.get("/api/tasks", headers=old).status_code == 401
    new_login = {"email": "moved@example.com", "password": "moved-on-password"}
    new = bearer(second.post("/api/auth/login", json=new_login).json["access_token"])
    assert first.get("/api/tasks", headers=new).status_code == 200
