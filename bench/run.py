"""Tarefa's benchmark: the native stack under wrk, against a ceiling, with targets; writes RESULTS.md.

    backend/.venv/bin/python bench/run.py [--duration SECONDS] [--warmup SECONDS] [--note TEXT]

Creates a private database (a user with 1,000 tasks, one with 100,000, a writer), starts
scripts/stack.sh on a private STACK_DIR and free port with that database (Nginx → one gunicorn
backend, 2 workers x 4 gthread threads), starts the ceiling app (bench/ceiling_app.py) under the
same gunicorn settings behind the same Nginx template, and runs wrk (2 threads x 32 connections,
loopback) on each endpoint (after a warm-up of each server). For each run it also reads the CPU time of the
gunicorn processes (/proc) and PostgreSQL's transaction counters (pg_stat_database) before and
after. Then it measures the SPA's initial JavaScript and writes bench/RESULTS.md. Everything it
starts is stopped and the database dropped at the end, on failure and on SIGTERM too.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

import httpx
import psycopg
from flask import Flask

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent / "backend"))

from tests.support.databases import create_database, drop_database  # noqa: E402
from tests.support.ports import free_port  # noqa: E402
from tests.support.queries import statements_reading_tasks  # noqa: E402

import frontend  # noqa: E402 - bench/ modules, found through the script's directory
import report  # noqa: E402
import seed  # noqa: E402
from services import Ceiling, Stack, answered, group_cpu_seconds, settle  # noqa: E402

PG_SERVER_URL = os.environ.get("BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6")
CONNECTIONS = 32
WRK_THREADS = 2
GUNICORN_WORKERS = "2"  # the "gunicorn 2 x 4 gthread"
GUNICORN_THREADS = "4"
# PostgreSQL 15 flushes an idle backend's statistics up to 10 s after its last transaction
# (PGSTAT_IDLE_INTERVAL): the counters are read once that has passed.
STATS_FLUSH_SECONDS = 11
SEARCH_PATH = f"/api/tasks?per_page=20&q={quote(seed.SEARCH_TERM)}"
ROUNDS = 7  # interleaved rounds of the ceiling and the lists, for their ratios (medians of 7)
ROUND_SECONDS = 5


@dataclass(frozen=True)
class Case:
    name: str
    base_url: str
    path: str
    access_log: Path  # the JSON access log of the Nginx in front of base_url
    method: str = "GET"
    body: dict | None = None
    token: str | None = None
    id_range: tuple[int, int] | None = None
    connections: int = CONNECTIONS


@dataclass(frozen=True)
class Result:
    case: Case
    requests: int
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    errors: int
    cpu_ms_per_request: float
    transactions_per_request: float
    xact_after: int


def run_wrk(case: Case, seconds: int) -> dict:
    """One wrk run; errors are non-2xx responses plus socket errors (connect/read/write/timeout).
    The 30 s timeout lets logins queued behind argon2 hashes on a busy machine count as slow,
    not as failed."""
    env = {**os.environ, "BENCH_METHOD": case.method, "BENCH_PATH": case.path}
    if case.body is not None:
        env["BENCH_BODY"] = json.dumps(case.body)
    if case.token:
        env["BENCH_TOKEN"] = case.token
    if case.id_range:
        env["BENCH_ID_FIRST"], env["BENCH_ID_LAST"] = map(str, case.id_range)
    threads = min(WRK_THREADS, case.connections)
    completed = subprocess.run(
        ["wrk", "-t", str(threads), "-c", str(case.connections), "-d", f"{seconds}s",
         "--timeout", "30s", "-s", str(BENCH_DIR / "wrk/api.lua"), case.base_url + case.path],
        env=env, capture_output=True, text=True, check=True, timeout=seconds + 60,
    )  # fmt: skip
    line = next(row for row in completed.stdout.splitlines() if row.startswith("WRK_JSON "))
    return json.loads(line.removeprefix("WRK_JSON "))


def transactions(dbname: str) -> int:
    """Committed plus rolled-back transactions of the benchmark database so far (a read-only
    request that ends its session with a rollback is a transaction too). Read from another
    database, so that reading does not count."""
    with psycopg.connect(f"{PG_SERVER_URL}/postgres", autocommit=True) as conn:
        row = conn.execute(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = %s",
            [dbname],
        ).fetchone()
    return int(row[0])


@dataclass(frozen=True)
class Run:
    """What wrk saw, and what the server answered and spent meanwhile."""

    wrk: dict
    answered: int  # requests the server answered, those in flight when wrk stopped included
    cpu_seconds: float

    @property
    def requests_per_s(self) -> float:
        return self.wrk["requests"] / (self.wrk["duration_us"] / 1e6)

    @property
    def p50_ms(self) -> float:
        return self.wrk["latency_us"]["p50"] / 1000

    @property
    def p99_ms(self) -> float:
        return self.wrk["latency_us"]["p99"] / 1000

    @property
    def cpu_ms_per_request(self) -> float:
        return self.cpu_seconds * 1000 / self.answered


def run_case(case: Case, process_group: int, seconds: int) -> Run:
    """wrk for ``seconds``, with the server's CPU time and answered requests around it."""
    uri = case.path.split("{")[0]
    answered_before = answered(case.access_log, uri)
    cpu_before = group_cpu_seconds(process_group)
    data = run_wrk(case, seconds)
    settle(f"{case.base_url}/health")  # requests still queued belong to this run
    cpu_seconds = group_cpu_seconds(process_group) - cpu_before
    return Run(data, max(answered(case.access_log, uri) - answered_before, 1), cpu_seconds)


