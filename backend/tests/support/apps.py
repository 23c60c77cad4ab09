"""The configuration of an app under test, and migrating a test database."""

from __future__ import annotations

from typing import Any

from flask_migrate import upgrade

# Cheap argon2 parameters keep hundreds of logins fast; production uses the defaults.
FAST_ARGON2: dict[str, Any] = {
    "ARGON2_TIME_COST": 1,
    "ARGON2_MEMORY_KIB": 1024,
    "ARGON2_PARALLELISM": 1,
}


def app_config(database_url: str, **overrides: Any) -> dict[str, Any]:
    """Settings of an app under test: inline jobs, console mail, no Redis, cheap hashing."""
    return {
        "APP_ENV": "testing",
        "DATABASE_URL": database_url,
        "REDIS_URL": None,
        "SECRET_KEY": "test-secret-key-that-is-long-enough-123",
        "JWT_SECRET_KEY": "test-jwt-secret-key-that-is-long-enough",
        "MAIL_BACKEND": "console",
        # Jobs run synchronously inside the test's transaction; tests/jobs/ run real workers.
        "JOBS_MODE": "inline",
        "FIRST_ADMIN_EMAIL": None,
        "FIRST_ADMIN_PASSWORD": None,
        **FAST_ARGON2,
        **overrides,
    }


def migrate_database(url: str, revision: str = "head") -> None:
    """Apply the committed Alembic migrations to the database at ``url``."""
    from app import create_app
    from app.core.extensions import db

    app = create_app({"APP_ENV": "testing", "DATABASE_URL": url, "REDIS_URL": None, **FAST_ARGON2})
    with app.app_context():
        upgrade(revision=revision)
        db.engine.dispose()
