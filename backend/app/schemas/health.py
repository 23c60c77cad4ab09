from marshmallow import Schema, fields
from marshmallow.validate import OneOf


class LiveOut(Schema):
    status = fields.String(required=True, validate=OneOf(["ok"]))


class ReadyChecks(Schema):
    database = fields.String(required=True, validate=OneOf(["ok", "failing"]))
    redis = fields.String(required=True, validate=OneOf(["ok", "failing", "not configured"]))


class ReadyOut(Schema):
    status = fields.String(required=True, validate=OneOf(["ok", "unavailable"]))
    checks = fields.Nested(ReadyChecks, required=True)
