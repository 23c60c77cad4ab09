"""build_planner from config, the offline fallback, metrics and the generation log line."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from prometheus_client import REGISTRY

from app.services.ai import (
    OFFLINE_MODEL,
    AIInvalidOutput,
    AIProviderError,
    PlanRequest,
    build_planner,
)
from app.services.ai.offline import OfflinePlanner

from .conftest import API_KEY, MODEL, FakeOpenAI, Reply, chat, tasks_json

REQUEST = PlanRequest(goal="Plan a weekend trip to Lisbon", max_tasks=3, language="en")


def sample(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def generations(provider: str) -> float:
    return sample("tarefa_ai_generation_seconds_count", provider=provider)


def failures(provider: str, reason: str) -> float:
    return sample("tarefa_ai_failures_total", provider=provider, reason=reason)


@pytest.mark.parametrize("config", [{}, {"AI_PROVIDER": ""}, {"AI_PROVIDER": "Offline"}])
def test_offline_is_the_default(config: dict[str, Any]) -> None:
    plan = build_planner(config).plan(REQUEST)
    assert (plan.provider, plan.model) == ("offline", OFFLINE_MODEL)
    assert plan == OfflinePlanner().plan(REQUEST)


def test_openai_provider_answers_from_the_server(
    fake_openai: FakeOpenAI, ai_config: dict[str, Any]
) -> None:
    fake_openai.script(chat(tasks_json("Book flights")))
    plan = build_planner(ai_config).plan(REQUEST)
    assert ([t.title for t in plan.tasks], plan.provider, plan.model) == (
        ["Book flights"],
        "openai",
        MODEL,
    )


def test_config_values_may_be_strings_from_the_environment(
    fake_openai: FakeOpenAI, ai_config: dict[str, Any]
) -> None:
    fake_openai.script(chat("nope"), chat(tasks_json("Book flights")))
    config = ai_config | {"AI_TIMEOUT_SECONDS": "5", "AI_MAX_RETRIES": "0", "AI_FALLBACK": "none"}
    with pytest.raises(AIInvalidOutput):
        build_planner(config).plan(REQUEST)
    assert len(fake_openai.requests) == 1


def test_failure_falls_back_to_the_offline_plan_and_says_so(
    fake_openai: FakeOpenAI, ai_config: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    fake_openai.script(Reply(429, {"error": {"message": "slow down"}}))
    before = (failures("openai", "rate_limit"), generations("openai"))
    before_fallback = generations("offline-fallback")

    with caplog.at_level(logging.INFO, logger="tarefa.ai"):
        plan = build_planner(ai_config).plan(REQUEST)

    assert (plan.provider, plan.model) == ("offline-fallback", OFFLINE_MODEL)
    assert plan.tasks == OfflinePlanner().plan(REQUEST).tasks
    assert (failures("openai", "rate_limit"), generations("openai")) == (
        before[0] + 1,
        before[1] + 1,
    )
    assert generations("offline-fallback") == before_fallback + 1
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert [r.getMessage() for r in warnings][-1] == (
        "AI provider failed (rate_limit: AI provider rate limit reached); "
        "answering with the offline planner"
    )
    assert API_KEY not in caplog.text


@pytest.mark.parametrize("fallback", ["none", "", "NONE"])
def test_fallback_can_be_disabled(
    fake_openai: FakeOpenAI, ai_config: dict[str, Any], fallback: str
) -> None:
    fake_openai.script(Reply(500, {}))
    with pytest.raises(AIProviderError) as caught:
        build_planner(ai_config | {"AI_FALLBACK": fallback}).plan(REQUEST)
    assert caught.value.message == "AI provider failed (HTTP 500)"


def test_each_generation_logs_one_line_with_its_fields(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.INFO, logger="tarefa.ai"):
        build_planner({}).plan(REQUEST)
    [record] = [r for r in caplog.records if r.name == "tarefa.ai"]
    fields = {k: getattr(record, k) for k in ("provider", "model", "task_count")}
    assert fields == {"provider": "offline", "model": OFFLINE_MODEL, "task_count": 3}
    assert isinstance(record.duration_ms, float)
    assert record.getMessage().startswith("ai generation provider=offline model=offline-planner-v1")


def test_successful_generation_is_timed_without_a_failure(
    fake_openai: FakeOpenAI, ai_config: dict[str, Any]
) -> None:
    fake_openai.script(chat(tasks_json("Book flights")))
    before = generations("openai")
    build_planner(ai_config).plan(REQUEST)
    assert generations("openai") == before + 1


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ({"AI_PROVIDER": "anthropic"}, "AI_PROVIDER must be 'offline' or 'openai'"),
        ({"AI_PROVIDER": "openai", "AI_FALLBACK": "other"}, "AI_FALLBACK must be"),
        ({"AI_PROVIDER": "openai", "AI_TIMEOUT_SECONDS": "-1"}, "AI_TIMEOUT_SECONDS"),
    ],
)
def test_invalid_configuration_fails_fast(config: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build_planner(config)


def test_openai_defaults() -> None:
    planner = build_planner({"AI_PROVIDER": "openai", "AI_FALLBACK": "none"})
    inner = planner.inner  # type: ignore[attr-defined]
    assert (inner.url, inner.model, inner.timeout_seconds, inner.max_retries) == (
        "https://api.openai.com/v1/chat/completions",
        "gpt-4o-mini",
        20.0,
        1,
    )
