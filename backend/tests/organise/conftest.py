"""Fixtures for the projects, labels, views and order tests.

Every test using ``api`` (and ``other``, a second account) runs twice: on PostgreSQL, in
the suite's rolled-back transaction, and on a fresh SQLite file migrated like production.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask.testing import FlaskClient

from app import create_app
from app.core.extensions import db
from tests.organise.client import Api
from tests.support.apps import app_config, migrate_database


@pytest.fixture(params=["postgresql", "sqlite"])
def organise_client(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[FlaskClient]:
    if request.param == "postgresql":
        yield request.getfixturevalue("client")
        return
    url = f"sqlite:///{tmp_path / 'organise.db'}"
    migrate_database(url)
    app = create_app(app_config(url))
    yield app.test_client()
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def api(organise_client: FlaskClient) -> Api:
    return Api.register(organise_client, "ana@example.com")


@pytest.fixture
def other(organise_client: FlaskClient) -> Api:
    return Api.register(organise_client, "bruno@example.com")
