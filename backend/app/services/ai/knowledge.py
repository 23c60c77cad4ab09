"""The offline planner's knowledge: domains, steps and word lists loaded from data/<language>.yaml."""

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


@dataclass(frozen=True, slots=True)
class Domain:
    id: str
    keywords: tuple[Keyword, ...]
    requires: tuple[tuple[Keyword, ...], ...]
    steps: dict[Language, tuple[Step, ...]]

    def score(self, words: list[str]) -> int:
        """Matched words (phrases count each word); 0 when a required group is missing."""
        if not all(any(k.matches(words) for k in group) for group in self.requires):
            return 0
        return sum(keyword.weight for keyword in self.keywords if keyword.matches(words))


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


@dataclass(frozen=True, slots=True)
class Knowledge:
    languages: dict[Language, LanguageData]
    domains: tuple[Domain, ...]


def _read(language: Language) -> dict[str, Any]:
    text = resources.files(__package__).joinpath("data", f"{language}.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
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
    )


def _merge_domains(raw: dict[Language, dict[str, Any]]) -> tuple[Domain, ...]:
    orders = {lang: [d["id"] for d in data["domains"]] for lang, data in raw.items()}
    ids = orders[LANGUAGES[0]]
    if any(order != ids for order in orders.values()):
        raise ValueError("every data file must list the same domain ids in the same order")
    domains = []
    for index, domain_id in enumerate(ids):
        entries = {lang: data["domains"][index] for lang, data in raw.items()}
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
    )
