"""Fixtures shared by the backend suite.

The suite runs against real services: a PostgreSQL database created for the run and
dropped after (``TEST_DATABASE_URL`` points at the server), and Redis (``TEST_REDIS_URL``).
A missing service fails the run with a message saying what to start; nothing is skipped.
Each test using ``app`` runs inside one transaction that is rolled back at the end.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import redis
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

from app import create_app
from app.core.extensions import db
from app.models import Task, User
from tests.support.accounts import Auth, UserFactory
from tests.support.apps import app_config, migrate_database
from tests.support.databases import create_database, drop_database, require_redis


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
    return require_redis()


@pytest.fixture
def clean_redis(redis_url: str) -> str:
    redis.Redis.from_url(redis_url).flushdb()
    return redis_url


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
def committed_app() -> Iterator[Flask]:
    """An app on a migrated database of its own, committing for real: no test transaction
    around it, so its sessions draw connections from its engine's pool as in production."""
    url = create_database("tarefa_committed")
    migrate_database(url)
    app = create_app(app_config(url))
    yield app
    with app.app_context():
        db.engine.dispose()
    drop_database(url)


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
def make_user(app: Flask) -> UserFactory:
    return UserFactory(app)


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


@pytest.fixture
def auth(client: FlaskClient) -> Auth:
    return Auth(client)
