from marshmallow import Schema, ValidationError, fields, validates_schema
from marshmallow.validate import Length, OneOf, Range

from app.domain.limits import MAX_ID, TITLE_MAX_LENGTH
from app.domain.task_query import SORT_CHOICES, VIEWS
from app.models.task import NO_PRIORITY
from app.schemas.common import PageMeta, PaginationArgs
from app.schemas.fields import StrictBoolean, Text
from app.schemas.labels import LabelName
from app.schemas.projects import MoveIn
from app.schemas.reminders import ReminderIn, ReminderOut
from app.schemas.time_fields import LocalTime, RRule, due_at, recurrence_text

ESTIMATE_RANGE = Range(min=1, max=100_000)
PRIORITY_RANGE = Range(min=1, max=NO_PRIORITY)
MAX_LABELS = 20
BULK_ACTIONS = ["complete", "reopen", "delete", "move", "set_priority", "add_label", "remove_label"]


def _project_id(description: str = "One of your projects; null is the Inbox") -> fields.Integer:
    return fields.Integer(
        allow_none=True, validate=Range(min=1, max=MAX_ID), metadata={"description": description}
    )


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
    reminders = fields.List(fields.Nested(ReminderOut), required=True)
    recurrence_text = fields.Function(
        recurrence_text,
        required=True,
        allow_none=True,
        metadata={"type": "string", "description": "The rule in words (Accept-Language)"},
    )
    estimate_minutes = fields.Integer(required=True, allow_none=True)
    parent_id = fields.Integer(required=True, allow_none=True)
    project_id = fields.Integer(required=True, allow_none=True)
    priority = fields.Integer(required=True, metadata={"description": "1 highest … 4 none"})
    labels = fields.List(fields.String(), required=True, attribute="label_names")
    position = fields.Integer(required=True, metadata={"description": "Manual order"})
    completed_at = fields.DateTime(required=True, allow_none=True)
    subtask_count = fields.Integer(required=True)
    subtasks_done = fields.Integer(required=True)
    user_id = fields.Integer(required=True)
    created_at = fields.DateTime(required=True)
    updated_at = fields.DateTime(required=True)


class TaskUpdate(Schema):
    title = Text(max_length=TITLE_MAX_LENGTH)
    description = Text(allow_none=True, min_length=0, max_length=2000)
    due_date = fields.Date(allow_none=True)
    due_time = LocalTime(allow_none=True, metadata={"description": "Local time in your zone"})
    reminders = fields.List(
        fields.Nested(ReminderIn),
        validate=Length(max=10),
        metadata={"description": "Replaces the task's reminders"},
    )
    recurrence = RRule(
        allow_none=True,
        metadata={
            "description": "null stops repeating; without due_date, "
            "the task is due on the rule's first date from today"
        },
    )
    done = StrictBoolean()
    # strict: 1.5 is refused, not silently stored as 1.
    estimate_minutes = fields.Integer(allow_none=True, strict=True, validate=ESTIMATE_RANGE)
    project_id = _project_id()
    priority = fields.Integer(
        validate=PRIORITY_RANGE, metadata={"description": "1 highest … 4 none"}
    )
    labels = fields.List(
        LabelName(),
        validate=Length(max=MAX_LABELS),
        metadata={"description": "Label names; unknown ones are created. Replaces the list."},
    )


class TaskCreate(TaskUpdate):
    title = Text(required=True, max_length=TITLE_MAX_LENGTH)
    done = StrictBoolean(load_default=False)
    parent_id = fields.Integer(allow_none=True, validate=Range(min=1, max=MAX_ID))
    priority = fields.Integer(
        load_default=NO_PRIORITY,
        validate=PRIORITY_RANGE,
        metadata={"description": "1 highest … 4 none"},
    )


