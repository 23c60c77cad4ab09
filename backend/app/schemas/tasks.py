from marshmallow import Schema, fields
from marshmallow.validate import OneOf, Range

from app.repositories.tasks import SORT_COLUMNS
from app.schemas.common import PageMeta, PaginationArgs
from app.schemas.fields import MAX_ID, StrictBoolean, Text
from app.schemas.time_fields import LocalTime, RRule, due_at, recurrence_text

SORT_CHOICES = [key for column in SORT_COLUMNS for key in (column, f"-{column}")]
ESTIMATE_RANGE = Range(min=1, max=100_000)


class TaskOut(Schema):
    id = fields.Integer(required=True)
    title = fields.String(required=True)
    description = fields.String(required=True, allow_none=True)
    done = fields.Boolean(required=True)
    due_date = fields.Date(required=True, allow_none=True)
    due_time = LocalTime(required=True, allow_none=True)
    due_at = fields.Function(
        due_at,
        required=True,
        allow_none=True,
        metadata={"type": "string", "format": "date-time", "description": "UTC instant"},
    )
    recurrence = fields.String(required=True, allow_none=True)
    recurrence_text = fields.Function(
        recurrence_text,
        required=True,
        allow_none=True,
        metadata={"type": "string", "description": "The rule in words (Accept-Language)"},
    )
    estimate_minutes = fields.Integer(required=True, allow_none=True)
    parent_id = fields.Integer(required=True, allow_none=True)
    subtask_count = fields.Integer(required=True)
    subtasks_done = fields.Integer(required=True)
    user_id = fields.Integer(required=True)
    created_at = fields.DateTime(required=True)
    updated_at = fields.DateTime(required=True)


class TaskUpdate(Schema):
    title = Text(max_length=160)
    description = Text(allow_none=True, min_length=0, max_length=2000)
    due_date = fields.Date(allow_none=True)
    due_time = LocalTime(allow_none=True, metadata={"description": "Local time in your zone"})
    recurrence = RRule(
        allow_none=True,
        metadata={
            "description": "null stops repeating; without due_date, "
            "the task is due on the rule's first date from today"
        },
    )
    done = StrictBoolean()
    estimate_minutes = fields.Integer(allow_none=True, validate=ESTIMATE_RANGE)


class TaskCreate(TaskUpdate):
    title = Text(required=True, max_length=160)
    done = StrictBoolean(load_default=False)
    parent_id = fields.Integer(allow_none=True, validate=Range(min=1, max=MAX_ID))


class TaskListArgs(PaginationArgs):
    done = fields.Boolean()
    q = Text(max_length=200)
    sort = fields.String(load_default="-created_at", validate=OneOf(SORT_CHOICES))
    parent_id = fields.Integer(validate=Range(min=1, max=MAX_ID))
    top_level = fields.Boolean(
        load_default=False, metadata={"description": "Only tasks without a parent"}
    )


class TaskPage(PageMeta):
    items = fields.List(fields.Nested(TaskOut), required=True)
