"""The quick-add grammar: ordered rules, each a regular expression and what it means.

Rules run in order on the remaining text, and a rule whose field is already set is
skipped, so the first phrase wins and a later one stays in the title. Longer phrases come
before their prefixes ("depois de amanhã" before "amanhã", "todo dia 5" before "todo dia").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import dateparser
from dateutil.relativedelta import relativedelta

from app.domain.recurrence import WEEKDAYS, WORKDAYS, monthly_on_day

Values = dict[str, Any] | None
# Custom word boundaries: "14h30", "15/03" and "#casa" must not match inside other tokens.
B0 = r"(?<![\w#@/:.!])"
B1 = r"(?![\w/:])"


@dataclass(frozen=True)
class Context:
    today: date
    language: str


@dataclass(frozen=True)
class Rule:
    pattern: str
    meaning: Callable[[re.Match[str], Context], Values]
    field: str | None = None  # skipped once this field is set
    repeat: bool = False
    kind: str | None = None  # what it recognises, when not ``field`` (labels)

    @property
    def recognises(self) -> str | None:
        return self.kind or self.field

    def apply(self, text: str, context: Context, result: Any) -> str:
        if self.field and getattr(result, self.field) is not None:
            return text
        regex = re.compile(f"{B0}(?:{self.pattern}){B1}", re.IGNORECASE)

        def replace(match: re.Match[str]) -> str:
            values = self.meaning(match, context)
            if values is None:  # looked like a phrase but means nothing (31/02): keep it
                return match.group(0)
            for name, value in values.items():
                if name == "labels":
                    result.labels.extend(v for v in value if v not in result.labels)
                elif getattr(result, name) is None:
                    setattr(result, name, value)
            return " "

        return regex.sub(replace, text, count=0 if self.repeat else 1)


EN_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
PT_NUMBERS = {
    "um": 1,
    "uma": 1,
    "dois": 2,
    "duas": 2,
    "três": 3,
    "tres": 3,
    "quatro": 4,
    "cinco": 5,
    "seis": 6,
    "sete": 7,
    "oito": 8,
    "nove": 9,
    "dez": 10,
    "quinze": 15,
}
EN_DAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
PT_DAYS = {
    "segunda": 0,
    "terça": 1,
    "terca": 1,
    "quarta": 2,
    "quinta": 3,
    "sexta": 4,
    "sábado": 5,
    "sabado": 5,
    "domingo": 6,
}
EN_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
PT_MONTH = r"(?:janeiro|fevereiro|março|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|jan|fev|mar|abr|mai|jun|jul|ago|set|out|nov|dez)"
EN_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
PT_DAY = r"(?:(?:segunda|terça|terca|quarta|quinta|sexta)(?:[-\s]feira)?s?|s[áa]bados?|domingos?)"
EN_AMOUNT = r"(\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten)"
PT_AMOUNT = r"(\d{1,3}|uma?|dois|duas|tr[êe]s|quatro|cinco|seis|sete|oito|nove|dez|quinze)"
PERIOD = r"(?:\s+(?:da|de)\s+(manhã|manha|tarde|noite|madrugada))?"


def _number(word: str, language: str) -> int:
    word = word.lower()
    return (
        int(word) if word.isdigit() else (PT_NUMBERS if language == "pt-BR" else EN_NUMBERS)[word]
    )


def _weekday(word: str, language: str) -> int:
    word = re.sub(r"s?[-\s]feiras?$", "", word.lower())
    table = PT_DAYS if language == "pt-BR" else EN_DAYS
    return table[word] if word in table else table[word.removesuffix("s")]


def _next_weekday(today: date, weekday: int) -> date:
    """The next such day after today (a bare weekday never means today)."""
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _next_month_day(today: date, day: int) -> date | None:
    """The next date on or after today whose day of the month is ``day``."""
    for months in range(13):
        first = today.replace(day=1) + relativedelta(months=months)
        try:
            found = first.replace(day=day)
        except ValueError:
            continue
        if found >= today:
            return found
    return None


def _dateparser(match: re.Match[str], context: Context) -> Values:
    """A written date: dateparser reads month names and the language's day/month order."""
    portuguese = context.language == "pt-BR"
    # From yesterday, so that "future" includes today: "15 March" typed on 15 March is today.
    base = datetime.combine(context.today - timedelta(days=1), time(12))
    settings = {
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": base,
        "DATE_ORDER": "DMY" if portuguese else "MDY",
        "REQUIRE_PARTS": ["day", "month"],
    }
    text = re.sub(
        r"^(?:(?:on|the|dia|no|em|na)\s+)+|(?<=\d)(?:st|nd|rd|th)\b",
        "",
        match.group(0).strip(),
        flags=re.I,
    )
    found = dateparser.parse(
        text.strip(), languages=["pt" if portuguese else "en"], settings=settings
    )
    return {"due_date": found.date()} if found else None


