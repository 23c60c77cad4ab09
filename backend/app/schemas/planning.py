from marshmallow import Schema, fields
from marshmallow.validate import OneOf, Range

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
