from marshmallow import Schema, ValidationError, fields, validates_schema
from marshmallow.validate import Length, OneOf, Range

from app.repositories.tasks import SORT_COLUMNS
from app.schemas.common import PageMeta, PaginationArgs
from app.schemas.fields import Text

SORT_CHOICES = [key for column in SORT_COLUMNS for key in (column, f"-{column}")]
ESTIMATE_RANGE = Range(min=1, max=100_000)


class TaskOut(Schema):
    id = fields.Integer(required=True)
    title = fields.String(required=True)
    description = fields.String(required=True, allow_none=True)
    done = fields.Boolean(required=True)
    due_date = fields.Date(required=True, allow_none=True)
    estimate_minutes = fields.Integer(required=True, allow_none=True)
    parent_id = fields.Integer(required=True, allow_none=True)
    subtask_count = fields.Integer(required=True)
    subtasks_done = fields.Integer(required=True)
    user_id = fields.Integer(required=True)
    created_at = fields.DateTime(required=True)
    updated_at = fields.DateTime(required=True)


class TaskCreate(Schema):
    title = Text(required=True, validate=Length(min=1, max=160))
    description = Text(allow_none=True, validate=Length(max=2000))
    due_date = fields.Date(allow_none=True)
    done = fields.Boolean(load_default=False)
    estimate_minutes = fields.Integer(allow_none=True, validate=ESTIMATE_RANGE)
    parent_id = fields.Integer(allow_none=True, validate=Range(min=1))


class TaskUpdate(Schema):
    title = Text(validate=Length(min=1, max=160))
    description = Text(allow_none=True, validate=Length(max=2000))
    due_date = fields.Date(allow_none=True)
    done = fields.Boolean()
    estimate_minutes = fields.Integer(allow_none=True, validate=ESTIMATE_RANGE)

    @validates_schema
    def not_empty(self, data: dict[str, object], **_kwargs: object) -> None:
        if not data:
            raise ValidationError("Send at least one field to change.")


class TaskListArgs(PaginationArgs):
    done = fields.Boolean()
    q = Text(validate=Length(min=1, max=200))
    sort = fields.String(load_default="-created_at", validate=OneOf(SORT_CHOICES))
    parent_id = fields.Integer(validate=Range(min=1))
    top_level = fields.Boolean(
        load_default=False, metadata={"description": "Only tasks without a parent"}
    )


class TaskPage(PageMeta):
    items = fields.List(fields.Nested(TaskOut), required=True)
