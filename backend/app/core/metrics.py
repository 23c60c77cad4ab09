"""Prometheus metrics at /metrics, correct under several gunicorn workers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from flask import Flask
from prometheus_client import REGISTRY, CollectorRegistry
from prometheus_client.metrics_core import Metric
from prometheus_client.registry import Collector
from prometheus_flask_exporter import PrometheusMetrics
from prometheus_flask_exporter.multiprocess import GunicornInternalPrometheusMetrics

from app.core.config import ConfigError


class _GlobalMetrics(Collector):
    """Exposes metrics that modules register globally (AI generation, process stats)."""

    def collect(self) -> Iterator[Metric]:
        yield from REGISTRY.collect()


def init_metrics(app: Flask) -> None:
    directory = app.config["PROMETHEUS_MULTIPROC_DIR"]
    if directory:
        # Under gunicorn every worker writes its samples to that directory and /metrics
        # aggregates them, whichever worker answers the scrape. Every process that builds
        # the app needs it, not only gunicorn (whose on_starting empties it): the
        # entrypoint's migrations and `flask` commands run first, on a fresh tmpfs.
        _ensure_directory(directory)
        GunicornInternalPrometheusMetrics(app, group_by="url_rule", defaults_prefix="tarefa")
        return
    # One registry per app, so each app built in the same process (tests) gets its own
    # request metrics instead of silently sharing the first one's.
    registry = CollectorRegistry()
    registry.register(_GlobalMetrics())
    PrometheusMetrics(app, registry=registry, group_by="url_rule", defaults_prefix="tarefa")


def _ensure_directory(directory: str) -> None:
    try:
        Path(directory).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(
            f"PROMETHEUS_MULTIPROC_DIR={directory!r} cannot be created: {exc.strerror}"
        ) from None
