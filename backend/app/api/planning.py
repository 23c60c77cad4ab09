"""Plan my day: a proposal of today's tasks that fit the time available, and accepting it."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_jwt_extended import jwt_required

from app.api.deps import BEARER, current_user_id, failure
from app.core.api import Blueprint
from app.schemas.planning import PlanAcceptIn, PlanAcceptOut, PlanTodayIn, PlanTodayOut
from app.services import plan_today

blp = Blueprint("planning", __name__, url_prefix="/api/plan", description="Plan my day")

UNAUTHORIZED = failure("Missing or invalid access token")


@blp.route("/today")
class PlanToday(MethodView):
    decorators = [jwt_required()]

    @blp.arguments(PlanTodayIn)
    @blp.response(200, PlanTodayOut)
    @blp.alt_response(401, **UNAUTHORIZED)
    @blp.doc(**BEARER)
    def post(self, data: dict[str, Any]) -> Any:
        """Propose, in order, the open tasks that fit in `available_minutes` today: overdue and
        due today first, then by priority, then the quickest. Each says why it was chosen;
        missing estimates come from the planner. Nothing is saved."""
        return plan_today.propose(owner_id=current_user_id(), **data)


@blp.route("/today/accept")
class AcceptPlan(MethodView):
    decorators = [jwt_required()]

    @blp.arguments(PlanAcceptIn)
    @blp.response(200, PlanAcceptOut)
    @blp.alt_response(401, **UNAUTHORIZED)
    @blp.alt_response(404, **failure("One of the tasks is not in your list"))
    @blp.doc(**BEARER)
    def post(self, data: dict[str, Any]) -> Any:
        """Keep the tasks chosen from a proposal: each gets today's date (in your time zone)."""
        today, tasks = plan_today.accept(owner_id=current_user_id(), task_ids=data["task_ids"])
        return {"date": today, "tasks": tasks}
