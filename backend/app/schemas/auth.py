from marshmallow import Schema, fields

from app.schemas.fields import Email, Password, Secret, Text
from app.schemas.timezones import TimeZone


class UserOut(Schema):
    id = fields.Integer(dump_only=True, required=True)
    name = fields.String(required=True)
    email = fields.String(required=True)
    is_admin = fields.Boolean(required=True)
    created_at = fields.DateTime(required=True)
    timezone = fields.String(required=True, metadata={"description": "IANA time zone"})


class RegisterIn(Schema):
    name = Text(required=True, max_length=120)
    email = Email(required=True)
    password = Password(required=True)
    timezone = TimeZone(metadata={"description": "Default: UTC (send the browser's)"})


class LoginIn(Schema):
    email = Text(required=True, max_length=254)
    password = Secret(required=True, min_length=1, max_length=128)


class TokenOut(Schema):
    access_token = fields.String(required=True)
    refresh_token = fields.String(required=True)
    token_type = fields.String(required=True, metadata={"example": "Bearer"})
    expires_in = fields.Integer(required=True, metadata={"description": "Seconds"})


class MeUpdate(Schema):
    name = Text(max_length=120)
    password = Password()
    current_password = Secret(min_length=1, max_length=128)
    timezone = TimeZone(metadata={"description": "Where your days begin and end"})


class PasswordResetIn(Schema):
    email = Text(required=True, max_length=254)


class PasswordResetConfirmIn(Schema):
    token = Secret(required=True, min_length=1, max_length=200)
    password = Password(required=True)
