from marshmallow import Schema, fields

from app.schemas.auth import UserOut
from app.schemas.common import PageMeta
from app.schemas.fields import Email, Password, StrictBoolean, Text


class UserCreate(Schema):
    name = Text(required=True, max_length=120)
    email = Email(required=True)
    password = Password(required=True)
    is_admin = StrictBoolean(load_default=False)


class UserUpdate(Schema):
    name = Text(max_length=120)
    is_admin = StrictBoolean()
    is_active = StrictBoolean(
        metadata={"description": "false deactivates: no login, every session ends"}
    )
    password = Password()


class UserPage(PageMeta):
    items = fields.List(fields.Nested(UserOut), required=True)
