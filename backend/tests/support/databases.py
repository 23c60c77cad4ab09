"""The PostgreSQL server and Redis the tests run against, and scratch databases on it.

``TEST_DATABASE_URL`` points at the server (any database name in it is ignored for
scratch databases), ``TEST_REDIS_URL`` at a Redis database; an unreachable service fails
the test with a message saying what to start, nothing is skipped.
"""

from __future__ import annotations

import os
import uuid

import psycopg
import pytest
import redis
from psycopg import sql
from sqlalchemy import make_url

DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/11")
# The server alone (no database), as scripts/stack.sh and the backup scripts take it.
PG_SERVER_URL = (
    make_url(DATABASE_URL)
    .set(drivername="postgresql")
    ._replace(database=None)
    .render_as_string(hide_password=False)
)


def database_name(url: str) -> str:
    return str(make_url(url).database)


def database_url(name: str, server_url: str = PG_SERVER_URL) -> str:
    """The URL of database ``name`` on a server (the test server by default)."""
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def _admin_dsn(server_url: str = PG_SERVER_URL) -> str:
    return (
        make_url(server_url)
        .set(drivername="postgresql", database="postgres")
        .render_as_string(hide_password=False)
    )


def admin_connection(server_url: str = PG_SERVER_URL) -> psycopg.Connection:
    """An autocommit connection to the server's ``postgres`` database."""
    try:
        return psycopg.connect(_admin_dsn(server_url), autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        pytest.fail(
            f"PostgreSQL is not reachable at {server_url} ({exc}). Start it "
            "(`pg_ctlcluster --skip-systemctl-redirect <version> main start`) "
            "or set TEST_DATABASE_URL.",
            pytrace=False,
        )


def create_database(
    prefix: str = "tarefa_test", *, unique: bool = True, server_url: str = PG_SERVER_URL
) -> str:
    """Create an empty database named ``<prefix>_<random>`` (``unique=False``: ``prefix``
    itself) on a server (the test server by default) and return its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}" if unique else prefix
    with admin_connection(server_url) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return database_url(name, server_url)


def drop_database(database: str) -> None:
    """Drop a database, given by its URL (on that URL's server) or its name on the test
    server; gone is fine."""
    if "://" in database:
        name, server_url = database_name(database), database
    else:
        name, server_url = database, PG_SERVER_URL
    with admin_connection(server_url) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def require_redis(url: str = REDIS_URL) -> str:
    """``url``, once a Redis answers there."""
    client = redis.Redis.from_url(url, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError as exc:
        pytest.fail(
            f"Redis is not reachable at {url} ({exc}). Start it (`redis-server --daemonize yes "
            '--bind 127.0.0.1 --port 6379 --save ""`) or set TEST_REDIS_URL.',
            pytrace=False,
        )
    finally:
        client.close()
    return url
