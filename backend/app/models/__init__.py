"""All models, imported here so Alembic and ``db.create_all`` see every table."""

from app.models.calendar_feed import CalendarFeed
from app.models.delivery import MailDelivery
from app.models.label import Label, task_labels
from app.models.occurrence import TaskOccurrence
from app.models.project import Project
from app.models.reminder import Notification, Reminder
from app.models.task import Task
from app.models.token import PasswordResetToken, RefreshToken, RevokedAccessToken
from app.models.user import User

__all__ = [
    "CalendarFeed",
    "Label",
    "MailDelivery",
    "Notification",
    "PasswordResetToken",
    "Project",
    "RefreshToken",
    "Reminder",
    "RevokedAccessToken",
    "Task",
    "TaskOccurrence",
    "User",
    "task_labels",
]
