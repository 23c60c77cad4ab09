"""What a goal asks for: the action (its verb), the object it acts on, and the subject domain.

"Renovar o passaporte até sexta" -> action renew, object "o passaporte", domain documents.
Most goals start with a verb acting on an object; a few are noun phrases ("Passport renewal",
"Conta de luz"). Words come from the data files, so both languages follow the same rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .knowledge import Action, Domain, Keyword, Knowledge, LanguageData, normalize

_TOKEN = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")
_CLAUSE_BREAK = re.compile(r"[,.;:!?()\[\]\n]|\s[-\u2013\u2014]\s")
_MAX_OBJECT_TOKENS = 6
_MAX_TOPIC_TOKENS = 5
_MIN_HEURISTIC_VERB = 5  # "lavar" yes, "bar" no
_NOUN_WINDOW = 3  # words after a light verb where the action's noun may be


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # as typed, e.g. "son's"
    words: tuple[str, ...]  # normalized, e.g. ("son", "s")


@dataclass(frozen=True, slots=True)
class Understanding:
    action: Action | None
    has_verb: bool
    object: tuple[str, ...]  # the object's tokens as typed: ("o", "passaporte")
    topic: tuple[str, ...]  # what the object is about: "a blog post about Flask" -> ("Flask",)
    domain: Domain | None  # matched on every word of the goal
    object_domain: Domain | None  # matched without the verb: "Clean the fridge" is no house clean
    content: tuple[str, ...]  # the goal's normalized words without fillers and determiners


def tokenize(text: str) -> list[Token]:
    tokens = [
        Token(match.group(0), tuple(normalize(match.group(0)))) for match in _TOKEN.finditer(text)
    ]
    return [token for token in tokens if token.words]


def understand(goal: str, knowledge: Knowledge) -> Understanding:
    """Read the goal's first clause for the verb and object, and the whole goal for the domain."""
    languages = list(knowledge.languages.values())
    clause = next((c for c in _CLAUSE_BREAK.split(goal) if tokenize(c)), goal)
    tokens = tokenize(clause)
    start = _skip(tokens, 0, lambda t: _all_in(t, languages, "fillers"))
    candidates, verb_at, object_start = _find_verb(tokens, start, knowledge)
    has_verb = verb_at is not None
    noun_start = None
    verb_end = object_end = object_start
    if not has_verb:
        candidates, verb_at, object_start = _find_noun_action(tokens, start, knowledge)
        verb_end = object_start
    elif not candidates and _all_in(tokens[verb_at], languages, "light_verbs"):
        # "Fazer a matrícula", "Make a payment": the noun after a light verb names the action.
        noun_at = _skip(tokens, object_start, lambda t: _all_in(t, languages, "determiners"))
        # The noun may follow a modifier: "Make a doctor's appointment".
        window = tokens[: noun_at + _NOUN_WINDOW]
        found, _, after = _find_noun_action(window, noun_at, knowledge)
        if found:
            candidates, noun_start = found, object_start
            # "Fazer o pagamento DO aluguel": the object follows; "Make a payment TO the
            # landlord": the noun phrase is the object.
            follows = after < len(tokens) and _all_in(tokens[after], languages, "of_words")
            object_start = after if follows else len(tokens)
            object_end = after
        else:
            found, participle_at = _participle_action(tokens, object_start, knowledge)
            if found:
                candidates, tokens = found, tokens[:participle_at]
    obj, topic = _object(tokens, object_start, languages)
    if all(_all_in(Token(t, tuple(normalize(t))), languages, "pronouns") for t in obj):
        obj = ()  # "Call them": no object to name
    if not obj and noun_start is not None:  # "Fazer as compras do mês": the noun is the object
        obj = tuple(token.text for token in tokens[noun_start:object_end])
    if not obj and verb_at is not None and verb_at > start:  # "Dentist call": object came first
        obj, topic = _object(tokens[:verb_at], start, languages)
    if obj and tokens and obj[0] == tokens[0].text and not obj[0].isupper():
        obj = (obj[0][:1].lower() + obj[0][1:], *obj[1:])  # "Passport renewal" -> "passport"
    # "Organise the party" is an event; "Organise the wardrobe" is not: the first action whose
    # object requirement holds wins, then one without requirements.
    action = next((a for a in candidates if a.requires and _matches_any(a.requires, obj)), None)
    action = action or next((a for a in candidates if not a.requires), None)
    words = normalize(goal)
    verb_words = (
        set(w for t in tokens[verb_at:verb_end] for w in t.words) if verb_at is not None else set()
    )
    stop = knowledge.words("fillers", "determiners")
    return Understanding(
        action=action,
        has_verb=has_verb,
        object=obj,
        topic=topic,
        domain=match_domain(words, knowledge),
        object_domain=match_domain([w for w in words if w not in verb_words], knowledge),
        content=tuple(word for word in words if word not in stop),
    )


