"""Plan my day: which open tasks fit in the time someone has today, in what order, and why.

Deterministic: overdue tasks first, then those due today, then the rest; within each group by
priority, then the quickest first; tasks are taken in that order while they fit in the minutes
available. A task without
an estimate gets one from the offline planner (marked `estimated`). Accepting a proposal gives
the chosen tasks today's date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.core.errors import NotFound
from app.core.extensions import db
from app.models import Task
from app.models.task import NO_PRIORITY
from app.repositories import tasks as task_repository
from app.services import tasks as task_service
from app.services.ai import Language, detect_language
from app.services.ai.offline import OfflinePlanner

_OVERDUE, _DUE_TODAY, _OTHER = 0, 1, 2
QUICK_MINUTES = 15
_REASONS: dict[str, dict[str, str]] = {
    "en": {
        "overdue_1": "Overdue since yesterday",
        "overdue_n": "Overdue for {days} days",
        "today": "Due today",
        "priority": "priority {priority}",
        "quick": "quick: {minutes} min",
        "minutes": "{minutes} min",
        "estimated": "about {minutes} min (estimated)",
        "fits": "Fits in the time left",
    },
    "pt-BR": {
        "overdue_1": "Atrasada desde ontem",
        "overdue_n": "Atrasada há {days} dias",
        "today": "Vence hoje",
        "priority": "prioridade {priority}",
        "quick": "rápida: {minutes} min",
        "minutes": "{minutes} min",
        "estimated": "cerca de {minutes} min (estimativa)",
        "fits": "Cabe no tempo que sobra",
    },
}


@dataclass(frozen=True)
class DayItem:
    task: Task
    minutes: int
    estimated: bool
    reason: str


@dataclass(frozen=True)
class DayPlan:
    date: date
    available_minutes: int
    planned_minutes: int
    items: list[DayItem]
    left_out: int  # open tasks that did not fit


def propose(*, owner_id: int, available_minutes: int, language: str | None = None) -> DayPlan:
    """The caller's open tasks that fit in `available_minutes` today, in the order to do them."""
    today = task_service.user_today(owner_id)
    tasks = _open_leaf_tasks(owner_id)
    lang: Language = language or _language_of(tasks)  # type: ignore[assignment]
    estimator = OfflinePlanner()
    ranked = sorted(
        ((task, *_minutes(task, estimator, lang)) for task in tasks),
        key=lambda item: _rank(item[0], item[1], today),
    )
    items: list[DayItem] = []
    left = available_minutes
    for task, minutes, estimated in ranked:
        if minutes <= left:
            left -= minutes
            reason = _reason(task, minutes, estimated, today, _REASONS[lang])
            items.append(DayItem(task, minutes, estimated, reason))
    task_repository.attach_subtask_progress(item.task for item in items)
    return DayPlan(
        date=today,
        available_minutes=available_minutes,
        planned_minutes=available_minutes - left,
        items=items,
        left_out=len(ranked) - len(items),
    )


def accept(*, owner_id: int, task_ids: list[int]) -> tuple[date, list[Task]]:
    """Give today's date to these tasks of the caller (all of them, or none if one is not theirs)."""
    today = task_service.user_today(owner_id)
    wanted = list(dict.fromkeys(task_ids))
    tasks = task_repository.get_owned_tasks(owner_id=owner_id, task_ids=wanted)
    if len(tasks) != len(wanted):
        raise NotFound("No such task in your list")
    for task in tasks:
        task.due_date = today
    db.session.commit()
    by_id = {task.id: task for task in tasks}
    ordered = [by_id[task_id] for task_id in wanted]
    task_repository.attach_subtask_progress(ordered)
    return today, ordered


def _open_leaf_tasks(owner_id: int) -> list[Task]:
    """Open tasks without open subtasks: a task split into steps is planned through its steps."""
    open_tasks = task_repository.open_tasks(owner_id=owner_id)
    parents = {task.parent_id for task in open_tasks if task.parent_id is not None}
    return [task for task in open_tasks if task.id not in parents]


def _language_of(tasks: list[Task]) -> str:
    return detect_language(" ".join(task.title for task in tasks[:50]))


def _minutes(task: Task, estimator: OfflinePlanner, language: Language) -> tuple[int, bool]:
    if task.estimate_minutes:
        return task.estimate_minutes, False
    return estimator.estimate(task.title, language), True


def _rank(task: Task, minutes: int, today: date) -> tuple[int, int, int, date, int, int]:
    due = task.due_date
    bucket = _OTHER if due is None or due > today else _OVERDUE if due < today else _DUE_TODAY
    return (bucket, task.priority, minutes, due or date.max, task.position, task.id)


def _reason(task: Task, minutes: int, estimated: bool, today: date, words: dict[str, str]) -> str:
    """A few words on why the task is in the plan: its date, its priority, its size."""
    parts = []
    if task.due_date is not None and task.due_date < today:
        days = (today - task.due_date).days
        parts.append(words["overdue_1"] if days == 1 else words["overdue_n"].format(days=days))
    elif task.due_date == today:
        parts.append(words["today"])
    if task.priority != NO_PRIORITY:
        parts.append(words["priority"].format(priority=task.priority))
    size = "estimated" if estimated else "quick" if minutes <= QUICK_MINUTES else "minutes"
    parts.append(words[size].format(minutes=minutes))
    if len(parts) == 1:
        parts.insert(0, words["fits"])
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]
