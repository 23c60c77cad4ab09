"""The processes a benchmark runs against: the native stack, the ceiling app and its Nginx."""

from __future__ import annotations

import os
import runpy
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from tests.support.ports import free_port  # backend/ is on sys.path (bench/run.py puts it there)

REPO_ROOT = Path(__file__).resolve().parents[1]
BACKEND_DIR = REPO_ROOT / "backend"
BENCH_DIR = REPO_ROOT / "bench"


def answered(access_log: Path, path: str) -> int:
    """Requests Nginx has answered so far whose URI starts with ``path`` (its JSON access log),
    counted on the server: wrk leaves out those in flight when it stops, which are served
    and cost CPU all the same."""
    prefix = f'"uri":"{path}'
    with access_log.open(encoding="utf-8") as lines:
        return sum(prefix in line for line in lines)


def group_cpu_seconds(group_id: int) -> float:
    """CPU time (user + system, children already reaped included) of every process in a process
    group, from /proc: the gunicorn master and its workers, which run in their own session."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # the process ended while we looked
        if int(fields[2]) == group_id:  # field 5, pgrp
            ticks += sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def gunicorn_setting(name: str) -> object:
    """A value of backend/gunicorn.conf.py as this environment makes it."""
    return runpy.run_path(str(BACKEND_DIR / "gunicorn.conf.py"))[name]


def wait_for(url: str, timeout: float = 60, process: subprocess.Popen | None = None) -> None:
    """Poll ``url`` until it answers 200, or raise after ``timeout`` seconds (at once when the
    ``process`` meant to answer has exited)."""
    deadline = time.monotonic() + timeout
    while True:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server for {url} exited with code {process.returncode}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not answer 200 within {timeout:.0f}s")
        time.sleep(0.2)


def settle(url: str, fast: float = 0.2, timeout: float = 120) -> None:
    """Wait until ``url`` answers within ``fast`` seconds: the backlog of the last run is gone.

    wrk stops sending at the end of a run, but requests it already sent (slow logins above all)
    are still queued in gunicorn; the next run must not start behind them.
    """
    deadline = time.monotonic() + timeout
    last = "no answer yet"
    while time.monotonic() < deadline:
        start = time.monotonic()
        try:
            status = httpx.get(url, timeout=5).status_code
            last = f"HTTP {status} in {time.monotonic() - start:.2f}s"
            if status == 200 and time.monotonic() - start < fast:
                return
        except httpx.TransportError as error:
            last = repr(error)
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not settle within {timeout:.0f}s (last: {last})")


@dataclass
class Stack:
    """scripts/stack.sh with a private state directory, port and database."""

    state_dir: Path
    port: int
    env: dict[str, str]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def access_log(self) -> Path:
        return self.state_dir / "nginx/logs/access.log"

    @property
    def process_group(self) -> int:
        """The backend's process group: scripts/stack.sh starts it under setsid."""
        return int((self.state_dir / "run/backend-1.pid").read_text())

    def _run(self, command: str) -> None:
        subprocess.run(
            [str(REPO_ROOT / "scripts/stack.sh"), command], env=self.env, check=True, timeout=300
        )

    def __enter__(self) -> Stack:
        print("bench: starting the stack (scripts/stack.sh up)", flush=True)
        try:
            self._run("up")
        except BaseException:
            self._run("down")
            raise
        return self

    def __exit__(self, exc_type: object, *_exc: object) -> None:
        if exc_type is not None:
            # The state directory goes away with the run: show why it failed first.
            for log in (
                self.state_dir / "logs/backend-1.log",
                self.state_dir / "nginx/logs/error.log",
            ):
                if log.is_file():
                    tail = log.read_text(errors="replace").splitlines()[-40:]
                    print(f"----- last lines of {log.name}", *tail, sep="\n", file=sys.stderr)
        self._run("down")


class Ceiling:
    """bench/ceiling_app.py under backend/gunicorn.conf.py, plus the same Nginx template in front."""

    def __init__(self, state_dir: Path, env: dict[str, str], spa_dir: Path) -> None:
        self.state_dir = state_dir
        self.env = env
        self.spa_dir = spa_dir
        self.port = free_port()
        self.nginx_port = free_port()
        self.prefix = state_dir / "ceiling-nginx"
        self._gunicorn: subprocess.Popen[bytes] | None = None

    @property
    def process_group(self) -> int:
        assert self._gunicorn is not None
        return self._gunicorn.pid  # started in a session of its own

    @property
    def access_log(self) -> Path:
        return self.prefix / "logs/access.log"

    @property
    def nginx_url(self) -> str:
        return f"http://127.0.0.1:{self.nginx_port}"

    def _nginx(self, *args: str) -> list[str]:
        return ["nginx", "-p", str(self.prefix), "-e", str(self.prefix / "logs/error.log"),
                "-c", str(self.prefix / "nginx.conf"), *args]  # fmt: skip

    def __enter__(self) -> Ceiling:
        try:
            self._start()
        except BaseException:
            log = self.state_dir / "ceiling.log"
            if log.is_file():
                tail = log.read_text(errors="replace").splitlines()[-30:]
                print("----- last lines of ceiling.log", *tail, sep="\n", file=sys.stderr)
            self.__exit__()
            raise
        return self

    def _start(self) -> None:
        log = (self.state_dir / "ceiling.log").open("ab")
        self._gunicorn = subprocess.Popen(
            [
                str(BACKEND_DIR / ".venv/bin/gunicorn"),
                *("-c", str(BACKEND_DIR / "gunicorn.conf.py"), "ceiling_app:app"),
            ],
            cwd=BENCH_DIR,
            # gunicorn.conf.py imports the backend's settings before the app module is loaded.
            env={
                **self.env,
                "GUNICORN_BIND": f"127.0.0.1:{self.port}",
                "PYTHONPATH": str(BACKEND_DIR),
            },
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        subprocess.run(
            [str(REPO_ROOT / "scripts/render-nginx.sh"), str(self.prefix)],
            env={
                **os.environ,
                "NGINX_LISTEN_PORT": f"127.0.0.1:{self.nginx_port}",
                "NGINX_UPSTREAM_SERVERS": f"server 127.0.0.1:{self.port};",
                "NGINX_SPA_ROOT": str(self.spa_dir),
            },
            check=True,
            timeout=30,
        )
        subprocess.run(self._nginx(), check=True, timeout=30)
        wait_for(f"{self.nginx_url}/api/ceiling/tasks", process=self._gunicorn)

    def __exit__(self, *_exc: object) -> None:
        if (self.prefix / "nginx.pid").exists():
            subprocess.run(self._nginx("-s", "quit"), check=False, timeout=30)
        if self._gunicorn is not None:
            self._gunicorn.send_signal(signal.SIGTERM)
            try:
                self._gunicorn.wait(timeout=40)
            except subprocess.TimeoutExpired:
                os.killpg(self._gunicorn.pid, signal.SIGKILL)
                self._gunicorn.wait(timeout=10)
