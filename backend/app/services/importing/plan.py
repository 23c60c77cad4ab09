"""What an import would write, and the error that refuses it."""

from __future__ import annotations

from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

from app.core.errors import DomainError


class ImportRejected(DomainError):
    status = HTTPStatus.UNPROCESSABLE_ENTITY


@dataclass
class Plan:
    format: str
    projects: list[dict[str, Any]] = field(default_factory=list)
    labels: list[dict[str, Any]] = field(default_factory=list)
    tasks: list[dict[str, Any]] = field(default_factory=list)
    # Per CSV line number or JSON path: field → reasons.
    rejected: dict[str, dict[str, Any]] = field(default_factory=dict)
