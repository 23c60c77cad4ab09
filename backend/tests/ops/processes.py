"""Private services the resilience tests can break: PostgreSQL, Redis, an AI provider, the stack.

Everything listens on 127.0.0.1 on ports picked at run time. The machine's own PostgreSQL and
Redis are never touched: these are separate processes the tests own and may stop at will.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

from tests.support.ports import free_port
from tests.support.servers import NativeStack as BaseNativeStack
from tests.support.servers import PrivateRedis

__all__ = ["HangingProvider", "NativeStack", "PrivatePostgres", "PrivateRedis", "SlowProvider"]


def _postgres_bin() -> Path:
    """The server binaries: PG_BIN, else the newest Debian/Ubuntu install, else PATH's initdb.

    Whatever version the machine (or the CI runner) has; nothing is hard-coded.
    """
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    installed = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda path: int(path.parts[-3]) if path.parts[-3].isdigit() else 0,
    )
    if installed:
        return installed[-1].parent
    initdb = shutil.which("initdb")
    if initdb is None:
        raise AssertionError("PostgreSQL server binaries not found: set PG_BIN")
    return Path(initdb).parent


PG_BIN = _postgres_bin()
# initdb and pg_ctl refuse to run as root: as root they run as the postgres user,
# as anyone else (a CI runner) they run as that user.
RUN_AS_POSTGRES = os.geteuid() == 0


class PrivatePostgres:
    """A throwaway cluster (owned by the postgres user when we are root, see RUN_AS_POSTGRES)."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="tarefa-pg-"))
        if RUN_AS_POSTGRES:
            account = pwd.getpwnam("postgres")
            os.chown(self.root, account.pw_uid, account.pw_gid)
        self.data = self.root / "data"
        self.port = free_port()

    @property
    def server_url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}"

    def _as_postgres(self, *args: str, timeout: float = 60) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if RUN_AS_POSTGRES else []
        subprocess.run(
            [*prefix, *args],
            check=True,
            capture_output=True,
            timeout=timeout,
        )

    def init(self) -> None:
        self._as_postgres(
            str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres",
            "--auth=trust", "--encoding=UTF8", "--no-sync", "--no-instructions",
        )  # fmt: skip

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c full_page_writes=off -c synchronous_commit=off"
        )
        self._as_postgres(
            str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "server.log"),
            "-o", options, "-w", "-t", "30", "start",
        )  # fmt: skip

    def stop(self) -> None:
        self._as_postgres(
            str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "-t", "30", "stop"
        )  # fmt: skip

    def destroy(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


class HangingProvider:
    """An "OpenAI-compatible" server that accepts connections and never answers."""

    def __init__(self) -> None:
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.1)
        self.port = self._server.getsockname()[1]
        self._held: list[socket.socket] = []
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def _accept(self) -> None:
        while not self._stopped.is_set():
            try:
                connection, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._held.append(connection)

    def stop(self) -> None:
        """Close the port: from now on the provider is down (connection refused)."""
        self._stopped.set()
        self._thread.join(timeout=5)
        self._server.close()
        for connection in self._held:
            connection.close()


class SlowProvider:
    """An OpenAI-compatible server that answers every chat completion after ``delay`` seconds."""

    PLAN = {"tasks": [{"title": "Book the train", "estimate_minutes": 20}, {"title": "Pack"}]}

    def __init__(self, delay: float) -> None:
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", "0")))
                time.sleep(provider.delay)
                body = json.dumps(
                    {"choices": [{"message": {"content": json.dumps(provider.PLAN)}}]}
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args: object) -> None:
                pass

        self.delay = delay
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


# The stack under load: limits lifted so only faults refuse requests, and workers never
# recycled (the tests check that no fault replaces a worker).
UNLIMITED = {
    "STACK_READY_TIMEOUT": "60",
    "RATELIMIT_AUTH": "100000 per minute",
    "RATELIMIT_AI": "100000 per minute",
    "RATELIMIT_AI_OFFLINE": "100000 per minute",
    "GUNICORN_MAX_REQUESTS": "1000000",
}


@dataclass
class NativeStack(BaseNativeStack):
    """scripts/stack.sh pointed at private services, limits lifted (``UNLIMITED``)."""

    db_name: str = "tarefa_resilience"

    def __post_init__(self) -> None:
        self.extra_env = {**UNLIMITED, **self.extra_env}

    def _env(self) -> dict[str, str]:  # the name tests/ops/test_deploy.py uses
        return self.env()

    def gunicorn_master(self) -> int:
        """The pid of the gunicorn master (the entrypoint execs into it)."""
        pid = int((self.state_dir / "run/backend-1.pid").read_text())
        assert b"gunicorn" in Path(f"/proc/{pid}/cmdline").read_bytes()
        return pid

    def worker_pids(self) -> set[int]:
        master = self.gunicorn_master()
        workers = set()
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == master:
                workers.add(int(stat.parent.name))
        return workers

    def backend_log(self) -> str:
        return (self.state_dir / "logs/backend-1.log").read_text(errors="replace")

    def warnings(self) -> list[dict]:
        """The app's JSON log lines at level warning."""
        found = []
        for line in self.backend_log().splitlines():
            if line.startswith("{") and '"warning"' in line:
                record = json.loads(line)
                if record.get("level") == "warning":
                    found.append(record)
        return found

    def register(self, email: str, password: str) -> str:
        """Create an account and return an access token for it."""
        with httpx.Client(base_url=self.url, timeout=30) as client:
            client.post(
                "/api/auth/register", json={"name": email, "email": email, "password": password}
            ).raise_for_status()
            response = client.post("/api/auth/login", json={"email": email, "password": password})
            response.raise_for_status()
            return response.json()["access_token"]
