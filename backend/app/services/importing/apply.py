"""Writing an import plan: projects and labels found or created, then every task.

Positions from a JSON export are kept as they are in an empty list (so an export comes
back exactly); in a list that already has rows, imported rows follow them, keeping their
relative order. CSV rows, which have no positions, go to the end in file order.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from app.core.extensions import db
from app.models import Label, Project, Task, TaskOccurrence
from app.repositories import labels as label_repository
from app.repositories import positions
from app.repositories import projects as project_repository
from app.repositories import tasks as task_repository
from app.services import reminders
from app.services.importing.plan import Plan
from app.services.labels import resolve_labels
from app.services.recurring import apply_schedule

DEFAULT_PROJECT_COLOR = "blue"


class _Placer:
    """Positions for imported rows, one scope (a list under one parent) at a time."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.next: dict[Any, int] = {}
        self.shift: dict[Any, int | None] = {}

    def position(self, key: Any, scope: Any, wanted: int | None, first_wanted: int | None) -> int:
        """``wanted`` as is in an empty list, shifted after the existing rows otherwise;
        without ``wanted`` (CSV), the next free place at the end."""
        if key not in self.shift:
            end = positions.end_position(self.model, scope)
            empty = not positions.occupied(self.model, scope)
            self.shift[key] = 0 if empty else end - (first_wanted or 0)
            self.next[key] = end
        if wanted is not None:
            return wanted + (self.shift[key] or 0)
        self.next[key] += positions.GAP
        return self.next[key] - positions.GAP


def apply_plan(*, owner_id: int, plan: Plan, today: date) -> dict[str, int]:
    """Write the plan (not committed); the numbers of projects, labels and tasks created."""
    positions.lock_owner(owner_id)
    counts = {"projects": 0, "labels": 0, "tasks": 0}
    projects = {p.name_key: p for p in project_repository.all_of(owner_id)}
    placer = _Placer(Project)
    scope = project_repository.order_scope(owner_id)
    first = min((p["position"] for p in plan.projects), default=None)
    for item in plan.projects:
        if item["name"].casefold() not in projects:
            project = Project(user_id=owner_id, color=item["color"], archived=item["archived"])
            project.rename(item["name"])
            project.created_at = item["created_at"]
            project.position = placer.position("projects", scope, item["position"], first)
            project_repository.add(project)
            projects[project.name_key] = project
            counts["projects"] += 1
    existing_labels = {label.name_key for label in label_repository.listed(owner_id=owner_id)}
    for item in plan.labels:
        if item["name"].casefold() not in existing_labels:
            label = Label(user_id=owner_id, name=item["name"], name_key=item["name"].casefold())
            label.color, label.created_at = item["color"], item["created_at"]
            label_repository.add(label)
            existing_labels.add(label.name_key)
            counts["labels"] += 1
    db.session.flush()
    writer = _TaskWriter(owner_id, projects, placer, today, counts, existing_labels)
    writer.write_all(plan.tasks, parent=None)
    return counts


class _TaskWriter:
    def __init__(self, owner_id, projects, project_placer, today, counts, labels) -> None:  # type: ignore[no-untyped-def]
        self.owner_id, self.projects, self.today = owner_id, projects, today
        self.project_placer, self.counts, self.labels = project_placer, counts, labels
        self.placer = _Placer(Task)

    def _project_id(self, name: str | None) -> int | None:
        if not name:
            return None
        project = self.projects.get(name.casefold())
        if project is None:  # named by a task only (CSV): created at the end of the list
            project = Project(user_id=self.owner_id, color=DEFAULT_PROJECT_COLOR)
            project.rename(name)
            project.position = self.project_placer.position(
                "projects", project_repository.order_scope(self.owner_id), None, None
            )
            project_repository.add(project)
            db.session.flush()
            self.projects[project.name_key] = project
            self.counts["projects"] += 1
        return project.id

    def write_all(self, items: list[dict[str, Any]], parent: Task | None) -> None:
        for item in items:
            project_id = parent.project_id if parent else self._project_id(item.get("project"))
            parent_id = parent.id if parent else None
            scope = task_repository.sibling_scope(
                owner_id=self.owner_id, project_id=project_id, parent_id=parent_id
            )
            siblings = [i["position"] for i in items if i.get("position") is not None]
            key = (project_id, parent_id)
            position = self.placer.position(
                key, scope, item.get("position"), min(siblings, default=None)
            )
            self._write(item, project_id, parent_id, position)

    def _write(
        self, item: dict[str, Any], project_id: int | None, parent_id: int | None, position: int
    ) -> None:
        task = Task(
            user_id=self.owner_id, project_id=project_id, parent_id=parent_id, position=position
        )
        for name in ("title", "description", "estimate_minutes", "priority"):
            setattr(task, name, item.get(name))
        task.priority = item.get("priority") or 4
        if "recurrence_start" in item:  # a JSON export: every field as it was
            for name in ("due_date", "due_time", "recurrence", "recurrence_start", "done",
                         "completed_at", "created_at", "updated_at"):  # fmt: skip
                setattr(task, name, item[name])
        else:
            apply_schedule(
                task,
                {n: item.get(n) for n in ("due_date", "due_time", "recurrence")},
                today=self.today,
            )
            task.set_done(item.get("done", False))
        new_labels = {n.casefold() for n in item.get("labels", [])} - self.labels
        task.labels = resolve_labels(owner_id=self.owner_id, names=item.get("labels", []))
        self.labels |= new_labels
        self.counts["labels"] += len(new_labels)
        reminders.set_reminders(
            task,
            [r for r in item.get("reminders", []) if r.get("remind_at") or r.get("before_minutes")],
        )
        task_repository.add([task])
        self.counts["tasks"] += 1
        for occurrence in item.get("occurrences", []):
            task_repository.add_occurrence(TaskOccurrence(task_id=task.id, **occurrence))
        self.write_all(item.get("subtasks", []), parent=task)
