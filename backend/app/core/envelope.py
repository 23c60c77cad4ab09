"""The one JSON error envelope every failure is answered with: flask-smorest's
``{"code", "status", "message", "errors"?}``."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from flask import Response, jsonify


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
