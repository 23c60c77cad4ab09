"""The ceiling for GET /api/tasks: the same page query with nothing else around it.

A minimal Flask app that runs one ``SELECT ... WHERE user_id = :id ORDER BY created_at DESC,
id DESC LIMIT 20`` through SQLAlchemy, with the backend's own engine options, and returns the rows
as JSON. No authentication, no schemas, no middleware: whatever the real endpoint costs on top of
this is the framework and application overhead the benchmark measures.

Run it under the backend's gunicorn configuration, from the bench/ directory:

    DATABASE_URL=... CEILING_USER_ID=1 GUNICORN_BIND=127.0.0.1:PORT \\
        ../backend/.venv/bin/gunicorn -c ../backend/gunicorn.conf.py ceiling_app:app
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from flask import Flask, jsonify
from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    select,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "backend"))
from app.core.config import Settings  # the backend is not an installed package

settings = Settings.load()
engine = create_engine(
    settings.database_url, **settings.to_flask_config()["SQLALCHEMY_ENGINE_OPTIONS"]
)
tasks = Table(
    "tasks",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer),
    Column("parent_id", Integer),
    Column("title", String),
    Column("description", Text),
    Column("done", Boolean),
    Column("due_date", Date),
    Column("estimate_minutes", Integer),
    Column("created_at", DateTime(timezone=True)),
    Column("updated_at", DateTime(timezone=True)),
)
PAGE_QUERY = (
    select(tasks)
    .where(tasks.c.user_id == int(os.environ.get("CEILING_USER_ID", "1")))
    .order_by(tasks.c.created_at.desc(), tasks.c.id.desc())
    .limit(20)
)

app = Flask(__name__)


@app.get("/api/ceiling/tasks")
def list_tasks():
    """One page of one user's tasks, straight from the database."""
    with engine.connect() as connection:
        rows = connection.execute(PAGE_QUERY).mappings().all()
    items = [
        {
            **row,
            "due_date": row["due_date"].isoformat() if row["due_date"] else None,
            "created_at": row["created_at"].isoformat(),
            "updated_at": row["updated_at"].isoformat(),
        }
        for row in rows
    ]
    return jsonify(items=items, page=1, per_page=20)


@app.get("/health")
def health():
    """Liveness, so the benchmark can wait for a run's backlog to drain as it does for the stack."""
    return jsonify(status="ok")