def _time(hour: int, minute: int = 0, period: str | None = None) -> Values:
    period = (period or "").lower()
    if period in ("tarde", "noite") and 1 <= hour < 12:
        hour += 12
    if period == "noite" and hour == 12:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return {"due_time": time(hour, minute)}


def _ampm(match: re.Match[str], _: Context) -> Values:
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3).lower()
    if not 1 <= hour <= 12:
        return None
    return _time(hour % 12 + (12 if half == "p" else 0), minute)


def _clock(match: re.Match[str], _: Context) -> Values:
    groups = match.groups()
    return _time(int(groups[0]), int(groups[1] or 0), groups[2] if len(groups) > 2 else None)


def _at(hour: int, minute: int = 0) -> Callable[[re.Match[str], Context], Values]:
    return lambda match, _: _time(hour, minute)


def _days_from_today(days: int) -> Callable[[re.Match[str], Context], Values]:
    return lambda match, context: {"due_date": context.today + timedelta(days=days)}


def _in_amount(match: re.Match[str], context: Context) -> Values:
    amount, unit = _number(match.group(1), context.language), match.group(2).lower()
    if unit.startswith("m"):  # months, mês, meses
        return {"due_date": context.today + relativedelta(months=amount)}
    return {"due_date": context.today + timedelta(days=amount * (7 if unit[0] in "ws" else 1))}


def _weekday_date(match: re.Match[str], context: Context) -> Values:
    return {"due_date": _next_weekday(context.today, _weekday(match.group(1), context.language))}


def _next_week(match: re.Match[str], context: Context) -> Values:
    return {"due_date": _next_weekday(context.today, 0)}


def _next_month(match: re.Match[str], context: Context) -> Values:
    return {"due_date": context.today.replace(day=1) + relativedelta(months=1)}


def _weekend(match: re.Match[str], context: Context) -> Values:
    return {"due_date": context.today + timedelta(days=(5 - context.today.weekday()) % 7)}


def _end_of_month(match: re.Match[str], context: Context) -> Values:
    return {"due_date": context.today + relativedelta(day=31)}


def _month_day(match: re.Match[str], context: Context) -> Values:
    day = int(match.group(1))
    found = _next_month_day(context.today, day) if 1 <= day <= 31 else None
    return {"due_date": found} if found else None


def _iso(match: re.Match[str], _: Context) -> Values:
    try:
        return {"due_date": date.fromisoformat(match.group(0).strip())}
    except ValueError:
        return None


def _rule(text: str) -> Callable[[re.Match[str], Context], Values]:
    return lambda match, _: {"recurrence": text}


def _every_n(match: re.Match[str], context: Context) -> Values:
    amount, unit = _number(match.group(1), context.language), match.group(2).lower()
    freq = {
        "d": "DAILY",
        "w": "WEEKLY",
        "s": "WEEKLY",
        "m": "MONTHLY",
        "y": "YEARLY",
        "a": "YEARLY",
    }[unit[0]]
    if not 1 <= amount <= 1000:
        return None
    rule = f"FREQ={freq}" + (f";INTERVAL={amount}" if amount > 1 else "")
    if match.lastindex and match.lastindex >= 3 and match.group(3):
        rule += f";BYDAY={_days_list(match.group(3), context)}"
    return {"recurrence": rule}


