"""The offline planner: deterministic plans from the data files, no network, a few milliseconds."""

from __future__ import annotations

import re
import string

from .base import MAX_TITLE_LENGTH, Granularity, Plan, PlannedTask, PlanRequest
from .knowledge import Domain, Knowledge, LanguageData, Step, load_knowledge, normalize

OFFLINE_MODEL = "offline-planner-v1"

_MAX_LEVEL: dict[Granularity, int] = {"coarse": 1, "normal": 2, "fine": 3}
_OPTIONAL_PART = re.compile(r"\[([^\]]*)\]")
_MAX_PLACE_WORDS = 4
_MAX_GOAL_IN_TITLE = 80
_CLAUSE_BREAK = re.compile(r"[,.;:!?()\[\]]")
_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"


class OfflinePlanner:
    """Plans from the domain whose keywords best match the goal, or a generic plan from its words."""

    provider = "offline"
    model = OFFLINE_MODEL

    def __init__(self, knowledge: Knowledge | None = None) -> None:
        self._knowledge = knowledge or load_knowledge()

    def plan(self, request: PlanRequest) -> Plan:
        language = self._knowledge.languages[request.language]
        domain = self.match_domain(request.goal)
        if domain is None and request.context:
            domain = self.match_domain(request.context)
        if domain is None:
            steps = language.generic
            values = {"goal": _goal_words(request.goal)}
        else:
            steps = domain.steps[request.language]
            values = {"place": find_place(request.goal, self._knowledge)}
        goal_key = normalize(request.goal)
        steps = tuple(s for s in steps if normalize(_render(s.title, values)) != goal_key)
        chosen = select_steps(steps, request.granularity, request.max_tasks)
        tasks: list[PlannedTask] = []
        seen: set[str] = set()
        for step, minutes in chosen:
            title = _render(step.title, values)[:MAX_TITLE_LENGTH].rstrip()
            if title.casefold() not in seen:
                seen.add(title.casefold())
                tasks.append(PlannedTask(title=title, estimate_minutes=minutes))
        return Plan(tasks=tasks, provider=self.provider, model=self.model)

    def match_domain(self, text: str) -> Domain | None:
        """The domain with the highest keyword score; the earliest listed wins a tie."""
        words = normalize(text)
        best, best_score = None, 0
        for domain in self._knowledge.domains:
            score = domain.score(words)
            if score > best_score:
                best, best_score = domain, score
        return best


def select_steps(
    steps: tuple[Step, ...], granularity: Granularity, max_tasks: int
) -> list[tuple[Step, int]]:
    """Pick the steps for a granularity and a maximum count, keeping their order.

    Coarse keeps core steps, normal adds level 2, fine keeps all; the minutes of a step left out by
    the granularity go to the kept step before it (after it, for leading ones), so coarser plans
    have bigger steps. When more than max_tasks remain, the most important (lowest level, then
    earliest) are kept with their own estimates.
    """
    eligible = [i for i, step in enumerate(steps) if step.level <= _MAX_LEVEL[granularity]]
    if not eligible or max_tasks < 1:
        return []
    minutes = {i: steps[i].minutes for i in eligible}
    for index, step in enumerate(steps):
        if index not in minutes:
            before = [i for i in eligible if i < index]
            minutes[before[-1] if before else eligible[0]] += step.minutes
    kept = sorted(sorted(eligible, key=lambda i: (steps[i].level, i))[:max_tasks])
    return [(steps[i], _round_minutes(minutes[i])) for i in kept]


def _round_minutes(minutes: int) -> int:
    step = 5 if minutes < 60 else 15 if minutes < 240 else 30
    return max(step, round(minutes / step) * step)


def _render(template: str, values: dict[str, str | None]) -> str:
    def optional(match: re.Match[str]) -> str:
        part = match.group(1)
        names = [name for _, name, _, _ in string.Formatter().parse(part) if name]
        if not all(values.get(name) for name in names):
            return ""
        return _fill(part, values)

    return _fill(_OPTIONAL_PART.sub(optional, template), values)


def _fill(text: str, values: dict[str, str | None]) -> str:
    for name, value in values.items():
        if value:
            text = text.replace("{" + name + "}", value)
    return text


def _goal_words(goal: str) -> str:
    """The goal as typed, without trailing punctuation, shortened at a word boundary if long."""
    words = " ".join(goal.split()).rstrip(".!?;:,")
    if len(words) <= _MAX_GOAL_IN_TITLE:
        return words
    cut = words[: _MAX_GOAL_IN_TITLE - 1].rsplit(" ", 1)[0]
    return cut.rstrip(".,;:") + "…"


def find_place(goal: str, knowledge: Knowledge) -> str | None:
    """A capitalised name after a place preposition ("trip to Lisbon" -> "Lisbon"), if any."""
    data = list(knowledge.languages.values())
    for clause in _CLAUSE_BREAK.split(goal):
        words = [word.strip(_QUOTES) for word in clause.split()]
        for index, word in enumerate(words[:-1]):
            if any(word.casefold() in lang.place_prepositions for lang in data):
                place = _capitalised_name(words[index + 1 :], data)
                if place:
                    return place
    return None


def _capitalised_name(words: list[str], data: list[LanguageData]) -> str | None:
    """Capitalised words from the start ("Rio de Janeiro"); the first must not be a month or day."""
    if not words[0][:1].isupper() or any(words[0].casefold() in d.not_places for d in data):
        return None
    name = [words[0]]
    for position, word in enumerate(words[1:], start=1):
        is_connector = (
            any(word.casefold() in d.place_connectors for d in data)
            and position + 1 < len(words)
            and words[position + 1][:1].isupper()
        )
        if not (word[:1].isupper() or is_connector) or len(name) == _MAX_PLACE_WORDS:
            break
        name.append(word)
    return " ".join(name)
