"""The committed migrations build exactly the schema the models describe."""

from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, inspect, text

from app import create_app
from app.core.extensions import db
from tests.conftest import create_database, drop_database
from tests.helpers import FAST_ARGON2, migrate_database


def schema_differences(url):
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            return compare_metadata(context, db.metadata)
    finally:
        engine.dispose()


@pytest.fixture(params=["postgresql", "sqlite"])
def fresh_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'migrations.db'}"
        return
    url = create_database("tarefa_migrations")
    yield url
    drop_database(url)


def test_models_and_migrations_agree(fresh_url):
    migrate_database(fresh_url)

    assert schema_differences(fresh_url) == []


def test_downgrade_to_base_and_back(fresh_url):
    app = create_app({"APP_ENV": "testing", "DATABASE_URL": fresh_url, **FAST_ARGON2})
    with app.app_context():
        upgrade()
        downgrade(revision="0001_initial")
        assert "parent_id" not in {c["name"] for c in inspect(db.engine).get_columns("tasks")}
        downgrade(revision="base")
        assert set(inspect(db.engine).get_table_names()) == {"alembic_version"}
        upgrade()
        assert "estimate_minutes" in {c["name"] for c in inspect(db.engine).get_columns("tasks")}
        db.engine.dispose()


INSERT_USER = text(
    "INSERT INTO users (name, email, password_hash, is_admin, created_at, updated_at) "
    "VALUES ('U', :email, 'h', :no, :at, :at)"
)


def test_hardening_migration_keeps_rows_and_ids_are_never_reused(fresh_url):
    migrate_database(fresh_url, "0002_subtasks_estimates")
    engine = create_engine(fresh_url)
    at = datetime(2026, 11, 1, 10, tzinfo=UTC)
    with engine.begin() as connection:
        for email in ("a@example.com", "b@example.com"):
            connection.execute(INSERT_USER, {"email": email, "no": False, "at": at})
        connection.execute(
            text(
                "INSERT INTO tasks (user_id, title, done, created_at, updated_at) "
                "VALUES (2, 'Kept', :no, :at, :at)"
            ),
            {"no": False, "at": at},
        )
    migrate_database(fresh_url)
    with engine.begin() as connection:
        users = connection.execute(
            text("SELECT id, email, is_active, tokens_valid_after FROM users ORDER BY id")
        ).all()
        tasks = connection.execute(text("SELECT user_id, title FROM tasks")).all()
        connection.execute(text("DELETE FROM users WHERE id = 2"))
        connection.execute(INSERT_USER, {"email": "c@example.com", "no": False, "at": at})
        new_id = connection.execute(
            text("SELECT id FROM users WHERE email = 'c@example.com'")
        ).scalar()
    engine.dispose()

    assert [tuple(row) for row in users] == [
        (1, "a@example.com", True, None),
        (2, "b@example.com", True, None),
    ]
    assert [tuple(row) for row in tasks] == [(2, "Kept")]
    assert new_id == 3
