"""A small deterministic guess of a goal's language: English or Brazilian Portuguese."""

from __future__ import annotations

from .base import Language
from .knowledge import load_knowledge, normalize

_PORTUGUESE_LETTERS = frozenset("ãõçáéíóúâêôà")


def detect_language(text: str) -> Language:
    """Return "pt-BR" when the text reads as Portuguese, else "en" (also for short or unclear text).

    Evidence, one point each: stopwords of each language ("de", "meu" / "the", "my"), words with
    Portuguese diacritics, and words that match a domain keyword of one language only.
    """
    knowledge = load_knowledge()
    english, portuguese = knowledge.languages["en"], knowledge.languages["pt-BR"]
    words = normalize(text)
    en_score = sum(word in english.stopwords for word in words)
    pt_score = sum(word in portuguese.stopwords for word in words)
    pt_score += sum(
        any(char in _PORTUGUESE_LETTERS for char in raw) for raw in text.casefold().split()
    )
    for word in words:
        in_english = any(keyword.matches([word]) for keyword in english.keywords)
        in_portuguese = any(keyword.matches([word]) for keyword in portuguese.keywords)
        en_score += in_english and not in_portuguese
        pt_score += in_portuguese and not in_english
    return "pt-BR" if pt_score > en_score else "en"
