"""Benchmark data: a migrated database with 1,000 users and 100,000 tasks, and the list query's plans.

Seeding is plain SQL (``INSERT ... SELECT generate_series``): one password hashed once with the app's
own hasher and reused for every user, so that seeding takes seconds. The query plans are taken for the
exact SQL that GET /api/tasks runs (captured from the app itself) at 1,000 and at 100,000 tasks.
"""

from __future__ import annotations

import statistics
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql

BACKEND_DIR = Path(__file__).resolve().parents[1] / "backend"

USERS = 1_000
TASKS = 100_000
LIST_USER_TASKS = 500  # the user whose first page GET /api/tasks reads
SMALL_TOTAL = 1_000  # the "small database" size of the query-plan comparison
PASSWORD = "bench-password-1234"  # noqa: S105 - a throwaway account in a throwaway database
# Dedicated users keep the 500-task list stable while other endpoints write.
LIST_EMAIL = "bench1@example.com"
WRITER_EMAIL = "bench2@example.com"
PLANNER_EMAIL = "bench3@example.com"


@dataclass(frozen=True)
class QueryPlan:
    total_tasks: int
    plan: str
    execution_ms: float  # median of the EXPLAIN ANALYZE runs
    index_scan: bool
    seq_scan_on_tasks: bool


def create_database(server_url: str, name: str) -> str:
    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return f"{server_url}/{name}"


def drop_database(server_url: str, name: str) -> None:
    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as admin:
        statement = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
        admin.execute(statement.format(sql.Identifier(name)))


def migrate(database_url: str, env: dict[str, str]) -> None:
    subprocess.run(
        [str(BACKEND_DIR / ".venv/bin/flask"), "--app", "app", "db", "upgrade"],
        cwd=BACKEND_DIR,
        env={**env, "DATABASE_URL": database_url},
        check=True,
        capture_output=True,
        timeout=120,
    )


def seed_users(conn: psycopg.Connection, password_hash: str) -> dict[str, int]:
    conn.execute(
        """
        INSERT INTO users (name, email, password_hash, is_admin, created_at, updated_at)
        SELECT 'Bench User ' || g, 'bench' || g || '@example.com', %(hash)s, false, now(), now()
        FROM generate_series(1, %(users)s::int) AS g
        """,
        {"hash": password_hash, "users": USERS},
    )
    rows = conn.execute("SELECT email, id FROM users WHERE email LIKE 'bench%%@example.com'")
    return dict(rows.fetchall())


def _insert_tasks(conn: psycopg.Connection, owners: list[int], first: int, count: int) -> None:
    """Insert tasks numbered ``first``.. ``first + count - 1``, spread round-robin over ``owners``."""
    conn.execute(
        """
        INSERT INTO tasks (user_id, title, description, done, due_date, estimate_minutes,
                           created_at, updated_at)
        SELECT (%(owners)s::int[])[1 + g %% cardinality(%(owners)s::int[])],
               'Task ' || g || ' — revisão do relatório',
               CASE WHEN g %% 2 = 0 THEN 'Details for task ' || g END,
               g %% 3 = 0,
               CASE WHEN g %% 4 = 0 THEN current_date + g %% 90 END,
               CASE WHEN g %% 5 = 0 THEN 15 + g %% 120 END,
               now() - make_interval(mins => g),
               now() - make_interval(mins => g)
        FROM generate_series(%(first)s::int, %(last)s::int) AS g
        """,
        {"owners": owners, "first": first, "last": first + count - 1},
    )


def seed_list_user_tasks(conn: psycopg.Connection, user_id: int) -> tuple[int, int]:
    """The list user's tasks; returns the first and last task id (contiguous, fresh database)."""
    _insert_tasks(conn, [user_id], 1, LIST_USER_TASKS)
    first, last, count = conn.execute(
        "SELECT min(id), max(id), count(*) FROM tasks WHERE user_id = %s", [user_id]
    ).fetchone()
    assert count == LIST_USER_TASKS and last - first + 1 == count
    return first, last


def seed_filler_tasks(conn: psycopg.Connection, first: int, count: int) -> None:
    """Spread tasks over the filler users (never the list, writer or planner user)."""
    reserved = [LIST_EMAIL, WRITER_EMAIL, PLANNER_EMAIL]
    owners = conn.execute(
        "SELECT array_agg(id ORDER BY id) FROM users WHERE email <> ALL(%s)", [reserved]
    ).fetchone()[0]
    _insert_tasks(conn, owners, first, count)


def analyze(conn: psycopg.Connection) -> None:
    conn.execute("ANALYZE users")
    conn.execute("ANALYZE tasks")


def explain(conn: psycopg.Connection, statement: str, params: object, runs: int = 7) -> QueryPlan:
    """EXPLAIN ANALYZE the statement a few times; keep the last plan and the median time."""
    times, plan = [], ""
    for _ in range(runs):
        cursor = conn.execute(f"EXPLAIN (ANALYZE, BUFFERS) {statement}", params)  # type: ignore[arg-type]
        lines = [row[0] for row in cursor.fetchall()]
        plan = "\n".join(lines)
        times.append(float(lines[-1].split(":")[1].split()[0]))
    total = conn.execute("SELECT count(*) FROM tasks").fetchone()[0]
    return QueryPlan(
        total_tasks=total,
        plan=plan,
        execution_ms=statistics.median(times),
        index_scan="Index" in plan and "tasks" in plan,
        seq_scan_on_tasks="Seq Scan on tasks" in plan,
    )


def time_password_hash(app, rounds: int = 9) -> float:
    """Median seconds of one hash with the app's configured argon2 hasher, in this process."""
    from app.core.security import hash_password

    durations = []
    with app.app_context():
        hash_password(PASSWORD)  # first call pays one-off allocation costs
        for _ in range(rounds):
            start = time.perf_counter()
            hash_password(PASSWORD)
            durations.append(time.perf_counter() - start)
    return statistics.median(durations)


def capture_list_query(app, user_id: int) -> tuple[str, object]:
    """The SQL and parameters GET /api/tasks?per_page=20 runs for this user, from the app itself."""
    from flask_jwt_extended import create_access_token
    from sqlalchemy import event

    from app.core.extensions import db

    captured: list[tuple[str, object]] = []

    def remember(_conn, _cursor, statement, parameters, _context, _many):
        if "FROM tasks" in statement and "LIMIT" in statement:
            captured.append((statement, parameters))

    with app.app_context():
        token = create_access_token(identity=str(user_id))
        event.listen(db.engine, "before_cursor_execute", remember)
        try:
            response = app.test_client().get(
                "/api/tasks?per_page=20", headers={"Authorization": f"Bearer {token}"}
            )
        finally:
            event.remove(db.engine, "before_cursor_execute", remember)
    if response.status_code != 200 or len(captured) != 1:
        raise RuntimeError(
            f"could not capture the list query: HTTP {response.status_code}, "
            f"{len(captured)} matching statements"
        )
    return captured[0]
