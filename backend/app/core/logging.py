"""JSON logs on stdout: one line per request, with a request id that crosses Nginx."""

from __future__ import annotations

import logging
import re
import sys
import time
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

import orjson
from flask import Flask, Response, g, request
from flask_jwt_extended import get_jwt_identity

REQUEST_ID_HEADER = "X-Request-ID"
# Accept a caller's id only if it is short and plain, so it cannot forge log lines.
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
_RESERVED = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}
# Fields added to every line logged while they are set: a background job sets its job id
# and the request id that enqueued it.
log_context: ContextVar[dict[str, Any]] = ContextVar("log_context", default={})  # noqa: B039


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update({k: v for k, v in log_context.get().items() if v is not None})
        entry.update({k: v for k, v in record.__dict__.items() if k not in _RESERVED})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return orjson.dumps(entry, default=str, option=orjson.OPT_NON_STR_KEYS).decode()


class _StdoutJsonHandler(logging.StreamHandler):  # type: ignore[type-arg]
    def __init__(self) -> None:
        super().__init__(sys.stdout)
        self.setFormatter(JsonFormatter())


def configure_logging(level: str) -> None:
    """Log JSON to stdout; replaces our own handler only, so others (pytest's) survive."""
    # A JSON line shows no record's caller, so the logging module need not walk the stack to
    # find it at every call (its HOWTO's "Optimization" section). Other formats still work:
    # they read "(unknown file)", line 0. Thread and process ids stay: gunicorn's own lines
    # print "%(process)d".
    logging._srcfile = None
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _StdoutJsonHandler)]:
        root.removeHandler(handler)
    root.addHandler(_StdoutJsonHandler())
    root.setLevel(level)
    # Alembic announces every plugin it loads at INFO; keep start-up logs readable.
    logging.getLogger("alembic").setLevel(max(logging.WARNING, root.level))


def _current_user_id() -> str | None:
    try:
        return get_jwt_identity()
    except RuntimeError:  # this request carried no verified token
        return None


def init_request_logging(app: Flask) -> None:
    access_log = logging.getLogger("tarefa.request")

    @app.before_request
    def start_timer() -> None:
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        g.request_id = incoming if _VALID_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        g.request_started = time.perf_counter()

    @app.after_request
    def log_request(response: Response) -> Response:
        response.headers[REQUEST_ID_HEADER] = g.get("request_id", "")
        started = g.get("request_started")
        duration_ms = round((time.perf_counter() - started) * 1000, 2) if started else None
        access_log.info(
            "request",
            extra={
                "method": request.method,
                "route": request.url_rule.rule if request.url_rule else None,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": duration_ms,
                "request_id": g.get("request_id"),
                "user_id": _current_user_id(),
                "remote_addr": request.remote_addr,
            },
        )
        return response
