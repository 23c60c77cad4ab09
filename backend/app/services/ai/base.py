"""The planner interface shared by every AI provider, and the errors they raise."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from app.domain.limits import TITLE_MAX_LENGTH

Language = Literal["en", "pt-BR"]
Granularity = Literal["coarse", "normal", "fine"]

LANGUAGES: tuple[Language, ...] = ("en", "pt-BR")
GRANULARITIES: tuple[Granularity, ...] = ("coarse", "normal", "fine")
MAX_TITLE_LENGTH = TITLE_MAX_LENGTH


@dataclass(frozen=True, slots=True)
class PlanRequest:
    """What to plan: a goal (3..500 chars, already stripped) and how to plan it."""

    goal: str
    max_tasks: int
    language: Language
    granularity: Granularity = "normal"
    context: str | None = None


@dataclass(frozen=True, slots=True)
class PlannedTask:
    """One proposed task: a verb-first title (<= 160 chars) and a rough estimate."""

    title: str
    estimate_minutes: int | None


@dataclass(frozen=True, slots=True)
class Plan:
    """The proposed tasks and who produced them ("offline", "openai", "offline-fallback")."""

    tasks: list[PlannedTask]
    provider: str
    model: str


class Planner(Protocol):
    def plan(self, request: PlanRequest) -> Plan: ...


class AIError(Exception):
    """Base of every planner failure: an HTTP status and a message safe to show a user.

    `reason` is a short, stable label used for metrics and logs.
    """

    status: int = 502
    reason: str = "error"

    def __init__(self, message: str, *, reason: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if reason is not None:
            self.reason = reason


class AIInvalidOutput(AIError):
    """The model answered, but not with a usable plan (after the retries)."""

    status = 502
    reason = "invalid_output"


class AITimeout(AIError):
    """The provider did not answer within the configured time."""

    status = 504
    reason = "timeout"


class AIProviderError(AIError):
    """The provider refused or failed: bad credentials, rate limit, 5xx, unreachable."""

    status = 502
    reason = "provider_error"
