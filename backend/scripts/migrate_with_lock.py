"""Wait for the database, then apply the committed migrations exactly once.

Run by ``entrypoint.sh`` before gunicorn starts. On PostgreSQL the upgrade runs while
this process holds a session-level advisory lock, so replicas that start together
take turns: the first one migrates, the others find nothing left to do. It never
generates migrations; it only applies what is committed in ``migrations/``.

Usage: ``python scripts/migrate_with_lock.py [--wait-timeout SECONDS]``
"""

import argparse
import sys
import time
import zlib
from pathlib import Path

from flask import Flask
from flask_migrate import upgrade
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import create_app

# A fixed 32-bit key, stable across releases, that no other feature uses.
MIGRATION_LOCK_KEY = zlib.crc32(b"tarefa:migrations")


def wait_for_database(engine: Engine, timeout: float) -> None:
    """Retry ``SELECT 1`` until it succeeds or ``timeout`` seconds have passed."""
    deadline = time.monotonic() + timeout
    delay = 0.5
    while True:
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return
        except OperationalError as exc:
            if time.monotonic() + delay > deadline:
                raise SystemExit(
                    f"database not reachable after {timeout:g}s: {exc.orig or exc}"
                ) from exc
            print(f"waiting for the database ({exc.orig or exc})".strip(), file=sys.stderr)
            time.sleep(delay)
            delay = min(delay * 2, 5.0)


def upgrade_with_lock(app: Flask, engine: Engine) -> None:
    """Apply migrations, holding a PostgreSQL advisory lock when on PostgreSQL."""
    if engine.dialect.name != "postgresql":
        upgrade()
        return
    with engine.connect() as lock_connection:
        print(f"acquiring migration lock {MIGRATION_LOCK_KEY}", file=sys.stderr)
        lock_connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        try:
            upgrade()
        finally:
            lock_connection.execute(
                text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY}
            )
            lock_connection.commit()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--wait-timeout",
        type=float,
        default=60.0,
        help="seconds to wait for the database before giving up (default: 60)",
    )
    args = parser.parse_args(argv)

    app = create_app()
    with app.app_context():
        engine = app.extensions["sqlalchemy"].engine
        wait_for_database(engine, args.wait_timeout)
        upgrade_with_lock(app, engine)
    print("migrations applied", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
