"""What a task list can be filtered and sorted by: the names the API accepts and the
filter the repository applies. No database here, so schemas and views may use it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

SORT_NAMES = ("created_at", "title", "due_date", "priority", "position", "completed_at")
SORT_CHOICES = tuple(key for name in SORT_NAMES for key in (name, f"-{name}"))
VIEWS = ("inbox", "today", "upcoming", "overdue", "done")
DATED_VIEWS = ("today", "upcoming", "overdue")
UPCOMING_DAYS = 7


@dataclass(frozen=True)
class TaskFilter:
    done: bool | None = None
    q: str | None = None
    parent_id: int | None = None
    top_level: bool = False
    sort: str = "-created_at"
    view: str | None = None
    project_id: int | None = None
    labels: tuple[str, ...] = ()
    priorities: tuple[int, ...] = ()
    today: date | None = None  # the owner's today, needed by the dated views
