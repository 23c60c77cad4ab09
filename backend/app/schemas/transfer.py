"""The export document and the import report. One schema dumps and loads the JSON export,
so an export imported again reads back exactly."""

from __future__ import annotations

from flask_smorest.fields import Upload
from marshmallow import Schema, fields
from marshmallow.validate import Equal, Length, OneOf, Range

from app.domain.limits import TITLE_MAX_LENGTH
from app.models.project import COLORS
from app.schemas.fields import StrictBoolean, Text
from app.schemas.labels import LabelName
from app.schemas.reminders import MAX_BEFORE_MINUTES
from app.schemas.time_fields import LocalTime, RRule

EXPORT_FORMAT = "tarefa-export"
EXPORT_VERSION = 1
MAX_LABELS = 20
POSITION = Range(min=-(2**62), max=2**62)


class ExportProject(Schema):
    name = Text(required=True, max_length=80)
    color = fields.String(required=True, validate=OneOf(COLORS))
    position = fields.Integer(required=True, validate=POSITION)
    archived = StrictBoolean(required=True)
    created_at = fields.AwareDateTime(required=True)


class ExportLabel(Schema):
    name = LabelName(required=True)
    color = fields.String(required=True, validate=OneOf(COLORS))
    created_at = fields.AwareDateTime(required=True)


class ExportOccurrence(Schema):
    due_date = fields.Date(required=True)
    due_time = LocalTime(required=True, allow_none=True)
    outcome = fields.String(required=True, validate=OneOf(["done", "skipped"]))
    recorded_at = fields.AwareDateTime(required=True)


class ExportReminder(Schema):
    remind_at = fields.AwareDateTime(required=True, allow_none=True)
    before_minutes = fields.Integer(
        required=True, allow_none=True, validate=Range(min=1, max=MAX_BEFORE_MINUTES)
    )


class ExportTask(Schema):
    title = Text(required=True, max_length=TITLE_MAX_LENGTH)
    description = Text(required=True, allow_none=True, min_length=0, max_length=2000)
    done = StrictBoolean(required=True)
    due_date = fields.Date(required=True, allow_none=True)
    due_time = LocalTime(required=True, allow_none=True)
    recurrence = RRule(required=True, allow_none=True)
    recurrence_start = fields.Date(required=True, allow_none=True)
    estimate_minutes = fields.Integer(
        required=True, allow_none=True, validate=Range(min=1, max=100_000)
    )
    priority = fields.Integer(required=True, validate=Range(min=1, max=4))
    position = fields.Integer(required=True, validate=POSITION)
    completed_at = fields.AwareDateTime(required=True, allow_none=True)
    created_at = fields.AwareDateTime(required=True)
    updated_at = fields.AwareDateTime(required=True)
    project = fields.String(
        required=True, allow_none=True, metadata={"description": "A project's name, or null"}
    )
    labels = fields.List(LabelName(), required=True, validate=Length(max=MAX_LABELS))
    occurrences = fields.List(fields.Nested(ExportOccurrence), required=True)
    reminders = fields.List(fields.Nested(ExportReminder), load_default=list)
    subtasks = fields.List(fields.Nested(lambda: ExportTask()), required=True)


class ExportDocument(Schema):
    format = fields.String(required=True, validate=Equal(EXPORT_FORMAT))
    version = fields.Integer(required=True, validate=Equal(EXPORT_VERSION))
    exported_at = fields.AwareDateTime(required=True)
    projects = fields.List(fields.Nested(ExportProject), required=True)
    labels = fields.List(fields.Nested(ExportLabel), required=True)
    tasks = fields.List(fields.Nested(ExportTask), required=True)


class ExportArgs(Schema):
    format = fields.String(load_default="json", validate=OneOf(["json", "csv"]))


class ImportArgs(Schema):
    dry_run = fields.Boolean(
        load_default=False, metadata={"description": "Report what would happen; save nothing"}
    )


class ImportFile(Schema):
    file = Upload(
        required=True,
        metadata={"description": "A JSON export of Tarefa, or a CSV with the documented header"},
    )


class ImportCounts(Schema):
    projects = fields.Integer(required=True)
    labels = fields.Integer(required=True)
    tasks = fields.Integer(required=True)


class ImportReport(Schema):
    dry_run = fields.Boolean(required=True)
    format = fields.String(required=True, validate=OneOf(["json", "csv"]))
    created = fields.Nested(
        ImportCounts, required=True, metadata={"description": "Created (or, dry run, would be)"}
    )
    rejected = fields.Dict(
        keys=fields.String(),
        values=fields.Dict(),
        required=True,
        metadata={"description": "Per row (CSV line number) or JSON path: field → reasons"},
    )
