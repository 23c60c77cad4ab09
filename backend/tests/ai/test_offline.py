"""The offline planner on a table of goals in both languages, and its data files."""

from __future__ import annotations

import re

import pytest

from app.services.ai import OFFLINE_MODEL, PlanRequest, detect_language
from app.services.ai.knowledge import load_knowledge, normalize
from app.services.ai.offline import OfflinePlanner, find_place, select_steps

# (goal, language, domain): one goal per domain in each language.
GOALS = [
    ("Organize my son's 6th birthday party", "en", "kids_birthday"),
    ("Organizar a festa de aniversário do meu filho", "pt-BR", "kids_birthday"),
    ("Plan our wedding for next spring", "en", "wedding"),
    ("Organizar o casamento no sítio", "pt-BR", "wedding"),
    ("Get ready for the baby's arrival", "en", "baby"),
    ("Preparar o enxoval do bebê", "pt-BR", "baby"),
    ("Start a podcast about local history", "en", "podcast"),
    ("Criar um podcast sobre tecnologia", "pt-BR", "podcast"),
    ("Raise money for the animal shelter", "en", "fundraising"),
    ("Fazer uma vaquinha para a ONG do bairro", "pt-BR", "fundraising"),
    ("Do a photoshoot of the family", "en", "photography"),
    ("Fazer um ensaio fotográfico da família", "pt-BR", "photography"),
    ("Set up a home office in the spare room", "en", "home_office"),
    ("Montar um home office no quarto de hóspedes", "pt-BR", "home_office"),
    ("Learn to play the guitar", "en", "instrument"),
    ("Aprender a tocar violão", "pt-BR", "instrument"),
    ("Launch my portfolio website", "en", "website_launch"),
    ("Criar o site da minha loja virtual", "pt-BR", "website_launch"),
    ("Prepare my talk for the Python conference", "en", "conference_talk"),
    ("Preparar a palestra para o congresso", "pt-BR", "conference_talk"),
    ("Hire a backend developer", "en", "hiring"),
    ("Contratar um desenvolvedor para a equipe", "pt-BR", "hiring"),
    ("Find a new job as a data analyst", "en", "job_search"),
    ("Procurar emprego como analista de dados", "pt-BR", "job_search"),
    ("File my income tax return", "en", "taxes"),
    ("Declarar o imposto de renda", "pt-BR", "taxes"),
    ("Get a dental checkup", "en", "health"),
    ("Fazer um check-up com o médico", "pt-BR", "health"),
    ("Get the car serviced before winter", "en", "car"),
    ("Fazer a revisão do carro", "pt-BR", "car"),
    ("Adopt a puppy from the shelter", "en", "pet"),
    ("Adotar um cachorro", "pt-BR", "pet"),
    ("Learn Spanish in six months", "en", "language_learning"),
    ("Aprender inglês para o trabalho", "pt-BR", "language_learning"),
    ("Write my master's thesis", "en", "thesis"),
    ("Escrever o TCC", "pt-BR", "thesis"),
    ("Study for the chemistry exam", "en", "exam"),
    ("Estudar para o vestibular", "pt-BR", "exam"),
    ("Deep clean the house before the holidays", "en", "cleaning"),
    ("Fazer uma faxina geral na casa", "pt-BR", "cleaning"),
    ("Renovate the bathroom", "en", "renovation"),
    ("Reformar a cozinha", "pt-BR", "renovation"),
    ("Start a vegetable garden", "en", "gardening"),
    ("Começar uma horta no quintal", "pt-BR", "gardening"),
    ("Move to a new apartment", "en", "moving"),
    ("Organizar a mudança para o apartamento novo", "pt-BR", "moving"),
    ("Plan a weekend trip to the coast", "en", "travel"),
    ("Planejar uma viagem de férias", "pt-BR", "travel"),
    ("Launch our new product", "en", "product_launch"),
    ("Lançar o novo aplicativo", "pt-BR", "product_launch"),
    ("Run my first marathon", "en", "fitness"),
    ("Treinar para uma corrida de 10 km", "pt-BR", "fitness"),
    ("Host a dinner for eight friends", "en", "dinner"),
    ("Fazer um jantar para os amigos", "pt-BR", "dinner"),
    ("Throw a surprise party for Anna", "en", "party"),
    ("Organizar uma festa de fim de ano", "pt-BR", "party"),
    ("Make a monthly budget and save money", "en", "budgeting"),
    ("Montar um orçamento mensal e economizar", "pt-BR", "budgeting"),
    ("Read 12 books this year", "en", "reading"),
    ("Ler mais livros este ano", "pt-BR", "reading"),
    ("Get a visa for Brazil", "en", "documents"),
    ("Tirar a segunda via do RG", "pt-BR", "documents"),
    ("Leaking pipe under the sink", "en", "home_repair"),
    ("Vazamento no banheiro", "pt-BR", "home_repair"),
]
GRANULARITIES = ("coarse", "normal", "fine")
OPTIONAL_PART = re.compile(r"\[[^\]]*\]")  # "[ in {place}]" parts, dropped without a place


@pytest.fixture(scope="module")
def planner() -> OfflinePlanner:
    return OfflinePlanner()


