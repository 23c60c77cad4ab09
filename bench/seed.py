"""Benchmark data: a migrated database with two list users (1,000 and 100,000 tasks), a writer,
and the plans of the queries the list and search endpoints run.

Seeding is plain SQL (``INSERT ... SELECT generate_series``, one statement per user), so 100,000
tasks take seconds: one password hashed once with the app's own hasher and reused for every user;
tasks spread over the Inbox and a few projects, each with the positions the app itself gives
(``positions.GAP`` apart, in creation order, per project), varied titles, priorities, due dates
and times, labels, a few reminders, done tasks with their completion time. One title in SEARCH_EVERY carries SEARCH_TERM, so a search
finds a realistic handful of rows among many.
"""

from __future__ import annotations

import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path

import psycopg

BACKEND_DIR = Path(__file__).resolve().parents[1] / "backend"

USERS = 1_000
SMALL_TASKS = 1_000  # the list user of "1,000 tasks"
LARGE_TASKS = 100_000  # the list user of "100,000 tasks"
WRITER_TASKS = 1_000  # the tasks POST .../toggle flips
PROJECTS_PER_USER = 4  # plus the Inbox
POSITION_GAP = 65_536  # app.repositories.positions.GAP
SEARCH_TERM = "orçamento"
SEARCH_EVERY = 1_000  # one task in this many has SEARCH_TERM in its title
REMINDER_EVERY = 40  # one task in this many has a reminder
PASSWORD = "bench-password-1234"  # noqa: S105 - a throwaway account in a throwaway database
# Dedicated users keep each list stable while other endpoints write.
SMALL_EMAIL = "bench1@example.com"
LARGE_EMAIL = "bench2@example.com"
WRITER_EMAIL = "bench3@example.com"


@dataclass(frozen=True)
class QueryPlan:
    label: str
    plan: str
    execution_ms: float  # median of the EXPLAIN ANALYZE runs
    seq_scan_on_tasks: bool


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


def _seed_projects(conn: psycopg.Connection, user_id: int) -> list[int]:
    rows = conn.execute(
        """
        INSERT INTO projects (user_id, name, name_key, color, position, archived,
                              created_at, updated_at)
        SELECT %(user)s, name, lower(name), 'blue', g * %(gap)s, false, now(), now()
        FROM unnest(%(names)s::text[]) WITH ORDINALITY AS p(name, g)
        RETURNING id
        """,
        {
            "user": user_id,
            "gap": POSITION_GAP,
            "names": ["Trabalho", "Casa", "Estudos", "Viagem"][:PROJECTS_PER_USER],
        },
    )
    return [row[0] for row in rows.fetchall()]


