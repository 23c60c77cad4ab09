"""Export: every project, label and task of a user, streamed as JSON or CSV.

JSON keeps everything needed to rebuild the account exactly (subtasks nested under their
parent, recurrence, occurrences, positions and timestamps) and is what ``importer`` reads
back. CSV is one flat row per task (subtasks included) with the import's CSV header.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from app.models import Task, TaskOccurrence
from app.repositories import export as export_repository
from app.schemas.transfer import (
    EXPORT_FORMAT,
    EXPORT_VERSION,
    ExportLabel,
    ExportProject,
    ExportTask,
)

CSV_COLUMNS = [
    "title",
    "description",
    "due_date",
    "due_time",
    "project",
    "labels",
    "priority",
    "done",
    "recurrence",
]
BATCH = 200


class _Tree:
    """What a task needs besides its own row: project names, subtasks, occurrences."""

    def __init__(self, owner_id: int) -> None:
        self.projects = export_repository.projects(owner_id)
        self.project_names = {p.id: p.name for p in self.projects}
        self.children: dict[int, list[Task]] = defaultdict(list)
        for task in export_repository.subtasks(owner_id):
            self.children[task.parent_id].append(task)  # type: ignore[index]
        self.occurrences: dict[int, list[TaskOccurrence]] = defaultdict(list)
        for occurrence in export_repository.occurrences(owner_id):
            self.occurrences[occurrence.task_id].append(occurrence)

    def task(self, task: Task) -> dict[str, Any]:
        return {
            **{name: getattr(task, name) for name in _TASK_COLUMNS},
            "project": self.project_names.get(task.project_id) if task.project_id else None,
            "labels": task.label_names,
            "occurrences": self.occurrences.get(task.id, []),
            "reminders": task.reminders,
            "subtasks": [self.task(child) for child in self.children.get(task.id, [])],
        }

    def rows(self, task: Task) -> Iterator[Task]:
        yield task
        for child in self.children.get(task.id, []):
            yield from self.rows(child)


_TASK_COLUMNS = (
    "title", "description", "done", "due_date", "due_time", "recurrence", "recurrence_start",
    "estimate_minutes", "priority", "position", "completed_at", "created_at", "updated_at",
)  # fmt: skip


def _top_level(owner_id: int) -> Iterator[Task]:
    yield from export_repository.top_level_tasks(owner_id, batch=BATCH)


def export_json(*, owner_id: int) -> Iterator[str]:
    """The JSON export, in pieces: the head, then one task (with its subtasks) at a time."""
    tree = _Tree(owner_id)
    labels = export_repository.labels(owner_id)
    head = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": datetime.now(UTC).isoformat(),
        "projects": ExportProject(many=True).dump(tree.projects),
        "labels": ExportLabel(many=True).dump(labels),
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "tasks": ['
    schema = ExportTask()
    for n, task in enumerate(_top_level(owner_id)):
        yield (
            ("," if n else "") + "\n" + json.dumps(schema.dump(tree.task(task)), ensure_ascii=False)
        )
    yield "\n]}\n"


def export_csv(*, owner_id: int) -> Iterator[str]:
    """The CSV export: the header, then one row per task, subtasks right after their parent."""
    tree = _Tree(owner_id)
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(CSV_COLUMNS)
    yield flush()
    for top in _top_level(owner_id):
        for task in tree.rows(top):
            writer.writerow(_csv_row(task, tree))
        yield flush()


# A spreadsheet runs a cell starting with one of these as a formula: a leading quote keeps
# it text, and the importer removes that quote again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _csv_row(task: Task, tree: _Tree) -> list[str]:
    return [
        spreadsheet_safe(task.title),
        spreadsheet_safe(task.description or ""),
        task.due_date.isoformat() if task.due_date else "",
        task.due_time.strftime("%H:%M") if task.due_time else "",
        spreadsheet_safe(tree.project_names.get(task.project_id, "") if task.project_id else ""),
        " ".join(task.label_names),
        str(task.priority),
        "true" if task.done else "false",
        task.recurrence or "",
    ]
