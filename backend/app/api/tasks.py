"""The caller's tasks. Another user's task answers 404, never 403."""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify, url_for
from flask.views import MethodView
from flask_jwt_extended import jwt_required

from app.api.deps import BEARER, ai_rate_limit, current_user_id, failure, user_or_ip_key
from app.core.api import Blueprint
from app.core.extensions import limiter
from app.domain.limits import MAX_ID
from app.jobs import enqueue
from app.jobs.planning import breakdown_task, generate_plan
from app.schemas.jobs import JobAcceptedOut
from app.schemas.planning import BreakdownIn, GenerateIn, PlanPreviewOut, PlanSavedOut
from app.schemas.task_json import task_page_response, task_response
from app.schemas.tasks import (
    BulkIn,
    BulkOut,
    TaskCountsOut,
    TaskCreate,
    TaskListArgs,
    TaskMoveIn,
    TaskOut,
    TaskPage,
    TaskUpdate,
)
from app.services import planning
from app.services import tasks as task_service

blp = Blueprint("tasks", __name__, url_prefix="/api/tasks", description="Tasks")

UNAUTHORIZED = failure("Missing or invalid access token")
NOT_FOUND = failure("No such task in your list")
# One budget per user shared by every AI call: they cost money or CPU. A request refused
# for its body (422) reached no planner, so it costs nothing.
ai_limit = limiter.shared_limit(
    ai_rate_limit,
    scope="ai",
    key_func=user_or_ip_key,
    deduct_when=lambda response: response.status_code != 422,
)
ACCEPTED = {"schema": JobAcceptedOut, "description": "async: planning in a background job"}


def _accepted(job_id: str) -> Response:
    status_url = url_for("jobs.JobById", job_id=job_id)
    response = jsonify(JobAcceptedOut().dump({"job_id": job_id, "status_url": status_url}))
    response.status_code = 202
    response.headers["Location"] = status_url
    return response


@blp.route("")
class Tasks(MethodView):
    decorators = [jwt_required()]

    @blp.arguments(TaskListArgs, location="query")
    @blp.response(200, TaskPage)
    @blp.alt_response(400, **failure("cursor was altered, or made for another sort"))
    @blp.alt_response(401, **UNAUTHORIZED)
    @blp.alt_response(404, **failure("project_id is not one of your projects"))
    @blp.doc(**BEARER)
    def get(self, args: dict[str, Any]) -> Any:
        """List your tasks: a view (Inbox, Today, Upcoming, Overdue, Done), filters by
        project, labels, priority and done, search in title and description, sort, paginate
        by page or by cursor (keyset), with a total counted up to 1,000."""
        page, per_page, cursor = args.pop("page"), args.pop("per_page"), args.pop("cursor", None)
        args["labels"] = tuple(args.pop("label", ()))
        args["priorities"] = tuple(args.pop("priority", ()))
        result = task_service.list_tasks(
            owner_id=current_user_id(),
            filters=args,
            page=page,
            per_page=per_page,
            cursor=cursor,
        )
        return task_page_response(result)  # TaskPage, without marshmallow's per-field loop

    @blp.arguments(TaskCreate)
    @blp.response(201, TaskOut)
    @blp.alt_response(401, **UNAUTHORIZED)
    @blp.alt_response(404, **failure("parent_id or project_id is not yours"))
    @blp.alt_response(409, **failure("A subtask stays in its parent's project"))
    @blp.doc(**BEARER)
    def post(self, data: dict[str, Any]) -> Any:
        """Add a task at the end of its project or the Inbox (optionally under a parent
        task of yours, whose project it shares). Unknown label names are created."""
        created = task_service.create_task(owner_id=current_user_id(), fields=data)
        return task_response(created, status=201)


@blp.route(f"/<int(max={MAX_ID}):task_id>")
class TaskById(MethodView):
    decorators = [jwt_required()]

    @blp.response(200, TaskOut)
    @blp.alt_response(401, **UNAUTHORIZED)
    @blp.alt_response(404, **NOT_FOUND)
    @blp.doc(**BEARER)
    def get(self, task_id: int) -> Any:
        """One of your tasks."""
        return task_response(task_service.read_task(owner_id=current_user_id(), task_id=task_id))

    @blp.arguments(TaskUpdate, required=False)
    @blp.response(200, TaskOut)
    @blp.alt_response(401, **UNAUTHORIZED)
    @blp.alt_response(404, **NOT_FOUND)
    @blp.alt_response(409, **failure("A subtask stays in its parent's project"))
    @blp.doc(**BEARER)
    def patch(self, data: dict[str, Any], task_id: int) -> Any:
        """Change any of the task's fields. A new project_id moves the task and its
        subtasks to the end of that project; labels replaces the task's labels."""
        changed = task_service.update_task(
            owner_id=current_user_id(), task_id=task_id, changes=data
        )
        return task_response(changed)

    @blp.response(204)
    @blp.alt_response(401, **UNAUTHORIZED)
    @blp.alt_response(404, **NOT_FOUND)
    @blp.doc(**BEARER)
    def delete(self, task_id: int) -> Response:
        """Delete the task and its subtasks."""
        task_service.delete_task(owner_id=current_user_id(), task_id=task_id)
        return Response(status=204)


