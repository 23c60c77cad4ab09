"""The caller's labels. Another user's label answers 404, never 403."""

from __future__ import annotations

from typing import Any

from flask import Response
from flask.views import MethodView
from flask_jwt_extended import jwt_required

from app.api.deps import BEARER, current_user_id, failure
from app.core.api import Blueprint
from app.domain.limits import MAX_ID
from app.schemas.labels import LabelCreate, LabelOut, LabelUpdate
from app.services import labels as label_service

blp = Blueprint("labels", __name__, url_prefix="/api/labels", description="Labels")

UNAUTHORIZED = failure("Missing or invalid access token")
NOT_FOUND = failure("No such label of yours")
NAME_TAKEN = failure("You already have a label with this name")


@blp.route("")
class Labels(MethodView):
    decorators = [jwt_required()]

    @blp.response(200, LabelOut(many=True))
    @blp.alt_response(401, **UNAUTHORIZED)
    @blp.doc(**BEARER)
    def get(self) -> Any:
        """Your labels by name, with how many open tasks carry each."""
        return label_service.list_labels(owner_id=current_user_id())

    @blp.arguments(LabelCreate)
    @blp.response(201, LabelOut)
    @blp.alt_response(401, **UNAUTHORIZED)
    @blp.alt_response(409, **NAME_TAKEN)
    @blp.doc(**BEARER)
    def post(self, data: dict[str, Any]) -> Any:
        """Add a label (a task's ``labels`` also creates unknown ones)."""
        return label_service.create_label(owner_id=current_user_id(), **data)


@blp.route(f"/<int(max={MAX_ID}):label_id>")
class LabelById(MethodView):
    decorators = [jwt_required()]

    @blp.response(200, LabelOut)
    @blp.alt_response(401, **UNAUTHORIZED)
    @blp.alt_response(404, **NOT_FOUND)
    @blp.doc(**BEARER)
    def get(self, label_id: int) -> Any:
        """One of your labels."""
        return label_service.get_label(owner_id=current_user_id(), label_id=label_id)

    @blp.arguments(LabelUpdate, required=False)
    @blp.response(200, LabelOut)
    @blp.alt_response(401, **UNAUTHORIZED)
    @blp.alt_response(404, **NOT_FOUND)
    @blp.alt_response(409, **NAME_TAKEN)
    @blp.doc(**BEARER)
    def patch(self, data: dict[str, Any], label_id: int) -> Any:
        """Rename or recolour the label; its tasks show the new name."""
        return label_service.update_label(owner_id=current_user_id(), label_id=label_id, **data)

    @blp.response(204)
    @blp.alt_response(401, **UNAUTHORIZED)
    @blp.alt_response(404, **NOT_FOUND)
    @blp.doc(**BEARER)
    def delete(self, label_id: int) -> Response:
        """Delete the label and take it off every task."""
        label_service.delete_label(owner_id=current_user_id(), label_id=label_id)
        return Response(status=204)
