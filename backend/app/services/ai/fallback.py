"""Answer with another planner (the offline one) when the primary fails."""

from __future__ import annotations

import dataclasses
import logging

from .base import AIError, Plan, Planner, PlanRequest

log = logging.getLogger("tarefa.ai")

FALLBACK_PROVIDER = "offline-fallback"


class FallbackPlanner:
    """Tries `primary`; on any AIError logs a warning and returns `fallback`'s plan, relabelled."""

    def __init__(self, primary: Planner, fallback: Planner) -> None:
        self.primary = primary
        self.fallback = fallback

    def plan(self, request: PlanRequest) -> Plan:
        try:
            return self.primary.plan(request)
        except AIError as error:
            log.warning(
                "AI provider failed (%s: %s); answering with the offline planner",
                error.reason,
                error.message,
                extra={"reason": error.reason, "fallback": FALLBACK_PROVIDER},
            )
        plan = self.fallback.plan(request)
        return dataclasses.replace(plan, provider=FALLBACK_PROVIDER)
