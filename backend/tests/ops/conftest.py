"""Fixtures for the operations tests: scratch PostgreSQL databases and the repository's scripts."""

from __future__ import annotations

import os
import socket
import subprocess
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

REPO_ROOT = Path(__file__).resolve().parents[3]
BACKEND_DIR = REPO_ROOT / "backend"
SCRIPTS_DIR = REPO_ROOT / "scripts"

# The machine's server (trust auth); override to point the tests at another one.
PG_SERVER_URL = os.environ.get("OPS_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432")

CONNECTION_VARIABLES = ("DATABASE_URL", "POSTGRES_", "PG", "BACKUP_", "RESTORE_")


def database_url(name: str) -> str:
    return f"{PG_SERVER_URL}/{name}"


def clean_env(**overrides: str) -> dict[str, str]:
    """The test process's environment without connection settings that could leak into a script."""
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(CONNECTION_VARIABLES)
    }
    env.update(overrides)
    return env


def free_port() -> int:
    """A loopback TCP port that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_script(
    name: str, *args: str, env: dict[str, str], timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    """Run scripts/<name> with an argument list and return the finished process."""
    return subprocess.run(
        [str(SCRIPTS_DIR / name), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _admin_connection() -> psycopg.Connection:
    try:
        return psycopg.connect(database_url("postgres"), autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        pytest.fail(
            f"PostgreSQL is not reachable at {PG_SERVER_URL} ({error}); start it with "
            "`pg_ctlcluster --skip-systemctl-redirect 15 main start` or set OPS_TEST_PG_URL"
        )


def drop_database(name: str) -> None:
    with _admin_connection() as admin:
        statement = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
        admin.execute(statement.format(sql.Identifier(name)))


def create_database(name: str) -> None:
    with _admin_connection() as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


@pytest.fixture
def make_database() -> Iterator[Callable[[], str]]:
    """Create empty databases with unique names; all are dropped at the end of the test."""
    created: list[str] = []

    def make() -> str:
        name = f"ops_test_{uuid.uuid4().hex[:12]}"
        create_database(name)
        created.append(name)
        return name

    yield make
    for name in created:
        drop_database(name)


@pytest.fixture
def backup_dir(tmp_path: Path) -> Path:
    path = tmp_path / "backups"
    path.mkdir()
    return path
