from marshmallow import Schema, fields
from marshmallow.validate import Length, OneOf, Range

from app.domain.limits import MAX_ID
from app.schemas.fields import StrictBoolean, Text
from app.schemas.tasks import TaskOut

LANGUAGES = ["en", "pt-BR"]
GRANULARITIES = ["coarse", "normal", "fine"]
ASYNC = (
    "Answer 202 {job_id, status_url} at once and plan in a background job; "
    "ignored by the offline planner, which answers at once"
)


class GenerateIn(Schema):
    goal = Text(required=True, min_length=3, max_length=500)
    max_tasks = fields.Integer(load_default=7, validate=Range(min=1, max=15))
    language = fields.String(
        validate=OneOf(LANGUAGES), metadata={"description": "Default: detected from the goal"}
    )
    granularity = fields.String(load_default="normal", validate=OneOf(GRANULARITIES))
    dry_run = StrictBoolean(
        load_default=False, metadata={"description": "Propose tasks without saving them"}
    )
    run_async = StrictBoolean(data_key="async", load_default=False, metadata={"description": ASYNC})


class BreakdownIn(Schema):
    max_tasks = fields.Integer(load_default=5, validate=Range(min=1, max=15))
    language = fields.String(
        validate=OneOf(LANGUAGES), metadata={"description": "Default: detected from the task"}
    )
    granularity = fields.String(load_default="normal", validate=OneOf(GRANULARITIES))
    run_async = StrictBoolean(data_key="async", load_default=False, metadata={"description": ASYNC})


class ProposedTaskOut(Schema):
    title = fields.String(required=True)
    estimate_minutes = fields.Integer(required=True, allow_none=True)


class _PlanMeta(Schema):
    provider = fields.String(
        required=True, metadata={"description": "offline, openai or offline-fallback"}
    )
    model = fields.String(required=True)


class PlanPreviewOut(_PlanMeta):
    tasks = fields.List(fields.Nested(ProposedTaskOut), required=True)


class PlanSavedOut(_PlanMeta):
    tasks = fields.List(fields.Nested(TaskOut), required=True)


class PlanTodayIn(Schema):
    available_minutes = fields.Integer(
        required=True,
        validate=Range(min=1, max=1440),
        metadata={"description": "Minutes free today for tasks (1..1440)"},
    )
    language = fields.String(
        validate=OneOf(LANGUAGES),
        metadata={"description": "Language of the explanations. Default: detected from the tasks"},
    )


class PlanTodayItemOut(Schema):
    task = fields.Nested(TaskOut, required=True)
    minutes = fields.Integer(required=True, metadata={"description": "Minutes counted for it"})
    estimated = fields.Boolean(
        required=True, metadata={"description": "True when the planner estimated the minutes"}
    )
    reason = fields.String(required=True, metadata={"description": "Why it is in the plan"})


class PlanTodayOut(Schema):
    date = fields.Date(required=True, metadata={"description": "Today, in the user's time zone"})
    available_minutes = fields.Integer(required=True)
    planned_minutes = fields.Integer(required=True)
    left_out = fields.Integer(
        required=True, metadata={"description": "Open tasks that did not fit"}
    )
    tasks = fields.List(fields.Nested(PlanTodayItemOut), required=True, attribute="items")


class PlanAcceptIn(Schema):
    task_ids = fields.List(
        fields.Integer(validate=Range(min=1, max=MAX_ID)),
        required=True,
        validate=Length(min=1, max=100),
        metadata={"description": "The proposed tasks kept; they get today's date"},
    )


class PlanAcceptOut(Schema):
    date = fields.Date(required=True)
    tasks = fields.List(fields.Nested(TaskOut), required=True)
