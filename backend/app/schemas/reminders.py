from __future__ import annotations

from typing import Any

from marshmallow import Schema, ValidationError, fields, validates_schema
from marshmallow.validate import Range

MAX_BEFORE_MINUTES = 40_320  # four weeks


class ReminderIn(Schema):
    """Exactly one of ``remind_at`` (an instant) and ``before_minutes`` (before the due moment)."""

    remind_at = fields.AwareDateTime()
    before_minutes = fields.Integer(validate=Range(min=1, max=MAX_BEFORE_MINUTES))

    @validates_schema
    def _exactly_one(self, data: dict[str, Any], **_kwargs: Any) -> None:
        if ("remind_at" in data) == ("before_minutes" in data):
            raise ValidationError("Give exactly one of remind_at and before_minutes.")


class ReminderOut(Schema):
    id = fields.Integer(required=True)
    remind_at = fields.DateTime(required=True, allow_none=True)
    before_minutes = fields.Integer(required=True, allow_none=True)
    fire_at = fields.DateTime(
        required=True, allow_none=True, metadata={"description": "When it fires next (UTC)"}
    )
    sent = fields.Function(
        lambda r: r.fire_at is not None and r.sent_for == r.fire_at,
        required=True,
        metadata={"type": "boolean", "description": "Already delivered for fire_at"},
    )


class NotificationOut(Schema):
    id = fields.Integer(required=True)
    task_id = fields.Integer(required=True, allow_none=True)
    title = fields.String(required=True)
    body = fields.String(required=True)
    created_at = fields.DateTime(required=True)
    read_at = fields.DateTime(required=True, allow_none=True)


class NotificationList(Schema):
    items = fields.List(fields.Nested(NotificationOut), required=True)
    unread = fields.Integer(required=True)
