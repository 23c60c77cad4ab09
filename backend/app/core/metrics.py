"""Prometheus metrics at /metrics, correct under several gunicorn workers."""

from __future__ import annotations

import os
from collections.abc import Iterator

from flask import Flask
from prometheus_client import REGISTRY, CollectorRegistry
from prometheus_client.metrics_core import Metric
from prometheus_client.registry import Collector
from prometheus_flask_exporter import PrometheusMetrics
from prometheus_flask_exporter.multiprocess import GunicornInternalPrometheusMetrics


class _GlobalMetrics(Collector):
    """Exposes metrics that modules register globally (AI generation, process stats)."""

    def collect(self) -> Iterator[Metric]:
        yield from REGISTRY.collect()


def init_metrics(app: Flask) -> None:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # Under gunicorn every worker writes its samples to that directory and /metrics
        # aggregates them, whichever worker answers the scrape.
        GunicornInternalPrometheusMetrics(app, group_by="url_rule", defaults_prefix="tarefa")
        return
    # One registry per app, so each app built in the same process (tests) gets its own
    # request metrics instead of silently sharing the first one's.
    registry = CollectorRegistry()
    registry.register(_GlobalMetrics())
    PrometheusMetrics(app, registry=registry, group_by="url_rule", defaults_prefix="tarefa")
