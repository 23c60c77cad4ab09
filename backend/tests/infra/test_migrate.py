"""The entrypoint's migration step (scripts/migrate_with_lock.py) against real databases."""

from __future__ import annotations

import os
import runpy
import secrets
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from alembic.script import ScriptDirectory
from psycopg import sql

from tests.infra.conftest import VENV_BIN, run
from tests.support.databases import PG_SERVER_URL
from tests.support.ports import free_port
from tests.support.servers import BACKEND_DIR

SCRIPT = BACKEND_DIR / "scripts" / "migrate_with_lock.py"
LOCK_KEY = runpy.run_path(str(SCRIPT))["MIGRATION_LOCK_KEY"]


def migration_env(database_url: str, app_env: str = "production") -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_URL", "REDIS_URL", "APP_ENV", "SECRET_KEY", "JWT_"))
    }
    env.update(
        APP_ENV=app_env,
        DATABASE_URL=database_url,
        SECRET_KEY=secrets.token_urlsafe(48),
        JWT_SECRET_KEY=secrets.token_urlsafe(48),
        MAIL_SERVER="smtp.example.org",
    )
    return env


def start_migration(env: dict[str, str], wait_timeout: str = "30") -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(VENV_BIN / "python"), str(SCRIPT), "--wait-timeout", wait_timeout],
        cwd=BACKEND_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def database() -> Iterator[str]:
    """An empty PostgreSQL database for one test (dropped after); yields its URL."""
    name = f"tarefa_migrate_test_{uuid.uuid4().hex[:10]}"
    admin = f"{PG_SERVER_URL}/postgres"
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.OperationalError as exc:
        pytest.fail(f"PostgreSQL is not reachable at {PG_SERVER_URL}: {exc}", pytrace=False)
    try:
        yield f"{PG_SERVER_URL}/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def alembic_versions(url: str) -> list[str]:
    with psycopg.connect(url) as conn:
        exists = conn.execute("SELECT to_regclass('alembic_version') IS NOT NULL").fetchone()[0]
        if not exists:
            return []
        return [row[0] for row in conn.execute("SELECT version_num FROM alembic_version")]


def head_revision() -> str:
    return ScriptDirectory(str(BACKEND_DIR / "migrations")).get_current_head()


def wait_for_lock_waiter(conn: psycopg.Connection) -> None:
    """Block until some session waits for the migration advisory lock (bounded).

    A key below 2**32 appears in pg_locks as classid 0, objid = key.
    """
    deadline = time.monotonic() + 30
    query = (
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
        "AND classid = 0 AND objid::bigint = %s"
    )
    while conn.execute(query, (LOCK_KEY,)).fetchone()[0] == 0:
        assert time.monotonic() < deadline, "the migration never waited for the lock"
        time.sleep(0.1)


def test_migration_waits_for_the_advisory_lock(database: str) -> None:
    with psycopg.connect(database, autocommit=True) as holder:
        holder.execute("SELECT pg_advisory_lock(%s)", (LOCK_KEY,))
        process = start_migration(migration_env(database))
        try:
            wait_for_lock_waiter(holder)
            assert alembic_versions(database) == []
        finally:
            holder.execute("SELECT pg_advisory_unlock(%s)", (LOCK_KEY,))
        _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    assert alembic_versions(database) == [head_revision()]


def test_replicas_starting_together_migrate_once(database: str) -> None:
    processes = [start_migration(migration_env(database)) for _ in range(2)]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0, 0], outputs
    assert alembic_versions(database) == [head_revision()]


def test_sqlite_is_upgraded_without_a_lock(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tarefa.db'}"
    result = run(
        [str(VENV_BIN / "python"), str(SCRIPT)],
        cwd=BACKEND_DIR,
        env=migration_env(url, app_env="development"),
    )
    assert result.returncode == 0, result.stderr
    assert "acquiring migration lock" not in result.stderr
    assert "migrations applied" in result.stderr


def test_unreachable_database_fails_after_the_bounded_wait() -> None:
    url = f"postgresql://postgres@127.0.0.1:{free_port()}/nothing"
    result = run(
        [str(VENV_BIN / "python"), str(SCRIPT), "--wait-timeout", "1"],
        cwd=BACKEND_DIR,
        env=migration_env(url),
        timeout=60,
    )
    assert result.returncode == 1
    assert "database not reachable after 1s" in result.stderr
