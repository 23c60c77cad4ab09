"""String fields that only accept text every supported database can store."""

from __future__ import annotations

import re
from typing import Any

from marshmallow import ValidationError, fields
from marshmallow.validate import Length

# NUL cannot be stored by PostgreSQL; lone surrogates cannot be encoded as UTF-8.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _reject_unstorable(value: str) -> None:
    if _UNSTORABLE.search(value):
        raise ValidationError("Contains characters that cannot be stored (NUL or lone surrogates).")


class Text(fields.String):
    """A string that is stripped (unless ``strip=False``) and checked for storable text."""

    def __init__(self, *args: Any, strip: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.strip = strip

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        _reject_unstorable(text)
        return text.strip() if self.strip else text


class Email(fields.Email):
    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        if isinstance(value, str):
            _reject_unstorable(value)
            value = value.strip()
        return super()._deserialize(value, attr, data, **kwargs)


def Password(**kwargs: Any) -> Text:
    """A password: 8..128 characters, kept exactly as typed, never dumped."""
    return Text(strip=False, load_only=True, validate=Length(min=8, max=128), **kwargs)
