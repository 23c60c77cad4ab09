"""The caller's projects. Another user's project answers 404, never 403."""

from __future__ import annotations

from typing import Any

from flask import Response
from flask.views import MethodView
from flask_jwt_extended import jwt_required

from app.api.deps import BEARER, current_user_id, failure
from app.core.api import Blueprint
from app.domain.limits import MAX_ID
from app.schemas.projects import (
    MoveIn,
    ProjectCreate,
    ProjectDeleteArgs,
    ProjectListArgs,
    ProjectOut,
    ProjectUpdate,
)
from app.services import projects as project_service

blp = Blueprint("projects", __name__, url_prefix="/api/projects", description="Projects")

UNAUTHORIZED = failure("Missing or invalid access token")
NOT_FOUND = failure("No such project of yours")
NAME_TAKEN = failure("You already have a project with this name")


@blp.route("")
class Projects(MethodView):
    decorators = [jwt_required()]

    @blp.arguments(ProjectListArgs, location="query")
    @blp.response(200, ProjectOut(many=True))
    @blp.alt_response(401, **UNAUTHORIZED)
    @blp.doc(**BEARER)
    def get(self, args: dict[str, Any]) -> Any:
        """Your projects in your order (archived ones with ``archived=true``)."""
        return project_service.list_projects(owner_id=current_user_id(), **args)

    @blp.arguments(ProjectCreate)
    @blp.response(201, ProjectOut)
    @blp.alt_response(401, **UNAUTHORIZED)
    @blp.alt_response(409, **NAME_TAKEN)
    @blp.doc(**BEARER)
    def post(self, data: dict[str, Any]) -> Any:
        """Add a project at the end of your list."""
        return project_service.create_project(owner_id=current_user_id(), **data)


@blp.route(f"/<int(max={MAX_ID}):project_id>")
class ProjectById(MethodView):
    decorators = [jwt_required()]

    @blp.response(200, ProjectOut)
    @blp.alt_response(401, **UNAUTHORIZED)
    @blp.alt_response(404, **NOT_FOUND)
    @blp.doc(**BEARER)
    def get(self, project_id: int) -> Any:
        """One of your projects, with its open and done task counts."""
        return project_service.get_project(owner_id=current_user_id(), project_id=project_id)

    @blp.arguments(ProjectUpdate, required=False)
    @blp.response(200, ProjectOut)
    @blp.alt_response(401, **UNAUTHORIZED)
    @blp.alt_response(404, **NOT_FOUND)
    @blp.alt_response(409, **NAME_TAKEN)
    @blp.doc(**BEARER)
    def patch(self, data: dict[str, Any], project_id: int) -> Any:
        """Rename, recolour, archive or restore the project."""
        return project_service.update_project(
            owner_id=current_user_id(), project_id=project_id, **data
        )

    @blp.arguments(ProjectDeleteArgs, location="query")
    @blp.response(204)
    @blp.alt_response(401, **UNAUTHORIZED)
    @blp.alt_response(404, **NOT_FOUND)
    @blp.doc(**BEARER)
    def delete(self, args: dict[str, Any], project_id: int) -> Response:
        """Delete the project; its tasks move to the Inbox (default) or are deleted."""
        project_service.delete_project(owner_id=current_user_id(), project_id=project_id, **args)
        return Response(status=204)


@blp.route(f"/<int(max={MAX_ID}):project_id>/move", methods=["POST"])
@jwt_required()
@blp.arguments(MoveIn, required=False)  # no body: to the end
@blp.response(200, ProjectOut)
@blp.alt_response(401, **UNAUTHORIZED)
@blp.alt_response(404, **NOT_FOUND)
@blp.alt_response(409, **failure("before_id and after_id are no longer neighbours"))
@blp.doc(**BEARER)
def move(data: dict[str, Any], project_id: int) -> Any:
    """Put the project right before or after another of your projects."""
    return project_service.move_project(owner_id=current_user_id(), project_id=project_id, **data)
