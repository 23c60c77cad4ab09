"""Labels: a user's own tags, created the first time a task uses a name."""

from __future__ import annotations

from collections.abc import Iterable

from app.core.errors import Conflict, NotFound
from app.core.extensions import db
from app.models import Label
from app.repositories import labels as label_repository
from app.repositories import tasks as task_repository


def resolve_labels(*, owner_id: int, names: Iterable[str]) -> list[Label]:
    """The owner's labels with these names (case-insensitively), creating the missing ones.

    Names are looked up among the owner's labels only: another user's label is never reused.
    A label created at the same moment by a parallel request is picked up, not duplicated.
    """
    wanted: dict[str, str] = {}
    for name in names:
        wanted.setdefault(name.casefold(), name)
    if not wanted:
        return []
    existing = label_repository.named_any(owner_id=owner_id, name_keys=wanted)
    return [
        existing.get(key) or label_repository.create_or_find(owner_id=owner_id, name=name)
        for key, name in wanted.items()
    ]


def _with_counts(owner_id: int, labels: list[Label]) -> list[Label]:
    """Fill each label's ``open_count`` with one grouped query."""
    counted = task_repository.label_open_counts(
        owner_id=owner_id, label_ids=[label.id for label in labels]
    )
    for label in labels:
        label.open_count = counted.get(label.id, (label.name, 0))[1]
    return labels


def list_labels(*, owner_id: int) -> list[Label]:
    return _with_counts(owner_id, label_repository.listed(owner_id=owner_id))


def get_label(*, owner_id: int, label_id: int) -> Label:
    label = label_repository.owned(owner_id=owner_id, label_id=label_id)
    if label is None:
        raise NotFound("Label not found.")
    return _with_counts(owner_id, [label])[0]


def _check_name_free(owner_id: int, name: str, label_id: int | None = None) -> None:
    other = label_repository.named(owner_id=owner_id, name_key=name.casefold())
    if other is not None and other.id != label_id:
        raise Conflict(
            "You already have a label with this name.",
            errors={"json": {"name": ["You already have a label with this name."]}},
        )


def create_label(*, owner_id: int, name: str, color: str) -> Label:
    _check_name_free(owner_id, name)
    label = Label(user_id=owner_id, name=name, name_key=name.casefold(), color=color)
    label_repository.add(label)
    db.session.commit()
    return _with_counts(owner_id, [label])[0]


def update_label(
    *, owner_id: int, label_id: int, name: str | None = None, color: str | None = None
) -> Label:
    """Rename or recolour a label; tasks carrying it show the new name at once."""
    label = get_label(owner_id=owner_id, label_id=label_id)
    if name is not None:
        _check_name_free(owner_id, name, label.id)
        label.rename(name)
    if color is not None:
        label.color = color
    db.session.commit()
    return _with_counts(owner_id, [label])[0]


def delete_label(*, owner_id: int, label_id: int) -> None:
    """Delete the label; the tasks that carried it lose it and keep everything else."""
    label = get_label(owner_id=owner_id, label_id=label_id)
    label_repository.delete(label)
    db.session.commit()
