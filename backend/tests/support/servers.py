"""Processes the tests start on loopback: a private redis-server, the app under gunicorn
and the native stack. Each is started one way only."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import redis

from tests.support.ports import free_port

BACKEND_DIR = Path(__file__).resolve().parents[2]
REPO_ROOT = BACKEND_DIR.parent
STACK_SCRIPT = REPO_ROOT / "scripts" / "stack.sh"
# Settings of the caller that must never leak into a server the tests start.
LEAKY_VARIABLES = (
    "DATABASE_URL", "REDIS_URL", "SECRET_KEY", "JWT_SECRET_KEY", "APP_ENV", "STACK_",
    "POSTGRES_", "PG", "BACKUP_", "RESTORE_",
)  # fmt: skip


def clean_env(**overrides: str) -> dict[str, str]:
    """The test process's environment without settings that could leak into a child."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(LEAKY_VARIABLES)}
    env.update(overrides)
    return env


def wait_until(
    predicate: Callable[[], bool], *, timeout: float, what: str, interval: float = 0.1
) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(interval)


class PrivateRedis:
    """redis-server without persistence on a free port, restartable on the same port."""

    def __init__(self, log_dir: Path) -> None:
        self.port = free_port()
        self.log = log_dir / "redis.log"
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def _answers(self) -> bool:
        try:
            return bool(redis.Redis(port=self.port, socket_timeout=0.5).ping())
        except redis.RedisError:
            return False

    def start(self) -> None:
        with self.log.open("ab") as log:
            self._process = subprocess.Popen(
                ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
                 "--save", "", "--appendonly", "no", "--daemonize", "no"],
                stdout=log, stderr=log,
            )  # fmt: skip
        wait_until(self._answers, timeout=15, what="redis-server to answer")

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=15)
            self._process = None


class LiveServer:
    """The app under gunicorn (the repository's gunicorn.conf.py) on a free loopback port."""

    def __init__(
        self, env: dict[str, str], *, workers: int = 2, ready_timeout: float = 30.0
    ) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = BACKEND_DIR / ".pytest_cache" / f"live-{self.port}.log"
        self.log_path.parent.mkdir(exist_ok=True)
        self._log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            [str(BACKEND_DIR / ".venv" / "bin" / "gunicorn"), "--config", "gunicorn.conf.py"],
            cwd=BACKEND_DIR,
            env={
                **os.environ,
                **env,
                "GUNICORN_BIND": f"127.0.0.1:{self.port}",
                "GUNICORN_WORKERS": str(workers),
            },
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        self._wait_until_ready(ready_timeout)

    def _wait_until_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {self.log_path.read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.url}/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer within {timeout}s: {self.log_path}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log.close()


@dataclass
class NativeStack:
    """``scripts/stack.sh`` (Nginx -> gunicorn -> PostgreSQL, Redis, job workers) in a
    private state directory, on a free port, against the given servers.

    ``extra_env`` reaches the script and the backends (``STACK_BACKENDS``, rate limits,
    ``AI_*``...). Without ``spa_dir`` a one-page SPA is written into the state directory.
    ``port`` 0 lets the script choose a free one; ``url`` is known once it is up.
    """

    state_dir: Path
    pg_server_url: str
    redis_url: str
    extra_env: dict[str, str] = field(default_factory=dict)
    port: int = 0
    db_name: str = "tarefa_stack_test"
    spa_dir: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def database_url(self) -> str:
        return f"{self.pg_server_url}/{self.db_name}"

    def env(self) -> dict[str, str]:
        """The environment ``scripts/stack.sh`` runs with (``status``, ``deploy``... too)."""
        spa = self.spa_dir
        if spa is None:
            spa = self.state_dir / "spa"
            spa.mkdir(parents=True, exist_ok=True)
            (spa / "index.html").write_text("<!doctype html><title>Tarefa</title>\n")
        return clean_env(
            STACK_DIR=str(self.state_dir),
            STACK_PORT=str(self.port),
            STACK_PG_URL=self.pg_server_url,
            STACK_DB_NAME=self.db_name,
            STACK_REDIS_URL=self.redis_url,
            STACK_SPA_DIR=str(spa),
            **{"STACK_READY_TIMEOUT": "90", **self.extra_env},
        )

    def script(self, command: str, *, timeout: float = 180) -> subprocess.CompletedProcess[str]:
        """Run ``scripts/stack.sh <command>``; never raises on a non-zero exit."""
        return subprocess.run(
            [str(STACK_SCRIPT), command],
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def up(self) -> None:
        started = self.script("up")
        assert started.returncode == 0, (
            f"scripts/stack.sh up failed ({started.returncode}):\n{started.stdout}\n{started.stderr}"
        )
        if self.port == 0:
            self.port = int((self.state_dir / "run/nginx.port").read_text())

    def down(self) -> None:
        self.script("down", timeout=120)