def match_domain(words: list[str], knowledge: Knowledge) -> Domain | None:
    """The domain with the highest keyword score; the earliest listed wins a tie."""
    best, best_score = None, 0
    for domain in knowledge.domains:
        score = domain.score(words)
        if score > best_score:
            best, best_score = domain, score
    return best


def _find_verb(
    tokens: list[Token], start: int, knowledge: Knowledge
) -> tuple[list[Action], int | None, int]:
    """Actions of the verb at the verb's place (first word, or second: "Deep clean the house"),
    the verb's position (None without a verb) and where the object starts."""
    for position in (start, start + 1):
        words = [w for token in tokens[position:] for w in token.words]
        for form in lemmas(words[0]) if words else ():
            sizes = {a.id: _longest(a.verbs, [form, *words[1:]]) for a in knowledge.actions}
            size = max(sizes.values())
            if size:  # the longest verb wins: "mandar consertar" is a repair, not a sending
                found = [a for a in knowledge.actions if sizes[a.id] == size]
                return found, position, _token_end(tokens, position, size)
        if position == start and _is_other_verb(tokens, position, knowledge):
            size = max(
                (
                    len(k.words)
                    for lang in knowledge.languages.values()
                    for k in lang.other_verbs
                    if _starts_with(k, words)
                ),
                default=1,
            )
            return [], position, _token_end(tokens, position, size)
    return [], None, start


_SUFFIXES = (
    ("ing", ""), ("ing", "e"), ("ied", "y"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""),
    ("ando", "ar"), ("endo", "er"), ("indo", "ir"), ("ado", "ar"), ("ido", "er"), ("ido", "ir"),
)  # fmt: skip


def lemmas(word: str) -> list[str]:
    """The word, then the base forms it may be inflected from: "renewing" -> "renew",
    "scheduled" -> "schedule", "stopping" -> "stop", "renovando" -> "renovar"."""
    forms = [word]
    for suffix, base in _SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3:
            forms.append(stem + base)
            if stem[-1] == stem[-2:-1] and not base:  # doubled consonant: "stopping"
                forms.append(stem[:-1])
    return forms


def _participle_action(
    tokens: list[Token], start: int, knowledge: Knowledge
) -> tuple[list[Action], int]:
    """ "Get my passport renewed", "Have the car fixed": the action is a participle after the
    object. Returns the actions and the participle's position (the object ends there)."""
    for position in range(start + 1, len(tokens)):
        for form in lemmas(tokens[position].words[0])[1:]:
            found = [a for a in knowledge.actions if any(_starts_with(k, [form]) for k in a.verbs)]
            if found:
                return found, position
    return [], len(tokens)


def _find_noun_action(
    tokens: list[Token], start: int, knowledge: Knowledge
) -> tuple[list[Action], int | None, int]:
    """A noun naming the action anywhere ("Passport renewal", "Cancelamento da academia")."""
    for position in range(start, len(tokens)):
        words = list(tokens[position].words)
        found = [a for a in knowledge.actions if any(_starts_with(k, words) for k in a.nouns)]
        if found:
            return found, position, position + 1
    return [], None, start


