"""Measure a planner on the labelled goals of backend/eval/: `make eval-ai`.

Each goal lists words (stems end in *) that a good plan mentions. For every goal the planner is
asked for a plan (max 7 tasks, normal granularity, the goal's language) and scored on:
relevance (the plan mentions at least two of the goal's words), language (the plan reads as the
goal's language), boilerplate (a title quotes the goal back or is a generic filler), schema (1..7
tasks, titles 1..160 characters starting with a capital, estimates 1..1440 or none), size (small
goals get 2-4 tasks, big ones 5 or more) and latency. The offline planner must reach TARGETS.

Run against the configured planner: offline by default; AI_BASE_URL (with AI_MODEL, AI_API_KEY)
or AI_PROVIDER=openai measures any OpenAI-compatible server, with no fallback to the offline one.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from .base import LANGUAGES, MAX_TITLE_LENGTH, AIError, Language, Planner, PlanRequest
from .knowledge import Keyword, load_knowledge, normalize
from .language import detect_language
from .parsing import MAX_ESTIMATE_MINUTES

EVAL_DIR = Path(__file__).resolve().parents[3] / "eval"
MAX_TASKS = 7
SMALL_SIZE = range(2, 5)
BIG_MIN_SIZE = 5
TARGETS = {"relevance": 0.90, "language": 1.0, "schema": 1.0, "size": 0.90}
MAX_BOILERPLATE = 0
_QUOTES = frozenset('"\u201c\u201d\u00ab\u00bb')
_FILLER_PHRASES = (
    "milestone",
    "three or four",
    "when it is done",
    "etapas restantes",
    "tres ou quatro",
    "estar concluido",
)


@dataclass(frozen=True, slots=True)
class GoalCase:
    goal: str
    language: Language
    category: str
    size: str  # "small" or "big"
    expect: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CaseResult:
    case: GoalCase
    titles: tuple[str, ...]
    mentioned: tuple[str, ...]
    language_ok: bool
    boilerplate: bool
    schema_ok: bool
    size_ok: bool
    latency_ms: float
    error: str | None = None

    @property
    def relevant(self) -> bool:
        return len(self.mentioned) >= 2


@dataclass(frozen=True, slots=True)
class Report:
    results: tuple[CaseResult, ...]

    def share(self, attribute: str) -> float:
        return sum(bool(getattr(r, attribute)) for r in self.results) / len(self.results)

    @property
    def metrics(self) -> dict[str, float]:
        return {
            "relevance": self.share("relevant"),
            "language": self.share("language_ok"),
            "schema": self.share("schema_ok"),
            "size": self.share("size_ok"),
        }

    @property
    def boilerplate(self) -> int:
        return sum(result.boilerplate for result in self.results)

    def missed_targets(self) -> list[str]:
        missed = [
            f"{name} {value:.1%} < {TARGETS[name]:.0%}"
            for name, value in self.metrics.items()
            if value < TARGETS[name]
        ]
        if self.boilerplate > MAX_BOILERPLATE:
            missed.append(f"boilerplate {self.boilerplate} > {MAX_BOILERPLATE}")
        return missed


def load_cases(directory: Path = EVAL_DIR) -> list[GoalCase]:
    """Every goal of goals_<language>.yaml in `directory`, in file order."""
    cases = []
    for language in LANGUAGES:
        raw = yaml.safe_load((directory / f"goals_{language}.yaml").read_text("utf-8"))
        for entry in raw:
            cases.append(
                GoalCase(
                    goal=str(entry["goal"]),
                    language=language,
                    category=str(entry["cat"]),
                    size=str(entry["size"]),
                    expect=tuple(str(word) for word in entry["expect"]),
                )
            )
    return cases


def evaluate(planner: Planner, cases: Sequence[GoalCase]) -> Report:
    """Plan every goal with `planner` and score each plan."""
    return Report(tuple(_score(planner, case) for case in cases))


def _score(planner: Planner, case: GoalCase) -> CaseResult:
    request = PlanRequest(goal=case.goal, max_tasks=MAX_TASKS, language=case.language)
    started = time.perf_counter()
    try:
        plan = planner.plan(request)
    except AIError as error:
        latency = (time.perf_counter() - started) * 1000
        return CaseResult(case, (), (), False, False, False, False, latency, error.message)
    latency = (time.perf_counter() - started) * 1000
    titles = tuple(task.title for task in plan.tasks)
    words = normalize(" ".join(titles))
    mentioned = tuple(w for w in case.expect if Keyword.parse(w).matches(words))
    count = len(titles)
    size_ok = count in SMALL_SIZE if case.size == "small" else count >= BIG_MIN_SIZE
    return CaseResult(
        case=case,
        titles=titles,
        mentioned=mentioned,
        language_ok=bool(titles) and detect_language(" ".join(titles)) == case.language,
        boilerplate=any(is_boilerplate(title, case.goal) for title in titles),
        schema_ok=1 <= count <= MAX_TASKS
        and all(_valid_task(task.title, task.estimate_minutes) for task in plan.tasks),
        size_ok=size_ok,
        latency_ms=latency,
    )


def _valid_task(title: str, minutes: int | None) -> bool:
    valid_minutes = minutes is None or (
        isinstance(minutes, int) and 1 <= minutes <= MAX_ESTIMATE_MINUTES
    )
    return 0 < len(title) <= MAX_TITLE_LENGTH and title[:1].isupper() and valid_minutes


def is_boilerplate(title: str, goal: str) -> bool:
    """A title that quotes the goal, repeats all of its words in order, or is generic filler."""
    if any(char in _QUOTES for char in title):
        return True
    plain = " ".join(normalize(title))
    if any(phrase in plain for phrase in _FILLER_PHRASES):
        return True
    knowledge = load_knowledge()
    stop = knowledge.words("determiners")
    goal_words = [w for w in normalize(goal) if w not in stop]
    title_words = [w for w in normalize(title) if w not in stop]
    size = len(goal_words)
    return size >= 2 and any(
        title_words[i : i + size] == goal_words for i in range(len(title_words) - size + 1)
    )


def planner_from_env(env: Mapping[str, str]) -> tuple[Planner, str]:
    """The planner the environment configures (see the module docstring) and its label."""
    from . import build_planner

    provider = env.get("AI_PROVIDER") or ("openai" if env.get("AI_BASE_URL") else "offline")
    config = {key: value for key, value in env.items() if key.startswith("AI_")}
    config |= {"AI_PROVIDER": provider, "AI_FALLBACK": "none"}
    planner = build_planner(config)
    label = "offline" if provider == "offline" else f"openai {config.get('AI_MODEL', '')}".strip()
    return planner, label


def render(report: Report, label: str, *, show: str) -> str:
    """The summary table, plus the plans of every goal ("all") or of failing goals ("failures")."""
    lines = []
    for result in report.results:
        failed = not (
            result.relevant and result.language_ok and result.schema_ok and result.size_ok
        )
        if show == "all" or (show == "failures" and (failed or result.boilerplate)):
            lines.append(
                f"- [{result.case.language}] {result.case.goal}  (mentions {list(result.mentioned)})"
            )
            lines.extend(f"      {title}" for title in result.titles)
            if result.error:
                lines.append(f"      error: {result.error}")
    latencies = sorted(result.latency_ms for result in report.results)
    p95 = latencies[max(0, round(0.95 * len(latencies)) - 1)]
    metrics = report.metrics
    lines += [
        f"planner: {label}   goals: {len(report.results)}",
        f"relevance  {metrics['relevance']:7.1%}   (target >= {TARGETS['relevance']:.0%})",
        f"language   {metrics['language']:7.1%}   (target {TARGETS['language']:.0%})",
        f"boilerplate {report.boilerplate:6d}   (target {MAX_BOILERPLATE})",
        f"schema     {metrics['schema']:7.1%}   (target {TARGETS['schema']:.0%})",
        f"size       {metrics['size']:7.1%}   (target >= {TARGETS['size']:.0%})",
        f"latency ms  p50 {statistics.median(latencies):.1f}  p95 {p95:.1f}  max {latencies[-1]:.1f}",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", choices=["none", "failures", "all"], default="failures")
    args = parser.parse_args(argv)
    planner, label = planner_from_env(os.environ)
    report = evaluate(planner, load_cases())
    print(render(report, label, show=args.show))
    missed = report.missed_targets()
    if label == "offline" and missed:
        print("targets missed: " + "; ".join(missed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
