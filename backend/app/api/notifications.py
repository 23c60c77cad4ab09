"""In-app notifications (delivered reminders): list, unread count, mark read."""

from __future__ import annotations

from typing import Any

from flask import Response
from flask_jwt_extended import jwt_required

from app.api.deps import BEARER, current_user_id, failure
from app.core.api import Blueprint
from app.domain.limits import MAX_ID
from app.schemas.reminders import NotificationList, NotificationOut
from app.services import notifications

blp = Blueprint(
    "notifications", __name__, url_prefix="/api/notifications", description="Notifications"
)

UNAUTHORIZED = failure("Missing or invalid access token")


@blp.route("", methods=["GET"])
@jwt_required()
@blp.response(200, NotificationList)
@blp.alt_response(401, **UNAUTHORIZED)
@blp.doc(**BEARER)
def list_notifications() -> Any:
    """Your latest 50 notifications, newest first, and how many are unread."""
    return notifications.latest(owner_id=current_user_id())


@blp.route(f"/<int(max={MAX_ID}):notification_id>/read", methods=["POST"])
@jwt_required()
@blp.response(200, NotificationOut)
@blp.alt_response(401, **UNAUTHORIZED)
@blp.alt_response(404, **failure("No such notification of yours"))
@blp.doc(**BEARER)
def mark_read(notification_id: int) -> Any:
    """Mark one notification read."""
    return notifications.mark_read(owner_id=current_user_id(), notification_id=notification_id)


@blp.route("/read-all", methods=["POST"])
@jwt_required()
@blp.response(204)
@blp.alt_response(401, **UNAUTHORIZED)
@blp.doc(**BEARER)
def mark_all_read() -> Response:
    """Mark every notification read."""
    notifications.mark_all_read(owner_id=current_user_id())
    return Response(status=204)
