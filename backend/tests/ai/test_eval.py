"""`make eval-ai`: the labelled goals, the offline planner's targets, and any OpenAI-compatible server."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from app.services.ai.evaluation import (
    TARGETS,
    evaluate,
    load_cases,
    main,
    planner_from_env,
)
from app.services.ai.offline import OfflinePlanner

from .conftest import MODEL, FakeOpenAI, Reply, chat, tasks_json


def test_the_set_has_200_goals_half_in_each_language_over_every_category() -> None:
    cases = load_cases()
    assert len(cases) == 200
    assert Counter(case.language for case in cases) == {"en": 100, "pt-BR": 100}
    assert {case.category for case in cases} == {
        "errands", "work", "study", "home", "health", "money", "travel", "events"
    }  # fmt: skip
    assert {case.size for case in cases} == {"small", "big"}
    assert len({case.goal for case in cases}) == 200
    assert all(len(case.expect) >= 3 for case in cases)


def test_the_offline_planner_meets_its_targets_on_the_set() -> None:
    report = evaluate(OfflinePlanner(), load_cases())
    metrics = report.metrics
    assert metrics["relevance"] >= TARGETS["relevance"]
    assert metrics["language"] == 1.0
    assert metrics["schema"] == 1.0
    assert metrics["size"] >= TARGETS["size"]
    assert report.boilerplate == 0
    assert report.missed_targets() == []


def test_make_eval_ai_exits_zero_for_the_offline_planner(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for key in ("AI_PROVIDER", "AI_BASE_URL", "AI_MODEL", "AI_API_KEY"):
        monkeypatch.delenv(key, raising=False)
    assert main(["--show", "none"]) == 0
    out = capsys.readouterr().out
    assert "planner: offline   goals: 200" in out
    assert "boilerplate      0" in out


def test_an_openai_compatible_server_is_measured_without_fallback(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    (tmp_path / "goals_en.yaml").write_text(
        '- {goal: "Call the plumber", cat: home, size: small, expect: [plumber, number, quote]}\n'
    )
    (tmp_path / "goals_pt-BR.yaml").write_text(
        '- {goal: "Pagar a conta de luz", cat: money, size: small, expect: [conta, luz, valor]}\n'
    )
    fake_openai.script(
        chat(tasks_json("Find the plumber's number", "Ask the plumber for a quote")),
        Reply(500, {"error": {"message": "boom"}}),
    )
    planner, label = planner_from_env(
        {"AI_BASE_URL": fake_openai.url, "AI_MODEL": MODEL, "AI_MAX_RETRIES": "0"}
    )
    report = evaluate(planner, load_cases(tmp_path))

    assert label == f"openai {MODEL}"
    first, second = report.results
    assert first.titles == ("Find the plumber's number", "Ask the plumber for a quote")
    assert (first.relevant, first.language_ok, first.schema_ok, first.size_ok) == (
        True, True, True, True
    )  # fmt: skip
    assert (second.titles, second.schema_ok, second.error) == (
        (),
        False,
        "AI provider failed (HTTP 500)",
    )
    assert report.metrics == {"relevance": 0.5, "language": 0.5, "schema": 0.5, "size": 0.5}
