"""flask-smorest's ``Api``, adapted so werkzeug's own errors keep their headers and
always say something, and its ``Blueprint``, building argument schemas once."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from flask_smorest import Api as SmorestApi
from flask_smorest import Blueprint as SmorestBlueprint
from werkzeug.exceptions import HTTPException

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


class Blueprint(SmorestBlueprint):
    """flask-smorest's Blueprint, handing webargs a schema instance built once: given a
    class, webargs builds (and deep-copies the fields of) a new one at every request."""

    def arguments(self, schema: Any, **kwargs: Any) -> Any:
        return super().arguments(schema() if isinstance(schema, type) else schema, **kwargs)
