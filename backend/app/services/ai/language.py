"""A small deterministic guess of a goal's language: English or Brazilian Portuguese."""

from __future__ import annotations

import functools

from .base import Language
from .knowledge import load_knowledge, normalize

_PORTUGUESE_LETTERS = frozenset("ãõçáéíóúâêôà")


def detect_language(text: str) -> Language:
    """Return "pt-BR" when the text reads as Portuguese, else "en" (also for short or unclear text).

    Evidence, one point each: stopwords of each language ("de", "meu" / "the", "my"), words with
    Portuguese diacritics, and words that are a verb or a domain keyword of one language only.
    """
    knowledge = load_knowledge()
    english, portuguese = knowledge.languages["en"], knowledge.languages["pt-BR"]
    words = normalize(text)
    en_score = sum(word in english.stopwords for word in words)
    pt_score = sum(word in portuguese.stopwords for word in words)
    en_score += sum(
        word in english.verb_words and word not in portuguese.verb_words for word in words
    )
    pt_score += sum(
        word in portuguese.verb_words and word not in english.verb_words for word in words
    )
    pt_score += sum(
        any(char in _PORTUGUESE_LETTERS for char in raw) for raw in text.casefold().split()
    )
    for word in words:
        in_english, in_portuguese = _keyword_of(word)
        en_score += in_english and not in_portuguese
        pt_score += in_portuguese and not in_english
    return "pt-BR" if pt_score > en_score else "en"


@functools.lru_cache(maxsize=8192)
def _keyword_of(word: str) -> tuple[bool, bool]:
    """Whether a word is a domain keyword in English, in Portuguese (cached: the data is fixed)."""
    knowledge = load_knowledge()
    return tuple(  # type: ignore[return-value]
        any(keyword.matches([word]) for keyword in knowledge.languages[lang].keywords)
        for lang in ("en", "pt-BR")
    )
