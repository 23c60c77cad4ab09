"""Fixtures for the infrastructure tests: the repository's tools and a running native stack.

``stack`` runs ``scripts/stack.sh up`` once per session with two gunicorn masters behind
Nginx, a database created for the run (dropped after) and a private redis-server on a
free port, and always runs ``scripts/stack.sh down`` at the end. The SPA it serves is a
small build made here (index.html + one content-hashed asset): these tests are about
Nginx's behaviour, not the SPA's content, which the browser tests cover.
"""

from __future__ import annotations

import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.databases import PG_SERVER_URL, admin_connection, drop_database
from tests.support.servers import BACKEND_DIR, NativeStack, PrivateRedis

VENV_BIN = BACKEND_DIR / ".venv" / "bin"

SPA_INDEX = '<!doctype html><html><head><script type="module" src="/assets/app-3f9c2b1a.js"></script></head><body><div id="root"></div></body></html>\n'
SPA_ASSET = "assets/app-3f9c2b1a.js"


def run(args: list[str], timeout: float = 120, **kwargs) -> subprocess.CompletedProcess[str]:
    """Run a command, capturing its output as text; never raises on a non-zero exit."""
    return subprocess.run(
        args, capture_output=True, text=True, timeout=timeout, check=False, **kwargs
    )


def require_tool(name: str, hint: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"'{name}' is not installed: {hint}", pytrace=False)
    return path


@dataclass(frozen=True)
class Stack:
    base_url: str
    state_dir: Path
    backends: int
    env: dict[str, str]

    def backend_log(self, index: int) -> Path:
        return self.state_dir / "logs" / f"backend-{index}.log"


@pytest.fixture(scope="session")
def private_redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A redis-server of our own on a free port, so rate-limit counters start at zero."""
    require_tool("redis-server", "apt-get install redis-server")
    server = PrivateRedis(tmp_path_factory.mktemp("redis"))
    server.start()
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture(scope="session")
def spa_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A minimal production-like SPA build: index.html and one content-hashed asset."""
    root = tmp_path_factory.mktemp("spa")
    (root / "assets").mkdir()
    (root / "index.html").write_text(SPA_INDEX)
    (root / SPA_ASSET).write_text("document.getElementById('root').textContent = 'Tarefa';\n")
    return root


@pytest.fixture(scope="session")
def stack(
    tmp_path_factory: pytest.TempPathFactory, private_redis_url: str, spa_dir: Path
) -> Iterator[Stack]:
    """The native production stack: Nginx in front of two gunicorn masters."""
    for tool in ("nginx", "envsubst", "psql", "curl"):
        require_tool(tool, "apt-get install nginx gettext-base postgresql-client curl")
    admin_connection().close()  # a clear failure when PostgreSQL is down
    native = NativeStack(
        tmp_path_factory.mktemp("stack"),
        PG_SERVER_URL,
        private_redis_url,
        {
            "STACK_BACKENDS": "2",
            "GUNICORN_WORKERS": "1",
            "GUNICORN_THREADS": "4",
            "RATELIMIT_AUTH": "5 per minute",
            "AI_PROVIDER": "offline",
            "API_DOCS": "true",  # off by default in production; on here to test its policy
        },
        db_name=f"tarefa_stack_test_{uuid.uuid4().hex[:10]}",
        spa_dir=spa_dir,
    )
    try:
        native.up()
        yield Stack(base_url=native.url, state_dir=native.state_dir, backends=2, env=native.env())
    finally:
        native.down()
        drop_database(native.db_name)