def measure(case: Case, seconds: int, process_group: int, dbname: str, xact_before: int) -> Result:
    """wrk for ``seconds``, with the server's CPU time and the database's transactions around it.

    ``xact_before`` is the transaction count once the previous run's statistics were flushed;
    the count this run ends with is left in ``Result.xact_after`` for the next run.
    """
    run = run_case(case, process_group, seconds)
    xact_after = flushed_transactions(dbname)
    data = run.wrk
    return Result(
        case=case,
        requests=data["requests"],
        requests_per_s=run.requests_per_s,
        p50_ms=run.p50_ms,
        p99_ms=run.p99_ms,
        errors=data["non2xx"] + sum(data["socket_errors"].values()),
        cpu_ms_per_request=run.cpu_ms_per_request,
        transactions_per_request=(xact_after - xact_before) / run.answered,
        xact_after=xact_after,
    )


@dataclass(frozen=True)
class Round:
    """The ceiling, the list at 1,000 tasks and the list at 100,000, measured back to back."""

    ceiling: Run
    listing: Run
    large: Run

    @property
    def ratio(self) -> float:
        return self.listing.requests_per_s / self.ceiling.requests_per_s

    @property
    def slowdown(self) -> float:
        """How many times fewer requests per second the list answers at 100,000 tasks."""
        return self.listing.requests_per_s / self.large.requests_per_s


def interleaved(cases: list[tuple[Case, int]], rounds: int, seconds: int) -> list[Round]:
    """The ceiling, the list and the large list in turns, ``rounds`` times (each a case and
    the process group serving it). This machine's speed drifts by tens of percent within
    minutes, so runs minutes apart make noisy ratios; runs seconds apart share most of the
    drift."""
    return [Round(*(run_case(*case, seconds) for case in cases)) for _ in range(rounds)]


def warm_up(case: Case, seconds: int, dbname: str) -> int:
    """A first run on a server fills its pools; returns the transaction count after it."""
    run_wrk(case, seconds)
    settle(f"{case.base_url}/health")
    return flushed_transactions(dbname)


def flushed_transactions(dbname: str) -> int:
    """The transaction count once what ran so far has reached the statistics."""
    time.sleep(STATS_FLUSH_SECONDS)
    return transactions(dbname)


def login(base_url: str, email: str) -> str:
    response = httpx.post(
        f"{base_url}/api/auth/login", json={"email": email, "password": seed.PASSWORD}, timeout=30
    )
    response.raise_for_status()
    return response.json()["access_token"]


def check_responses(stack_url: str, ceiling_url: str, tokens: dict[str, str], data: dict) -> None:
    """Every measured request must really do its work before its speed means anything."""

    def get(path: str, token: str) -> dict:
        response = httpx.get(
            stack_url + path, headers={"Authorization": f"Bearer {token}"}, timeout=30
        )
        response.raise_for_status()
        return response.json()

    small = get("/api/tasks?per_page=20", tokens["small"])
    large = get("/api/tasks?per_page=20", tokens["large"])
    found = get(SEARCH_PATH, tokens["large"])
    one = get(f"/api/tasks/{data['small_ids'][0]}", tokens["small"])
    ceiling = httpx.get(f"{ceiling_url}/api/ceiling/tasks", timeout=30).json()
    problems = [
        f"{name}: {len(page['items'])} items"
        for name, page in (("small list", small), ("large list", large), ("ceiling", ceiling))
        if len(page["items"]) != 20
    ]
    if not found["items"] or any(
        seed.SEARCH_TERM not in item["title"] + (item["description"] or "")
        for item in found["items"]
    ):
        problems.append(f"search: {len(found['items'])} items, not all matching")
    if one["id"] != data["small_ids"][0]:
        problems.append(f"get one: {one}")
    if problems:
        raise RuntimeError(f"unexpected responses: {problems}")


