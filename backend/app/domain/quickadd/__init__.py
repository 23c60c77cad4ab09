"""Natural-language quick add: "Pay rent tomorrow 9am #home !1", "Dentista sexta 14h30 #saúde".

``parse`` reads a line in English or Brazilian Portuguese and returns what it recognised:
title, due date and time, project, labels, priority, recurrence (an RRULE) and a reminder.
It saves nothing. Dates written with month names or digits ("March 15", "15 de março",
"15/03") go through dateparser, which knows both languages' month names and day/month
order; the rest (relative days, weekdays, times such as "14h30", recurrence and reminder
phrases) is a small grammar of regular expressions in ``grammar``, one table per language.
Every recognised phrase leaves the title. Ambiguity resolves forward: a bare weekday is the
next one after today, a date without a year is the next one from today.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from app.domain.quickadd.grammar import RULES, TAG_RULES, Context
from app.domain.recurrence import due_instant, first_on_or_after

LANGUAGES = ("en", "pt-BR")
FIELDS = ("due_date", "due_time", "project", "labels", "priority", "recurrence", "reminder")
_PT_HINTS = re.compile(
    r"\b(hoje|amanhã|amanha|depois|daqui|semana|que vem|próxim[ao]|segunda|terça|terca|quarta|"
    r"quinta|sexta|sábado|sabado|domingo|tod[oa]s?|cada|dia|às|meio-dia|meia-noite|lembre|"
    r"lembra|de (?:janeiro|fevereiro|março|marco|abril|maio|junho|julho|agosto|setembro|"
    r"outubro|novembro|dezembro))\b|\b\d{1,2}h\d{0,2}\b",
    re.IGNORECASE,
)
_EN_HINTS = re.compile(
    r"\b(today|tonight|tomorrow|next|every|in \d+|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|at|on|noon|midnight|remind|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|daily|weekly|monthly)\b|\d\s*[ap]\.?m\b",
    re.IGNORECASE,
)
_DANGLING = re.compile(r"(?:^|\s)[,;\u2013\u2014-](?=\s|$)")


@dataclass
class Parsed:
    """What a quick-add line means; ``title`` is the text that was not recognised."""

    title: str
    language: str
    due_date: date | None = None
    due_time: time | None = None
    project: str | None = None
    labels: list[str] = field(default_factory=list)
    priority: int | None = None
    recurrence: str | None = None
    reminder: dict[str, Any] | None = None
    due_at: datetime | None = None  # the UTC instant, when there is a date and a time


def detect_language(text: str, default: str = "en") -> str:
    """The line's language by its date, time and recurrence words; ``default`` on a tie."""
    portuguese = len(_PT_HINTS.findall(text)) + 2 * bool(re.search(r"[ãõçáéíóúâêô]", text, re.I))
    english = len(_EN_HINTS.findall(text))
    if portuguese == english:
        return default
    return "pt-BR" if portuguese > english else "en"


def parse(
    text: str,
    *,
    now: datetime,
    zone: ZoneInfo,
    language: str | None = None,
    default_language: str = "en",
    literal: Collection[str] = (),
) -> Parsed:
    """Parse one quick-add line as seen at ``now`` by a user in ``zone``.

    ``language`` forces ``en`` or ``pt-BR``; otherwise the line's own words decide, and
    ``default_language`` (the user's) settles a line with no telling word ("Boleto 05/03").
    Fields named in ``literal`` are not recognised: their words stay in the title (the
    quick-add chip the person removed).
    """
    language = language if language in LANGUAGES else detect_language(text, default_language)
    today = now.astimezone(zone).date()
    result = Parsed(title="", language=language)
    context = Context(today=today, language=language)
    remaining = f" {text} "
    for rule in TAG_RULES + RULES[language]:
        if rule.recognises not in literal:
            remaining = rule.apply(remaining, context, result)
    if result.recurrence and result.due_date is None:
        result.due_date = first_on_or_after(result.recurrence, start=today, day=today)
    result.title = _clean(remaining)
    if result.due_date and result.due_time:
        result.due_at = due_instant(result.due_date, result.due_time, zone)
    return result


def _clean(text: str) -> str:
    text = _DANGLING.sub(" ", text)
    return " ".join(text.split()).strip(" ,;")
