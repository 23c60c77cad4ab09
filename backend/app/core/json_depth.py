"""Refuse JSON bodies nested deeper than any request of this API needs.

Python's JSON parser recurses once per level: a body of a few hundred thousand ``[``
exhausts the stack (``RecursionError``, a 500) in whichever code parses it first. The
check runs before any parser sees the body and answers 400 in the error envelope.
"""

from __future__ import annotations

import re

from flask import Flask, Response, request

from app.core.envelope import error_response

MAX_JSON_DEPTH = 32
# A JSON string (skipped whole, so brackets inside text do not count) or a bracket.
_STRING_OR_BRACKET = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


def json_too_deep(body: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when arrays and objects in ``body`` nest more than ``limit`` levels."""
    if body.count(b"[") + body.count(b"{") <= limit:
        return False  # cannot be deeper than its number of openings
    depth = 0
    for match in _STRING_OR_BRACKET.finditer(body):
        token = match.group()
        if token in (b"[", b"{"):
            depth += 1
            if depth > limit:
                return True
        elif token in (b"]", b"}"):
            depth -= 1
    return False


def _refuse_deep_json() -> Response | None:
    if not request.is_json:
        return None
    if json_too_deep(request.get_data(cache=True)):
        return error_response(400, f"JSON nested deeper than {MAX_JSON_DEPTH} levels.")
    return None


def init_json_depth_limit(app: Flask) -> None:
    app.before_request(_refuse_deep_json)