def build_cases(stack: Stack, ceiling: Ceiling, data: dict) -> list[Case]:
    tokens = {
        "small": login(stack.url, seed.SMALL_EMAIL),
        "large": login(stack.url, seed.LARGE_EMAIL),
        "writer": login(stack.url, seed.WRITER_EMAIL),
    }
    check_responses(stack.url, ceiling.nginx_url, tokens, data)
    credentials = {"email": seed.SMALL_EMAIL, "password": seed.PASSWORD}
    url, log = stack.url, stack.access_log
    return [
        Case(report.CEILING, ceiling.nginx_url, "/api/ceiling/tasks", ceiling.access_log),
        Case(report.LIST_SMALL, url, "/api/tasks?per_page=20", log, token=tokens["small"]),
        Case(report.LIST_LARGE, url, "/api/tasks?per_page=20", log, token=tokens["large"]),
        Case(report.SEARCH, url, SEARCH_PATH, log, token=tokens["large"]),
        Case(report.SEARCH_SINGLE, url, SEARCH_PATH, log, token=tokens["large"], connections=1),
        Case("GET /api/tasks/<id>", url, "/api/tasks/{id}", log, token=tokens["small"],
             id_range=data["small_ids"]),
        Case("POST /api/tasks", url, "/api/tasks", log, "POST",
             {"title": "Benchmark task", "description": "Created by wrk"}, tokens["writer"]),
        Case("POST /api/tasks/<id>/toggle", url, "/api/tasks/{id}/toggle", log, "POST",
             token=tokens["writer"], id_range=data["writer_ids"]),
        Case("POST /api/auth/login", url, "/api/auth/login", log, "POST", credentials),
    ]  # fmt: skip


def query_plans(app: Flask, database_url: str, data: dict) -> list[seed.QueryPlan] | str:
    """EXPLAIN ANALYZE of the statements the list and search requests run, as captured from the
    app; a failure to capture is reported, not fatal."""
    users = data["users"]
    requests = [
        (f"GET /api/tasks?per_page=20, {seed.SMALL_TASKS:,} tasks", users[seed.SMALL_EMAIL],
         "/api/tasks?per_page=20"),
        (f"GET /api/tasks?per_page=20, {seed.LARGE_TASKS:,} tasks", users[seed.LARGE_EMAIL],
         "/api/tasks?per_page=20"),
        (f"GET {SEARCH_PATH}, {seed.LARGE_TASKS:,} tasks", users[seed.LARGE_EMAIL], SEARCH_PATH),
    ]  # fmt: skip
    plans = []
    try:
        with psycopg.connect(database_url, autocommit=True) as conn:
            for label, user_id, path in requests:
                for number, (statement, params) in enumerate(
                    statements_reading_tasks(app, user_id, path), start=1
                ):
                    plans.append(seed.explain(conn, f"{label} — query {number}", statement, params))
    except (RuntimeError, psycopg.Error) as error:
        return f"not measured: {error}"
    return plans


def prepare_data(database_url: str) -> tuple[dict, Flask]:
    """Migrate and seed; returns the users and the id ranges the cases pick from."""
    from app import create_app

    logging.getLogger("httpx").setLevel(logging.WARNING)
    seed.migrate(database_url, dict(os.environ))
    app = create_app({"DATABASE_URL": database_url, "REDIS_URL": None, "JOBS_MODE": "inline"})
    from app.core.security import hash_password

    with app.app_context():
        password_hash = hash_password(seed.PASSWORD)
    with psycopg.connect(database_url, autocommit=True) as conn:
        users = seed.seed_users(conn, password_hash)
        data = {
            "users": users,
            "small_ids": seed.seed_tasks(conn, users[seed.SMALL_EMAIL], seed.SMALL_TASKS),
            "large_ids": seed.seed_tasks(conn, users[seed.LARGE_EMAIL], seed.LARGE_TASKS),
            "writer_ids": seed.seed_tasks(conn, users[seed.WRITER_EMAIL], seed.WRITER_TASKS),
        }
        conn.execute("VACUUM ANALYZE")
    return data, app


def machine_description() -> dict[str, str]:
    memory_kib = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal:")
    )
    return {
        "uname": " ".join(platform.uname()),
        "nproc": str(os.cpu_count()),
        "memory": f"{memory_kib / 1024 / 1024:.1f} GiB",
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load": " ".join(f"{value:.2f}" for value in os.getloadavg()),
    }


