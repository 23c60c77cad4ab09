"""Prometheus metrics and the one log line per generation.

The metrics are module-level, so they are registered once per process however many apps are
created; Histogram and Counter need no extra setting under PROMETHEUS_MULTIPROC_DIR.
"""

from __future__ import annotations

import logging
import time

from prometheus_client import Counter, Histogram

from .base import AIError, Plan, Planner, PlanRequest

log = logging.getLogger("tarefa.ai")

GENERATION_SECONDS = Histogram(
    "tarefa_ai_generation_seconds",
    "Time to generate a plan, successful or not, by provider.",
    ["provider"],
    buckets=(0.005, 0.025, 0.1, 0.5, 1, 2.5, 5, 10, 20, 40, 60),
)
FAILURES = Counter(
    "tarefa_ai_failures_total",
    "Plan generations that failed, by provider and reason.",
    ["provider", "reason"],
)


class InstrumentedPlanner:
    """Times a planner, counts its failures and logs one line per generation (never the key)."""

    def __init__(self, inner: Planner, *, name: str, model: str) -> None:
        self.inner = inner
        self.name = name
        self.model = model

    def plan(self, request: PlanRequest) -> Plan:
        started = time.perf_counter()
        try:
            plan = self.inner.plan(request)
        except AIError as error:
            duration = time.perf_counter() - started
            GENERATION_SECONDS.labels(self.name).observe(duration)
            FAILURES.labels(self.name, error.reason).inc()
            fields = self._fields(duration, task_count=0) | {"reason": error.reason}
            log.warning("ai generation failed %s", _describe(fields), extra=fields)
            raise
        duration = time.perf_counter() - started
        GENERATION_SECONDS.labels(self.name).observe(duration)
        fields = self._fields(duration, task_count=len(plan.tasks))
        log.info("ai generation %s", _describe(fields), extra=fields)
        return plan

    def _fields(self, duration: float, *, task_count: int) -> dict[str, object]:
        return {
            "provider": self.name,
            "model": self.model,
            "duration_ms": round(duration * 1000, 1),
            "task_count": task_count,
        }


def _describe(fields: dict[str, object]) -> str:
    return " ".join(f"{key}={value}" for key, value in fields.items())
