from __future__ import annotations

from marshmallow import Schema, fields
from marshmallow.validate import OneOf, Range

from app.domain.quickadd import FIELDS
from app.schemas.fields import Text
from app.schemas.time_fields import LocalTime
from app.schemas.timezones import TimeZone

LANGUAGES = ["en", "pt-BR"]


class QuickIn(Schema):
    text = Text(
        required=True, max_length=500, metadata={"example": "Pay rent tomorrow 9am #home !1"}
    )
    language = fields.String(
        validate=OneOf(LANGUAGES),
        metadata={"description": "Default: the line's own words, then Accept-Language"},
    )
    literal = fields.List(
        fields.String(validate=OneOf(FIELDS)),
        load_default=list,
        metadata={"description": "Kinds to leave as words in the title (a removed chip)"},
    )


class ParseIn(QuickIn):
    now = fields.AwareDateTime(metadata={"description": "Pin the clock (default: the server's)"})
    timezone = TimeZone(metadata={"description": "Default: your time zone"})


class ParsedReminderOut(Schema):
    before_minutes = fields.Integer(required=True, validate=Range(min=1))


class ParseOut(Schema):
    title = fields.String(required=True, metadata={"description": "The words not recognised"})
    language = fields.String(required=True, validate=OneOf(LANGUAGES))
    due_date = fields.Date(required=True, allow_none=True)
    due_time = LocalTime(required=True, allow_none=True)
    due_at = fields.DateTime(
        required=True,
        allow_none=True,
        metadata={"description": "UTC instant of the due date and time"},
    )
    project = fields.String(required=True, allow_none=True)
    labels = fields.List(fields.String(), required=True)
    priority = fields.Integer(required=True, allow_none=True)
    recurrence = fields.String(required=True, allow_none=True)
    recurrence_text = fields.String(
        required=True, allow_none=True, metadata={"description": "The rule in words"}
    )
    reminder = fields.Nested(ParsedReminderOut, required=True, allow_none=True)
