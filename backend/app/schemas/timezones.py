"""An IANA time zone name, checked against the zone database (the ``tzdata`` package
ships it where the system has none, as in slim container images)."""

from __future__ import annotations

from functools import cache
from typing import Any
from zoneinfo import available_timezones

from marshmallow import ValidationError, fields


@cache
def _known_zones() -> frozenset[str]:
    return frozenset(available_timezones())


class TimeZone(fields.String):
    """``America/Sao_Paulo``, ``Asia/Tokyo``, ``UTC``…: any IANA time zone name."""

    def __init__(self, **kwargs: Any) -> None:
        metadata = {
            "format": "iana-time-zone",
            "example": "America/Sao_Paulo",
            "maxLength": 64,
            **kwargs.pop("metadata", {}),
        }
        super().__init__(validate=self._check, metadata=metadata, **kwargs)

    @staticmethod
    def _check(value: str) -> None:
        if value not in _known_zones():
            raise ValidationError("Not a known IANA time zone (for example America/Sao_Paulo).")
