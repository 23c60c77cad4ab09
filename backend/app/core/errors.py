"""The domain exceptions services raise; each carries the HTTP status it is answered with.

Services raise ``DomainError`` subclasses; views never build error responses themselves
(``error_handlers`` turns them into the envelope of ``envelope``).
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any


class DomainError(Exception):
    status: int = HTTPStatus.BAD_REQUEST

    def __init__(self, message: str, *, errors: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.errors = errors


class BadRequest(DomainError):
    status = HTTPStatus.BAD_REQUEST


class NotFound(DomainError):
    status = HTTPStatus.NOT_FOUND


class Conflict(DomainError):
    status = HTTPStatus.CONFLICT


class AuthError(DomainError):
    status = HTTPStatus.UNAUTHORIZED


class Forbidden(DomainError):
    status = HTTPStatus.FORBIDDEN


class UpstreamError(DomainError):
    """A dependency (the AI provider) failed; status is 502 or 504."""

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message)
        self.status = status