class TaskListArgs(PaginationArgs):
    cursor = fields.String(
        validate=Length(min=1, max=1000),
        metadata={
            "description": "Continue after the previous page: its next_cursor, unchanged "
            "(with the same sort; page is then ignored). Opaque; a forged or altered one is 400."
        },
    )
    done = fields.Boolean()
    q = Text(max_length=200)
    sort = fields.String(load_default="-created_at", validate=OneOf(SORT_CHOICES))
    parent_id = fields.Integer(validate=Range(min=1, max=MAX_ID))
    top_level = fields.Boolean(
        load_default=False, metadata={"description": "Only tasks without a parent"}
    )
    view = fields.String(
        validate=OneOf(VIEWS),
        metadata={
            "description": "inbox: open, no project; today: open, due today or before; "
            "upcoming: open, due in the 7 days after today; overdue: open, due before today; "
            "done: completed. Days are the user's (their timezone)."
        },
    )
    project_id = fields.Integer(validate=Range(min=1, max=MAX_ID))
    label = fields.List(
        LabelName(), metadata={"description": "Repeatable; tasks carrying every one of them"}
    )
    priority = fields.List(
        fields.Integer(validate=PRIORITY_RANGE), metadata={"description": "Repeatable; any of them"}
    )


class TaskPage(PageMeta):
    """A page of tasks. ``total`` counts matching tasks up to 1,000 (or to the end of the
    page after the requested one, if further) without scanning the whole list; beyond, it is that bound
    and ``total_exact`` is false. Scroll with ``next_cursor`` (keyset: no repeats or gaps
    while tasks are added or removed, the same cost on every page)."""

    items = fields.List(fields.Nested(TaskOut), required=True)
    total_exact = fields.Boolean(
        required=True, metadata={"description": "false: there are more than total tasks"}
    )
    next_cursor = fields.String(
        required=True,
        allow_none=True,
        metadata={"description": "Pass as cursor for the next page; null on the last page"},
    )


class TaskCountsOut(Schema):
    inbox = fields.Integer(required=True)
    today = fields.Integer(required=True)
    overdue = fields.Integer(required=True)
    upcoming = fields.Integer(required=True)
    projects = fields.Dict(
        keys=fields.String(),
        values=fields.Integer(),
        required=True,
        metadata={"description": "Open tasks per project id (every project of yours)"},
    )
    labels = fields.Dict(
        keys=fields.String(),
        values=fields.Integer(),
        required=True,
        metadata={"description": "Open tasks per label name (every label of yours)"},
    )


class TaskMoveIn(MoveIn):
    """With before_id and after_id both, they must still be neighbours (else 409: the list
    changed meanwhile); with neither, the task goes to the end of the destination list."""

    project_id = _project_id("Destination; null is the Inbox. Default: the anchor's list")


class BulkIn(Schema):
    ids = fields.List(
        fields.Integer(validate=Range(min=1, max=MAX_ID)),
        required=True,
        validate=Length(min=1, max=500),
    )
    action = fields.String(required=True, validate=OneOf(BULK_ACTIONS))
    project_id = fields.Integer(
        allow_none=True,
        load_default=None,
        validate=Range(min=1, max=MAX_ID),
        metadata={"description": "move: the destination project; null (default) is the Inbox"},
    )
    priority = fields.Integer(
        load_default=NO_PRIORITY,
        validate=PRIORITY_RANGE,
        metadata={"description": "set_priority: 1 highest … 4 none (default)"},
    )
    label = LabelName(metadata={"description": "add_label, remove_label: required by them"})

    @validates_schema
    def _label_for_label_actions(self, data: dict, **_kwargs: object) -> None:
        if data.get("action") in ("add_label", "remove_label") and "label" not in data:
            raise ValidationError(f"Required by the {data['action']} action.", "label")


class BulkOut(Schema):
    action = fields.String(required=True)
    changed_ids = fields.List(
        fields.Integer(),
        required=True,
        metadata={"description": "Tasks the action changed (already in that state: left out)"},
    )
    tasks = fields.List(
        fields.Nested(TaskOut),
        required=True,
        metadata={"description": "Every task named in ids, as it is now (empty after delete)"},
    )
