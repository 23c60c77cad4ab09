"""flask-smorest's ``Api``, adapted so werkzeug's own errors keep their headers and
always say something, and its ``Blueprint``, building argument schemas once and parsing
each query string once."""

from __future__ import annotations

import copy
import threading
from http import HTTPStatus
from typing import Any

from cachetools import LRUCache
from flask import request
from flask_smorest import Api as SmorestApi
from flask_smorest import Blueprint as SmorestBlueprint
from marshmallow import Schema
from webargs.flaskparser import FlaskParser
from werkzeug.exceptions import HTTPException

# Query strings whose parsed arguments are kept, per parser: a few KiB each at most (the
# longest parameter, a cursor, is capped at 1,000 characters).
_PARSED_QUERIES_MAX = 512

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


class QueryParsingOnceParser(FlaskParser):
    """webargs' Flask parser, remembering what each query string parsed to.

    The list parses a dozen parameters from one of the few query strings a client repeats,
    through marshmallow's loop over every field of the schema: 4% of a list request's CPU.
    What a query string parses to depends on it and on the schema alone, so the last ones
    are kept and each request gets its own deep copy. Bodies, and query strings that fail
    validation, are parsed every time.
    """

    def __init__(self) -> None:
        super().__init__()
        self._parsed: LRUCache[tuple[Any, ...], Any] = LRUCache(_PARSED_QUERIES_MAX)
        self._lock = threading.Lock()

    def parse(
        self, argmap: Any, req: Any = None, *, location: str | None = None, **kwargs: Any
    ) -> Any:
        repeatable = location == "query" and req is None and kwargs.get("validate") is None
        if not repeatable or not isinstance(argmap, Schema):
            return super().parse(argmap, req, location=location, **kwargs)
        # The error status and headers only shape a failure, which is never kept.
        key = (argmap, kwargs.get("unknown"), request.query_string)
        with self._lock:
            parsed = self._parsed.get(key)
        if parsed is None:
            parsed = super().parse(argmap, location=location, **kwargs)
            with self._lock:
                self._parsed[key] = parsed
        return copy.deepcopy(parsed)


class Blueprint(SmorestBlueprint):
    """flask-smorest's Blueprint, handing webargs a schema instance built once (given a
    class, webargs builds and deep-copies the fields of a new one at every request), and
    parsing each query string once."""

    ARGUMENTS_PARSER = QueryParsingOnceParser()

    def arguments(self, schema: Any, **kwargs: Any) -> Any:
        return super().arguments(schema() if isinstance(schema, type) else schema, **kwargs)
