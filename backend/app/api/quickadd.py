"""Natural-language quick add: see what a line means, or add the task it describes."""

from __future__ import annotations

from typing import Any

from flask import request
from flask_jwt_extended import jwt_required
from flask_smorest import Blueprint

from app.api.deps import BEARER, current_user_id, failure
from app.schemas.quickadd import ParseIn, ParseOut
from app.services import quick

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
    parsed = quick.parse_line(
        owner_id=current_user_id(), default_language=accepted_language(), **data
    )
    return quick.as_dict(parsed)
