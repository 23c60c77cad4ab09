"""Tarefa's benchmark: the native stack under wrk, against a ceiling, with targets; writes RESULTS.md.

    backend/.venv/bin/python bench/run.py [--duration SECONDS] [--warmup SECONDS]

Creates a private database (1,000 users, 100,000 tasks), starts scripts/stack.sh on free ports with
that database, starts the ceiling app (bench/ceiling_app.py) under the same gunicorn configuration and
Nginx template, runs wrk (32 connections, after a warm-up) on each endpoint, measures the frontend, and
writes bench/RESULTS.md. Everything it starts is stopped and the database dropped at the end.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx
import psycopg
from flask import Flask

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent / "backend"))

import frontend  # noqa: E402 - bench/ modules, found through the script's directory
import report  # noqa: E402
import seed  # noqa: E402
from services import Ceiling, Stack, free_port, gunicorn_setting, settle  # noqa: E402

PG_SERVER_URL = os.environ.get("BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6")
CONNECTIONS = 32
GUNICORN_WORKERS = os.environ.get("GUNICORN_WORKERS", "2")  # scripts/stack.sh's default
GUNICORN_THREADS = os.environ.get("GUNICORN_THREADS", "4")
# The planner endpoint, when the backend has it: offline provider, tasks persisted.
GENERATE_BODY = {"goal": "Prepare the quarterly product launch", "max_tasks": 5, "dry_run": False}


@dataclass(frozen=True)
class Case:
    name: str
    base_url: str
    path: str
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


def run_wrk(case: Case, seconds: int) -> Result:
    """One wrk run; errors are non-2xx responses plus socket errors (connect/read/write/timeout)."""
    env = {**os.environ, "BENCH_METHOD": case.method, "BENCH_PATH": case.path}
    if case.body is not None:
        env["BENCH_BODY"] = json.dumps(case.body)
    if case.token:
        env["BENCH_TOKEN"] = case.token
    if case.id_range:
        env["BENCH_ID_FIRST"], env["BENCH_ID_LAST"] = map(str, case.id_range)
    threads = min(2, case.connections)
    completed = subprocess.run(
        ["wrk", "-t", str(threads), "-c", str(case.connections), "-d", f"{seconds}s",
         "--timeout", "10s", "-s", str(BENCH_DIR / "wrk/api.lua"), case.base_url + case.path],
        env=env, capture_output=True, text=True, check=True, timeout=seconds + 60,
    )  # fmt: skip
    line = next(row for row in completed.stdout.splitlines() if row.startswith("WRK_JSON "))
    data = json.loads(line.removeprefix("WRK_JSON "))
    return Result(
        case=case,
        requests=data["requests"],
        requests_per_s=data["requests"] / (data["duration_us"] / 1e6),
        p50_ms=data["latency_us"]["p50"] / 1000,
        p99_ms=data["latency_us"]["p99"] / 1000,
        errors=data["non2xx"] + sum(data["socket_errors"].values()),
    )


def login(base_url: str, email: str) -> str:
    response = httpx.post(
        f"{base_url}/api/auth/login", json={"email": email, "password": seed.PASSWORD}, timeout=30
    )
    response.raise_for_status()
    return response.json()["access_token"]


def check_responses(stack_url: str, ceiling_url: str, token: str) -> None:
    """Both list endpoints must really return a page of 20 before their speed means anything."""
    headers = {"Authorization": f"Bearer {token}"}
    page = httpx.get(f"{stack_url}/api/tasks?per_page=20", headers=headers, timeout=30).json()
    ceiling = httpx.get(f"{ceiling_url}/api/ceiling/tasks", timeout=30).json()
    if (len(page["items"]), page["total"], len(ceiling["items"])) != (20, seed.LIST_USER_TASKS, 20):
        raise RuntimeError(f"unexpected list responses: {page['total']=}, {len(ceiling['items'])=}")


def has_generate_endpoint(stack_url: str) -> bool:
    spec = httpx.get(f"{stack_url}/api/openapi.json", timeout=30).json()
    return "/api/tasks/generate" in spec.get("paths", {})


def build_cases(stack: Stack, ceiling: Ceiling, task_ids: tuple[int, int]) -> list[Case]:
    list_token = login(stack.url, seed.LIST_EMAIL)
    writer_token = login(stack.url, seed.WRITER_EMAIL)
    check_responses(stack.url, ceiling.nginx_url, list_token)
    credentials = {"email": seed.LIST_EMAIL, "password": seed.PASSWORD}
    cases = [
        Case("ceiling, direct to gunicorn", ceiling.direct_url, "/api/ceiling/tasks"),
        Case("ceiling, through Nginx", ceiling.nginx_url, "/api/ceiling/tasks"),
        Case("GET /api/tasks (page of 20 of 500)", stack.url, "/api/tasks?per_page=20",
             token=list_token),
        Case("GET /api/auth/me", stack.url, "/api/auth/me", token=list_token),
        Case("POST /api/tasks", stack.url, "/api/tasks", "POST",
             {"title": "Benchmark task", "description": "Created by wrk"}, writer_token),
        Case("PATCH /api/tasks/<id>", stack.url, "/api/tasks/{id}", "PATCH",
             {"title": "Benchmark edit", "estimate_minutes": 30}, list_token, task_ids),
    ]  # fmt: skip
    if has_generate_endpoint(stack.url):
        cases.append(
            Case("POST /api/tasks/generate (offline, dry_run false)", stack.url,
                 "/api/tasks/generate", "POST", GENERATE_BODY, login(stack.url, seed.PLANNER_EMAIL))
        )  # fmt: skip
    cases += [
        Case("POST /api/auth/login", stack.url, "/api/auth/login", "POST", credentials),
        Case("POST /api/auth/login, 1 connection", stack.url, "/api/auth/login", "POST",
             credentials, connections=1),
    ]  # fmt: skip
    return cases


def prepare_data(database_url: str) -> tuple[dict, Flask, list[seed.QueryPlan]]:
    """Migrate, seed in two steps (1,000 then 100,000 tasks) and take the list query's plans."""
    from app import create_app

    logging.getLogger("httpx").setLevel(logging.WARNING)
    seed.migrate(database_url, dict(os.environ))
    app = create_app({"DATABASE_URL": database_url, "REDIS_URL": None})
    from app.core.security import hash_password

    with app.app_context():
        password_hash = hash_password(seed.PASSWORD)
    with psycopg.connect(database_url, autocommit=True) as conn:
        users = seed.seed_users(conn, password_hash)
        task_ids = seed.seed_list_user_tasks(conn, users[seed.LIST_EMAIL])
        small = seed.SMALL_TOTAL - seed.LIST_USER_TASKS
        seed.seed_filler_tasks(conn, seed.LIST_USER_TASKS + 1, small)
        seed.analyze(conn)
        statement, params = seed.capture_list_query(app, users[seed.LIST_EMAIL])
        plans = [seed.explain(conn, statement, params)]
        seed.seed_filler_tasks(conn, seed.SMALL_TOTAL + 1, seed.TASKS - seed.SMALL_TOTAL)
        seed.analyze(conn)
        plans.append(seed.explain(conn, statement, params))
    return {"users": users, "task_ids": task_ids}, app, plans


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds measured per endpoint")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of warm-up per endpoint")
    parser.add_argument("--output", type=Path, default=BENCH_DIR / "RESULTS.md")
    parser.add_argument("--only", help="run only the endpoints whose name contains this text")
    args = parser.parse_args()
    for tool in ("wrk", "nginx"):
        if shutil.which(tool) is None:
            parser.error(f"{tool} is not installed (apt-get install {tool})")

    load_before = machine_description()["load"]
    workdir = Path(tempfile.mkdtemp(prefix="tarefa-bench-"))
    dbname = f"tarefa_bench_{uuid.uuid4().hex[:8]}"
    database_url = seed.create_database(PG_SERVER_URL, dbname)
    try:
        print(f"bench: seeding {dbname} (1,000 users, 100,000 tasks)", flush=True)
        data, app, plans = prepare_data(database_url)
        spa_dir, spa_note = frontend.spa_dir(workdir)
        app_env = {
            **os.environ,
            "GUNICORN_WORKERS": GUNICORN_WORKERS,
            "GUNICORN_THREADS": GUNICORN_THREADS,
            "RATELIMIT_AUTH": "1000000 per minute",
            "RATELIMIT_AI": "1000000 per minute",
            "RATELIMIT_AI_OFFLINE": "1000000 per minute",
            "ACCESS_TOKEN_MINUTES": "120",
            "AI_PROVIDER": "offline",
        }
        stack_env = {
            **app_env,
            "STACK_DIR": str(workdir / "stack"),
            "STACK_PORT": str(free_port()),
            "STACK_PG_URL": PG_SERVER_URL,
            "STACK_DB_NAME": dbname,
            "STACK_REDIS_URL": REDIS_URL,
            "STACK_SPA_DIR": str(spa_dir),
        }
        ceiling_env = {
            **app_env,
            "APP_ENV": "development",
            "DATABASE_URL": database_url,
            "CEILING_USER_ID": str(data["users"][seed.LIST_EMAIL]),
        }
        with (
            Stack(workdir / "stack", int(stack_env["STACK_PORT"]), stack_env) as stack,
            Ceiling(workdir, ceiling_env, spa_dir) as ceiling,
        ):
            results, hash_times = [], []
            for case in build_cases(stack, ceiling, data["task_ids"]):
                if args.only and args.only not in case.name and "ceiling" not in case.name:
                    continue
                print(f"bench: {case.name}", flush=True)
                run_wrk(case, args.warmup)
                settle(f"{case.base_url}/health")
                if case.connections == 1:
                    # The hash time the login target compares with, measured in-process just
                    # before and after the login run, so that both see the same machine load.
                    hash_times.append(seed.time_password_hash(app))
                results.append(run_wrk(case, args.duration))
                settle(f"{case.base_url}/health")
                if case.connections == 1:
                    hash_times.append(seed.time_password_hash(app))
            front = frontend.measure(spa_dir, spa_note, stack.url, seed.LIST_EMAIL, seed.PASSWORD)
        if args.only:  # a partial run: show the rows, leave RESULTS.md alone
            print(report.table(results, results[1].requests_per_s))
            return 0
        spa_env = (
            f"BENCH_SPA_DIR={os.environ['BENCH_SPA_DIR']} " if "BENCH_SPA_DIR" in os.environ else ""
        )
        command = f"{spa_env}backend/.venv/bin/python bench/run.py " + " ".join(sys.argv[1:])
        text, table = report.render(
            machine={**machine_description(), "load_before": load_before},
            command=command.strip(),
            settings={"connections": CONNECTIONS, "duration": args.duration,
                      "warmup": args.warmup, "workers": GUNICORN_WORKERS,
                      "threads": GUNICORN_THREADS,
                      "max_requests": gunicorn_setting("max_requests")},
            results=results, hash_times=hash_times, plans=plans, frontend=front,
        )  # fmt: skip
        args.output.write_text(text)
        print(table)
        print(f"bench: wrote {args.output}")
        return 0
    finally:
        seed.drop_database(PG_SERVER_URL, dbname)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