def seed_tasks(conn: psycopg.Connection, user_id: int, count: int) -> tuple[int, int]:
    """``count`` tasks for one user, in one statement; returns the first and last id (contiguous:
    one INSERT into a fresh table)."""
    projects = _seed_projects(conn, user_id)
    conn.execute(
        """
        INSERT INTO tasks (user_id, project_id, title, description, done, due_date, due_time,
                           estimate_minutes, priority, position, completed_at,
                           created_at, updated_at)
        SELECT %(user)s, project_id,
               CASE WHEN g %% %(every)s = 7 THEN 'Revisar o ' || %(term)s || ' de ' || g
                    ELSE (ARRAY['Ligar para', 'Enviar', 'Revisar', 'Comprar', 'Preparar',
                                'Agendar', 'Write', 'Review', 'Call', 'Plan'])[1 + g %% 10]
                         || ' ' ||
                         (ARRAY['o relatório', 'a reunião', 'the slides', 'o dentista',
                                'the invoice', 'a apresentação', 'groceries', 'o contrato',
                                'the release notes', 'as passagens'])[1 + (g / 10) %% 10]
                         || ' #' || g
               END,
               CASE WHEN g %% 2 = 0 THEN 'Detalhes da tarefa ' || g || '. Notes and links.' END,
               done,
               CASE WHEN g %% 4 = 0 THEN current_date + (g %% 90) - 30 END,
               CASE WHEN g %% 8 = 0 THEN time '09:30' + make_interval(mins => g %% 16 * 30) END,
               CASE WHEN g %% 5 = 0 THEN 15 + g %% 120 END,
               1 + g %% 4,
               row_number() OVER (PARTITION BY project_id ORDER BY g) * %(gap)s,
               CASE WHEN done THEN created_at + interval '1 day' END,
               created_at, created_at
        FROM (
            SELECT g, g %% 3 = 0 AS done,
                   now() - make_interval(mins => %(count)s - g) AS created_at,
                   (%(projects)s::int[])[nullif(g %% (cardinality(%(projects)s::int[]) + 1), 0)]
                       AS project_id
            FROM generate_series(1, %(count)s::int) AS g
        ) AS source
        ORDER BY g
        """,
        {
            "user": user_id,
            "count": count,
            "projects": projects,
            "gap": POSITION_GAP,
            "every": SEARCH_EVERY,
            "term": SEARCH_TERM,
        },
    )
    first, last, total = conn.execute(
        "SELECT min(id), max(id), count(*) FROM tasks WHERE user_id = %s", [user_id]
    ).fetchone()
    assert total == count and last - first + 1 == count
    _seed_labels_and_reminders(conn, user_id)
    return first, last


def _seed_labels_and_reminders(conn: psycopg.Connection, user_id: int) -> None:
    """Labels on two tasks in three (two labels on one in six), a reminder on one in
    REMINDER_EVERY: what the list reads for every row, and for a few."""
    label_ids = conn.execute(
        """
        INSERT INTO labels (user_id, name, name_key, color, created_at)
        SELECT %(user)s, name, lower(name), 'grey', now()
        FROM unnest(ARRAY['casa', 'Trabalho', 'urgente']) AS name
        RETURNING id
        """,
        {"user": user_id},
    ).fetchall()
    conn.execute(
        """
        INSERT INTO task_labels (task_id, label_id)
        SELECT id, (%(labels)s::int[])[1 + id %% 3] FROM tasks
        WHERE user_id = %(user)s AND id %% 3 <> 0
        UNION ALL
        SELECT id, (%(labels)s::int[])[1 + (id + 1) %% 3] FROM tasks
        WHERE user_id = %(user)s AND id %% 6 = 1
        """,
        {"user": user_id, "labels": [row[0] for row in label_ids]},
    )
    conn.execute(
        """
        INSERT INTO reminders (task_id, user_id, remind_at, fire_at, language, created_at)
        SELECT id, user_id, now() + make_interval(days => 30, mins => id %% 1000),
               now() + make_interval(days => 30, mins => id %% 1000), 'pt-BR', created_at
        FROM tasks WHERE user_id = %(user)s AND id %% %(every)s = 0
        """,
        {"user": user_id, "every": REMINDER_EVERY},
    )


def analyze(conn: psycopg.Connection) -> None:
    conn.execute("ANALYZE users")
    conn.execute("ANALYZE tasks")


def explain(
    conn: psycopg.Connection, label: str, statement: str, params: object, runs: int = 7
) -> QueryPlan:
    """EXPLAIN ANALYZE the statement a few times; keep the last plan and the median time."""
    times, plan = [], ""
    for _ in range(runs):
        cursor = conn.execute(f"EXPLAIN (ANALYZE, BUFFERS) {statement}", params)  # type: ignore[arg-type]
        lines = [row[0] for row in cursor.fetchall()]
        plan = "\n".join(lines)
        times.append(float(lines[-1].split(":")[1].split()[0]))
    return QueryPlan(
        label=label,
        plan=plan,
        execution_ms=statistics.median(times),
        seq_scan_on_tasks="Seq Scan on tasks" in plan,
    )
