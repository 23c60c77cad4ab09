"""Recurring tasks: the history of occurrences, skipping one, and stopping the repetition."""

from __future__ import annotations

from typing import Any

from flask_jwt_extended import jwt_required

from app.api.deps import BEARER, current_user_id, failure
from app.core.api import Blueprint
from app.domain.limits import MAX_ID
from app.schemas.recurring import OccurrenceOut
from app.schemas.tasks import TaskOut
from app.services import recurring_tasks

blp = Blueprint("recurring", __name__, url_prefix="/api/tasks", description="Recurring tasks")

UNAUTHORIZED = failure("Missing or invalid access token")
NOT_FOUND = failure("No such task in your list")
NOT_RECURRING = failure("The task does not repeat")
TASK_ID = f"<int(max={MAX_ID}):task_id>"


@blp.route(f"/{TASK_ID}/occurrences", methods=["GET"])
@jwt_required()
@blp.response(200, OccurrenceOut(many=True))
@blp.alt_response(401, **UNAUTHORIZED)
@blp.alt_response(404, **NOT_FOUND)
@blp.doc(**BEARER)
def occurrences(task_id: int) -> Any:
    """The occurrences of a recurring task completed or skipped so far, newest first."""
    return recurring_tasks.occurrences(owner_id=current_user_id(), task_id=task_id)


@blp.route(f"/{TASK_ID}/skip", methods=["POST"])
@jwt_required()
@blp.response(200, TaskOut)
@blp.alt_response(401, **UNAUTHORIZED)
@blp.alt_response(404, **NOT_FOUND)
@blp.alt_response(409, **NOT_RECURRING)
@blp.doc(**BEARER)
def skip(task_id: int) -> Any:
    """Skip this occurrence: recorded as skipped, the task moves to its next date (or, after
    the rule's last occurrence, is done)."""
    return recurring_tasks.skip(owner_id=current_user_id(), task_id=task_id)


@blp.route(f"/{TASK_ID}/stop-repeating", methods=["POST"])
@jwt_required()
@blp.response(200, TaskOut)
@blp.alt_response(401, **UNAUTHORIZED)
@blp.alt_response(404, **NOT_FOUND)
@blp.alt_response(409, **NOT_RECURRING)
@blp.doc(**BEARER)
def stop_repeating(task_id: int) -> Any:
    """Stop repeating: the task keeps its due date and becomes a one-off."""
    return recurring_tasks.stop(owner_id=current_user_id(), task_id=task_id)
