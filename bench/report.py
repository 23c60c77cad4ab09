"""bench/RESULTS.md: the machine, the command, the table, every target of issue 10 met or not."""

from __future__ import annotations

import statistics

CEILING = "ceiling (bare Flask + SQLAlchemy, one indexed SELECT … LIMIT 20)"
LIST_SMALL = "GET /api/tasks?per_page=20, user with 1,000 tasks"
LIST_LARGE = "GET /api/tasks?per_page=20, user with 100,000 tasks"
SEARCH = "GET /api/tasks?q=…, user with 100,000 tasks"
SEARCH_SINGLE = "GET /api/tasks?q=…, user with 100,000 tasks, 1 connection"

LIST_RATIO_TARGET = 0.60
LIST_P99_TARGET_MS = 50.0
LIST_CPU_TARGET_MS = 1.5
LIST_TRANSACTIONS_TARGET = 1.0
LARGE_SLOWDOWN_LIMIT = 1.3
SEARCH_P50_TARGET_MS = 30.0
INITIAL_JS_TARGET_KIB = 110.0


def _mark(met: bool) -> str:
    return "met" if met else "NOT met"


def table(results, ceiling_rps: float) -> str:
    """The results as a Markdown table, with each endpoint's req/s relative to the ceiling."""
    lines = [
        "| Case | Conns | Requests | Req/s | p50 ms | p99 ms | Errors | CPU ms/req "
        "| PG xact/req | vs ceiling |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        lines.append(
            f"| {result.case.name} | {result.case.connections} | {result.requests} "
            f"| {result.requests_per_s:.0f} | {result.p50_ms:.1f} | {result.p99_ms:.1f} "
            f"| {result.errors} | {result.cpu_ms_per_request:.2f} "
            f"| {result.transactions_per_request:.2f} | {result.requests_per_s / ceiling_rps:.2f} |"
        )
    return "\n".join(lines)


def _target(text: str, measured: str, met: bool, gap: str) -> str:
    return f"- {text}: {measured} — **{_mark(met)}**" + ("" if met else f" (gap: {gap})")


def _initial_js(front: dict) -> str:
    js = front["js"]
    if isinstance(js, str):
        return f"- Initial JavaScript ≤ {INITIAL_JS_TARGET_KIB:.0f} KiB gzipped: {js} — **NOT met**"
    kib = js["gzip_bytes"] / 1024
    return _target(
        f"Initial JavaScript ≤ {INITIAL_JS_TARGET_KIB:.0f} KiB gzipped",
        f"{kib:.1f} KiB",
        kib <= INITIAL_JS_TARGET_KIB,
        f"{kib - INITIAL_JS_TARGET_KIB:.1f} KiB over",
    )


