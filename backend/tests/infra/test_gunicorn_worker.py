"""How the gunicorn worker accepts connections (app/core/gunicorn_worker.py), on a real gunicorn:
a worker whose threads are all taken leaves a new connection to an idle sibling, and takes
it itself after ``accept_defer_seconds`` when no sibling is free.

The workers here defer for half a second, not the production's 2 ms: an idle worker that the
scheduler keeps waiting a few milliseconds (a loaded CI machine) must not decide the outcome.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.support.ports import free_port
from tests.support.servers import wait_until

BACKEND_DIR = Path(__file__).resolve().parents[2]

# Answers with the pid of the worker that served it; ?sleep=S first notes that pid in
# $PROBE_STARTED (so the test knows the request is being served), then holds its thread.
PROBE_APP = """
import os
import time
from urllib.parse import parse_qs


def app(environ, start_response):
    seconds = float(parse_qs(environ["QUERY_STRING"]).get("sleep", ["0"])[0])
    if seconds:
        with open(os.environ["PROBE_STARTED"], "a") as started:
            started.write(f"{os.getpid()}\\n")
        time.sleep(seconds)
    body = str(os.getpid()).encode()
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]
"""
# The worker class under test, with a deferral no scheduling delay comes near.
PROBE_WORKER = """
from app.core.gunicorn_worker import DrainingThreadWorker


class PatientWorker(DrainingThreadWorker):
    accept_defer_seconds = 0.5
"""
SLOW_SECONDS = 4  # far longer than every step the tests take while the slow requests run


@dataclass
class Gunicorn:
    port: int
    started_file: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def started_pids(self) -> list[int]:
        if not self.started_file.exists():
            return []
        return [int(line) for line in self.started_file.read_text().split()]

    def accept_backlog(self) -> int:
        """Connections the kernel completed that no worker has accepted yet."""
        local = f"0100007F:{self.port:04X}"
        for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
            fields = line.split()
            if fields[1] == local and fields[3] == "0A":  # the listening socket
                return int(fields[4].split(":")[1], 16)  # its rx_queue: the accept queue
        raise AssertionError(f"no listening socket on {local}")


@pytest.fixture
def gunicorn(tmp_path: Path) -> Iterator[Gunicorn]:
    """Two workers of one thread each, so that one slow request takes a whole worker."""
    (tmp_path / "probe.py").write_text(PROBE_APP)
    (tmp_path / "probe_worker.py").write_text(PROBE_WORKER)
    server = Gunicorn(free_port(), tmp_path / "started")
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "/dev/null",
         "--workers", "2", "--threads", "1", "--no-control-socket",
         "--worker-class", "probe_worker.PatientWorker",
         "--pythonpath", str(BACKEND_DIR), "--chdir", str(tmp_path),
         "--bind", f"127.0.0.1:{server.port}", "probe:app"],
        env={"PATH": "/usr/bin:/bin", "PROBE_STARTED": str(server.started_file)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_until(lambda: _answers(server.url), timeout=60, what="gunicorn to answer")
        yield server
    finally:
        process.terminate()
        process.wait(timeout=30)


def _answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=1).status_code == 200
    except httpx.TransportError:
        return False


class SlowRequest(threading.Thread):
    """A request that holds its worker's only thread for SLOW_SECONDS."""

    def __init__(self, server: Gunicorn) -> None:
        super().__init__(daemon=True)
        self.server = server
        self.pid: int | None = None

    def run(self) -> None:
        response = httpx.get(f"{self.server.url}/?sleep={SLOW_SECONDS}", timeout=30)
        self.pid = int(response.text)

    def start_and_wait_until_served(self) -> int:
        """Start the request; returns the pid of the worker it took, once it is being served."""
        started = len(self.server.started_pids())
        self.start()
        wait_until(
            lambda: len(self.server.started_pids()) > started,
            timeout=10,
            what="the slow request to reach a worker",
        )
        return self.server.started_pids()[-1]


def test_a_busy_worker_leaves_new_connections_to_its_idle_sibling(gunicorn: Gunicorn) -> None:
    slow = SlowRequest(gunicorn)
    busy_worker = slow.start_and_wait_until_served()

    # Each on a new connection: Linux wakes both workers, and the busy one used to win
    # about half the time, queueing the request behind the slow one.
    answered_by = {int(httpx.get(gunicorn.url, timeout=30).text) for _ in range(10)}

    assert slow.is_alive(), "the quick requests waited for the slow one"
    assert len(answered_by) == 1
    assert busy_worker not in answered_by
    slow.join(timeout=30)
    assert slow.pid == busy_worker


def test_a_connection_waits_for_a_worker_no_longer_than_the_deferral(gunicorn: Gunicorn) -> None:
    first, second = SlowRequest(gunicorn), SlowRequest(gunicorn)
    busy_workers = {first.start_and_wait_until_served(), second.start_and_wait_until_served()}
    assert len(busy_workers) == 2  # every worker's only thread is taken

    with socket.create_connection(("127.0.0.1", gunicorn.port), timeout=30) as waiting:
        waiting.sendall(b"GET / HTTP/1.1\r\nHost: probe\r\nConnection: close\r\n\r\n")
        # Accepted (and queued in a worker) after the deferral, not when a thread frees up.
        wait_until(
            lambda: gunicorn.accept_backlog() == 0,
            timeout=SLOW_SECONDS / 2,
            what="a worker to accept the connection",
            interval=0.01,
        )
        assert first.is_alive() and second.is_alive()
        response = waiting.makefile("rb").read().decode()

    assert response.startswith("HTTP/1.1 200 OK\r\n")
    assert int(response.rpartition("\r\n\r\n")[2]) in busy_workers
