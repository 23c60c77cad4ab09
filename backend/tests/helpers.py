"""Small helpers shared by test modules and fixtures."""

from __future__ import annotations

from typing import Any

from flask_migrate import upgrade

# Cheap argon2 parameters keep hundreds of logins fast; production uses the defaults.
FAST_ARGON2: dict[str, Any] = {
    "ARGON2_TIME_COST": 1,
    "ARGON2_MEMORY_KIB": 1024,
    "ARGON2_PARALLELISM": 1,
}


def migrate_database(url: str, revision: str = "head") -> None:
    """Apply the committed Alembic migrations to the database at ``url``."""
    from app import create_app

    app = create_app({"APP_ENV": "testing", "DATABASE_URL": url, "REDIS_URL": None, **FAST_ARGON2})
    with app.app_context():
        upgrade(revision=revision)
        from app.core.extensions import db

        db.engine.dispose()
