"""A recurrence rule in words, in English and Brazilian Portuguese ("Every Monday", "Toda segunda-feira")."""

from __future__ import annotations

from app.domain.recurrence import LAST_DAY_FALLBACK, WEEKDAYS, WORKDAYS, Rule, parse_rule

EN_DAYS = dict(
    zip(
        WEEKDAYS,
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        strict=True,
    )
)
PT_DAYS = dict(
    zip(
        WEEKDAYS,
        (
            "segunda-feira",
            "terça-feira",
            "quarta-feira",
            "quinta-feira",
            "sexta-feira",
            "sábado",
            "domingo",
        ),
        strict=True,
    )
)
EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
PT_MONTHS = (
    "janeiro",
    "fevereiro",
    "março",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
)
EN_UNITS = {
    "DAILY": ("day", "days"),
    "WEEKLY": ("week", "weeks"),
    "MONTHLY": ("month", "months"),
    "YEARLY": ("year", "years"),
}
PT_UNITS = {
    "DAILY": ("Todo dia", "dias"),
    "WEEKLY": ("Toda semana", "semanas"),
    "MONTHLY": ("Todo mês", "meses"),
    "YEARLY": ("Todo ano", "anos"),
}
EN_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"}
PT_ORDINALS = {1: "primeir", 2: "segund", 3: "terceir", 4: "quart", 5: "quint", -1: "últim"}


def describe(rule_text: str, language: str = "en") -> str:
    """The rule in words; ``language`` is ``en`` or ``pt-BR``."""
    rule = parse_rule(rule_text)
    portuguese = language.lower().startswith("pt")
    words = _pt(rule) if portuguese else _en(rule)
    return words + _limit(rule, portuguese)


def _join(items: list[str], conjunction: str) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def _en_ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _split_day(code: str) -> tuple[int | None, str]:
    return (int(code[:-2]) if code[:-2] else None), code[-2:]


def _en(rule: Rule) -> str:
    p, interval = rule.parts, int(rule.parts.get("INTERVAL", "1"))
    freq = p["FREQ"]
    base = "Every " + (EN_UNITS[freq][0] if interval == 1 else f"{interval} {EN_UNITS[freq][1]}")
    days = p.get("BYDAY", "").split(",") if "BYDAY" in p else []
    if freq == "WEEKLY" and p.get("BYDAY") == WORKDAYS and interval == 1:
        return "Every weekday"
    if freq == "WEEKLY" and days:
        names = _join([EN_DAYS[d] for d in days], "and")
        return f"Every {names}" if interval == 1 else f"{base} on {names}"
    if freq == "MONTHLY" and "BYMONTHDAY" in p:
        return f"{base} on {_en_month_day(p)}"
    if freq == "MONTHLY" and len(days) == 1 and _split_day(days[0])[0] in EN_ORDINALS:
        ordinal, code = _split_day(days[0])
        return f"{base} on the {EN_ORDINALS[ordinal]} {EN_DAYS[code]}"
    if (
        freq == "YEARLY"
        and "BYMONTH" in p
        and "BYMONTHDAY" in p
        and "," not in p["BYMONTH"] + p["BYMONTHDAY"]
    ):
        return f"{base} on {EN_MONTHS[int(p['BYMONTH']) - 1]} {int(p['BYMONTHDAY'])}"
    return (
        base
        if set(p) <= {"FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST"}
        else f"{base} ({rule.text})"
    )


def _en_month_day(p: dict[str, str]) -> str:
    for day, fallback in LAST_DAY_FALLBACK.items():
        if p["BYMONTHDAY"] == fallback and p.get("BYSETPOS") == "-1":
            return f"the {_en_ordinal(day)} (or the last day)"
    days = [int(d) for d in p["BYMONTHDAY"].split(",")]
    return _join(["the last day" if d == -1 else f"the {_en_ordinal(d)}" for d in days], "and")


def _pt(rule: Rule) -> str:
    p, interval = rule.parts, int(rule.parts.get("INTERVAL", "1"))
    freq = p["FREQ"]
    base = PT_UNITS[freq][0] if interval == 1 else f"A cada {interval} {PT_UNITS[freq][1]}"
    days = p.get("BYDAY", "").split(",") if "BYDAY" in p else []
    if freq == "WEEKLY" and p.get("BYDAY") == WORKDAYS and interval == 1:
        return "Todo dia útil"
    if freq == "WEEKLY" and days:
        names = [PT_DAYS[d] for d in days]
        if len(names) > 1:  # "segunda, quarta e sexta-feira"
            names = [n.removesuffix("-feira") for n in names[:-1]] + names[-1:]
        weekend = days[0] in ("SA", "SU")
        if interval == 1:
            return ("Todo " if weekend else "Toda ") + _join(names, "e")
        return f"{base}, {'no' if weekend else 'na'} {_join(names, 'e')}"
    if freq == "MONTHLY" and "BYMONTHDAY" in p:
        return f"{base} {_pt_month_day(p)}"
    if freq == "MONTHLY" and len(days) == 1 and _split_day(days[0])[0] in PT_ORDINALS:
        ordinal, code = _split_day(days[0])
        gender = "o" if code in ("SA", "SU") else "a"
        return f"{base} n{gender} {PT_ORDINALS[ordinal]}{gender} {PT_DAYS[code]}"
    if (
        freq == "YEARLY"
        and "BYMONTH" in p
        and "BYMONTHDAY" in p
        and "," not in p["BYMONTH"] + p["BYMONTHDAY"]
    ):
        return f"{base} em {int(p['BYMONTHDAY'])} de {PT_MONTHS[int(p['BYMONTH']) - 1]}"
    return (
        base
        if set(p) <= {"FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST"}
        else f"{base} ({rule.text})"
    )


def _pt_month_day(p: dict[str, str]) -> str:
    for day, fallback in LAST_DAY_FALLBACK.items():
        if p["BYMONTHDAY"] == fallback and p.get("BYSETPOS") == "-1":
            return f"no dia {day} (ou no último dia)"
    days = [int(d) for d in p["BYMONTHDAY"].split(",")]
    named = ["no último dia" if d == -1 else f"no dia {d}" for d in days]
    return _join(named, "e")


def _limit(rule: Rule, portuguese: bool) -> str:
    if "COUNT" in rule.parts:
        count = int(rule.parts["COUNT"])
        if portuguese:
            return ", 1 vez" if count == 1 else f", {count} vezes"
        return ", once" if count == 1 else f", {count} times"
    if "UNTIL" in rule.parts:
        u = rule.parts["UNTIL"]
        return (
            f", até {u[6:8]}/{u[4:6]}/{u[0:4]}"
            if portuguese
            else f", until {u[0:4]}-{u[4:6]}-{u[6:8]}"
        )
    return ""
