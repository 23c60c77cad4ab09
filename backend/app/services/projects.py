"""Projects: named lists of tasks. Another user's project does not exist for you."""

from __future__ import annotations

from app.core.errors import Conflict, NotFound
from app.core.extensions import db
from app.models import Project
from app.repositories import positions
from app.repositories import projects as project_repository
from app.repositories import tasks as task_repository

NOT_NEIGHBOURS = "before_id and after_id are no longer neighbours; reload the list and retry."


def _with_counts(owner_id: int, projects: list[Project]) -> list[Project]:
    """Fill ``open_count`` and ``done_count`` with one grouped query."""
    counted = task_repository.project_task_counts(
        owner_id=owner_id, project_ids=[project.id for project in projects]
    )
    for project in projects:
        project.open_count, project.done_count = counted.get(project.id, (0, 0))
    return projects


def owned_project(*, owner_id: int, project_id: int) -> Project | None:
    return project_repository.owned(owner_id=owner_id, project_id=project_id)


def require_project(*, owner_id: int, project_id: int, field: str | None = None) -> Project:
    """The caller's project, or 404 (naming ``field`` of the request body when given)."""
    project = owned_project(owner_id=owner_id, project_id=project_id)
    if project is None:
        errors = {"json": {field: ["Project not found."]}} if field else None
        raise NotFound("Project not found.", errors=errors)
    return project


def list_projects(*, owner_id: int, archived: bool = False) -> list[Project]:
    return _with_counts(owner_id, project_repository.listed(owner_id=owner_id, archived=archived))


def get_project(*, owner_id: int, project_id: int) -> Project:
    return _with_counts(owner_id, [require_project(owner_id=owner_id, project_id=project_id)])[0]


def _check_name_free(owner_id: int, name: str, project_id: int | None = None) -> None:
    other = project_repository.id_named(owner_id=owner_id, name_key=name.casefold())
    if other is not None and other != project_id:
        raise Conflict(
            "You already have a project with this name.",
            errors={"json": {"name": ["You already have a project with this name."]}},
        )


def create_project(*, owner_id: int, name: str, color: str, archived: bool = False) -> Project:
    """Add a project at the end of the caller's list."""
    _check_name_free(owner_id, name)
    positions.lock_owner(owner_id)
    project = Project(user_id=owner_id, color=color, archived=archived)
    project.rename(name)
    project.position = positions.end_position(Project, project_repository.order_scope(owner_id))
    project_repository.add(project)
    db.session.commit()
    return _with_counts(owner_id, [project])[0]


def update_project(
    *,
    owner_id: int,
    project_id: int,
    name: str | None = None,
    color: str | None = None,
    archived: bool | None = None,
) -> Project:
    project = require_project(owner_id=owner_id, project_id=project_id)
    if name is not None:
        _check_name_free(owner_id, name, project.id)
        project.rename(name)
    if color is not None:
        project.color = color
    if archived is not None:
        project.archived = archived
    db.session.commit()
    return _with_counts(owner_id, [project])[0]


def move_project(
    *, owner_id: int, project_id: int, before_id: int | None = None, after_id: int | None = None
) -> Project:
    """Put a project right before or after another of the caller's projects, between two
    neighbours (409 when they no longer are), or at the end."""
    positions.lock_owner(owner_id)
    project = require_project(owner_id=owner_id, project_id=project_id)
    before = after = None
    if before_id is not None:
        before = require_project(owner_id=owner_id, project_id=before_id, field="before_id")
    if after_id is not None:
        after = require_project(owner_id=owner_id, project_id=after_id, field="after_id")
    scope = project_repository.order_scope(owner_id)
    both = before is not None and after is not None
    if both and not positions.follows(Project, scope, item=project, after=after, before=before):
        raise Conflict(NOT_NEIGHBOURS)
    if both or project not in (before, after):
        positions.place(Project, project, scope, before=before, after=after)
    db.session.commit()
    return _with_counts(owner_id, [project])[0]


def delete_project(*, owner_id: int, project_id: int, tasks: str = "inbox") -> None:
    """Delete a project. Its tasks go to the end of the Inbox (``tasks="inbox"``), in their
    order, or are deleted with it (``tasks="delete"``)."""
    positions.lock_owner(owner_id)
    project = require_project(owner_id=owner_id, project_id=project_id)
    if tasks == "delete":
        task_repository.delete_in_project(project.id)
    else:
        task_repository.move_to_inbox_end(owner_id=owner_id, project_id=project.id)
    project_repository.delete(project)
    db.session.commit()
