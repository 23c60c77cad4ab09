from marshmallow import Schema, fields
from marshmallow.validate import Range


class PaginationArgs(Schema):
    page = fields.Integer(load_default=1, validate=Range(min=1, max=1_000_000))
    per_page = fields.Integer(load_default=20, validate=Range(min=1, max=100))


class PageMeta(Schema):
    total = fields.Integer(required=True)
    page = fields.Integer(required=True)
    per_page = fields.Integer(required=True)
    pages = fields.Integer(required=True)
