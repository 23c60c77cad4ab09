"""Liveness and readiness probes for orchestrators and load balancers."""

from __future__ import annotations

import logging
from typing import Any

import redis
from flask import Response, jsonify
from flask_smorest import Blueprint
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.core.cache import get_redis
from app.core.extensions import db
from app.schemas.health import LiveOut, ReadyOut

log = logging.getLogger(__name__)
blp = Blueprint("health", __name__, url_prefix="/health", description="Health probes")


@blp.route("", methods=["GET"])
@blp.response(200, LiveOut)
def live() -> Any:
    """The process is up (touches no dependency)."""
    return {"status": "ok"}


@blp.route("/ready", methods=["GET"])
@blp.response(200, ReadyOut)
@blp.alt_response(503, schema=ReadyOut, description="A dependency is not answering")
def ready() -> Response:
    """The database (and Redis, when configured) answer."""
    checks = {"database": _database_ok(), "redis": _redis_ok()}
    healthy = all(value in ("ok", "not configured") for value in checks.values())
    # Built here rather than by the decorator, which would answer 200 either way.
    response = jsonify(
        ReadyOut().dump({"status": "ok" if healthy else "unavailable", "checks": checks})
    )
    response.status_code = 200 if healthy else 503
    return response


def _database_ok() -> str:
    try:
        db.session.execute(text("SELECT 1"))
        return "ok"
    except SQLAlchemyError as exc:
        db.session.rollback()
        log.warning("readiness: database check failed: %s", exc.__class__.__name__)
        return "failing"


def _redis_ok() -> str:
    client = get_redis()
    if client is None:
        return "not configured"
    try:
        client.ping()
        return "ok"
    except redis.RedisError as exc:
        log.warning("readiness: redis check failed: %s", exc.__class__.__name__)
        return "failing"