def _every_other(match: re.Match[str], _: Context) -> Values:
    freq = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}
    return {"recurrence": f"FREQ={freq[match.group(1).lower()]};INTERVAL=2"}


def _days_list(text: str, context: Context) -> str:
    names = [n for n in re.split(r"\s*(?:,|\band\b|&|\be\b)\s*", text.strip(), flags=re.I) if n]
    codes = sorted({_weekday(n, context.language) for n in names})
    return ",".join(WEEKDAYS[c] for c in codes)


def _every_weekdays(match: re.Match[str], context: Context) -> Values:
    return {"recurrence": f"FREQ=WEEKLY;BYDAY={_days_list(match.group(1), context)}"}


def _every_month_day(match: re.Match[str], _: Context) -> Values:
    day = int(match.group(1))
    return {"recurrence": monthly_on_day(day)} if 1 <= day <= 31 else None


def _reminder(match: re.Match[str], context: Context) -> Values:
    amount_text, unit = match.group(1).lower(), match.group(2).lower()
    amount = 0.5 if amount_text in ("half", "meia") else _number(amount_text, context.language)
    minutes = amount * {"m": 1, "h": 60, "d": 1440, "w": 10080, "s": 10080}[unit[0]]
    return {"reminder": {"before_minutes": int(minutes)}} if 0 < minutes <= 40320 else None


def _project(match: re.Match[str], _: Context) -> Values:
    name = match.group(1).rstrip(".,;:!?")
    return {"project": name} if 1 <= len(name) <= 80 else None


def _label(match: re.Match[str], _: Context) -> Values:
    name = match.group(1).rstrip(".,;:!?")
    return {"labels": [name]} if 1 <= len(name) <= 40 else None


def _priority(match: re.Match[str], _: Context) -> Values:
    return {"priority": int(match.group(1) or match.group(2))}


TAG_RULES = [
    Rule(r"#([^\s#@]+)", _project, "project"),
    Rule(r"@([^\s#@]+)", _label, repeat=True, kind="labels"),
    Rule(r"(?:!([1-4])|p([1-4]))", _priority, "priority"),
]

