from __future__ import annotations

from marshmallow import Schema, fields
from marshmallow.validate import Length, OneOf, Range

from app.domain.limits import MAX_ID
from app.domain.quickadd import FIELDS
from app.schemas.fields import Text
from app.schemas.labels import LabelName
from app.schemas.tasks import MAX_LABELS, PRIORITY_RANGE
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


class QuickCreateIn(QuickIn):
    """A quick-add line, plus what the view it is typed in (or the form's details) gives a
    task when the line does not say it."""

    description = Text(allow_none=True, min_length=0, max_length=2000)
    priority = fields.Integer(
        validate=PRIORITY_RANGE, metadata={"description": "When the line names none"}
    )

    project_id = fields.Integer(
        validate=Range(min=1, max=MAX_ID),
        metadata={"description": "Project when the line names none (the project's own view)"},
    )
    due_date = fields.Date(metadata={"description": "Due date when the line names none (Today)"})
    labels = fields.List(
        LabelName(),
        load_default=list,
        validate=Length(max=MAX_LABELS),
        metadata={"description": "Labels added to the line's own (a label's view)"},
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
