"""The offline planner's knowledge: actions, domains, steps and word lists from data/<language>.yaml."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from .base import LANGUAGES, Language

_NON_WORD = re.compile(r"[^0-9a-z]+")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def normalize(text: str) -> list[str]:
    """Split text into lower-case words without accents: "Aniversário!" -> ["aniversario"]."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return [word for word in _NON_WORD.split(plain) if word]


@dataclass(frozen=True, slots=True)
class Keyword:
    """A word, a stem ("viag*") or a phrase, matched against normalized words."""

    words: tuple[str, ...]
    prefix: bool

    @classmethod
    def parse(cls, text: str) -> Keyword:
        prefix = text.endswith("*")
        words = tuple(normalize(text.rstrip("*")))
        if not words:
            raise ValueError(f"empty keyword {text!r}")
        return cls(words, prefix)

    @property
    def weight(self) -> int:
        return len(self.words)

    def matches(self, words: list[str]) -> bool:
        size = len(self.words)
        for start in range(len(words) - size + 1):
            window = words[start : start + size]
            if window[:-1] != list(self.words[:-1]):
                continue
            last = window[-1]
            if last == self.words[-1] or (self.prefix and last.startswith(self.words[-1])):
                return True
        return False


@dataclass(frozen=True, slots=True)
class Step:
    title: str
    minutes: int
    level: int


Steps = dict[Language, tuple[Step, ...]]


@dataclass(frozen=True, slots=True)
class Domain:
    id: str
    keywords: tuple[Keyword, ...]
    requires: tuple[tuple[Keyword, ...], ...]
    steps: Steps
    # Steps for one action on this domain's subject ("renew" + passport), by action id.
    actions: dict[str, Steps]

    def score(self, words: list[str]) -> int:
        """Matched words (phrases count each word); 0 when a required group is missing."""
        if not all(any(k.matches(words) for k in group) for group in self.requires):
            return 0
        return sum(keyword.weight for keyword in self.keywords if keyword.matches(words))


@dataclass(frozen=True, slots=True)
class Action:
    """An everyday action ("call", "renew") recognised by its verbs, with a small plan of its own.

    `domains` are the subjects for which the domain's bigger plan is better than the action's
    ("clean" + a house -> the cleaning plan); None means any domain. `requires`, when not empty,
    must match the object ("organise" is an event only when the object is a party, a meeting...).
    """

    id: str
    verbs: tuple[Keyword, ...]
    nouns: tuple[Keyword, ...]
    requires: tuple[Keyword, ...]
    domains: frozenset[str] | None
    steps: Steps

    def suits(self, domain_id: str) -> bool:
        """Whether the domain's bigger plan answers this action on that subject."""
        return self.domains is None or domain_id in self.domains


@dataclass(frozen=True, slots=True)
class LanguageData:
    language: Language
    stopwords: frozenset[str]
    keywords: tuple[Keyword, ...]
    verbs: frozenset[str]
    place_prepositions: frozenset[str]
    place_connectors: frozenset[str]
    not_places: frozenset[str]
    generic: tuple[Step, ...]
    fillers: frozenset[str]
    light_verbs: frozenset[str]
    verb_words: frozenset[str]  # words of this file's action verbs and nouns, and other verbs
    other_verbs: tuple[Keyword, ...]
    verb_endings: tuple[str, ...]
    particles: frozenset[str]
    breakers: frozenset[str]
    topic_words: frozenset[str]
    determiners: frozenset[str]
    pronouns: frozenset[str]
    of_words: frozenset[str]
    contractions: dict[str, str]


@dataclass(frozen=True, slots=True)
class Knowledge:
    languages: dict[Language, LanguageData]
    domains: tuple[Domain, ...]
    actions: tuple[Action, ...]

    def words(self, *fields: str) -> frozenset[str]:
        """The union of word-list fields of every language ("fillers", "determiners"...)."""
        return _union(self, fields)


_UNIONS: dict[tuple[int, tuple[str, ...]], frozenset[str]] = {}


def _union(knowledge: Knowledge, fields: tuple[str, ...]) -> frozenset[str]:
    key = (id(knowledge), fields)
    if key not in _UNIONS:
        _UNIONS[key] = frozenset(
            word
            for lang in knowledge.languages.values()
            for field in fields
            for word in getattr(lang, field)
        )
    return _UNIONS[key]


def _read(language: Language) -> dict[str, Any]:
    text = resources.files(__package__).joinpath("data", f"{language}.yaml").read_text("utf-8")
    data = yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader, the C one if built
    if data.get("language") != language:
        raise ValueError(f"data/{language}.yaml declares language {data.get('language')!r}")
    return data


def _steps(raw: list[dict[str, Any]], where: str) -> tuple[Step, ...]:
    steps = tuple(Step(str(s["title"]), int(s["minutes"]), int(s["level"])) for s in raw)
    for step in steps:
        if not step.title.strip() or step.minutes <= 0 or step.level not in (1, 2, 3):
            raise ValueError(f"invalid step in {where}: {step}")
    if not any(step.level == 1 for step in steps):
        raise ValueError(f"{where} has no level-1 (core) step")
    return steps


