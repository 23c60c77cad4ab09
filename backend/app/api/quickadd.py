"""Natural-language quick add: see what a line means, or add the task it describes."""

from __future__ import annotations

from typing import Any

from flask import request
from flask_jwt_extended import jwt_required

from app.api.deps import BEARER, current_user_id, failure
from app.core.api import Blueprint
from app.schemas.quickadd import ParseIn, ParseOut, QuickCreateIn
from app.schemas.task_json import task_response
from app.schemas.tasks import TaskOut
from app.services import quick as quick_service

blp = Blueprint(
    "quick-add", __name__, url_prefix="/api/tasks", description="Natural-language quick add"
)

UNAUTHORIZED = failure("Missing or invalid access token")


def accepted_language() -> str:
    """The caller's preferred language among ours (Accept-Language), English by default."""
    best = request.accept_languages.best_match(["en", "pt-BR", "pt"], default="en")
    return "pt-BR" if best.startswith("pt") else "en"


@blp.route("/parse", methods=["POST"])
@jwt_required()
@blp.arguments(ParseIn)
@blp.response(200, ParseOut)
@blp.alt_response(401, **UNAUTHORIZED)
@blp.doc(**BEARER)
def parse(data: dict[str, Any]) -> Any:
    """What a quick-add line means (title, due date and time, project, labels, priority,
    recurrence, reminder), without saving anything."""
    parsed = quick_service.parse_line(
        owner_id=current_user_id(), default_language=accepted_language(), **data
    )
    return quick_service.as_dict(parsed)


@blp.route("/quick", methods=["POST"])
@jwt_required()
@blp.arguments(QuickCreateIn)
@blp.response(201, TaskOut)
@blp.alt_response(401, **UNAUTHORIZED)
@blp.alt_response(404, **failure("No such project in your list"))
@blp.alt_response(422, **failure("Nothing (or too much) left for a title"))
@blp.doc(**BEARER)
def quick_add(data: dict[str, Any]) -> Any:
    """Parse a quick-add line and create the task. A ``#project`` you do not have yet is
    created, as labels are. ``project_id`` and ``due_date`` apply when the line names no
    project or date; ``labels`` join the line's own."""
    created = quick_service.quick_create(
        owner_id=current_user_id(), default_language=accepted_language(), **data
    )
    return task_response(created, status=201)