@blp.route(f"/<int(max={MAX_ID}):task_id>/toggle", methods=["POST"])
@jwt_required()
@blp.response(200, TaskOut)
@blp.alt_response(401, **UNAUTHORIZED)
@blp.alt_response(404, **NOT_FOUND)
@blp.doc(**BEARER)
def toggle(task_id: int) -> Any:
    """Flip the task between open and done."""
    return task_response(task_service.toggle_task(owner_id=current_user_id(), task_id=task_id))


@blp.route("/counts", methods=["GET"])
@jwt_required()
@blp.response(200, TaskCountsOut)
@blp.alt_response(401, **UNAUTHORIZED)
@blp.doc(**BEARER)
def counts() -> Any:
    """Open tasks in the Inbox, Today, Overdue and Upcoming, per project and per label:
    each number is the total the matching list answers."""
    return task_service.counts(owner_id=current_user_id())


@blp.route(f"/<int(max={MAX_ID}):task_id>/move", methods=["POST"])
@jwt_required()
@blp.arguments(TaskMoveIn, required=False)  # no body: to the end of its list
@blp.response(200, TaskOut)
@blp.alt_response(401, **UNAUTHORIZED)
@blp.alt_response(404, **failure("The task, the anchor or the project is not yours"))
@blp.alt_response(
    409,
    **failure(
        "An anchor is in another list or no longer a neighbour; a subtask leaving its parent"
    ),
)
@blp.doc(**BEARER)
def move(data: dict[str, Any], task_id: int) -> Any:
    """Put the task right before or after another task of the destination list, or at its
    end; ``project_id`` (null: the Inbox) moves it, with its subtasks, to another list."""
    return task_response(
        task_service.move_task(owner_id=current_user_id(), task_id=task_id, **data)
    )


@blp.route("/bulk", methods=["POST"])
@jwt_required()
@blp.arguments(BulkIn)
@blp.response(200, BulkOut)
@blp.alt_response(401, **UNAUTHORIZED)
@blp.alt_response(404, **failure("Some ids (or the project) are not yours: nothing changed"))
@blp.alt_response(409, **failure("move: a subtask follows its parent"))
@blp.doc(**BEARER)
def bulk(data: dict[str, Any]) -> Any:
    """Apply one action to several of your tasks, all or nothing, answering what changed."""
    return task_service.bulk(owner_id=current_user_id(), **data)


@blp.route("/generate", methods=["POST"])
@jwt_required()
@ai_limit
@blp.arguments(GenerateIn)
@blp.response(201, PlanSavedOut)
@blp.alt_response(200, schema=PlanPreviewOut, description="dry_run: proposed, nothing saved")
@blp.alt_response(202, **ACCEPTED)
@blp.alt_response(401, **UNAUTHORIZED)
@blp.alt_response(429, **failure("AI rate limit reached"))
@blp.alt_response(502, **failure("The AI provider failed or answered nonsense"))
@blp.alt_response(504, **failure("The AI provider did not answer in time"))
@blp.doc(**BEARER)
def generate(data: dict[str, Any]) -> Any:
    """Turn a goal into concrete tasks and add them to your list (or preview with dry_run)."""
    if data.pop("run_async", False) and not planning.plans_offline():
        owner_id = current_user_id()
        job = enqueue(generate_plan, visible_to=owner_id, owner_id=owner_id, **data)
        return _accepted(job.id)
    result = planning.generate(owner_id=current_user_id(), **data)
    if result.saved is None:
        return jsonify(PlanPreviewOut().dump(result.plan))
    return {"tasks": result.saved, "provider": result.plan.provider, "model": result.plan.model}


@blp.route(f"/<int(max={MAX_ID}):task_id>/breakdown", methods=["POST"])
@jwt_required()
@ai_limit
@blp.arguments(BreakdownIn, required=False)
@blp.response(201, PlanSavedOut)
@blp.alt_response(202, **ACCEPTED)
@blp.alt_response(401, **UNAUTHORIZED)
@blp.alt_response(404, **NOT_FOUND)
@blp.alt_response(429, **failure("AI rate limit reached"))
@blp.alt_response(502, **failure("The AI provider failed or answered nonsense"))
@blp.alt_response(504, **failure("The AI provider did not answer in time"))
@blp.doc(**BEARER)
def breakdown(data: dict[str, Any], task_id: int) -> Any:
    """Break one of your tasks down into subtasks saved under it."""
    if data.pop("run_async", False) and not planning.plans_offline():
        owner_id = current_user_id()
        task_service.get_task(owner_id=owner_id, task_id=task_id)  # 404 now, not in the job
        job = enqueue(
            breakdown_task, visible_to=owner_id, owner_id=owner_id, task_id=task_id, **data
        )
        return _accepted(job.id)
    result = planning.breakdown(owner_id=current_user_id(), task_id=task_id, **data)
    return {"tasks": result.saved, "provider": result.plan.provider, "model": result.plan.model}
