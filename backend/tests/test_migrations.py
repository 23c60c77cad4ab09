"""The committed migrations build exactly the schema the models describe."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, inspect

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
