"""bench/RESULTS.md: the machine, the command, the table, the targets met or not, the query plans."""

from __future__ import annotations

LIST_CASE = "GET /api/tasks (page of 20 of 500)"
CEILING_NGINX = "ceiling, through Nginx"
CEILING_DIRECT = "ceiling, direct to gunicorn"
LOGIN_SINGLE = "POST /api/auth/login, 1 connection"
LIST_RATIO_TARGET = 0.60
LIST_P99_TARGET_MS = 50.0
LOGIN_HASH_MARGIN = 1.20
PLAN_SLOWDOWN_LIMIT = 2.0


def _mark(met: bool) -> str:
    return "met" if met else "NOT met"


def table(results, ceiling_rps: float) -> str:
    """The results as a Markdown table, with each endpoint's req/s relative to the ceiling."""
    lines = [
        "| Endpoint | Conns | Requests | Req/s | p50 ms | p99 ms | Errors | vs ceiling |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        lines.append(
            f"| {result.case.name} | {result.case.connections} | {result.requests} "
            f"| {result.requests_per_s:.0f} | {result.p50_ms:.1f} | {result.p99_ms:.1f} "
            f"| {result.errors} | {result.requests_per_s / ceiling_rps:.0%} |"
        )
    return "\n".join(lines)


def _targets(by_name, hash_times: list[float], plans) -> list[str]:
    ceiling, direct, listing = by_name[CEILING_NGINX], by_name[CEILING_DIRECT], by_name[LIST_CASE]
    ratio = listing.requests_per_s / ceiling.requests_per_s
    errors = {name: r.errors for name, r in by_name.items() if r.errors}
    login = by_name[LOGIN_SINGLE]
    # The faster of the two measurements: the stricter reading of the target.
    hash_ms = min(hash_times) * 1000
    measured = " and ".join(f"{seconds * 1000:.1f}" for seconds in hash_times)
    small, large = plans
    slowdown = large.execution_ms / small.execution_ms
    plan_ok = large.index_scan and not large.seq_scan_on_tasks and slowdown <= PLAN_SLOWDOWN_LIMIT
    return [
        f"- GET /api/tasks at least {LIST_RATIO_TARGET:.0%} of the ceiling (both through Nginx): "
        f"{ratio:.0%} ({listing.requests_per_s:.0f} vs {ceiling.requests_per_s:.0f} req/s; "
        f"{listing.requests_per_s / direct.requests_per_s:.0%} of the ceiling without Nginx) "
        f"— **{_mark(ratio >= LIST_RATIO_TARGET)}**",
        f"- GET /api/tasks p99 under {LIST_P99_TARGET_MS:.0f} ms at 32 connections: "
        f"{listing.p99_ms:.1f} ms — **{_mark(listing.p99_ms < LIST_P99_TARGET_MS)}**",
        "- Zero errors (non-2xx and socket errors) on every endpoint: "
        + (f"errors in {errors}" if errors else "0 everywhere")
        + f" — **{_mark(not errors)}**",
        f"- Login p50 within {LOGIN_HASH_MARGIN - 1:.0%} of one argon2 hash "
        f"({hash_ms:.1f} ms: the faster of {measured} ms measured in-process with the app's "
        "hasher just before and after the run), at 1 connection: "
        f"{login.p50_ms:.1f} ms = {login.p50_ms / hash_ms:.2f}x "
        f"— **{_mark(login.p50_ms <= hash_ms * LOGIN_HASH_MARGIN)}**",
        f"- List query as fast at {large.total_tasks:,} tasks as at {small.total_tasks:,} "
        f"(index scan, no sequential scan of tasks, at most {PLAN_SLOWDOWN_LIMIT:.0f}x slower): "
        f"{small.execution_ms:.3f} ms vs {large.execution_ms:.3f} ms ({slowdown:.2f}x) "
        f"— **{_mark(plan_ok)}**",
    ]


def _frontend(front: dict) -> list[str]:
    js, tti = front["js"], front["tti"]
    lines = ["## Frontend", ""]
    if isinstance(js, str):
        lines.append(f"- Initial JS (gzip -9): {js}")
    else:
        lines.append(
            f"- Initial JS (gzip -9, scripts referenced by index.html): {js['gzip_bytes']:,} bytes "
            f"({', '.join(js['files'])})"
        )
    if isinstance(tti, str):
        lines.append(f"- Time to interactive of the task list: {tti}")
    else:
        lines.append(
            f"- Time to interactive of the task list (navigation start → first task visible, "
            f"headless Chromium, median of {tti['runs']}): cold cache {tti['cold_ms']:.0f} ms, "
            f"warm cache {tti['warm_ms']:.0f} ms"
        )
    return lines


def _plans(plans) -> list[str]:
    lines = ["## Query plans of the list query (EXPLAIN ANALYZE, BUFFERS)", ""]
    for plan in plans:
        lines += [
            f"### {plan.total_tasks:,} tasks in the table — median execution {plan.execution_ms:.3f} ms",
            "",
            "```",
            plan.plan,
            "```",
            "",
        ]
    return lines


def render(*, machine, command, settings, results, hash_times, plans, frontend):
    """The Markdown document and the plain table printed on the terminal."""
    by_name = {result.case.name: result for result in results}
    rows = table(results, by_name[CEILING_NGINX].requests_per_s)
    lines = [
        "# Benchmark results",
        "",
        f"- Date: {machine['date']}",
        f"- Machine: `{machine['uname']}`, {machine['nproc']} CPUs, {machine['memory']} RAM",
        f"- Load average (1/5/15 min) before the run: {machine['load_before']}, after: "
        f"{machine['load']} (other work on the machine shares the CPUs and adds noise)",
        f"- Command: `{command}`",
        f"- Load: wrk, {settings['connections']} connections (unless stated), "
        f"{settings['warmup']} s warm-up then {settings['duration']} s measured per endpoint, "
        "on the same machine as the server (they share the CPUs)",
        f"- Stack: scripts/stack.sh (Nginx → gunicorn gthread, {settings['workers']} workers x "
        f"{settings['threads']} threads → PostgreSQL, Redis), 1,000 users, 100,000 tasks; "
        f"rate limits raised for the run; {_recycling(settings['max_requests'])}",
        "- Ceiling: bench/ceiling_app.py, the same page query through SQLAlchemy under the same "
        'gunicorn configuration and Nginx template; "vs ceiling" is req/s relative to the ceiling '
        "through Nginx",
        "",
        "## Results",
        "",
        rows,
        "",
        "## Targets",
        "",
        *_targets(by_name, hash_times, plans),
        "",
        *_frontend(frontend),
        "",
        *_plans(plans),
    ]
    return "\n".join(lines), rows


def _recycling(max_requests: int) -> str:
    if not max_requests:
        return "gunicorn workers are not recycled (GUNICORN_MAX_REQUESTS unset)"
    return (
        f"gunicorn recycles a worker after {max_requests} requests (GUNICORN_MAX_REQUESTS), "
        "which happens during runs"
    )
