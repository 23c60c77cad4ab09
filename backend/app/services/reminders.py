"""Reminders: when each is due, re-arming when the task moves, and delivering the due ones.

A relative reminder fires ``before_minutes`` before the task's due moment: its due date at
its due time in the owner's zone, or at 09:00 for a task without a time. Delivery records an
in-app notification and queues the mail in one transaction, under a row lock taken with
SKIP LOCKED; the notification's unique key and the mail job's delivery key make a second
worker, a retry or a restarted scheduler find the reminder already delivered.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from flask import has_request_context, request

from app.core import clock
from app.core.extensions import db
from app.domain.recurrence import due_instant
from app.models import Notification, Reminder, Task
from app.repositories import reminders as reminder_repository
from app.repositories import tasks as task_repository
from app.repositories import users as user_repository

ALL_DAY_AT = time(9)
BATCH = 200
TEXT = {
    "en": ("Reminder: {title}", "“{title}” is due {when}."),
    "pt-BR": ("Lembrete: {title}", "“{title}” vence {when}."),
}


def request_language() -> str:
    if not has_request_context():
        return "en"
    best = request.accept_languages.best_match(["en", "pt-BR", "pt"], default="en")
    return "pt-BR" if best.startswith("pt") else "en"


def _zone(owner_id: int) -> ZoneInfo:
    return ZoneInfo(user_repository.timezone_of(owner_id))


def due_moment(task: Task, zone: ZoneInfo) -> datetime | None:
    if task.due_date is None:
        return None
    return due_instant(task.due_date, task.due_time or ALL_DAY_AT, zone)


def rearm(task: Task) -> None:
    """Recompute when each reminder fires; one whose moment has passed is not sent late."""
    if not task.reminders:
        return
    moment = due_moment(task, _zone(task.user_id))
    now = clock.now()
    for reminder in task.reminders:
        if reminder.remind_at is not None:
            fire_at = reminder.remind_at
        else:
            fire_at = moment - timedelta(minutes=reminder.before_minutes or 0) if moment else None
        if fire_at != reminder.fire_at:
            reminder.fire_at = fire_at
            reminder.sent_for = fire_at if fire_at is not None and fire_at <= now else None


def set_reminders(task: Task, items: list[dict[str, Any]]) -> None:
    """Replace the task's reminders."""
    language = request_language()
    task.reminders = [
        Reminder(
            user_id=task.user_id,
            remind_at=item.get("remind_at"),
            before_minutes=item.get("before_minutes"),
            language=language,
        )
        for item in items
    ]
    rearm(task)


def _message(reminder: Reminder, task: Task, zone: ZoneInfo) -> tuple[str, str]:
    subject, body = TEXT.get(reminder.language, TEXT["en"])
    if task.due_date is None:
        when = "—"
    elif task.due_time is None:
        when = task.due_date.strftime("%d/%m/%Y" if reminder.language == "pt-BR" else "%Y-%m-%d")
    else:
        local = datetime.combine(task.due_date, task.due_time)
        when = local.strftime(
            "%d/%m/%Y %H:%M" if reminder.language == "pt-BR" else "%Y-%m-%d %H:%M"
        )
    return subject.format(title=task.title)[:200], body.format(title=task.title, when=when)


def send_due(*, now: datetime) -> int:
    """Deliver every reminder due at ``now`` whose task is still open; how many were sent."""
    from app.jobs.mail import send_mail_later

    due = reminder_repository.lock_due(now=now, limit=BATCH)
    for reminder in due:
        task = task_repository.get_owned_task(owner_id=reminder.user_id, task_id=reminder.task_id)
        user = user_repository.get(reminder.user_id)
        assert task is not None and user is not None  # both cascade to the reminder
        key = f"reminder:{reminder.id}:{reminder.fire_at:%Y%m%dT%H%M%SZ}"
        subject, body = _message(reminder, task, ZoneInfo(user.timezone))
        reminder.sent_for = reminder.fire_at
        reminder_repository.add_notification(
            Notification(user_id=user.id, task_id=task.id, key=key, title=subject, body=body)
        )
        # Queued before the commit: were the commit lost, the next run queues the same key,
        # and the mail job delivers a key once.
        send_mail_later(to=user.email, subject=subject, body=body, key=key)
    db.session.commit()
    return len(due)
