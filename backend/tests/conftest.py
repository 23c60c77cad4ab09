"""Fixtures shared by the backend suite.

The suite runs against real services: a PostgreSQL database created for the run and
dropped after (``TEST_DATABASE_URL`` points at the server), and Redis (``TEST_REDIS_URL``).
A missing service fails the run with a message saying what to start; nothing is skipped.
Each test using ``app`` runs inside one transaction that is rolled back at the end.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import psycopg
import pytest
import redis
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy import make_url

from app import create_app
from app.core.extensions import db
from app.models import Task, User
from tests.helpers import FAST_ARGON2, migrate_database

SERVER_URL = os.environ.get("TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/11")
PASSWORD = "correct-horse-battery"


def _admin_dsn() -> str:
    return (
        make_url(SERVER_URL)
        .set(drivername="postgresql", database="postgres")
        .render_as_string(hide_password=False)
    )


def _require_postgres() -> None:
    try:
        with psycopg.connect(_admin_dsn(), connect_timeout=3):
            pass
    except psycopg.OperationalError as exc:
        pytest.fail(
            f"PostgreSQL is not reachable at {SERVER_URL} ({exc}). Start it "
            "(`pg_ctlcluster 15 main start`) or set TEST_DATABASE_URL.",
            pytrace=False,
        )


def create_database(prefix: str = "tarefa_test") -> str:
    """Create an empty database with a unique name and return its URL."""
    _require_postgres()
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(_admin_dsn(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return make_url(SERVER_URL).set(database=name).render_as_string(hide_password=False)


def drop_database(url: str) -> None:
    name = make_url(url).database
    with psycopg.connect(_admin_dsn(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    """A migrated PostgreSQL database for the whole run."""
    url = create_database()
    try:
        migrate_database(url)
        yield url
    finally:
        drop_database(url)


@pytest.fixture(scope="session")
def redis_url() -> str:
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError as exc:
        pytest.fail(
            f"Redis is not reachable at {REDIS_URL} ({exc}). Start it (`redis-server --daemonize yes "
            '--bind 127.0.0.1 --port 6379 --save ""`) or set TEST_REDIS_URL.',
            pytrace=False,
        )
    return REDIS_URL


@pytest.fixture
def clean_redis(redis_url: str) -> str:
    redis.Redis.from_url(redis_url).flushdb()
    return redis_url


def app_config(database_url: str, **overrides: Any) -> dict[str, Any]:
    return {
        "APP_ENV": "testing",
        "DATABASE_URL": database_url,
        "REDIS_URL": None,
        "SECRET_KEY": "test-secret-key-that-is-long-enough-123",
        "JWT_SECRET_KEY": "test-jwt-secret-key-that-is-long-enough",
        "MAIL_BACKEND": "console",
        # Jobs run synchronously inside the test's transaction; tests/jobs/ run real workers.
        "JOBS_MODE": "inline",
        "FIRST_ADMIN_EMAIL": None,
        "FIRST_ADMIN_PASSWORD": None,
        **FAST_ARGON2,
        **overrides,
    }


@pytest.fixture
def make_app(database_url: str) -> Iterator[Callable[..., Flask]]:
    """Build apps whose database work happens in one transaction, rolled back after the test."""
    cleanups: list[Callable[[], None]] = []

    def factory(**overrides: Any) -> Flask:
        app = create_app(app_config(database_url, **overrides))
        with app.app_context():
            engine = db.engine
            connection = engine.connect()
            transaction = connection.begin()
            # Sessions bound to this connection turn their commits into savepoints.
            db.engines[None] = connection  # type: ignore[assignment]

        def cleanup() -> None:
            with app.app_context():
                db.session.remove()
                transaction.rollback()
                connection.close()
                db.engines[None] = engine
                engine.dispose()

        cleanups.append(cleanup)
        return app

    yield factory
    for cleanup in reversed(cleanups):
        cleanup()


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


@pytest.fixture
def make_user(app: Flask) -> Callable[..., User]:
    from app.services.auth import create_user

    counter = iter(range(1, 10_000))

    def factory(**overrides: Any) -> User:
        n = next(counter)
        fields = {"name": f"User {n}", "email": f"user{n}@example.com", "password": PASSWORD}
        fields.update(overrides)
        with app.app_context():
            user = create_user(**fields)
            db.session.refresh(user)
            db.session.expunge(user)
            return user

    return factory


@pytest.fixture
def make_task(app: Flask) -> Callable[..., Task]:
    def factory(user: User, **overrides: Any) -> Task:
        with app.app_context():
            task = Task(user_id=user.id, title=overrides.pop("title", "A task"), **overrides)
            db.session.add(task)
            db.session.commit()
            db.session.refresh(task)
            db.session.expunge(task)
            return task

    return factory


@dataclass
class Auth:
    """Logs users in through the API and hands out their Authorization headers."""

    client: FlaskClient

    def login(self, email: str, password: str = PASSWORD) -> dict[str, Any]:
        response = self.client.post("/api/auth/login", json={"email": email, "password": password})
        assert response.status_code == 200, response.json
        return response.json

    def headers(self, user: User, password: str = PASSWORD) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.login(user.email, password)['access_token']}"}


@pytest.fixture
def auth(client: FlaskClient) -> Auth:
    return Auth(client)
