"""The committed migrations build exactly the schema the models describe."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import Engine, create_engine, inspect, text

from app import create_app
from app.core.extensions import db
from app.models.task import SEARCH_INDEXES, is_managed
from tests.support.apps import FAST_ARGON2, migrate_database
from tests.support.databases import create_database, drop_database
from tests.support.queries import statements_reading_tasks


def schema_differences(url):
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "include_object": is_managed}
            )
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


def test_organise_migration_keeps_every_task_and_subtask(fresh_url):
    migrate_database(fresh_url, revision="0002_subtasks_estimates")
    engine = create_engine(fresh_url)
    users = [
        {"id": 1, "name": "Ana", "email": "ana@example.com"},
        {"id": 2, "name": "Bia", "email": "bia@example.com"},
    ]
    tasks = [
        # id, user, parent, title, done, due, estimate, created, updated
        (1, 1, None, "Later", False, "2026-12-24", 30, "2026-11-02 10:00", "2026-11-02 10:00"),
        (2, 1, None, "Earlier", True, None, None, "2026-11-01 09:00", "2026-11-03 08:30"),
        (3, 1, 1, "Step", False, None, 5, "2026-11-02 11:00", "2026-11-02 11:00"),
        (4, 2, None, "Hers", False, None, None, "2026-11-01 12:00", "2026-11-01 12:00"),
    ]
    with engine.begin() as connection:
        for user in users:
            connection.execute(
                text(
                    "INSERT INTO users (id, name, email, password_hash, is_admin, created_at,"
                    " updated_at) VALUES (:id, :name, :email, 'x', false, :at, :at)"
                ),
                {**user, "at": "2026-11-01 08:00"},
            )
        for row in tasks:
            connection.execute(
                text(
                    "INSERT INTO tasks (id, user_id, parent_id, title, done, due_date,"
                    " estimate_minutes, created_at, updated_at) VALUES (:id, :user_id,"
                    " :parent_id, :title, :done, :due, :estimate, :created, :updated)"
                ),
                dict(
                    zip(
                        [
                            "id",
                            "user_id",
                            "parent_id",
                            "title",
                            "done",
                            "due",
                            "estimate",
                            "created",
                            "updated",
                        ],
                        row,
                        strict=True,
                    )
                ),
            )

    migrate_database(fresh_url)

    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT id, user_id, parent_id, title, done, due_date, estimate_minutes,"
                " project_id, priority, position, completed_at IS NOT NULL FROM tasks ORDER BY id"
            )
        ).all()
        zones = connection.execute(text("SELECT timezone FROM users ORDER BY id")).scalars().all()
    engine.dispose()
    print("ROWS", rows)
    # SQLite answers raw SQL with 0/1 and ISO strings: compare normalised values.
    assert [(*row[:4], bool(row[4]), str(row[5]), *row[6:10], bool(row[10])) for row in rows] == [
        (1, 1, None, "Later", False, "2026-12-24", 30, None, 4, 131072, False),
        (2, 1, None, "Earlier", True, "None", None, None, 4, 65536, True),
        (3, 1, 1, "Step", False, "None", 5, None, 4, 65536, False),
        (4, 2, None, "Hers", False, "None", None, None, 4, 65536, False),
    ]
    assert zones == ["UTC", "UTC"]


NOW = datetime(2026, 12, 1, 9, tzinfo=UTC)


def _index_names(url):
    engine = create_engine(url)
    try:
        return {index["name"] for index in inspect(engine).get_indexes("tasks")}
    finally:
        engine.dispose()


def test_search_indexes_exist_on_postgresql_only_and_downgrade_drops_them(fresh_url):
    migrate_database(fresh_url, "0006")
    before = _index_names(fresh_url)
    migrate_database(fresh_url)
    on_postgresql = fresh_url.startswith("postgresql")

    assert _index_names(fresh_url) - before == (set(SEARCH_INDEXES) if on_postgresql else set())
    app = create_app({"APP_ENV": "testing", "DATABASE_URL": fresh_url, **FAST_ARGON2})
    with app.app_context():
        downgrade(revision="0006")
        db.engine.dispose()
    assert _index_names(fresh_url) == before


@contextmanager
def _user_with_100_000_tasks(title_sql: str, description_sql: str) -> Iterator[tuple[str, Engine]]:
    """A migrated scratch database whose user 1 has 100,000 tasks, the n-th made n minutes
    after the first (``title_sql`` and ``description_sql`` are SQL expressions of n), vacuumed
    and analysed as autovacuum would (which empties the GIN indexes' pending lists)."""
    url = create_database("tarefa_search_plan")
    try:
        migrate_database(url)
        engine = create_engine(url)
        with engine.begin() as connection:
            connection.execute(INSERT_USER, {"email": "s@example.com", "no": False, "at": NOW})
            connection.execute(
                text(  # the expressions are the tests' own SQL
                    "INSERT INTO tasks (user_id, title, description, done, priority, position, "  # noqa: S608
                    f"created_at, updated_at) SELECT 1, {title_sql}, {description_sql}, false, "
                    "4, n, now() - make_interval(mins => 100000 - n), now() "
                    "FROM generate_series(1, 100000) n"
                )
            )
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE tasks"))
        yield url, engine
        engine.dispose()
    finally:
        drop_database(url)


def test_the_planner_serves_a_search_from_the_trigram_indexes():
    """A user with 100,000 tasks: the search reads the trigram indexes, not every task."""
    titles, descriptions = "'Task ' || md5(n::text)", "'About ' || md5((-n)::text)"
    with (
        _user_with_100_000_tasks(titles, descriptions) as (_url, engine),
        engine.begin() as connection,
    ):
        connection.execute(text("SET LOCAL enable_seqscan = off"))
        plan = "\n".join(
            connection.execute(
                text(
                    "EXPLAIN SELECT id FROM tasks WHERE user_id = 1 AND "
                    "(title ILIKE :q OR description ILIKE :q)"
                ),
                {"q": "%c4ca4238a0%"},  # md5('1')
            ).scalars()
        )

    assert all(name in plan for name in SEARCH_INDEXES), plan


def test_the_list_searches_through_the_trigram_indexes_when_one_title_in_a_thousand_matches():
    """Planned with its real parameters (the page, the capped count), the list's search must not
    walk the sort index: with a coarse histogram a bucket bound holding the word made the
    planner expect 1% of the rows to match (migration 0008)."""
    titles = (
        "CASE WHEN n % 1000 = 7 THEN 'Revisar o orçamento de ' || n ELSE (ARRAY["
        "'Ligar para', 'Enviar', 'Comprar', 'Write', 'Plan'])[1 + n % 5] || ' #' || n END"
    )
    with _user_with_100_000_tasks(titles, "NULL") as (url, engine):
        app = create_app({"APP_ENV": "testing", "DATABASE_URL": url, **FAST_ARGON2})
        [(statement, parameters)] = statements_reading_tasks(
            app, 1, "/api/tasks?per_page=20&q=orçamento"
        )
        with app.app_context():
            db.engine.dispose()
        with engine.connect() as connection:
            raw = connection.connection.driver_connection
            plan = "\n".join(row[0] for row in raw.execute("EXPLAIN " + statement, parameters))
            targets = connection.execute(
                text(
                    "SELECT attname, attstattarget FROM pg_attribute WHERE attrelid = "
                    "'tasks'::regclass AND attname IN ('title', 'description') ORDER BY attname"
                )
            ).all()

    assert [tuple(row) for row in targets] == [("description", 1000), ("title", 1000)]
    assert "ix_tasks_title_trgm" in plan, plan
    assert "ix_tasks_user_created" not in plan, plan