def _object(
    tokens: list[Token], start: int, languages: list[LanguageData]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The object's tokens from `start` (particles skipped, cut at a time word or clause) and its topic."""
    start = _skip(tokens, start, lambda t: _all_in(t, languages, "particles"))
    contraction = next(
        (
            lang.contractions[tokens[start - 1].text.casefold()]
            for lang in languages
            if start > 0 and tokens[start - 1].text.casefold() in lang.contractions
        ),
        None,
    )
    obj: list[str] = []
    topic: list[str] = []
    for index in range(start, len(tokens)):
        token = tokens[index]
        if _all_in(token, languages, "topic_words") and obj:
            topic = _cut(tokens[index + 1 :], languages)[:_MAX_TOPIC_TOKENS]
            break
        if _all_in(token, languages, "breakers") or len(obj) == _MAX_OBJECT_TOKENS:
            break
        determiners = _determiners(languages)
        if (
            any(text.casefold() not in determiners for text in obj)
            and token.text.casefold() in determiners
            and not _is_article_after_of(obj)
        ):
            break  # a second noun phrase starts: "the report the client asked for"
        obj.append(token.text)
    while obj and any(
        _all_in(Token(obj[-1], tuple(normalize(obj[-1]))), languages, field)
        for field in ("particles", "determiners", "fillers")
    ):
        obj.pop()
    if obj and contraction and obj[0].casefold() not in _determiners(languages):
        obj.insert(0, contraction)
    return tuple(obj), tuple(topic)


def _is_article_after_of(obj: list[str]) -> bool:
    """Portuguese "conta DE a..." never happens (contracted), but "bill of the month" does."""
    return obj[-1].casefold() in {"of", "de"}


def _determiners(languages: list[LanguageData]) -> set[str]:
    return {word for lang in languages for word in lang.determiners}


def _cut(tokens: list[Token], languages: list[LanguageData]) -> list[str]:
    kept = []
    for token in tokens:
        if _all_in(token, languages, "breakers"):
            break
        kept.append(token.text)
    return kept


def _skip(tokens: list[Token], start: int, test: object) -> int:
    while start < len(tokens) - 1 and test(tokens[start]):  # type: ignore[operator]
        start += 1
    return start


def _all_in(token: Token, languages: list[LanguageData], field: str) -> bool:
    return any(all(word in getattr(lang, field) for word in token.words) for lang in languages)


def _is_other_verb(tokens: list[Token], position: int, knowledge: Knowledge) -> bool:
    if position >= len(tokens):
        return False
    return _is_verb_text(tokens[position].text, knowledge) or any(
        _starts_with(k, [w for t in tokens[position:] for w in t.words])
        for lang in knowledge.languages.values()
        for k in lang.other_verbs
    )


def _is_verb_text(text: str, knowledge: Knowledge) -> bool:
    """A Portuguese infinitive by its ending ("consertar", "inscrever-se"), or a listed verb."""
    words = normalize(text)
    if not words:
        return False
    if any(
        _starts_with(k, words) for lang in knowledge.languages.values() for k in lang.other_verbs
    ):
        return True
    head = words[0]
    return len(head) >= _MIN_HEURISTIC_VERB and any(
        head.endswith(ending)
        for lang in knowledge.languages.values()
        for ending in lang.verb_endings
    )


def _longest(keywords: tuple[Keyword, ...], words: list[str]) -> int:
    return max((len(k.words) for k in keywords if _starts_with(k, words)), default=0)


def _starts_with(keyword: Keyword, words: list[str]) -> bool:
    size = len(keyword.words)
    if len(words) < size or list(keyword.words[:-1]) != words[: size - 1]:
        return False
    last = words[size - 1]
    return last == keyword.words[-1] or (keyword.prefix and last.startswith(keyword.words[-1]))


def _token_end(tokens: list[Token], position: int, size: int) -> int:
    """The index after the tokens that hold `size` normalized words from `position`."""
    count = 0
    for index in range(position, len(tokens)):
        count += len(tokens[index].words)
        if count >= size:
            return index + 1
    return len(tokens)


def _matches_any(keywords: tuple[Keyword, ...], obj: tuple[str, ...]) -> bool:
    words = [w for text in obj for w in normalize(text)]
    return any(keyword.matches(words) for keyword in keywords)
