"""Gunicorn settings for Tarefa, read from the environment.

The same file serves the container (``bind 0.0.0.0:8000``) and the native stack
(``scripts/stack.sh`` binds ``127.0.0.1:<free port>``). Every value has a production
default; override it with the environment variable named next to it.
"""

import gc
import json
import math
import multiprocessing
import os
import shutil
from pathlib import Path

from gunicorn.glogging import Logger, SafeAtoms

from app.core.config import Settings


def _env_number(name: str, default: float, *, minimum: float = 1, kind: type = int) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError as exc:
        raise SystemExit(f"{name} must be a number, got {raw!r}") from exc
    if value < minimum:
        raise SystemExit(f"{name} must be at least {minimum}, got {raw}")
    return value


def _env_int(name: str, default: int) -> int:
    return int(_env_number(name, default))


def _default_workers() -> int:
    # The classic 2 * cores + 1, capped: each worker holds its own app, DB pool and
    # memory, and gthread threads already absorb slow I/O such as AI calls.
    return min(2 * multiprocessing.cpu_count() + 1, 8)


wsgi_app = "wsgi:app"
bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")

# gthread: a slow AI request occupies one thread, not a whole worker. The subclass closes
# the listening socket as soon as a worker is told to stop, so a backend being replaced
# refuses new connections instead of resetting them, and leaves a new connection to an idle
# worker while its own threads are all taken (app/core/gunicorn_worker.py).
worker_class = "app.core.gunicorn_worker.DrainingThreadWorker"
workers = _env_int("GUNICORN_WORKERS", _env_int("WEB_CONCURRENCY", _default_workers()))
threads = _env_int("GUNICORN_THREADS", 4)

# The hard timeout must exceed the longest legitimate request: an AI call with its
# retries (AI_TIMEOUT_SECONDS * (AI_MAX_RETRIES + 1)) plus a margin.
# Defaults are the app's own, read from its one definition.
_app_setting = Settings.model_fields
_ai_budget = _env_number(
    "AI_TIMEOUT_SECONDS", _app_setting["ai_timeout_seconds"].default, kind=float
) * (_env_number("AI_MAX_RETRIES", _app_setting["ai_max_retries"].default, minimum=0) + 1)
timeout = _env_int("GUNICORN_TIMEOUT", max(60, math.ceil(_ai_budget) + 15))
graceful_timeout = _env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Must stay longer than Nginx's upstream keepalive_timeout (4 s, nginx/templates), so Nginx
# never reuses a connection gunicorn is closing.
keepalive = _env_int("GUNICORN_KEEPALIVE", 5)
# Worker recycling is off by default, as in gunicorn itself: a restart rebuilds the app and
# queues the requests that were headed for that worker (the benchmark saw p99 jump from
# tens of milliseconds to seconds with a restart every 2000 requests). Set
# GUNICORN_MAX_REQUESTS (and _JITTER) to recycle workers if a leak ever calls for it.
max_requests = int(_env_number("GUNICORN_MAX_REQUESTS", 0, minimum=0))
max_requests_jitter = int(_env_number("GUNICORN_MAX_REQUESTS_JITTER", 0, minimum=0))

# Gunicorn 27 opens a control socket under $HOME/.gunicorn by default; a second
# instance (two replicas, or two backends of the native stack) would take it over.
control_socket_disable = True

# Heartbeat files go to the temp dir; the container points this at a tmpfs.
worker_tmp_dir = os.environ.get("GUNICORN_WORKER_TMP_DIR") or None

# The proxy in front (Nginx) is the only trusted one; the app applies ProxyFix itself.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
errorlog = "-"
# One log line per request: the app's own (route, status, duration, user, request id), and
# Nginx's in front. gunicorn's access log would be a second one; GUNICORN_ACCESS_LOG=- adds it.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
access_log_format = json.dumps(
    {
        "logger": "gunicorn.access",
        "remote_addr": "%(h)s",
        "method": "%(m)s",
        "path": "%(U)s",
        "query": "%(q)s",
        "status": "%(s)s",
        "bytes": "%(B)s",
        "duration_ms": "%(M)s",
        "request_id": "%({x-request-id}i)s",
        "user_agent": "%(a)s",
        "pid": "%(p)s",
    }
)


class JsonSafeAtoms(SafeAtoms):
    """Access-log atoms escaped for a JSON string, so the line always parses.

    Replaces SafeAtoms' own escaping (quotes only), keeping its lookup rules.
    """

    def __init__(self, atoms):
        dict.__init__(
            self,
            {
                key: json.dumps(value)[1:-1] if isinstance(value, str) else value
                for key, value in atoms.items()
            },
        )


class JsonAccessLogger(Logger):
    atoms_wrapper_class = JsonSafeAtoms


logger_class = JsonAccessLogger


def on_starting(server):
    """Start every master with an empty Prometheus multiprocess directory.

    Files left by a previous run would add dead workers' counters to the new ones.
    """
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not directory:
        return
    path = Path(directory)
    if path.is_dir():
        for child in path.iterdir():
            if child.is_dir():
                shutil.rmtree(child)
            else:
                child.unlink()
    path.mkdir(parents=True, exist_ok=True)
    server.log.info("Prometheus multiprocess directory ready: %s", path)


def post_worker_init(worker):
    """Leave what the worker built at startup out of every garbage collection.

    A worker holds about 200,000 container objects once the app is loaded (modules, the ORM's
    mappers, schemas, the OpenAPI spec), and CPython's oldest-generation collection walks all
    of them: about 125 ms, with every thread of the worker stopped, a few times a minute under
    load. Frozen, they are skipped; only garbage made after startup is walked. Cycles among
    frozen objects are never freed, so what startup left as garbage is collected first.
    """
    gc.collect()
    gc.freeze()


def child_exit(server, worker):
    """Drop the live gauges of a worker that exited (prometheus-flask-exporter recipe)."""
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return
    from prometheus_flask_exporter.multiprocess import GunicornInternalPrometheusMetrics

    GunicornInternalPrometheusMetrics.mark_process_dead_on_child_exit(worker.pid)
