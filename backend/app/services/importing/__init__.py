"""Import a JSON export or a CSV into the caller's account: all or nothing.

Every row is checked before anything is written; one rejected row (with its reason) stops
the whole import, and a dry run reports what the valid rows would create. Projects and
labels are matched by name (case-insensitively) and created when missing; tasks are always
added. Into an account that has no projects and no tasks yet, a JSON export comes back
exactly (positions, timestamps, recurrence and occurrences included); into a used account,
imported rows go after the existing ones.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from marshmallow import ValidationError

from app.core.extensions import db
from app.schemas.transfer import ExportDocument
from app.services.importing.apply import apply_plan
from app.services.importing.csv_rows import read_csv
from app.services.importing.plan import ImportRejected, Plan

__all__ = ["ImportRejected", "Plan", "read_file", "run"]


def read_file(*, filename: str, data: bytes) -> Plan:
    """Read and check an uploaded file; file-level problems raise ``ImportRejected``."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRejected("The file is not UTF-8 text.") from None
    name = filename.lower()
    is_json = name.endswith(".json") or (not name.endswith(".csv") and text.lstrip()[:1] == "{")
    if is_json:
        return _read_json(text)
    tasks, rejected = read_csv(text)
    return Plan(format="csv", tasks=tasks, rejected=rejected)


def _read_json(text: str) -> Plan:
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        raise ImportRejected("The file is not valid JSON (or is nested too deeply).") from None
    try:
        loaded = ExportDocument().load(document)
    except ValidationError as error:
        return Plan(format="json", rejected=_paths(error.normalized_messages()))
    except RecursionError:
        raise ImportRejected("The file is nested too deeply.") from None
    return Plan(
        format="json",
        projects=loaded["projects"],
        labels=loaded["labels"],
        tasks=loaded["tasks"],
    )


def _paths(messages: Any, prefix: str = "") -> dict[str, dict[str, list[str]]]:
    """Marshmallow's nested errors as {"tasks.3.subtasks.0": {"title": [reasons]}}."""
    found: dict[str, dict[str, list[str]]] = {}
    if not isinstance(messages, dict):
        return {prefix or "file": {"_schema": list(messages)}}
    for key, value in messages.items():
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            found.setdefault(prefix or "file", {})[str(key)] = value
        else:
            found.update(_paths(value, f"{prefix}.{key}" if prefix else str(key)))
    return found


def run(*, owner_id: int, plan: Plan, dry_run: bool, today: date) -> dict[str, Any]:
    """Apply the plan in one transaction; a dry run rolls it back and reports."""
    if plan.rejected and not dry_run:
        count = len(plan.rejected)
        raise ImportRejected(
            f"{count} row{'s were' if count > 1 else ' was'} rejected: nothing was imported.",
            errors={"rows": plan.rejected},
        )
    try:
        created = apply_plan(owner_id=owner_id, plan=plan, today=today)
    except Exception:
        db.session.rollback()
        raise
    if dry_run:
        db.session.rollback()
    else:
        db.session.commit()
    return {
        "dry_run": dry_run,
        "format": plan.format,
        "created": created,
        "rejected": plan.rejected,
    }
