from marshmallow import Schema, fields


class CalendarFeedOut(Schema):
    url = fields.String(required=True, metadata={"description": "The secret .ics address"})
    token = fields.String(required=True)
    created_at = fields.DateTime(required=True)
