"""Domain exceptions and the one JSON error envelope every failure is answered with.

Services raise ``DomainError`` subclasses; views never build error responses themselves.
The envelope is flask-smorest's: ``{"code", "status", "message", "errors"?}``.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from flask import Flask, Response, jsonify
from flask_smorest import Api as SmorestApi
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from werkzeug.exceptions import HTTPException

from app.core.extensions import db

log = logging.getLogger(__name__)


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


def error_response(status: int, message: str, errors: dict[str, Any] | None = None) -> Response:
    payload: dict[str, Any] = {
        "code": status,
        "status": HTTPStatus(status).phrase,
        "message": message,
    }
    if errors:
        payload["errors"] = errors
    response = jsonify(payload)
    response.status_code = status
    return response


_FRIENDLY_MESSAGES = {
    HTTPStatus.BAD_REQUEST: "The request could not be understood (malformed JSON or parameters).",
    HTTPStatus.UNPROCESSABLE_ENTITY: "Validation failed; see errors for each field.",
    HTTPStatus.REQUEST_ENTITY_TOO_LARGE: "The request body is larger than the 1 MiB limit.",
}


class Api(SmorestApi):
    """flask-smorest's Api, keeping werkzeug's own headers (``Allow`` on 405, ...) and
    always filling ``message``."""

    def handle_http_exception(self, error: HTTPException) -> tuple[dict[str, Any], int, Any]:
        payload, status, headers = super().handle_http_exception(error)
        payload.setdefault("message", _FRIENDLY_MESSAGES.get(status, error.description))
        if status == HTTPStatus.TOO_MANY_REQUESTS:
            payload["message"] = f"Too many requests (limit: {error.description}); retry later."
        merged = [(k, v) for k, v in error.get_headers() if k.lower() != "content-type"]
        merged.extend(dict(headers or {}).items())
        return payload, status, merged


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(DomainError)
    def handle_domain_error(error: DomainError) -> Response:
        db.session.rollback()
        return error_response(error.status, error.message, error.errors)

    @app.errorhandler(OperationalError)
    def handle_database_unavailable(error: OperationalError) -> Response:
        # Rolling back also returns the broken connection to the pool, which discards it
        # (a disconnect invalidates every older connection): the next request opens a new one.
        db.session.rollback()
        log.warning("database unavailable: %s", error.orig.__class__.__name__)
        response = error_response(503, "The database is unavailable; try again shortly.")
        response.headers["Retry-After"] = "5"
        return response

    @app.errorhandler(DataError)
    def handle_out_of_range(error: DataError) -> Response:
        # A value the schemas let through but the column cannot hold (a safety net).
        db.session.rollback()
        log.warning("database refused a value: %s", error.orig.__class__.__name__)
        return error_response(422, "A value is out of range for this field.")

    @app.errorhandler(IntegrityError)
    def handle_conflict(error: IntegrityError) -> Response:
        # Two requests racing for the same unique value, or a row deleted meanwhile.
        db.session.rollback()
        log.warning("integrity error: %s", error.orig.__class__.__name__)
        return error_response(
            409, "The request conflicts with the current state; reload and retry."
        )

    @app.errorhandler(Exception)
    def handle_unexpected(error: Exception) -> Response:
        db.session.rollback()
        log.exception("unhandled error")
        return error_response(500, "Internal server error.")
