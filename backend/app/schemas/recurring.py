from marshmallow import Schema, fields
from marshmallow.validate import OneOf

from app.schemas.time_fields import LocalTime


class OccurrenceOut(Schema):
    due_date = fields.Date(required=True)
    due_time = LocalTime(required=True, allow_none=True)
    outcome = fields.String(required=True, validate=OneOf(["done", "skipped"]))
    recorded_at = fields.DateTime(required=True)
