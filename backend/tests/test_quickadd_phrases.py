"""The quick-add phrase table: what each line means, with ``now`` pinned.

Half the phrases are Brazilian Portuguese and half English. Most are read on Wednesday
11 March 2026 at 10:00; the rest are read a minute before or after midnight and on the
nights daylight saving starts or ends (America/New_York on 8 March and 1 November 2026,
Europe/Lisbon on 29 March and 25 October 2026). America/Sao_Paulo has had no daylight
saving since 2019: its early-November night is an ordinary one.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from app.domain.quickadd import parse

SP, NY, LIS = "America/Sao_Paulo", "America/New_York", "Europe/Lisbon"
WED_SP = ("2026-03-11T10:00:00-03:00", SP)  # Wednesday
WED_NY = ("2026-03-11T10:00:00-04:00", NY)
WORKDAYS = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"


def meaning(
    title: str, due: str | None = None, at: str | None = None, **rest: Any
) -> dict[str, Any]:
    return {
        "title": title,
        "due_date": date.fromisoformat(due) if due else None,
        "due_time": time.fromisoformat(at) if at else None,
        "project": rest.get("project"),
        "labels": rest.get("labels", []),
        "priority": rest.get("priority"),
        "recurrence": rest.get("recurrence"),
        "reminder": {"before_minutes": rest["before"]} if "before" in rest else None,
    }


PORTUGUESE = [
    (
        "Dentista sexta 14h30 #saúde",
        WED_SP,
        meaning("Dentista", "2026-03-13", "14:30", project="saúde"),
    ),
    ("Comprar pão hoje", WED_SP, meaning("Comprar pão", "2026-03-11")),
    ("Ligar pra vó amanhã", WED_SP, meaning("Ligar pra vó", "2026-03-12")),
    ("Pagar boleto depois de amanhã", WED_SP, meaning("Pagar boleto", "2026-03-13")),
    ("Renovar passaporte daqui a 3 dias", WED_SP, meaning("Renovar passaporte", "2026-03-14")),
    ("Revisar contrato em 2 semanas", WED_SP, meaning("Revisar contrato", "2026-03-25")),
    ("Planejar viagem semana que vem", WED_SP, meaning("Planejar viagem", "2026-03-16")),
    ("Planejar viagem na próxima semana", WED_SP, meaning("Planejar viagem", "2026-03-16")),
    ("Reunião segunda que vem 10:30", WED_SP, meaning("Reunião", "2026-03-16", "10:30")),
    ("Feira no sábado 8h", WED_SP, meaning("Feira", "2026-03-14", "08:00")),
    ("Missa domingo às 9h", WED_SP, meaning("Missa", "2026-03-15", "09:00")),
    ("Entregar relatório quarta", WED_SP, meaning("Entregar relatório", "2026-03-18")),
    ("Aula de inglês quinta-feira 19h", WED_SP, meaning("Aula de inglês", "2026-03-12", "19:00")),
    ("Consulta 15 de março", WED_SP, meaning("Consulta", "2026-03-15")),
    ("Aniversário da Ana 2 de janeiro", WED_SP, meaning("Aniversário da Ana", "2027-01-02")),
    ("Viagem dia 20 de abril de 2027", WED_SP, meaning("Viagem", "2027-04-20")),
    ("Boleto 05/03", WED_SP, meaning("Boleto", "2027-03-05")),
    ("Boleto 20/03", WED_SP, meaning("Boleto", "2026-03-20")),
    ("Pagar aluguel dia 10", WED_SP, meaning("Pagar aluguel", "2026-04-10")),
    ("Pagar condomínio dia 11", WED_SP, meaning("Pagar condomínio", "2026-03-11")),
    (
        "Almoço com a equipe amanhã meio-dia",
        WED_SP,
        meaning("Almoço com a equipe", "2026-03-12", "12:00"),
    ),
    ("Jantar às 8 da noite", WED_SP, meaning("Jantar", None, "20:00")),
    ("Tomar remédio hoje 9h", WED_SP, meaning("Tomar remédio", "2026-03-11", "09:00")),
    ("Corrida amanhã 6h15", WED_SP, meaning("Corrida", "2026-03-12", "06:15")),
    ("Pedir segunda via do boleto", WED_SP, meaning("Pedir segunda via do boleto")),
    (
        "Regar as plantas todo dia",
        WED_SP,
        meaning("Regar as plantas", "2026-03-11", recurrence="FREQ=DAILY"),
    ),
    (
        "Academia todo dia útil 7h",
        WED_SP,
        meaning("Academia", "2026-03-11", "07:00", recurrence=WORKDAYS),
    ),
    (
        "Reunião de equipe toda segunda 9h",
        WED_SP,
        meaning("Reunião de equipe", "2026-03-16", "09:00", recurrence="FREQ=WEEKLY;BYDAY=MO"),
    ),
    (
        "Backup toda segunda e quinta",
        WED_SP,
        meaning("Backup", "2026-03-12", recurrence="FREQ=WEEKLY;BYDAY=MO,TH"),
    ),
    (
        "Faxina a cada 2 semanas",
        WED_SP,
        meaning("Faxina", "2026-03-11", recurrence="FREQ=WEEKLY;INTERVAL=2"),
    ),
    (
        "Pagar fatura todo dia 5",
        WED_SP,
        meaning("Pagar fatura", "2026-04-05", recurrence="FREQ=MONTHLY;BYMONTHDAY=5"),
    ),
    (
        "Fechar o mês todo dia 31",
        WED_SP,
        meaning(
            "Fechar o mês",
            "2026-03-31",
            recurrence="FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1",
        ),
    ),
    (
        "Relatório todo dia 5 às 9h @trabalho p2",
        WED_SP,
        meaning(
            "Relatório",
            "2026-04-05",
            "09:00",
            labels=["trabalho"],
            priority=2,
            recurrence="FREQ=MONTHLY;BYMONTHDAY=5",
        ),
    ),
    (
        "Voo sexta 7h me lembre 30 min antes",
        WED_SP,
        meaning("Voo", "2026-03-13", "07:00", before=30),
    ),
    (
        "Prova amanhã 8h me lembra 1 dia antes !1",
        WED_SP,
        meaning("Prova", "2026-03-12", "08:00", priority=1, before=1440),
    ),
    (
        "Comprar presente @família @urgente #casa",
        WED_SP,
        meaning("Comprar presente", project="casa", labels=["família", "urgente"]),
    ),
    (
        "Estudar para a prova hoje",
        ("2026-03-12T02:59:00Z", SP),
        meaning("Estudar para a prova", "2026-03-11"),
    ),
    (
        "Estudar para a prova hoje",
        ("2026-03-12T03:01:00Z", SP),
        meaning("Estudar para a prova", "2026-03-12"),
    ),
    (
        "Trocar o óleo amanhã 9h",
        ("2026-11-01T02:30:00Z", SP),
        meaning("Trocar o óleo", "2026-11-01", "09:00"),
    ),
    (
        "Ligar pro banco amanhã 9h",
        ("2026-03-28T23:30:00Z", LIS),
        meaning("Ligar pro banco", "2026-03-29", "09:00"),
    ),
    (
        "Caminhada todo dia 7h",
        ("2026-10-24T22:30:00Z", LIS),
        meaning("Caminhada", "2026-10-24", "07:00", recurrence="FREQ=DAILY"),
    ),
]

ENGLISH = [
    (
        "Pay rent tomorrow 9am #home !1",
        WED_NY,
        meaning("Pay rent", "2026-03-12", "09:00", project="home", priority=1),
    ),
    ("Buy milk today", WED_NY, meaning("Buy milk", "2026-03-11")),
    ("Call the plumber the day after tomorrow", WED_NY, meaning("Call the plumber", "2026-03-13")),
    ("Renew license in 3 days", WED_NY, meaning("Renew license", "2026-03-14")),
    ("Review budget in 2 weeks", WED_NY, meaning("Review budget", "2026-03-25")),
    ("Send invoice in a month", WED_NY, meaning("Send invoice", "2026-04-11")),
    ("Plan the offsite next week", WED_NY, meaning("Plan the offsite", "2026-03-16")),
    ("Submit report friday", WED_NY, meaning("Submit report", "2026-03-13")),
    ("Team lunch on friday at noon", WED_NY, meaning("Team lunch", "2026-03-13", "12:00")),
    ("Retro next monday 3pm", WED_NY, meaning("Retro", "2026-03-16", "15:00")),
    ("Gym wednesday 6:30am", WED_NY, meaning("Gym", "2026-03-18", "06:30")),
    ("Dentist March 15", WED_NY, meaning("Dentist", "2026-03-15")),
    ("Conference on the 2nd of April", WED_NY, meaning("Conference", "2026-04-02")),
    ("Taxes April 15, 2027", WED_NY, meaning("Taxes", "2027-04-15")),
    ("Party Jan 3rd", WED_NY, meaning("Party", "2027-01-03")),
    ("Pay 3/15", WED_NY, meaning("Pay", "2026-03-15")),
    ("Pay 3/5", WED_NY, meaning("Pay", "2027-03-05")),
    ("Book flights 2026-06-01", WED_NY, meaning("Book flights", "2026-06-01")),
    ("Call bob at noon", WED_NY, meaning("Call bob", None, "12:00")),
    ("Deploy tonight 21:30", WED_NY, meaning("Deploy", "2026-03-11", "21:30")),
    ("Standup tomorrow at 9", WED_NY, meaning("Standup", "2026-03-12", "09:00")),
    ("Backup at midnight", WED_NY, meaning("Backup", None, "00:00")),
    ("Turn the lights on", WED_NY, meaning("Turn the lights on")),
    (
        "Water the plants every day",
        WED_NY,
        meaning("Water the plants", "2026-03-11", recurrence="FREQ=DAILY"),
    ),
    (
        "Standup every weekday 9:15am",
        WED_NY,
        meaning("Standup", "2026-03-11", "09:15", recurrence=WORKDAYS),
    ),
    (
        "Call mom every monday at 6pm",
        WED_NY,
        meaning("Call mom", "2026-03-16", "18:00", recurrence="FREQ=WEEKLY;BYDAY=MO"),
    ),
    (
        "Yoga every tuesday and thursday 7am",
        WED_NY,
        meaning("Yoga", "2026-03-12", "07:00", recurrence="FREQ=WEEKLY;BYDAY=TU,TH"),
    ),
    (
        "Sprint review every 2 weeks",
        WED_NY,
        meaning("Sprint review", "2026-03-11", recurrence="FREQ=WEEKLY;INTERVAL=2"),
    ),
    (
        "Pay rent every month on the 5th",
        WED_NY,
        meaning("Pay rent", "2026-04-05", recurrence="FREQ=MONTHLY;BYMONTHDAY=5"),
    ),
    (
        "Invoice every month on the 31st",
        WED_NY,
        meaning(
            "Invoice", "2026-03-31", recurrence="FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1"
        ),
    ),
    (
        "Water plants every other day",
        WED_NY,
        meaning("Water plants", "2026-03-11", recurrence="FREQ=DAILY;INTERVAL=2"),
    ),
    (
        "Flight friday 7am remind me 1h before",
        WED_NY,
        meaning("Flight", "2026-03-13", "07:00", before=60),
    ),
    (
        "Exam tomorrow 8am remind me 2 days before p1",
        WED_NY,
        meaning("Exam", "2026-03-12", "08:00", priority=1, before=2880),
    ),
    (
        "Write blog post @writing @personal p3",
        WED_NY,
        meaning("Write blog post", labels=["writing", "personal"], priority=3),
    ),
    ("Pick up kids today", ("2026-03-08T04:59:00Z", NY), meaning("Pick up kids", "2026-03-07")),
    ("Pick up kids today", ("2026-03-08T05:01:00Z", NY), meaning("Pick up kids", "2026-03-08")),
    ("Brunch tomorrow 9am", ("2026-03-08T01:00:00Z", NY), meaning("Brunch", "2026-03-08", "09:00")),
    (
        "Night shift tomorrow 2:30am",
        ("2026-03-08T01:00:00Z", NY),
        meaning("Night shift", "2026-03-08", "02:30"),
    ),
    (
        "Late call tomorrow 1:30am",
        ("2026-10-31T16:00:00Z", NY),
        meaning("Late call", "2026-11-01", "01:30"),
    ),
    ("Run tomorrow 9am", ("2026-10-24T22:30:00Z", LIS), meaning("Run", "2026-10-25", "09:00")),
    (
        "Market tomorrow 9am",
        ("2026-03-28T23:30:00Z", LIS),
        meaning("Market", "2026-03-29", "09:00"),
    ),
]


def _read(text: str, now: tuple[str, str], language: str) -> Any:
    moment, zone = now
    return parse(
        text, now=datetime.fromisoformat(moment), zone=ZoneInfo(zone), default_language=language
    )


def _as_dict(parsed: Any) -> dict[str, Any]:
    return {key: getattr(parsed, key) for key in meaning("")}


@pytest.mark.parametrize(("text", "now", "expected"), PORTUGUESE, ids=[p[0] for p in PORTUGUESE])
def test_portuguese_phrases(text: str, now: tuple[str, str], expected: dict[str, Any]) -> None:
    parsed = _read(text, now, "pt-BR")
    assert (_as_dict(parsed), parsed.language) == (expected, "pt-BR")


@pytest.mark.parametrize(("text", "now", "expected"), ENGLISH, ids=[p[0] for p in ENGLISH])
def test_english_phrases(text: str, now: tuple[str, str], expected: dict[str, Any]) -> None:
    parsed = _read(text, now, "en")
    assert (_as_dict(parsed), parsed.language) == (expected, "en")


def test_the_table_has_at_least_forty_phrases_in_each_language() -> None:
    assert (len(PORTUGUESE) >= 40, len(ENGLISH) >= 40) == (True, True)


@pytest.mark.parametrize(
    ("text", "now", "language", "instant"),
    [
        # New York springs forward at 02:00 on 8 March: 9:00 that day is 13:00 UTC, not 14:00.
        ("Brunch tomorrow 9am", ("2026-03-08T01:00:00Z", NY), "en", "2026-03-08T13:00:00"),
        ("Brunch tomorrow 9am", ("2026-03-07T01:00:00Z", NY), "en", "2026-03-07T14:00:00"),
        # 02:30 does not exist that night: it moves forward by the gap, to 03:30 EDT.
        ("Night shift tomorrow 2:30am", ("2026-03-08T01:00:00Z", NY), "en", "2026-03-08T07:30:00"),
        # 01:30 happens twice when New York falls back on 1 November: the first (EDT) is meant.
        ("Late call tomorrow 1:30am", ("2026-10-31T16:00:00Z", NY), "en", "2026-11-01T05:30:00"),
        ("Market tomorrow 9am", ("2026-03-28T23:30:00Z", LIS), "en", "2026-03-29T08:00:00"),
        ("Run tomorrow 9am", ("2026-10-24T22:30:00Z", LIS), "en", "2026-10-25T09:00:00"),
        (
            "Ligar pro banco amanhã 9h",
            ("2026-03-28T23:30:00Z", LIS),
            "pt-BR",
            "2026-03-29T08:00:00",
        ),
        # São Paulo keeps UTC-3 all year.
        ("Trocar o óleo amanhã 9h", ("2026-11-01T02:30:00Z", SP), "pt-BR", "2026-11-01T12:00:00"),
        ("Buy milk today", WED_NY, "en", None),
    ],
)
def test_due_instant_follows_the_zone_across_daylight_saving(
    text: str, now: tuple[str, str], language: str, instant: str | None
) -> None:
    expected = datetime.fromisoformat(instant).replace(tzinfo=UTC) if instant else None
    assert _read(text, now, language).due_at == expected


@pytest.mark.parametrize(
    ("text", "default", "language"),
    [
        ("Dentista sexta 14h30", "en", "pt-BR"),
        ("Pay rent tomorrow 9am", "pt-BR", "en"),
        ("Boleto 05/03", "pt-BR", "pt-BR"),
        ("Boleto 05/03", "en", "en"),
    ],
)
def test_the_language_comes_from_the_words_then_the_default(
    text: str, default: str, language: str
) -> None:
    assert _read(text, WED_SP, default).language == language


def test_an_explicit_language_wins_over_the_words() -> None:
    parsed = parse(
        "Boleto 05/03 amanhã",
        now=datetime.fromisoformat(WED_SP[0]),
        zone=ZoneInfo(SP),
        language="en",
    )
    assert (parsed.language, parsed.due_date, parsed.title) == (
        "en",
        date(2026, 5, 3),
        "Boleto amanhã",
    )


@pytest.mark.parametrize(
    ("literal", "title", "due", "at", "project"),
    [
        ((), "Pay rent", date(2026, 3, 12), time(9), "home"),
        (("project",), "Pay rent #home", date(2026, 3, 12), time(9), None),
        (("due_date", "due_time"), "Pay rent tomorrow 9am", None, None, "home"),
    ],
)
def test_a_literal_kind_keeps_its_words_in_the_title(
    literal: tuple[str, ...], title: str, due: date | None, at: time | None, project: str | None
) -> None:
    parsed = parse(
        "Pay rent tomorrow 9am #home",
        now=datetime.fromisoformat(WED_NY[0]),
        zone=ZoneInfo(NY),
        literal=literal,
    )
    assert (parsed.title, parsed.due_date, parsed.due_time, parsed.project) == (
        title,
        due,
        at,
        project,
    )
