"""AI planning for a user's list: preview or save a plan, or break a task into subtasks."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask, current_app

from app.core.errors import UpstreamError
from app.models import Task
from app.repositories import projects as project_repository
from app.repositories import tasks as task_repository
from app.services import tasks as task_service
from app.services.ai import AIError, Plan, Planner, PlanRequest, build_planner, detect_language

_PLANNER_KEY = "tarefa.planner"
MAX_PLANNED_TASKS = 15


def init_planner(app: Flask) -> None:
    """Build the configured planner once per app (its HTTP client is reused)."""
    app.extensions[_PLANNER_KEY] = build_planner(app.config)


def plans_offline() -> bool:
    """True when the offline planner answers: milliseconds, so never worth a job."""
    return current_app.config["AI_PROVIDER"] == "offline"


def _plan(request: PlanRequest) -> Plan:
    planner: Planner = current_app.extensions[_PLANNER_KEY]
    try:
        return planner.plan(request)
    except AIError as error:
        raise UpstreamError(error.message, status=error.status) from error


@dataclass(frozen=True)
class PlanResult:
    plan: Plan
    saved: list[Task] | None  # None for a dry run


def generate(
    *,
    owner_id: int,
    goal: str,
    max_tasks: int,
    granularity: str,
    dry_run: bool,
    language: str | None = None,
    checkpoint: Callable[[], None] = lambda: None,
) -> PlanResult:
    """Plan a goal; unless it is a dry run, add the tasks to the caller's list.

    ``checkpoint`` runs between planning and saving: a cancelled job raises there.
    """
    request = PlanRequest(
        goal=goal,
        max_tasks=max_tasks,
        language=language or detect_language(goal),  # type: ignore[arg-type]
        granularity=granularity,  # type: ignore[arg-type]
    )
    plan = _plan(request)
    checkpoint()
    if dry_run:
        return PlanResult(plan, None)
    return PlanResult(plan, _save(owner_id=owner_id, parent=None, plan=plan))


def breakdown(
    *,
    owner_id: int,
    task_id: int,
    max_tasks: int,
    granularity: str,
    language: str | None = None,
    checkpoint: Callable[[], None] = lambda: None,
) -> PlanResult:
    """Plan the steps of one of the caller's tasks and save them as its subtasks.

    Steps that repeat the task itself, its siblings or its existing subtasks are left out:
    a plan for "Book the flights" should not propose booking the flights again.
    """
    parent = task_service.get_task(owner_id=owner_id, task_id=task_id)
    request = PlanRequest(
        goal=parent.title,
        max_tasks=MAX_PLANNED_TASKS,
        language=language or detect_language(f"{parent.title} {parent.description or ''}"),  # type: ignore[arg-type]
        granularity=granularity,  # type: ignore[arg-type]
        context=_breakdown_context(parent),
    )
    plan = _plan(request)
    known = task_repository.titles_near(owner_id=owner_id, task=parent)
    fresh = [task for task in plan.tasks if task.title.casefold() not in known]
    plan = dataclasses.replace(plan, tasks=fresh[:max_tasks])
    checkpoint()
    return PlanResult(plan, _save(owner_id=owner_id, parent=parent, plan=plan))


def _breakdown_context(task: Task) -> str | None:
    """What surrounds a task, for a title that says too little ("Call them"): its description,
    its parent task and its project."""
    owner_id = task.user_id
    parent = (
        task_repository.get_owned_task(owner_id=owner_id, task_id=task.parent_id)
        if task.parent_id
        else None
    )
    project = (
        project_repository.owned(owner_id=owner_id, project_id=task.project_id)
        if task.project_id
        else None
    )
    parts = [task.description, parent and parent.title, project and project.name]
    return " — ".join(part for part in parts if part) or None


def _save(*, owner_id: int, parent: Task | None, plan: Plan) -> list[Task]:
    drafts = [
        {"title": task.title, "estimate_minutes": task.estimate_minutes} for task in plan.tasks
    ]
    return task_service.create_tasks(owner_id=owner_id, parent=parent, drafts=drafts)