EN_RULES = [
    Rule(
        rf"(?:remind\s+me|reminder|alert\s+me)\s+{EN_AMOUNT}\s*(m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?)\s+(?:before|earlier|ahead)",
        _reminder,
        "reminder",
    ),
    Rule(r"(?:remind\s+me|reminder)\s+(half)\s+an?\s+(hour)\s+before", _reminder, "reminder"),
    Rule(
        r"every\s+(?:weekday|work\s*day|business\s+day)|on\s+weekdays",
        _rule(f"FREQ=WEEKLY;BYDAY={WORKDAYS}"),
        "recurrence",
    ),
    Rule(
        rf"every\s+{EN_AMOUNT}\s+(weeks?)\s+on\s+({EN_DAY}(?:\s*(?:,|and|&)\s*{EN_DAY})*)",
        _every_n,
        "recurrence",
    ),
    Rule(rf"every\s+{EN_AMOUNT}\s+(days?|weeks?|months?|years?)", _every_n, "recurrence"),
    Rule(r"every\s+other\s+(day|week|month|year)", _every_other, "recurrence"),
    Rule(
        r"(?:every\s+month\s+on\s+the|monthly\s+on\s+the|every)\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s+of\s+(?:every|the|each)\s+month)?",
        _every_month_day,
        "recurrence",
    ),
    Rule(rf"every\s+({EN_DAY}(?:\s*(?:,|and|&)\s*{EN_DAY})*)", _every_weekdays, "recurrence"),
    Rule(r"every\s+(?:day|morning|evening|night)|daily", _rule("FREQ=DAILY"), "recurrence"),
    Rule(r"every\s+week|weekly", _rule("FREQ=WEEKLY"), "recurrence"),
    Rule(r"every\s+month|monthly", _rule("FREQ=MONTHLY"), "recurrence"),
    Rule(r"every\s+year|yearly|annually", _rule("FREQ=YEARLY"), "recurrence"),
    Rule(r"\d{4}-\d{2}-\d{2}", _iso, "due_date"),
    Rule(
        rf"(?:on\s+)?(?:{EN_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{EN_MONTH}\.?)(?:,?\s+\d{{4}})?",
        _dateparser,
        "due_date",
    ),
    Rule(r"(?:on\s+)?\d{1,2}/\d{1,2}(?:/\d{2,4})?", _dateparser, "due_date"),
    Rule(r"(?:the\s+)?day\s+after\s+tomorrow", _days_from_today(2), "due_date"),
    Rule(r"(?:today|tonight)", _days_from_today(0), "due_date"),
    Rule(r"(?:tomorrow|tmrw)", _days_from_today(1), "due_date"),
    Rule(rf"in\s+{EN_AMOUNT}\s+(days?|weeks?|months?)", _in_amount, "due_date"),
    Rule(r"next\s+week", _next_week, "due_date"),
    Rule(r"next\s+month", _next_month, "due_date"),
    Rule(r"(?:this\s+)?weekend", _weekend, "due_date"),
    Rule(r"(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the\s+)?month", _end_of_month, "due_date"),
    Rule(rf"(?:on\s+)?(?:next\s+|this\s+)?({EN_DAY})", _weekday_date, "due_date"),
    Rule(r"on\s+the\s+(\d{1,2})(?:st|nd|rd|th)", _month_day, "due_date"),
    Rule(r"(?:at\s+)?(\d{1,2})(?::([0-5]\d))?\s*([ap])\.?m\.?", _ampm, "due_time"),
    Rule(r"(?:at\s+)?(?:noon|midday)", _at(12), "due_time"),
    Rule(r"(?:at\s+)?midnight", _at(0), "due_time"),
    Rule(r"(?:at\s+)?(\d{1,2}):([0-5]\d)", _clock, "due_time"),
    Rule(r"at\s+(\d{1,2})()", _clock, "due_time"),
]