def _stop_on_sigterm(_signum: int, _frame: object) -> None:
    raise SystemExit("bench: terminated")  # unwinds through the teardown below


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds measured per endpoint")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of warm-up per server")
    parser.add_argument("--output", type=Path, default=BENCH_DIR / "RESULTS.md")
    parser.add_argument("--only", help="run only the cases whose name contains this text")
    parser.add_argument("--note", default="", help="a sentence about the machine, for RESULTS.md")
    args = parser.parse_args()
    for tool in ("wrk", "nginx"):
        if shutil.which(tool) is None:
            parser.error(f"{tool} is not installed (apt-get install {tool})")
    signal.signal(signal.SIGTERM, _stop_on_sigterm)

    started = time.monotonic()
    load_before = machine_description()["load"]
    workdir = Path(tempfile.mkdtemp(prefix="tarefa-bench-"))
    dbname = f"tarefa_bench_{uuid.uuid4().hex[:8]}"
    database_url = create_database(dbname, unique=False, server_url=PG_SERVER_URL)
    try:
        print(f"bench: seeding {dbname}", flush=True)
        data, app = prepare_data(database_url)
        print(f"bench: query plans ({time.monotonic() - started:.0f} s)", flush=True)
        plans = query_plans(app, database_url, data)
        spa_dir, spa_note = frontend.spa_dir(workdir)
        app_env = {
            **os.environ,
            "GUNICORN_WORKERS": GUNICORN_WORKERS,
            "GUNICORN_THREADS": GUNICORN_THREADS,
            "RATELIMIT_AUTH": "1000000 per minute",
            "ACCESS_TOKEN_MINUTES": "120",
        }
        app_env.pop("GUNICORN_MAX_REQUESTS", None)  # no worker recycling during a run
        stack_env = {
            **app_env,
            "STACK_DIR": str(workdir / "stack"),
            "STACK_PORT": str(free_port()),
            "STACK_WORKERS": "0",  # no job worker: its upkeep would add to the counters
            "STACK_BACKENDS": "1",
            "STACK_PG_URL": PG_SERVER_URL,
            "STACK_DB_NAME": dbname,
            "STACK_REDIS_URL": REDIS_URL,
            "STACK_SPA_DIR": str(spa_dir),
        }
        ceiling_env = {
            **app_env,
            "APP_ENV": "development",
            "DATABASE_URL": database_url,
            "CEILING_USER_ID": str(data["users"][seed.SMALL_EMAIL]),
        }
        with (
            Stack(workdir / "stack", int(stack_env["STACK_PORT"]), stack_env) as stack,
            Ceiling(workdir, ceiling_env, spa_dir) as ceiling,
        ):
            results: list[Result] = []
            rounds: list[Round] = []
            warmed: set[str] = set()
            cases = build_cases(stack, ceiling, data)
            for case in cases:
                if args.only and args.only not in case.name and case.name != report.CEILING:
                    continue
                print(f"bench: {case.name} ({time.monotonic() - started:.0f} s)", flush=True)
                if case.base_url not in warmed:  # each server once, before its first case
                    warmed.add(case.base_url)
                    xact = warm_up(case, args.warmup, dbname)
                group = (
                    ceiling.process_group if case.name == report.CEILING else stack.process_group
                )
                results.append(measure(case, args.duration, group, dbname, xact))
                xact = results[-1].xact_after
                if case.name == report.LIST_SMALL:
                    print(f"bench: {ROUNDS} interleaved rounds of the ceiling and the lists")
                    named = {each.name: each for each in cases}
                    rounds = interleaved(
                        [
                            (named[report.CEILING], ceiling.process_group),
                            (case, stack.process_group),
                            (named[report.LIST_LARGE], stack.process_group),
                        ],
                        ROUNDS,
                        ROUND_SECONDS,
                    )
                    xact = flushed_transactions(dbname)  # the rounds' are not counted
            if args.only:  # a partial run: show the rows, leave RESULTS.md alone
                print(report.table(results, results[0].requests_per_s))
                print("\n".join(report.rounds_table(rounds)) if rounds else "")
                return 0
            front = frontend.measure(spa_dir, spa_note, stack.url, seed.SMALL_EMAIL, seed.PASSWORD)
        arguments = shlex.join(sys.argv[1:])
        command = "make bench" + (f' BENCH_ARGS="{arguments}"' if arguments else "")
        text, table = report.render(
            machine={**machine_description(), "load_before": load_before},
            command=command,
            settings={"connections": CONNECTIONS, "wrk_threads": WRK_THREADS,
                      "duration": args.duration, "warmup": args.warmup,
                      "workers": GUNICORN_WORKERS, "threads": GUNICORN_THREADS,
                      "minutes": (time.monotonic() - started) / 60, "note": args.note},
            results=results, rounds=rounds, plans=plans, frontend=front,
        )  # fmt: skip
        args.output.write_text(text)
        print(table)
        print(f"bench: wrote {args.output} in {(time.monotonic() - started) / 60:.1f} min")
        return 0
    finally:
        drop_database(database_url)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
