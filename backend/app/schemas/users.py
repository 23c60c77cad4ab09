from marshmallow import Schema, fields
from marshmallow.validate import Length

from app.schemas.auth import UserOut
from app.schemas.common import PageMeta
from app.schemas.fields import Email, Password, Text


class UserCreate(Schema):
    name = Text(required=True, validate=Length(min=1, max=120))
    email = Email(required=True, validate=Length(max=254))
    password = Password(required=True)
    is_admin = fields.Boolean(load_default=False)


class UserUpdate(Schema):
    name = Text(validate=Length(min=1, max=120))
    is_admin = fields.Boolean()
    password = Password()


class UserPage(PageMeta):
    items = fields.List(fields.Nested(UserOut), required=True)
