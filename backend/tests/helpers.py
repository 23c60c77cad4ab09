"""Small helpers shared by test modules and fixtures."""

from __future__ import annotations

from typing import Any

from flask_migrate import upgrade

# Cheap argon2 parameters keep hundreds of logins fast; production uses the defaults.
FAST_ARGON2: dict[str, Any] = {
    "ARGON2_TIME_COST": 1,
    "ARGON2_MEMORY_KIB": 1024,
    "ARGON2_PARALLELISM": 1,
}


def migrate_database(url: str, revision: str = "head") -> None:
    """Apply the committed Alembic migrations to the database at ``url``."""
    from app import create_app

    app = create_app({"APP_ENV": "testing", "DATABASE_URL": url, "REDIS_URL": None, **FAST_ARGON2})
    with app.app_context():
        upgrade(revision=revision)
        from app.core.extensions import db

        db.engine.dispose()


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """The app under gunicorn (the repository's gunicorn.conf.py) on a free loopback port."""

    def __init__(
        self, env: dict[str, str], *, workers: int = 2, ready_timeout: float = 30.0
    ) -> None:
        import os
        import subprocess
        from pathlib import Path

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        backend = Path(__file__).resolve().parents[1]
        self.log_path = backend / ".pytest_cache" / f"live-{self.port}.log"
        self.log_path.parent.mkdir(exist_ok=True)
        self._log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            [str(backend / ".venv" / "bin" / "gunicorn"), "--config", "gunicorn.conf.py"],
            cwd=backend,
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

    def _wait_until_ready(self, timeout: float = 30.0) -> None:
        import time

        import httpx

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
        import subprocess

        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log.close()