def targets(by_name, rounds, front: dict) -> list[str]:
    """Every target of issue 10, with the measured value and, when missed, by how much.

    The list's ratio to the ceiling, its CPU and its slowdown at 100,000 tasks are the
    medians of the interleaved rounds, where the three were measured seconds apart. Its p99
    is the whole 10 s run's: a 5 s round gives twice the weight to the first half second,
    while wrk's new connections reach the server (its p99 there ran 57 to 87 ms, against 50
    to 55 after it), so the rounds' p99s are shown beside it, not used for it."""
    ceiling, small = by_name[CEILING], by_name[LIST_SMALL]
    large, single = by_name[LIST_LARGE], by_name[SEARCH_SINGLE]
    ratios = [r.ratio for r in rounds]
    ratio = statistics.median(ratios)
    p99s = [r.listing.p99_ms for r in rounds]
    p99 = statistics.median(p99s)
    ceiling_p99 = statistics.median(r.ceiling.p99_ms for r in rounds)
    list_cpu = statistics.median(r.listing.cpu_ms_per_request for r in rounds)
    ceiling_cpu = statistics.median(r.ceiling.cpu_ms_per_request for r in rounds)
    slowdowns = [r.slowdown for r in rounds]
    slowdown = statistics.median(slowdowns)
    errors = {name: r.errors for name, r in by_name.items() if r.errors}
    return [
        _target(
            f"List (1,000 tasks) ≥ {LIST_RATIO_TARGET:.2f} of the ceiling",
            f"{ratio:.2f} (median of {len(rounds)} interleaved rounds: "
            f"{', '.join(f'{r:.2f}' for r in ratios)}; the whole runs above: "
            f"{small.requests_per_s / ceiling.requests_per_s:.2f})",
            ratio >= LIST_RATIO_TARGET,
            f"{LIST_RATIO_TARGET - ratio:.2f} short",
        ),
        _target(
            f"List p99 < {LIST_P99_TARGET_MS:.0f} ms at 32 connections",
            f"{small.p99_ms:.1f} ms (the ceiling's own: {ceiling.p99_ms:.1f} ms; the 5 s rounds, "
            f"median {p99:.1f} ms: {', '.join(f'{r:.1f}' for r in p99s)}; "
            f"the ceiling's {ceiling_p99:.1f} ms)",
            small.p99_ms < LIST_P99_TARGET_MS,
            f"{small.p99_ms - LIST_P99_TARGET_MS:.1f} ms over",
        ),
        _target(
            f"gunicorn CPU per list request ≤ {LIST_CPU_TARGET_MS} ms",
            f"{list_cpu:.2f} ms (median of the rounds; ceiling {ceiling_cpu:.2f} ms, "
            f"{list_cpu / ceiling_cpu:.2f}x; the issue's 1.5 ms was 2x the ceiling it measured, "
            "0.7 to 0.8 ms)",
            list_cpu <= LIST_CPU_TARGET_MS,
            f"{list_cpu - LIST_CPU_TARGET_MS:.2f} ms over",
        ),
        _target(
            "PostgreSQL transactions per list request: 1",
            f"{small.transactions_per_request:.2f}",
            round(small.transactions_per_request, 2) <= LIST_TRANSACTIONS_TARGET,
            f"{small.transactions_per_request - LIST_TRANSACTIONS_TARGET:.2f} too many",
        ),
        _target(
            f"List at 100,000 tasks within {LARGE_SLOWDOWN_LIMIT}x of 1,000 tasks (req/s)",
            f"{slowdown:.2f}x (median of the rounds: {', '.join(f'{r:.2f}' for r in slowdowns)}; "
            f"the whole runs above: {large.requests_per_s:.0f} vs {small.requests_per_s:.0f} "
            f"req/s, p50 {large.p50_ms:.1f} vs {small.p50_ms:.1f} ms)",
            slowdown <= LARGE_SLOWDOWN_LIMIT,
            f"{slowdown - LARGE_SLOWDOWN_LIMIT:.2f}x over",
        ),
        _target(
            f"Search p50 < {SEARCH_P50_TARGET_MS:.0f} ms at 100,000 tasks (one request at a time)",
            f"{single.p50_ms:.1f} ms",
            single.p50_ms < SEARCH_P50_TARGET_MS,
            f"{single.p50_ms - SEARCH_P50_TARGET_MS:.1f} ms over",
        ),
        _target(
            "Zero errors (non-2xx and socket errors) on every case",
            f"errors in {errors}" if errors else "0 everywhere",
            not errors,
            "see the table",
        ),
        _initial_js(front),
    ]


def _frontend(front: dict) -> list[str]:
    js, tti = front["js"], front["tti"]
    lines = ["## Frontend", ""]
    if isinstance(js, str):
        lines.append(f"- Initial JS (gzip -9): {js}")
    else:
        lines.append(
            f"- Initial JS (gzip -9, what the first page loads: {js['what']}): "
            f"{js['gzip_bytes']:,} bytes = {js['gzip_bytes'] / 1024:.1f} KiB "
            f"({', '.join(js['files'])})"
        )
        lines += [
            f"- The {page} loads {size / 1024:.1f} KiB gzipped in all (the above plus its lazy "
            "chunks)"
            for page, size in js["pages"].items()
        ]
    if isinstance(tti, str):
        lines.append(f"- Time to interactive of the task list: {tti}")
    else:
        lines.append(
            f"- Time to interactive of the task list (navigation start → first task visible, "
            f"headless Chromium, median of {tti['runs']}): cold cache {tti['cold_ms']:.0f} ms, "
            f"warm cache {tti['warm_ms']:.0f} ms"
        )
    return lines


