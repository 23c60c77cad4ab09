"""Fields whose OpenAPI description says exactly what they accept.

Text is trimmed before it is stored, and lengths count the trimmed text; NUL (which
PostgreSQL cannot store) and unpaired surrogates (which UTF-8 cannot encode) are refused.
Each rule is a regular expression, so the published spec carries it as ``pattern`` and
clients (and schemathesis) know a blank title is invalid before sending it.
"""

from __future__ import annotations

import re
from typing import Any

from marshmallow import ValidationError, fields
from marshmallow.validate import Regexp

from app.core.passwords import PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, password_problem

# Patterns exclude NUL; unpaired surrogates cannot be written in a pattern most validators
# accept (Rust's regex has no surrogates), so only the validator below refuses them.
# "Spaces" are the ASCII ones: regex engines disagree on which Unicode characters \s means
# (Python counts \x1c-\x1f, Rust and JavaScript do not), and the published pattern must
# mean the same thing to every client.
SPACES = " \t\n\x0b\f\r"
_SPACE = r"[ \t\n\x0b\f\r]"
_STORABLE = r"[^\x00]"
_STORABLE_NON_SPACE = r"[^ \t\n\x0b\f\r\x00]"
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _trimmed_pattern(min_length: int, max_length: int) -> str:
    """A pattern matching text whose trimmed length is within the bounds."""
    edge, inner = _STORABLE_NON_SPACE, _STORABLE
    if max_length == 1:
        core = edge
    elif min_length <= 1:
        core = f"{edge}(?:{inner}{{0,{max_length - 2}}}{edge})?"
    else:
        core = f"{edge}{inner}{{{min_length - 2},{max_length - 2}}}{edge}"
    if min_length == 0:
        core = f"(?:{core})?"
    return rf"^{_SPACE}*{core}{_SPACE}*$"


class _ExplainedPattern(Regexp):
    """A pattern check (documented as ``pattern``) that says in words what was wrong."""

    def __init__(self, pattern: str, *, min_length: int, max_length: int, trimmed: bool) -> None:
        super().__init__(pattern)
        self.min_length, self.max_length, self.trimmed = min_length, max_length, trimmed

    def __call__(self, value: str) -> str:
        if _UNSTORABLE.search(value):
            raise ValidationError(
                "Contains characters that cannot be stored (NUL or lone surrogates)."
            )
        length = len(value.strip(SPACES)) if self.trimmed else len(value)
        if not self.min_length <= length <= self.max_length:
            raise ValidationError(
                f"Length must be between {self.min_length} and {self.max_length}"
                + (" (surrounding spaces not counted)." if self.trimmed else ".")
            )
        return super().__call__(value)


class Text(fields.String):
    """Trimmed text of ``min_length..max_length`` characters after trimming."""

    def __init__(self, *, min_length: int = 1, max_length: int, **kwargs: Any) -> None:
        pattern = _trimmed_pattern(min_length, max_length)
        validator = _ExplainedPattern(
            pattern, min_length=min_length, max_length=max_length, trimmed=True
        )
        # Implied by the pattern; stated too, so generators of test data see it at once.
        metadata = {"minLength": min_length, **kwargs.pop("metadata", {})}
        super().__init__(validate=validator, metadata=metadata, **kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        return super()._deserialize(value, attr, data, **kwargs).strip(SPACES)


class Secret(fields.String):
    """A password or token: kept exactly as typed, never dumped."""

    def __init__(self, *, min_length: int, max_length: int, **kwargs: Any) -> None:
        pattern = rf"^{_STORABLE}{{{min_length},{max_length}}}$"
        validator = _ExplainedPattern(
            pattern, min_length=min_length, max_length=max_length, trimmed=False
        )
        super().__init__(validate=validator, load_only=True, **kwargs)


class Password(Secret):
    """A new password: 10..128 characters, not only spaces, not a common password."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_length=PASSWORD_MIN_LENGTH, max_length=PASSWORD_MAX_LENGTH, **kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        password = super()._deserialize(value, attr, data, **kwargs)
        # Lengths are the validator's to explain, as for every other Secret.
        within = PASSWORD_MIN_LENGTH <= len(password) <= PASSWORD_MAX_LENGTH
        problem = password_problem(password) if within else None
        if problem is not None:
            raise ValidationError(problem)
        return password


class Email(fields.Email):
    """An email address, trimmed; compared and stored lower-cased by the services."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            validate=_ExplainedPattern(
                _trimmed_pattern(3, 254), min_length=3, max_length=254, trimmed=True
            ),
            **kwargs,
        )

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        if isinstance(value, str):
            if _UNSTORABLE.search(value):
                raise ValidationError(
                    "Contains characters that cannot be stored (NUL or lone surrogates)."
                )
            value = value.strip(SPACES)
        return super()._deserialize(value, attr, data, **kwargs)


class StrictBoolean(fields.Boolean):
    """JSON ``true``/``false`` only: ``0``, ``1`` or ``"yes"`` in a body are errors."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> bool:
        # Not a set lookup: 0 == False and 1 == True would slip through one.
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value
