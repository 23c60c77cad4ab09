"""Recurring-task operations for a caller: ownership checked, then ``recurring`` applied."""

from __future__ import annotations

from app.core.extensions import db
from app.models import Task, TaskOccurrence
from app.services import recurring
from app.services.tasks import get_task, user_today


def occurrences(*, owner_id: int, task_id: int) -> list[TaskOccurrence]:
    return recurring.occurrences(get_task(owner_id=owner_id, task_id=task_id))


def skip(*, owner_id: int, task_id: int) -> Task:
    task = get_task(owner_id=owner_id, task_id=task_id)
    if not recurring.skip(task, today=user_today(owner_id)):
        task.set_done(True)
    db.session.commit()
    return get_task(owner_id=owner_id, task_id=task_id)


def stop(*, owner_id: int, task_id: int) -> Task:
    task = get_task(owner_id=owner_id, task_id=task_id)
    recurring.stop(task)
    db.session.commit()
    return get_task(owner_id=owner_id, task_id=task_id)
