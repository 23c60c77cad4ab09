"""Rolling deploys of the native stack (scripts/stack.sh deploy) under load lose no request.

Two gunicorn backends behind Nginx, on the machine's PostgreSQL (a database of its own) and a
private redis-server. Writers and readers run through Nginx while every backend is replaced
in turn (a new one, Nginx reloaded onto it, the old one stopped); each request must be
answered with success, and every task a client was told about must be in the database,
no more, no fewer. Like a browser, the clients resend a request once when Nginx's reload
closed an idle keep-alive connection as the request went out on it (no response byte);
the database check would see a request that ran twice.
"""

from __future__ import annotations

import json
import subprocess
import time
import uuid
from collections import Counter
from pathlib import Path

import httpx
import psycopg
import pytest

from .conftest import PG_SERVER_URL, REPO_ROOT, drop_database
from .load import Load
from .processes import NativeStack, PrivateRedis

pytestmark = pytest.mark.slow

PASSWORD = "deploy-password-1"
SETTLE_SECONDS = 2  # load before and after the deploy, so both edges are covered


@pytest.fixture(scope="module")
def private_redis(tmp_path_factory):
    server = PrivateRedis(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def stack(private_redis, tmp_path):
    name = f"ops_deploy_{uuid.uuid4().hex[:12]}"
    native = NativeStack(
        tmp_path / "stack",
        PG_SERVER_URL,
        private_redis.url,
        {"STACK_BACKENDS": "2", "GUNICORN_WORKERS": "2"},
        db_name=name,
    )
    try:
        native.up()
        yield native
    finally:
        native.down()
        drop_database(name)


def backend_pids(stack: NativeStack) -> list[int]:
    return [int((stack.state_dir / f"run/backend-{i}.pid").read_text()) for i in (1, 2)]


def deploy(stack: NativeStack, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(REPO_ROOT / "scripts/stack.sh"), "deploy"],
        env={**stack._env(), **env},
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )


def writers_and_readers(token: str):
    headers = {"Authorization": f"Bearer {token}"}

    def request(client: httpx.Client, worker: int, n: int) -> httpx.Response:
        if worker % 2:
            return client.get("/api/tasks?per_page=5", headers=headers)
        return client.post("/api/tasks", json={"title": f"deploy {worker}-{n}"}, headers=headers)

    return request


def assert_nothing_lost(stack: NativeStack, load: Load) -> None:
    failures = [(o.status, o.error) for o in load.outcomes if o.status not in (200, 201)]
    assert failures == []
    created = {
        body["id"]: body["title"]
        for body in (json.loads(o.body) for o in load.outcomes if o.status == 201)
    }
    with psycopg.connect(stack.database_url) as conn:
        rows = dict(conn.execute("SELECT id, title FROM tasks WHERE title LIKE 'deploy %'"))
    assert rows == created


def test_rolling_deploy_under_load_loses_no_request(stack):
    token = stack.register("deploy@example.com", PASSWORD)
    before = backend_pids(stack)

    with Load(stack.url, 8, writers_and_readers(token), retry_unanswered=True) as load:
        time.sleep(SETTLE_SECONDS)
        result = deploy(stack)
        time.sleep(SETTLE_SECONDS)

    assert result.returncode == 0, result.stderr
    assert "deployed: 2 backend(s) restarted one at a time" in result.stdout
    after = backend_pids(stack)
    assert set(after).isdisjoint(before)
    statuses = Counter(o.status for o in load.outcomes)
    assert statuses[201] > 0 and statuses[200] > 0, statuses
    assert_nothing_lost(stack, load)


def test_a_backend_that_fails_readiness_stops_the_deploy_and_the_rest_keeps_serving(stack):
    token = stack.register("broken@example.com", PASSWORD)
    before = backend_pids(stack)

    with Load(stack.url, 4, writers_and_readers(token), retry_unanswered=True) as load:
        time.sleep(SETTLE_SECONDS)
        # A setting gunicorn refuses: the replacement exits before it is ready.
        result = deploy(stack, GUNICORN_WORKERS="0")
        time.sleep(SETTLE_SECONDS)

    assert result.returncode == 1
    assert (
        "the new backend 1 did not become ready; it is stopped, the old one keeps serving"
        in result.stderr
    )
    assert backend_pids(stack) == before
    assert all(Path(f"/proc/{pid}").exists() for pid in before)
    assert httpx.get(f"{stack.url}/health/ready", timeout=5).status_code == 200
    assert_nothing_lost(stack, load)
