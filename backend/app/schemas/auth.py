from marshmallow import Schema, fields
from marshmallow.validate import Length

from app.schemas.fields import Email, Password, Text


class UserOut(Schema):
    id = fields.Integer(dump_only=True, required=True)
    name = fields.String(required=True)
    email = fields.String(required=True)
    is_admin = fields.Boolean(required=True)
    created_at = fields.DateTime(required=True)


class RegisterIn(Schema):
    name = Text(required=True, validate=Length(min=1, max=120))
    email = Email(required=True, validate=Length(max=254))
    password = Password(required=True)


class LoginIn(Schema):
    email = Text(required=True, validate=Length(min=1, max=254))
    password = Text(strip=False, load_only=True, required=True, validate=Length(min=1, max=128))


class TokenOut(Schema):
    access_token = fields.String(required=True)
    refresh_token = fields.String(required=True)
    token_type = fields.String(required=True, metadata={"example": "Bearer"})
    expires_in = fields.Integer(required=True, metadata={"description": "Seconds"})


class MeUpdate(Schema):
    name = Text(validate=Length(min=1, max=120))
    password = Password()
    current_password = Text(strip=False, load_only=True, validate=Length(min=1, max=128))


class PasswordResetIn(Schema):
    email = Text(required=True, validate=Length(min=1, max=254))


class PasswordResetConfirmIn(Schema):
    token = Text(required=True, validate=Length(min=1, max=200))
    password = Password(required=True)
