"""AI planning: turn a goal into tasks, offline or with an OpenAI-compatible model.

The API calls `build_planner(app.config)` once and then `planner.plan(PlanRequest(...))`; failures
raise AIError subclasses that carry an HTTP status and a user-safe message.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.core.config import Settings

from .base import (
    AIError,
    AIInvalidOutput,
    AIProviderError,
    AITimeout,
    Granularity,
    Language,
    Plan,
    PlannedTask,
    Planner,
    PlanRequest,
)
from .fallback import FALLBACK_PROVIDER, FallbackPlanner
from .language import detect_language
from .metrics import InstrumentedPlanner
from .offline import OFFLINE_MODEL, OfflinePlanner
from .openai_compatible import OpenAICompatiblePlanner

__all__ = [
    "FALLBACK_PROVIDER",
    "OFFLINE_MODEL",
    "AIError",
    "AIInvalidOutput",
    "AIProviderError",
    "AITimeout",
    "Granularity",
    "Language",
    "Plan",
    "PlanRequest",
    "PlannedTask",
    "Planner",
    "build_planner",
    "detect_language",
]

# The settings' own defaults, for callers that pass a partial mapping.
DEFAULTS = {
    name.upper(): Settings.model_fields[name].default
    for name in (
        "ai_provider",
        "ai_base_url",
        "ai_model",
        "ai_timeout_seconds",
        "ai_max_retries",
        "ai_fallback",
    )
}


def build_planner(config: Mapping[str, Any]) -> Planner:
    """The planner configured by AI_* keys of a Flask-config-like mapping (see DEFAULTS).

    AI_PROVIDER is "offline" or "openai"; with "openai", AI_FALLBACK="offline" (the default)
    answers with the offline planner, labelled "offline-fallback", when the provider fails;
    AI_FALLBACK="none" or "" lets the error through. Unknown values raise ValueError.
    """
    offline = OfflinePlanner()
    provider = str(config.get("AI_PROVIDER") or DEFAULTS["AI_PROVIDER"]).strip().lower()
    if provider == "offline":
        return InstrumentedPlanner(offline, name="offline", model=OFFLINE_MODEL)
    if provider != "openai":
        raise ValueError(f"AI_PROVIDER must be 'offline' or 'openai', not {provider!r}")
    openai = OpenAICompatiblePlanner(
        base_url=str(config.get("AI_BASE_URL") or DEFAULTS["AI_BASE_URL"]),
        api_key=config.get("AI_API_KEY") or None,
        model=str(config.get("AI_MODEL") or DEFAULTS["AI_MODEL"]),
        timeout_seconds=float(_setting(config, "AI_TIMEOUT_SECONDS")),
        max_retries=int(_setting(config, "AI_MAX_RETRIES")),
    )
    primary = InstrumentedPlanner(openai, name="openai", model=openai.model)
    fallback = str(_setting(config, "AI_FALLBACK")).strip().lower()
    if fallback in ("", "none"):
        return primary
    if fallback != "offline":
        raise ValueError(f"AI_FALLBACK must be 'offline', 'none' or empty, not {fallback!r}")
    return FallbackPlanner(
        primary, InstrumentedPlanner(offline, name=FALLBACK_PROVIDER, model=OFFLINE_MODEL)
    )


def _setting(config: Mapping[str, Any], key: str) -> Any:
    value = config.get(key)
    return DEFAULTS[key] if value is None else value
