"""Fixtures for the infrastructure tests: the repository's tools and a running native stack.

``stack`` runs ``scripts/stack.sh up`` once per session with two gunicorn masters behind
Nginx, a database created for the run (dropped after) and a private redis-server on a
free port, and always runs ``scripts/stack.sh down`` at the end. The SPA it serves is a
small build made here (index.html + one content-hashed asset): these tests are about
Nginx's behaviour, not the SPA's content, which the browser tests cover.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
import redis
from psycopg import sql

REPO_ROOT = Path(__file__).resolve().parents[3]
BACKEND_DIR = REPO_ROOT / "backend"
VENV_BIN = BACKEND_DIR / ".venv" / "bin"
STACK_SCRIPT = REPO_ROOT / "scripts" / "stack.sh"

# The PostgreSQL server the stack's database is created on (trust auth on this machine).
PG_SERVER_URL = os.environ.get("INFRA_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432")

# Variables of the caller that must not leak into the stack's backends.
APP_VARIABLES = ("DATABASE_URL", "REDIS_URL", "SECRET_KEY", "JWT_SECRET_KEY", "APP_ENV", "STACK_")

SPA_INDEX = '<!doctype html><html><head><script type="module" src="/assets/app-3f9c2b1a.js"></script></head><body><div id="root"></div></body></html>\n'
SPA_ASSET = "assets/app-3f9c2b1a.js"


def free_port() -> int:
    """A loopback TCP port that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
    binary = require_tool("redis-server", "apt-get install redis-server")
    port = free_port()
    workdir = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=workdir,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url, socket_connect_timeout=1)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"private redis-server on port {port} did not start", pytrace=False)
                time.sleep(0.1)
        yield url
    finally:
        client.close()
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def spa_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A minimal production-like SPA build: index.html and one content-hashed asset."""
    root = tmp_path_factory.mktemp("spa")
    (root / "assets").mkdir()
    (root / "index.html").write_text(SPA_INDEX)
    (root / SPA_ASSET).write_text("document.getElementById('root').textContent = 'Tarefa';\n")
    return root


def _admin_dsn() -> str:
    return f"{PG_SERVER_URL}/postgres"


def drop_database(name: str) -> None:
    with psycopg.connect(_admin_dsn(), autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


@pytest.fixture(scope="session")
def stack(
    tmp_path_factory: pytest.TempPathFactory, private_redis_url: str, spa_dir: Path
) -> Iterator[Stack]:
    """The native production stack: Nginx in front of two gunicorn masters."""
    for tool in ("nginx", "envsubst", "psql", "curl"):
        require_tool(tool, "apt-get install nginx gettext-base postgresql-client curl")
    try:
        psycopg.connect(_admin_dsn(), connect_timeout=3).close()
    except psycopg.OperationalError as exc:
        pytest.fail(f"PostgreSQL is not reachable at {PG_SERVER_URL}: {exc}", pytrace=False)

    state_dir = tmp_path_factory.mktemp("stack")
    port = free_port()
    database = f"tarefa_stack_test_{uuid.uuid4().hex[:10]}"
    env = {key: value for key, value in os.environ.items() if not key.startswith(APP_VARIABLES)}
    env.update(
        STACK_DIR=str(state_dir),
        STACK_PORT=str(port),
        STACK_BACKENDS="2",
        STACK_SPA_DIR=str(spa_dir),
        STACK_PG_URL=PG_SERVER_URL,
        STACK_DB_NAME=database,
        STACK_REDIS_URL=private_redis_url,
        STACK_READY_TIMEOUT="90",
        GUNICORN_WORKERS="1",
        GUNICORN_THREADS="4",
        RATELIMIT_AUTH="5 per minute",
        AI_PROVIDER="offline",
        API_DOCS="true",  # off by default in production; on here to test its policy
    )
    try:
        started = run([str(STACK_SCRIPT), "up"], timeout=180, env=env)
        if started.returncode != 0:
            pytest.fail(
                f"scripts/stack.sh up failed ({started.returncode}):\n{started.stdout}\n{started.stderr}",
                pytrace=False,
            )
        yield Stack(base_url=f"http://127.0.0.1:{port}", state_dir=state_dir, backends=2, env=env)
    finally:
        run([str(STACK_SCRIPT), "down"], timeout=120, env=env)
        drop_database(database)
