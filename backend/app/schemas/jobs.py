from marshmallow import Schema, fields
from marshmallow.validate import OneOf

JOB_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"]


class JobErrorOut(Schema):
    status = fields.Integer(
        required=True, metadata={"description": "The HTTP status the synchronous call would give"}
    )
    message = fields.String(required=True)


class JobOut(Schema):
    id = fields.String(required=True)
    kind = fields.String(
        required=True, metadata={"description": "generate_plan, breakdown_task, deliver_mail, …"}
    )
    status = fields.String(required=True, validate=OneOf(JOB_STATUSES))
    result = fields.Dict(
        metadata={"description": "When succeeded: what the synchronous endpoint answers"}
    )
    error = fields.Nested(JobErrorOut, metadata={"description": "When failed"})
    created_at = fields.DateTime(required=True)
    finished_at = fields.DateTime(required=True, allow_none=True)


class JobAcceptedOut(Schema):
    job_id = fields.String(required=True)
    status_url = fields.String(required=True, metadata={"description": "GET it for the status"})


class AdminJobOut(JobOut):
    queue = fields.String(required=True)
    owner_id = fields.Integer(required=True, allow_none=True)
    request_id = fields.String(required=True, allow_none=True)
    attempts = fields.Integer(required=True)
    failure = fields.String(
        required=True, allow_none=True, metadata={"description": "Last line of the exception"}
    )


class AdminJobListArgs(Schema):
    status = fields.String(
        load_default="failed", validate=OneOf(["failed", "queued", "running", "scheduled"])
    )


class AdminJobList(Schema):
    items = fields.List(fields.Nested(AdminJobOut), required=True)
