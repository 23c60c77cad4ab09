"""Liveness and readiness probes for orchestrators and load balancers."""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify

from app.core.api import Blueprint
from app.schemas.health import LiveOut, ReadyOut
from app.services import health

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
    checks = health.dependency_checks()
    healthy = all(value in health.HEALTHY for value in checks.values())
    # Built here rather than by the decorator, which would answer 200 either way.
    response = jsonify(
        ReadyOut().dump({"status": "ok" if healthy else "unavailable", "checks": checks})
    )
    response.status_code = 200 if healthy else 503
    return response
