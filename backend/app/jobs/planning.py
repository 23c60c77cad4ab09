"""AI generation and breakdown as jobs, for providers that take seconds to answer.

The job's result is exactly what the synchronous endpoint would have answered.
"""

from __future__ import annotations

from typing import Any

from app.jobs.runtime import checkpoint, job
from app.schemas.planning import PlanPreviewOut, PlanSavedOut
from app.services import planning
from app.services.planning import PlanResult

# Planning makes AI_MAX_RETRIES + 1 calls of at most AI_TIMEOUT_SECONDS each; a failed
# generation is not retried behind the user's back: they see the error and may try again.
PLAN_TIMEOUT_SECONDS = 600


def _dump(result: PlanResult) -> dict[str, Any]:
    if result.saved is None:
        return PlanPreviewOut().dump(result.plan)
    return PlanSavedOut().dump(
        {"tasks": result.saved, "provider": result.plan.provider, "model": result.plan.model}
    )


@job(queue="ai", timeout=PLAN_TIMEOUT_SECONDS)
def generate_plan(*, owner_id: int, **arguments: Any) -> dict[str, Any]:
    """``POST /api/tasks/generate`` with ``"async": true``."""
    return _dump(planning.generate(owner_id=owner_id, checkpoint=checkpoint, **arguments))


@job(queue="ai", timeout=PLAN_TIMEOUT_SECONDS)
def breakdown_task(*, owner_id: int, task_id: int, **arguments: Any) -> dict[str, Any]:
    """``POST /api/tasks/<id>/breakdown`` with ``"async": true``."""
    return _dump(
        planning.breakdown(owner_id=owner_id, task_id=task_id, checkpoint=checkpoint, **arguments)
    )
