from __future__ import annotations

import re
from typing import Any

from marshmallow import Schema, ValidationError, fields
from marshmallow.validate import OneOf

from app.models.project import COLORS
from app.schemas.fields import SPACES

LABEL_MAX_LENGTH = 40
_NO_SPACE = rf"[^ \t\n\x0b\f\r\x00]{{1,{LABEL_MAX_LENGTH}}}"
_UNSTORABLE_OR_SPACE = re.compile("[\x00\ud800-\udfff \t\n\x0b\f\r]")


class LabelName(fields.String):
    """1..40 characters without spaces; surrounding spaces are trimmed."""

    def __init__(self, **kwargs: Any) -> None:
        metadata = {
            "pattern": rf"^[ \t\n\x0b\f\r]*{_NO_SPACE}[ \t\n\x0b\f\r]*$",
            "minLength": 1,
            "example": "errands",
            **kwargs.pop("metadata", {}),
        }
        super().__init__(metadata=metadata, **kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs).strip(SPACES)
        if not 1 <= len(text) <= LABEL_MAX_LENGTH:
            raise ValidationError(f"A label has 1 to {LABEL_MAX_LENGTH} characters.")
        if _UNSTORABLE_OR_SPACE.search(text):
            raise ValidationError("A label has no spaces (and no NUL or lone surrogates).")
        return text


Color = OneOf(COLORS)


class LabelOut(Schema):
    id = fields.Integer(required=True)
    name = fields.String(required=True)
    color = fields.String(required=True, metadata={"enum": list(COLORS)})
    open_count = fields.Integer(required=True, metadata={"description": "Open tasks with it"})


class LabelUpdate(Schema):
    name = LabelName()
    color = fields.String(validate=Color)


class LabelCreate(LabelUpdate):
    name = LabelName(required=True)
    color = fields.String(load_default="grey", validate=Color)