def plan_titles(planner: OfflinePlanner, goal: str, **options: object) -> list[str]:
    settings: dict[str, object] = {"max_tasks": 15, "language": detect_language(goal)} | options
    return [task.title for task in planner.plan(PlanRequest(goal=goal, **settings)).tasks]


def test_the_table_covers_every_domain_in_both_languages() -> None:
    domains = {domain.id for domain in load_knowledge().domains}
    assert len(domains) == 32
    assert {(language, domain) for _, language, domain in GOALS} == {
        (language, domain) for language in ("en", "pt-BR") for domain in domains
    }


@pytest.mark.parametrize(("goal", "language", "domain"), GOALS)
def test_goal_is_recognised_and_planned_in_its_language(
    planner: OfflinePlanner, goal: str, language: str, domain: str
) -> None:
    assert detect_language(goal) == language
    matched = planner.match_domain(goal)
    assert matched is not None
    assert matched.id == domain

    plan = planner.plan(PlanRequest(goal=goal, max_tasks=15, language=language))  # type: ignore[arg-type]

    assert (plan.provider, plan.model) == ("offline", OFFLINE_MODEL)
    core_and_normal = [s.title for s in matched.steps[language] if s.level <= 2]  # type: ignore[index]
    titles = [task.title for task in plan.tasks]
    assert len(titles) == len(core_and_normal)
    for title, template in zip(titles, core_and_normal, strict=True):
        # "[ for {the_obj}]" parts name the goal's object when it has one, so only the start is fixed
        assert (
            title == template if "[" not in template else title.startswith(template.split("[")[0])
        )


@pytest.mark.parametrize(("goal", "language", "domain"), GOALS)
def test_plan_titles_are_distinct_verb_first_and_bounded(
    planner: OfflinePlanner, goal: str, language: str, domain: str
) -> None:
    verbs = load_knowledge().languages[language].verbs  # type: ignore[index]
    for granularity in GRANULARITIES:
        for max_tasks in (1, 3, 15):
            request = PlanRequest(goal, max_tasks, language, granularity)  # type: ignore[arg-type]
            tasks = planner.plan(request).tasks
            titles = [task.title.casefold() for task in tasks]
            assert 1 <= len(tasks) <= max_tasks
            assert len(set(titles)) == len(titles)
            assert all(task.title.split()[0] in verbs for task in tasks)
            assert all(0 < len(task.title) <= 160 for task in tasks)
            assert all(task.estimate_minutes and task.estimate_minutes > 0 for task in tasks)


@pytest.mark.parametrize(("goal", "language", "domain"), GOALS)
def test_coarse_has_fewer_steps_than_normal_and_normal_fewer_than_fine(
    planner: OfflinePlanner, goal: str, language: str, domain: str
) -> None:
    counts = [len(plan_titles(planner, goal, granularity=g)) for g in GRANULARITIES]
    assert counts[0] < counts[1] < counts[2]
    assert counts[0] >= 3
    assert 10 <= counts[2] <= 15


def test_coarser_plans_merge_the_left_out_minutes_into_bigger_steps(
    planner: OfflinePlanner,
) -> None:
    def total(granularity: str) -> int:
        request = PlanRequest("Move to a new apartment", 15, "en", granularity)  # type: ignore[arg-type]
        return sum(task.estimate_minutes or 0 for task in planner.plan(request).tasks)

    steps = next(d for d in load_knowledge().domains if d.id == "moving").steps["en"]
    assert total("fine") == sum(step.minutes for step in steps) == 1030
    assert total("coarse") == 1040  # the same work, rounded into four bigger steps


def test_exact_plan_for_a_weekend_trip_to_lisbon(planner: OfflinePlanner) -> None:
    assert plan_titles(planner, "Plan a weekend trip to Lisbon", max_tasks=7) == [
        "Set the dates and budget for the trip to Lisbon",
        "Check passports, visas and travel documents",
        "Book flights or transport to Lisbon",
        "Book accommodation in Lisbon",
        "Draft a day-by-day itinerary for Lisbon",
        "Arrange care for pets, plants and mail at home",
        "Make a packing list and pack",
    ]


def test_exact_coarse_plan_for_a_childs_birthday_in_portuguese(planner: OfflinePlanner) -> None:
    request = PlanRequest("Organizar a festa de aniversário do meu filho", 7, "pt-BR", "coarse")
    assert [(t.title, t.estimate_minutes) for t in planner.plan(request).tasks] == [
        ("Definir data, horário e orçamento da festa", 35),
        ("Reservar o salão ou preparar o espaço em casa", 30),
        ("Fazer a lista de convidados e enviar os convites", 90),
        ("Encomendar o bolo e os docinhos", 225),
    ]


def test_a_goal_in_one_language_can_be_answered_in_the_other(planner: OfflinePlanner) -> None:
    titles = plan_titles(planner, "Viagem para Salvador", language="en", max_tasks=3)
    assert titles == [
        "Set the dates and budget for the trip to Salvador",
        "Book flights or transport to Salvador",
        "Book accommodation in Salvador",
    ]


