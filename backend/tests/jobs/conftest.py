"""Real parts for job tests: a committed PostgreSQL database, Redis, `flask worker`
processes, an SMTP server (aiosmtpd) and a fake OpenAI-compatible server.

Nothing here runs a job synchronously: the API enqueues into Redis and worker processes,
started exactly as in production (`flask --app app worker`), run the jobs.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from email import message_from_bytes
from pathlib import Path
from typing import Any

import pytest
import redis
from aiosmtpd.controller import Controller
from flask import Flask
from sqlalchemy import text

from app import create_app
from app.core.config import Settings
from app.core.extensions import db
from tests.ai.conftest import FakeOpenAI, fake_openai  # noqa: F401 - fixture
from tests.support.accounts import PASSWORD, bearer
from tests.support.apps import FAST_ARGON2, app_config, migrate_database
from tests.support.databases import create_database, drop_database
from tests.support.ports import free_port

BACKEND = Path(__file__).resolve().parents[2]
SECRETS = {
    "SECRET_KEY": "test-secret-key-that-is-long-enough-123",
    "JWT_SECRET_KEY": "test-jwt-secret-key-that-is-long-enough",
}


def wait_until(predicate: Callable[[], Any], *, timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(0.1)


@pytest.fixture(scope="module")
def jobs_database() -> Iterator[str]:
    """A migrated database whose rows are committed for real (workers must see them)."""
    url = create_database("tarefa_jobs")
    try:
        migrate_database(url)
        yield url
    finally:
        drop_database(url)


@pytest.fixture
def jobs_redis(redis_url: str) -> Iterator[str]:
    client = redis.Redis.from_url(redis_url)
    client.flushdb()
    yield redis_url
    client.flushdb()


class Env:
    """One set of settings, given both to the in-process app and to worker processes."""

    def __init__(self, database_url: str, redis_url: str) -> None:
        self.values: dict[str, Any] = {
            "APP_ENV": "testing",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "JOBS_MODE": "redis",
            "MAIL_BACKEND": "console",
            "JOBS_RETRY_BACKOFF": "1,1",
            "WORKER_SHUTDOWN_GRACE_SECONDS": "0",
            "RATELIMIT_AUTH": "1000 per minute",
            "RATELIMIT_AI": "1000 per minute",
            "LOG_LEVEL": "INFO",
            **SECRETS,
            **{key: str(value) for key, value in FAST_ARGON2.items()},
        }

    def set(self, **values: Any) -> None:
        self.values.update({key: str(value) for key, value in values.items()})

    def app(self) -> Flask:
        """The API in this process, configured exactly as the workers are."""
        settings = Settings.load(self.values)
        return create_app({key.upper(): value for key, value in settings.model_dump().items()})


@pytest.fixture
def env(jobs_database: str, jobs_redis: str) -> Iterator[Env]:
    yield Env(jobs_database, jobs_redis)
    app = create_app(app_config(jobs_database))
    with app.app_context():
        db.session.execute(
            text(
                "TRUNCATE users, tasks, mail_deliveries, password_reset_tokens RESTART IDENTITY CASCADE"
            )
        )
        db.session.commit()
        db.engine.dispose()


class WorkerProcess:
    """`flask --app app worker`, its JSON logs in a file."""

    def __init__(self, env: Env, name: str, *args: str) -> None:
        self.name = name
        self.log_path = BACKEND / ".pytest_cache" / f"worker-{name}-{os.getpid()}.log"
        self.log_path.parent.mkdir(exist_ok=True)
        self._log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            [
                str(BACKEND / ".venv" / "bin" / "flask"),
                "--app",
                "app",
                "worker",
                "--name",
                name,
                *args,
            ],
            cwd=BACKEND,
            env={**os.environ, **env.values},
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    def wait_ready(self, connection: redis.Redis) -> None:
        from rq import Worker

        def registered() -> bool:
            if self.process.poll() is not None:
                raise AssertionError(f"worker {self.name} exited: {self.logs()[-3000:]}")
            return any(worker.name == self.name for worker in Worker.all(connection=connection))

        # Generous: a loaded 2-core machine takes long to start a Python process.
        wait_until(registered, timeout=120, what=f"worker {self.name} to register")

    def logs(self) -> str:
        return self.log_path.read_text(errors="replace")

    def terminate(self, timeout: float = 30) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        finally:
            self._log.close()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self._log.close()


@pytest.fixture
def start_worker(env: Env) -> Iterator[Callable[..., WorkerProcess]]:
    started: list[WorkerProcess] = []
    connection = redis.Redis.from_url(env.values["REDIS_URL"])

    def start(name: str, *args: str, ready: bool = True) -> WorkerProcess:
        worker = WorkerProcess(env, name, *args)
        started.append(worker)
        if ready:
            worker.wait_ready(connection)
        return worker

    yield start
    for worker in started:
        try:
            worker.terminate(timeout=15)
        except subprocess.TimeoutExpired:
            worker.kill()


class Inbox:
    """An SMTP handler that refuses the first `failures` messages with a transient 451."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], Any]] = []
        self.failures = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.failures > 0:
            self.failures -= 1
            return "451 Requested action aborted: try again later"
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content)))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp(env: Env) -> Iterator[Inbox]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    env.set(MAIL_BACKEND="smtp", MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port)
    yield inbox
    controller.stop()


@pytest.fixture
def openai_env(env: Env, fake_openai: FakeOpenAI) -> FakeOpenAI:  # noqa: F811
    env.set(
        AI_PROVIDER="openai",
        AI_BASE_URL=fake_openai.url,
        AI_API_KEY="sk-test-very-secret-key-123",
        AI_MODEL="test-model",
        AI_TIMEOUT_SECONDS=20,
        AI_MAX_RETRIES=0,
        AI_FALLBACK="none",
    )
    return fake_openai


def register(client: Any, email: str, password: str = PASSWORD) -> dict[str, str]:
    """Create an account through the API and return its Authorization header."""
    created = client.post(
        "/api/auth/register",
        json={"name": email.split("@")[0], "email": email, "password": password},
    )
    assert created.status_code == 201, created.json
    login = client.post("/api/auth/login", json={"email": email, "password": password})
    return bearer(login.json["access_token"])
