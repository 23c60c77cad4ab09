"""All models, imported here so Alembic and ``db.create_all`` see every table."""

from app.models.label import Label, task_labels
from app.models.project import Project
from app.models.task import Task
from app.models.token import PasswordResetToken, RefreshToken, RevokedAccessToken
from app.models.user import User

__all__ = [
    "Label",
    "PasswordResetToken",
    "Project",
    "RefreshToken",
    "RevokedAccessToken",
    "Task",
    "User",
    "task_labels",
]