def test_max_tasks_keeps_the_most_important_steps_in_order(planner: OfflinePlanner) -> None:
    assert plan_titles(planner, "Reformar a cozinha", max_tasks=3) == [
        "Definir o escopo e o orçamento da reforma",
        "Pedir três orçamentos a profissionais",
        "Contratar o profissional e combinar o cronograma",
    ]


def test_the_plan_is_deterministic(planner: OfflinePlanner) -> None:
    request = PlanRequest("Plan a weekend trip to Lisbon", 15, "en", "fine")
    assert planner.plan(request) == planner.plan(request) == OfflinePlanner().plan(request)


@pytest.mark.parametrize(
    ("goal", "language", "expected"),
    [
        (
            "Quarterly report",
            "en",
            [
                "Gather what you need for the report",
                "Block time in your calendar for the report",
                "Work on the first part of the report and note what is left",
            ],
        ),
        (
            "Relatório trimestral.",
            "pt-BR",
            [
                "Separar o que precisa para o relatório",
                "Reservar um horário na agenda para o relatório",
                "Fazer a primeira parte do relatório e anotar o que falta",
            ],
        ),
    ],
)
def test_an_unknown_goal_gets_a_short_plan_naming_its_subject_without_quoting_it(
    planner: OfflinePlanner, goal: str, language: str, expected: list[str]
) -> None:
    assert planner.match_domain(goal) is None
    assert plan_titles(planner, goal, language=language, max_tasks=7) == expected


def test_a_long_unknown_goal_keeps_titles_short_and_never_quotes_it(
    planner: OfflinePlanner,
) -> None:
    goal = "Sort " + " ".join(["the old attic boxes"] * 30)
    titles = plan_titles(planner, goal, language="en", granularity="fine")
    assert titles == [
        "Gather what you need for the old attic boxes",
        "Block time in your calendar for the old attic boxes",
        "Work on the first part of the old attic boxes and note what is left",
        "Check the result and finish what is left",
    ]


def test_breakdown_uses_the_context_when_the_title_is_not_enough(planner: OfflinePlanner) -> None:
    request = PlanRequest("Sort things out", 3, "en", context="Before the trip to Rome")
    assert [t.title for t in planner.plan(request).tasks] == [
        "Set the dates and budget for the trip",
        "Book flights or transport",
        "Book accommodation",
    ]


def test_a_step_equal_to_the_goal_is_not_repeated_as_its_own_subtask(
    planner: OfflinePlanner,
) -> None:
    titles = plan_titles(planner, "Book accommodation")
    assert titles == [
        "Pick the dates or times that work for you",
        "Compare options and prices for the accommodation",
        "Confirm the booking of the accommodation and save the confirmation",
    ]


@pytest.mark.parametrize(
    ("goal", "place"),
    [
        ("Plan a weekend trip to Lisbon.", "Lisbon"),
        ("Trip to New York in May", "New York"),
        ("Trip in May to Paris", "Paris"),
        ("Viajar ao Rio de Janeiro em Janeiro", "Rio de Janeiro"),
        ("Mudança para São Paulo", "São Paulo"),
        ("Travel to Buenos Aires, Argentina", "Buenos Aires"),
        ("Trip to the beach", None),
        ("Vacation in December", None),
    ],
)
def test_find_place(goal: str, place: str | None) -> None:
    assert find_place(goal, load_knowledge()) == place


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Organizar a festa de aniversário do meu filho", "pt-BR"),
        ("Plan a weekend trip to Lisbon", "en"),
        ("Casamento", "pt-BR"),
        ("Comprar pão", "pt-BR"),
        ("Tirar o lixo", "pt-BR"),
        ("Do the laundry", "en"),
        ("Find a new job as a data analyst", "en"),
        ("Wedding", "en"),
        ("Sushi", "en"),
        ("ok", "en"),
        ("", "en"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_every_step_of_the_data_starts_with_a_listed_verb() -> None:
    knowledge = load_knowledge()
    for language, data in knowledge.languages.items():
        steps = list(data.generic) + [s for d in knowledge.domains for s in d.steps[language]]
        steps += [s for a in knowledge.actions for s in a.steps[language]]
        steps += [s for d in knowledge.domains for p in d.actions.values() for s in p[language]]
        assert [s.title for s in steps if s.title.split()[0] not in data.verbs] == []


def test_every_domain_has_enough_steps_at_every_level() -> None:
    for domain in load_knowledge().domains:
        for steps in domain.steps.values():
            levels = [step.level for step in steps]
            assert 9 <= len(steps) <= 15, domain.id
            assert levels.count(1) >= 3 and levels.count(2) >= 2 and levels.count(3) >= 2


def test_keywords_match_accent_and_case_insensitively_and_by_stem(
    planner: OfflinePlanner,
) -> None:
    for goal in ("VIAGEM", "viajar", "Viagens baratas", "vIaGeM"):
        assert planner.match_domain(goal).id == "travel"  # type: ignore[union-attr]
    assert normalize("Aniversário, São-João!") == ["aniversario", "sao", "joao"]


def test_select_steps_with_nothing_to_select() -> None:
    assert select_steps((), "normal", 5) == []