def rounds_table(rounds) -> list[str]:
    lines = [
        "## Interleaved rounds (ceiling, list at 1,000 tasks, list at 100,000, seconds apart)",
        "",
        "| Round | Ceiling req/s | List req/s | Ratio | Ceiling p99 ms | List p99 ms "
        "| Ceiling CPU ms/req | List CPU ms/req | 100,000 req/s | Slowdown |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for number, r in enumerate(rounds, start=1):
        lines.append(
            f"| {number} | {r.ceiling.requests_per_s:.0f} | {r.listing.requests_per_s:.0f} "
            f"| {r.ratio:.2f} | {r.ceiling.p99_ms:.1f} | {r.listing.p99_ms:.1f} "
            f"| {r.ceiling.cpu_ms_per_request:.2f} "
            f"| {r.listing.cpu_ms_per_request:.2f} | {r.large.requests_per_s:.0f} "
            f"| {r.slowdown:.2f}x |"
        )
    return lines


def _plans(plans) -> list[str]:
    lines = ["## Query plans (EXPLAIN ANALYZE, BUFFERS, of the SQL the app runs)", ""]
    if isinstance(plans, str):
        return [*lines, f"- {plans}"]
    for plan in plans:
        lines += [
            f"### {plan.label} — median execution {plan.execution_ms:.3f} ms",
            "",
            "```",
            plan.plan,
            "```",
            "",
        ]
    return lines


def render(*, machine, command, settings, results, rounds, plans, frontend):
    """The Markdown document and the plain table printed on the terminal."""
    by_name = {result.case.name: result for result in results}
    rows = table(results, by_name[CEILING].requests_per_s)
    note = f" {settings['note']}" if settings["note"] else ""
    lines = [
        "# Benchmark results",
        "",
        f"- Date: {machine['date']}; the whole run took {settings['minutes']:.1f} min",
        f"- Machine: `{machine['uname']}`, {machine['nproc']} CPUs, {machine['memory']} RAM",
        f"- Load average (1/5/15 min) before the run: {machine['load_before']}, after: "
        f"{machine['load']}. wrk, Nginx, gunicorn and PostgreSQL share these CPUs with whatever "
        f"else runs on the machine, which adds noise; ratios taken in the same window (vs "
        f"ceiling) are steadier than absolute figures.{note}",
        f"- Command: `{command}`",
        f"- Load: wrk, {settings['wrk_threads']} threads x {settings['connections']} connections "
        f"(unless stated), loopback, {settings['duration']} s per case; each server gets a "
        f"{settings['warmup']} s warm-up before its first case",
        f"- Stack: scripts/stack.sh (Nginx → one gunicorn backend, {settings['workers']} workers x "
        f"{settings['threads']} gthread threads → PostgreSQL, Redis), no job worker, login rate "
        "limit raised, workers not recycled",
        "- Ceiling: bench/ceiling_app.py, one indexed `SELECT … LIMIT 20` of the 1,000-task user "
        "through SQLAlchemy under the same gunicorn settings, behind the same Nginx template; "
        "it runs in a transaction, as SQLAlchemy does by default (BEGIN, SELECT, ROLLBACK), "
        "where the app's list and get run their SELECT alone (autocommit)",
        "- CPU ms/req: user + system time of the gunicorn master and workers (/proc, before and "
        "after the run, the queue drained) ÷ requests the server answered (lines of Nginx's "
        "access log for the case: wrk leaves out those in flight when it stops, which are served "
        "all the same); Nginx and PostgreSQL are not counted. Requests and Req/s are wrk's",
        "- PG xact/req: `xact_commit + xact_rollback` of the benchmark database "
        "(pg_stat_database, read once the statistics were flushed) ÷ requests; a read that ends "
        "its session with a rollback is a transaction too",
        "",
        "## Results",
        "",
        rows,
        "",
        "## Targets (issue 10)",
        "",
        *targets(by_name, rounds, frontend),
        "",
        *rounds_table(rounds),
        "",
        *_frontend(frontend),
        "",
        *_plans(plans),
    ]
    return "\n".join(lines), rows