def _keywords(raw: list[str]) -> tuple[Keyword, ...]:
    return tuple(Keyword.parse(str(text)) for text in raw)


def _language_data(language: Language, data: dict[str, Any]) -> LanguageData:
    return LanguageData(
        language=language,
        stopwords=frozenset(w for text in data["stopwords"] for w in normalize(str(text))),
        keywords=tuple(k for domain in data["domains"] for k in _keywords(domain["keywords"])),
        verbs=frozenset(str(verb) for verb in data["verbs"]),
        place_prepositions=frozenset(str(w).casefold() for w in data["place_prepositions"]),
        place_connectors=frozenset(str(w).casefold() for w in data["place_connectors"]),
        not_places=frozenset(str(w).casefold() for w in data["not_places"]),
        generic=_steps(data["generic"], f"{language} generic"),
        fillers=_words(data["fillers"]),
        light_verbs=_words(data.get("light_verbs", [])),
        verb_words=_words(
            [str(v) for a in data.get("actions", []) for v in a["verbs"] + a.get("nouns", [])]
            + [str(v) for v in data["other_verbs"]]
        ),
        other_verbs=_keywords(data["other_verbs"]),
        verb_endings=tuple(str(ending) for ending in data.get("verb_endings", [])),
        particles=_words(data["particles"]),
        breakers=_words(data["breakers"]),
        topic_words=_words(data["topic_words"]),
        determiners=_words(data["determiners"]),
        pronouns=_words(data.get("pronouns", [])),
        of_words=_words(data.get("of_words", [])),
        contractions={str(k): str(v) for k, v in data.get("contractions", {}).items()},
    )


def _words(raw: list[str]) -> frozenset[str]:
    return frozenset(word for text in raw for word in normalize(str(text)))


def _entries_by_id(raw: dict[Language, dict[str, Any]], key: str) -> list[dict[Language, Any]]:
    """Entries of `key` merged across languages by id; every file must list the same ids in order."""
    orders = {lang: [entry["id"] for entry in data[key]] for lang, data in raw.items()}
    ids = orders[LANGUAGES[0]]
    if any(order != ids for order in orders.values()):
        raise ValueError(f"every data file must list the same {key} ids in the same order")
    return [{lang: data[key][index] for lang, data in raw.items()} for index in range(len(ids))]


def _merge_actions(raw: dict[Language, dict[str, Any]]) -> tuple[Action, ...]:
    actions = []
    for entries in _entries_by_id(raw, "actions"):
        action_id = entries[LANGUAGES[0]]["id"]
        domains = {str(d) for entry in entries.values() for d in entry.get("domains", [])}
        actions.append(
            Action(
                id=action_id,
                verbs=tuple(k for e in entries.values() for k in _keywords(e["verbs"])),
                nouns=tuple(k for e in entries.values() for k in _keywords(e.get("nouns", []))),
                requires=tuple(
                    k for e in entries.values() for k in _keywords(e.get("requires", []))
                ),
                domains=None if "*" in domains else frozenset(domains),
                steps={
                    lang: _steps(e["steps"], f"{lang} {action_id}") for lang, e in entries.items()
                },
            )
        )
    return tuple(actions)


def _domain_actions(entries: dict[Language, Any], domain_id: str) -> dict[str, Steps]:
    names = [sorted(entry.get("actions", {})) for entry in entries.values()]
    if any(group != names[0] for group in names):
        raise ValueError(f"domain {domain_id}: every language must plan the same actions")
    return {
        action: {
            lang: _steps(entry["actions"][action], f"{lang} {domain_id}.{action}")
            for lang, entry in entries.items()
        }
        for action in names[0]
    }


def _merge_domains(raw: dict[Language, dict[str, Any]]) -> tuple[Domain, ...]:
    domains = []
    for entries in _entries_by_id(raw, "domains"):
        domain_id = entries[LANGUAGES[0]]["id"]
        groups = [entry.get("requires", []) for entry in entries.values()]
        if len({len(group) for group in groups}) != 1:
            raise ValueError(f"domain {domain_id}: 'requires' has different group counts")
        requires = tuple(
            tuple(k for group in groups for k in _keywords(group[position]))
            for position in range(len(groups[0]))
        )
        domains.append(
            Domain(
                id=domain_id,
                keywords=tuple(
                    k for entry in entries.values() for k in _keywords(entry["keywords"])
                ),
                requires=requires,
                steps={
                    lang: _steps(e["steps"], f"{lang} {domain_id}") for lang, e in entries.items()
                },
                actions=_domain_actions(entries, domain_id),
            )
        )
    return tuple(domains)


@functools.cache
def load_knowledge() -> Knowledge:
    """Load and check both data files once per process."""
    raw = {language: _read(language) for language in LANGUAGES}
    return Knowledge(
        languages={lang: _language_data(lang, data) for lang, data in raw.items()},
        domains=_merge_domains(raw),
        actions=_merge_actions(raw),
    )
