"""Readiness: do the database and Redis (when configured) answer?"""

from __future__ import annotations

import logging

import redis

from app.core.cache import get_redis
from app.repositories import health as health_repository

log = logging.getLogger("app.api.health")
HEALTHY = ("ok", "not configured")


def dependency_checks() -> dict[str, str]:
    """``ok``, ``failing`` or ``not configured`` for each dependency."""
    return {"database": _database(), "redis": _redis()}


def _database() -> str:
    failure = health_repository.database_failure()
    if failure is None:
        return "ok"
    log.warning("readiness: database check failed: %s", failure)
    return "failing"


def _redis() -> str:
    client = get_redis()
    if client is None:
        return "not configured"
    try:
        client.ping()
        return "ok"
    except redis.RedisError as exc:
        log.warning("readiness: redis check failed: %s", exc.__class__.__name__)
        return "failing"
