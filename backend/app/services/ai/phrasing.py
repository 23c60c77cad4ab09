"""The object of a goal in the forms a step title needs, in English or Brazilian Portuguese.

English: {obj} as typed ("my passport"), {the_obj} ("the plumber", "my passport", "Mom"),
{thing} without determiner ("plumber"). Portuguese: {obj}, {o_obj} with an article ("a conta de
luz"), {de_obj} ("da conta de luz", "do meu passaporte"), {em_obj} ("no carro"), {thing}.
{topic} is what the object is about ("a blog post about Flask" -> "Flask"), when given.
"""

from __future__ import annotations

from .base import Language

_EN_ARTICLES = frozenset({"a", "an", "the", "some", "any"})
_EN_POSSESSIVES = frozenset(
    {"my", "our", "your", "his", "her", "their", "this", "that", "these", "those"}
)
_PT_ARTICLES = {"o": "o", "a": "a", "os": "os", "as": "as"}
_PT_INDEFINITE = {"um": "o", "uma": "a", "uns": "os", "umas": "as"}
# The article a possessive takes: "meu passaporte" -> "do meu passaporte".
_PT_POSSESSIVES = {
    "meu": "o", "minha": "a", "meus": "os", "minhas": "as",
    "nosso": "o", "nossa": "a", "nossos": "os", "nossas": "as",
    "seu": "o", "sua": "a", "seus": "os", "suas": "as",
}  # fmt: skip
_PT_MASCULINE_A = ("ema", "oma", "ista", "dia", "mapa")  # "o sistema", "o dentista", "o dia"
_PT_DE = {"o": "do", "a": "da", "os": "dos", "as": "das"}
_PT_EM = {"o": "no", "a": "na", "os": "nos", "as": "nas"}
_PT_FEMININE_ENDINGS = ("a", "ção", "cao", "são", "ião", "dade", "gem", "ie", "ez")


def object_values(
    obj: tuple[str, ...], topic: tuple[str, ...], language: Language
) -> dict[str, str | None]:
    """Every placeholder for the object; None when the goal has no object (optional parts drop)."""
    values: dict[str, str | None] = {"topic": " ".join(topic) or None}
    if not obj:
        return values | dict.fromkeys(("obj", "the_obj", "thing", "o_obj", "de_obj", "em_obj"))
    if language == "en":
        return values | _english(list(obj))
    return values | _portuguese(list(obj))


def _english(obj: list[str]) -> dict[str, str | None]:
    first = obj[0].casefold()
    if first in _EN_ARTICLES:
        thing = obj[1:] or obj
        the_obj = ["the", *thing]
    elif first in _EN_POSSESSIVES:
        thing, the_obj = obj[1:] or obj, obj
    elif obj[0][:1].isupper() or obj[0][:1].isdigit():
        thing, the_obj = obj, obj
    else:
        thing, the_obj = obj, ["the", *obj]
    return {"obj": " ".join(obj), "the_obj": " ".join(the_obj), "thing": " ".join(thing)}


def _portuguese(obj: list[str]) -> dict[str, str | None]:
    first = obj[0].casefold()
    if first in _PT_ARTICLES or first in _PT_INDEFINITE:  # "um celular" -> "o celular"
        article = _PT_ARTICLES.get(first) or _PT_INDEFINITE[first]
        thing = rest = obj[1:] or obj
    elif first in _PT_POSSESSIVES:
        article, thing, rest = _PT_POSSESSIVES[first], obj[1:] or obj, obj
    elif obj[0][:1].isupper() or obj[0][:1].isdigit():
        article, thing, rest = None, obj, obj
    else:
        article, thing, rest = _guess_article(obj[0]), obj, obj
    text = " ".join(rest)
    if article is None:
        return {
            "obj": " ".join(obj),
            "o_obj": text,
            "de_obj": f"de {text}",
            "em_obj": f"em {text}",
            "thing": " ".join(thing),
        }
    return {
        "obj": " ".join(obj),
        "o_obj": text if first in _PT_POSSESSIVES else f"{article} {text}",
        "de_obj": f"{_PT_DE[article]} {text}",
        "em_obj": f"{_PT_EM[article]} {text}",
        "thing": " ".join(thing),
    }


def _guess_article(noun: str) -> str:
    """The definite article a bare noun most likely takes ("conta" -> "a", "carros" -> "os")."""
    word = noun.casefold()
    plural = len(word) > 3 and word.endswith("s") and not word.endswith(("ês", "is", "us"))
    singular = word[:-1] if plural else word
    feminine = singular.endswith(_PT_FEMININE_ENDINGS) and not singular.endswith(_PT_MASCULINE_A)
    return ("as" if plural else "a") if feminine else ("os" if plural else "o")
