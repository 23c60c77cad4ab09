"""The queries and writes on projects. Every one is scoped to an owner."""

from __future__ import annotations

from sqlalchemy import ColumnElement, select

from app.core.extensions import db
from app.models import Project


def owned(*, owner_id: int, project_id: int) -> Project | None:
    return db.session.scalar(
        select(Project).where(Project.id == project_id, Project.user_id == owner_id)
    )


def listed(*, owner_id: int, archived: bool) -> list[Project]:
    """The owner's archived or active projects in their manual order."""
    return list(
        db.session.scalars(
            select(Project)
            .where(Project.user_id == owner_id, Project.archived.is_(archived))
            .order_by(Project.position, Project.id)
        )
    )


def all_of(owner_id: int) -> list[Project]:
    """Every project of the owner, archived ones too."""
    return list(db.session.scalars(select(Project).where(Project.user_id == owner_id)))


def id_named(*, owner_id: int, name_key: str) -> int | None:
    """The id of the owner's project with this case-folded name, if any."""
    return db.session.scalar(
        select(Project.id).where(Project.user_id == owner_id, Project.name_key == name_key)
    )


def order_scope(owner_id: int) -> list[ColumnElement[bool]]:
    """The rows a project's position is compared with: the owner's projects."""
    return [Project.user_id == owner_id]


def add(project: Project) -> None:
    db.session.add(project)


def delete(project: Project) -> None:
    db.session.delete(project)