PT_RULES = [
    Rule(
        rf"(?:me\s+)?(?:lembre|lembra|lembrar|avise|avisa|avisar)(?:-me)?\s+{PT_AMOUNT}\s*(min|minutos?|h|horas?|d|dias?|semanas?)\s+antes",
        _reminder,
        "reminder",
    ),
    Rule(
        r"(?:me\s+)?(?:lembre|lembra|lembrar|avise|avisa|avisar)(?:-me)?\s+(meia)\s+(hora)\s+antes",
        _reminder,
        "reminder",
    ),
    Rule(
        r"tod[oa]s?\s+(?:os\s+)?dias?\s+úte?is|todo\s+dia\s+útil|em\s+dias\s+úteis|dias\s+úteis",
        _rule(f"FREQ=WEEKLY;BYDAY={WORKDAYS}"),
        "recurrence",
    ),
    Rule(
        r"(?:todo\s+dia|tod[oa]\s+m[eê]s\s+no\s+dia|todos\s+os\s+meses\s+no\s+dia|mensalmente\s+no\s+dia)\s+(\d{1,2})",
        _every_month_day,
        "recurrence",
    ),
    Rule(r"todos\s+os\s+dias|todo\s+dia|diariamente", _rule("FREQ=DAILY"), "recurrence"),
    Rule(r"dia\s+sim,?\s+dia\s+não", _rule("FREQ=DAILY;INTERVAL=2"), "recurrence"),
    Rule(r"quinzenalmente", _rule("FREQ=WEEKLY;INTERVAL=2"), "recurrence"),
    Rule(
        rf"a\s+cada\s+{PT_AMOUNT}\s+(semanas?)\s+(?:na|no|às|aos)\s+({PT_DAY}(?:\s*(?:,|e)\s*{PT_DAY})*)",
        _every_n,
        "recurrence",
    ),
    Rule(rf"a\s+cada\s+{PT_AMOUNT}\s+(dias?|semanas?|m[eê]s|meses|anos?)", _every_n, "recurrence"),
    Rule(
        rf"(?:toda|todo|todas\s+as|todos\s+os)\s+({PT_DAY}(?:\s*(?:,|e)\s*{PT_DAY})*)",
        _every_weekdays,
        "recurrence",
    ),
    Rule(r"toda\s+semana|todas\s+as\s+semanas|semanalmente", _rule("FREQ=WEEKLY"), "recurrence"),
    Rule(r"todo\s+m[eê]s|todos\s+os\s+meses|mensalmente", _rule("FREQ=MONTHLY"), "recurrence"),
    Rule(r"todo\s+ano|todos\s+os\s+anos|anualmente", _rule("FREQ=YEARLY"), "recurrence"),
    Rule(r"\d{4}-\d{2}-\d{2}", _iso, "due_date"),
    Rule(
        rf"(?:(?:no\s+|em\s+)?dia\s+)?\d{{1,2}}\s+de\s+{PT_MONTH}\.?(?:\s+de\s+\d{{4}})?",
        _dateparser,
        "due_date",
    ),
    Rule(r"(?:(?:no\s+)?dia\s+|em\s+)?\d{1,2}/\d{1,2}(?:/\d{2,4})?", _dateparser, "due_date"),
    Rule(r"depois\s+de\s+amanhã|depois\s+de\s+amanha", _days_from_today(2), "due_date"),
    Rule(r"hoje(?:\s+à\s+noite)?", _days_from_today(0), "due_date"),
    Rule(r"amanhã|amanha", _days_from_today(1), "due_date"),
    Rule(
        rf"(?:daqui\s+a|em|dentro\s+de)\s+{PT_AMOUNT}\s+(dias?|semanas?|m[eê]s|meses)",
        _in_amount,
        "due_date",
    ),
    Rule(
        r"(?:na\s+)?(?:semana\s+que\s+vem|próxima\s+semana|proxima\s+semana)",
        _next_week,
        "due_date",
    ),
    Rule(
        r"(?:no\s+)?(?:mês\s+que\s+vem|mes\s+que\s+vem|próximo\s+mês|proximo\s+mes)",
        _next_month,
        "due_date",
    ),
    Rule(r"(?:no\s+|neste\s+|nesse\s+)?(?:fim\s+de\s+semana|fds)", _weekend, "due_date"),
    Rule(r"(?:até\s+o\s+|no\s+)?fim\s+do\s+mês", _end_of_month, "due_date"),
    Rule(
        rf"(?:(?:na|no|nesta|neste|nessa|nesse|esta|este|essa|esse|próxima|proxima|próximo|proximo)\s+)?({PT_DAY})(?!\s+via\b)(?:\s+que\s+vem)?",
        _weekday_date,
        "due_date",
    ),
    Rule(r"(?:no\s+)?dia\s+(\d{1,2})", _month_day, "due_date"),
    Rule(rf"(?:(?:às|as|à|a)\s+)?(\d{{1,2}})h(?:([0-5]\d)(?:min)?)?{PERIOD}", _clock, "due_time"),
    Rule(rf"(?:(?:às|as)\s+)?(\d{{1,2}}):([0-5]\d){PERIOD}", _clock, "due_time"),
    Rule(r"(?:ao\s+|à\s+|a\s+)?meio[-\s]dia\s+e\s+meia", _at(12, 30), "due_time"),
    Rule(r"(?:ao\s+|à\s+|a\s+)?meio[-\s]dia", _at(12), "due_time"),
    Rule(r"(?:à\s+|a\s+)?meia[-\s]noite", _at(0), "due_time"),
    Rule(rf"(?:às|as)\s+(\d{{1,2}})(){PERIOD}", _clock, "due_time"),
    Rule(r"(\d{1,2})()\s+(?:da|de)\s+(manhã|manha|tarde|noite|madrugada)", _clock, "due_time"),
]

RULES = {"en": EN_RULES, "pt-BR": PT_RULES}
