"""Fixtures for the operations tests: scratch PostgreSQL databases and the repository's scripts."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.support.databases import (
    PG_SERVER_URL,
    create_database,
    database_name,
    database_url,
    drop_database,
)
from tests.support.ports import free_port
from tests.support.servers import BACKEND_DIR, REPO_ROOT, clean_env

SCRIPTS_DIR = REPO_ROOT / "scripts"

__all__ = [
    "BACKEND_DIR",
    "PG_SERVER_URL",
    "REPO_ROOT",
    "clean_env",
    "create_database",
    "database_url",
    "drop_database",
    "free_port",
    "run_script",
]


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


@pytest.fixture
def make_database() -> Iterator[Callable[[], str]]:
    """Create empty databases with unique names; all are dropped at the end of the test."""
    created: list[str] = []

    def make() -> str:
        name = database_name(create_database("ops_test"))
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
