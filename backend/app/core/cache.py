"""The optional Redis connection. Everything that uses it must keep working without it."""

from __future__ import annotations

import logging

import redis
from flask import Flask, current_app

log = logging.getLogger(__name__)
_KEY = "tarefa.redis"


def init_redis(app: Flask) -> None:
    url = app.config.get("REDIS_URL")
    # Short timeouts: a stopped Redis must cost a request milliseconds, not seconds.
    app.extensions[_KEY] = (
        redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5) if url else None
    )


def get_redis() -> redis.Redis | None:
    return current_app.extensions.get(_KEY)
