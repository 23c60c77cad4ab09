"""The offline planner: deterministic plans from the data files, no network, a few milliseconds."""

from __future__ import annotations

import re
import string

from .base import MAX_TITLE_LENGTH, Granularity, Language, Plan, PlannedTask, PlanRequest
from .knowledge import Domain, Knowledge, LanguageData, Step, load_knowledge, normalize
from .phrasing import object_values
from .understanding import Understanding, match_domain, understand

OFFLINE_MODEL = "offline-planner-v1"

_MAX_LEVEL: dict[Granularity, int] = {"coarse": 1, "normal": 2, "fine": 3}
_OPTIONAL_PART = re.compile(r"\[([^\]]*)\]")
_MAX_PLACE_WORDS = 4
_DEFAULT_ESTIMATE = 30
_SMALL_PLAN = 5  # steps of an everyday action; domains have 9 or more
_CLAUSE_BREAK = re.compile(r"[,.;:!?()\[\]]")
_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"


class OfflinePlanner:
    """Plans from what the goal asks: its action, the subject's domain, or the goal's own words.

    In order: the domain's steps for that action ("renew" + passport); the domain's plan when the
    action suits it ("clean" + house) or there is no action ("Wedding in May"); the action's small
    plan naming the object ("Cancel the gym" is a cancellation, never a training plan); a domain
    found in the context (a breakdown's parent task or project); a short plan on the goal's words.
    """

    provider = "offline"
    model = OFFLINE_MODEL

    def __init__(self, knowledge: Knowledge | None = None) -> None:
        self._given = knowledge

    @property
    def _knowledge(self) -> Knowledge:
        # Loaded on first use (then cached per process), so starting the app stays quick.
        return self._given or load_knowledge()

    def plan(self, request: PlanRequest) -> Plan:
        understanding = understand(request.goal, self._knowledge)
        steps, values = self._steps_and_values(request, understanding)
        goal_key = normalize(request.goal)
        kept = tuple(
            step
            for step in steps
            if normalize(_render(step.title, values)) != goal_key
            and not quotes_goal(_render(step.title, values), understanding.content, self._knowledge)
        )
        chosen = select_steps(kept or steps, request.granularity, request.max_tasks)
        tasks: list[PlannedTask] = []
        seen: set[str] = set()
        for step, minutes in chosen:
            title = _render(step.title, values)[:MAX_TITLE_LENGTH].rstrip()
            if title.casefold() not in seen:
                seen.add(title.casefold())
                tasks.append(PlannedTask(title=title, estimate_minutes=minutes))
        return Plan(tasks=tasks, provider=self.provider, model=self.model)

    def estimate(self, title: str, language: Language) -> int:
        """Minutes a task probably takes: its normal plan's total for an everyday action, the
        first core step of a project (what fits in one sitting), 30 minutes when unknown."""
        understanding = understand(title, self._knowledge)
        steps, _ = self._steps_and_values(PlanRequest(title, 15, language), understanding)
        if understanding.action is None and understanding.domain is None:
            return _DEFAULT_ESTIMATE
        if understanding.action is not None and len(steps) <= _SMALL_PLAN:
            return _round_minutes(sum(s.minutes for s in steps if s.level <= 2))
        return _round_minutes(next(s.minutes for s in steps if s.level == 1))

    def match_domain(self, text: str) -> Domain | None:
        """The domain with the highest keyword score; the earliest listed wins a tie."""
        return match_domain(normalize(text), self._knowledge)

    def understand(self, text: str) -> Understanding:
        return understand(text, self._knowledge)

    def _steps_and_values(
        self, request: PlanRequest, understanding: Understanding
    ) -> tuple[tuple[Step, ...], dict[str, str | None]]:
        language: Language = request.language
        action = understanding.action
        # With an action, the subject is what it acts on ("Clean the fridge": not the house).
        domain = understanding.domain if action is None else understanding.object_domain
        values = object_values(understanding.object, understanding.topic, language)
        values["place"] = find_place(request.goal, self._knowledge)
        if action is not None and domain is not None and action.id in domain.actions:
            return domain.actions[action.id][language], values
        if domain is not None and (action is None or action.suits(domain.id)):
            return domain.steps[language], values
        context = understand(request.context, self._knowledge) if request.context else None
        context_domain = context.domain if context else None
        if action is not None:
            if context_domain is not None and action.id in context_domain.actions:
                return context_domain.actions[action.id][language], values
            if understanding.object:
                return action.steps[language], values
        if context_domain is not None:
            return context_domain.steps[language], values
        head = (
            _head(understanding, language) if not understanding.has_verb else understanding.object
        )
        return self._knowledge.languages[language].generic, values | object_values(
            head, (), language
        )


def _head(understanding: Understanding, language: Language) -> tuple[str, ...]:
    """A verbless goal's main noun, so the short plan names it without repeating the whole goal:
    "Quarterly report" -> "report", "Relatório trimestral" -> "relatório"."""
    obj = understanding.object
    if len(understanding.content) < 2 or not obj:
        return obj
    return obj[-1:] if language == "en" else obj[:1]


def quotes_goal(title: str, content: tuple[str, ...], knowledge: Knowledge) -> bool:
    """Whether a title repeats the goal's words in order (for goals of two words or more)."""
    if len(content) < 2:
        return False
    stop = knowledge.words("fillers", "determiners")
    words = [word for word in normalize(title) if word not in stop]
    size = len(content)
    return any(tuple(words[i : i + size]) == content for i in range(len(words) - size + 1))


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
