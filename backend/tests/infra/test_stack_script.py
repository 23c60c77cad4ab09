"""scripts/stack.sh itself: status, refusal to start twice, and failures that explain themselves."""

from __future__ import annotations

import os
import stat
import uuid
from pathlib import Path

from tests.infra.conftest import Stack, run
from tests.support.databases import PG_SERVER_URL, drop_database
from tests.support.ports import free_port
from tests.support.servers import STACK_SCRIPT


def test_status_lists_every_running_part(stack: Stack) -> None:
    result = run([str(STACK_SCRIPT), "status"], env=stack.env)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 4
    assert lines[0].startswith("stack: nginx    running (pid ")
    assert lines[0].endswith(f") {stack.base_url}/")
    assert lines[1].startswith("stack: backend-1 running (pid ")
    assert lines[2].startswith("stack: backend-2 running (pid ")
    assert lines[3].startswith("stack: worker-1 running (pid ")


def test_a_second_up_on_the_same_state_is_refused(stack: Stack) -> None:
    result = run([str(STACK_SCRIPT), "up"], env=stack.env)
    assert result.returncode == 1
    assert "a stack already runs from" in result.stderr


def test_generated_secrets_are_private_to_the_owner(stack: Stack) -> None:
    secrets = stack.state_dir / "secrets.env"
    assert stat.S_IMODE(secrets.stat().st_mode) == 0o600
    names = [line.split("=", 1)[0] for line in secrets.read_text().splitlines()]
    assert names == ["SECRET_KEY", "JWT_SECRET_KEY"]
    assert all(len(line.split("=", 1)[1]) >= 32 for line in secrets.read_text().splitlines())


def scratch_env(tmp_path: Path, spa_dir: Path, **overrides: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("STACK_")}
    env.update(
        STACK_DIR=str(tmp_path / "state"),
        STACK_PORT=str(free_port()),
        STACK_SPA_DIR=str(spa_dir),
        STACK_DB_NAME="tarefa_stack_never_created",
    )
    env.update(overrides)
    return env


def test_unreachable_postgres_stops_up_with_a_clear_error(tmp_path: Path, spa_dir: Path) -> None:
    env = scratch_env(
        tmp_path, spa_dir, STACK_PG_URL=f"postgresql://postgres@127.0.0.1:{free_port()}"
    )
    result = run([str(STACK_SCRIPT), "up"], env=env)
    assert result.returncode == 1
    assert "is not reachable (is the server running?)" in result.stderr


def test_a_backend_that_cannot_start_fails_up_with_its_log(
    tmp_path: Path, spa_dir: Path, private_redis_url: str
) -> None:
    state = tmp_path / "state"
    state.mkdir()
    # Production refuses short secrets: the backend exits at start.
    (state / "secrets.env").write_text("SECRET_KEY=short\nJWT_SECRET_KEY=short\n")
    database = f"tarefa_stack_test_{uuid.uuid4().hex[:10]}"
    env = scratch_env(
        tmp_path,
        spa_dir,
        STACK_PG_URL=PG_SERVER_URL,
        STACK_DB_NAME=database,
        STACK_REDIS_URL=private_redis_url,
        STACK_READY_TIMEOUT="60",
    )
    try:
        result = run([str(STACK_SCRIPT), "up"], env=env)
    finally:
        drop_database(database)
    assert result.returncode == 1
    assert "exited before http://127.0.0.1:" in result.stderr
    assert "----- last lines of" in result.stderr
    status = run([str(STACK_SCRIPT), "status"], env=env)
    assert status.returncode == 1
    assert status.stdout == "stack: nginx    stopped\n"


def test_down_is_idempotent(tmp_path: Path, spa_dir: Path) -> None:
    env = scratch_env(tmp_path, spa_dir)
    for _ in range(2):
        result = run([str(STACK_SCRIPT), "down"], env=env)
        assert (result.returncode, result.stdout) == (0, "stack: down\n")
