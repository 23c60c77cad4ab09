"""The offline planner reads the action of a goal: archetypes, traps, size, phrasing, breakdown."""

from __future__ import annotations

import pytest

from app.services.ai import PlanRequest, detect_language
from app.services.ai.evaluation import is_boilerplate
from app.services.ai.offline import OfflinePlanner
from app.services.ai.phrasing import object_values


@pytest.fixture(scope="module")
def planner() -> OfflinePlanner:
    return OfflinePlanner()


def titles(planner: OfflinePlanner, goal: str, **options: object) -> list[str]:
    settings: dict[str, object] = {"max_tasks": 7, "language": detect_language(goal)} | options
    return [task.title for task in planner.plan(PlanRequest(goal=goal, **settings)).tasks]


# The ten goals of issue 14, each with the exact plan it now gets (normal granularity).
ISSUE_GOALS = [
    (
        "Renew my passport",
        [
            "Check the expiry date of my passport and what the renewal requires",
            "Fill in the renewal form online and pay the fee",
            "Go to the appointment with my passport and the receipt",
        ],
    ),
    (
        "Fix the leaking bathroom tap",
        [
            "Turn off the water or power and look at what is wrong with the leaking bathroom tap",
            "Decide if it is a simple repair or needs a plumber or an electrician",
            "Buy the spare part and do the repair, or book the professional",
        ],
    ),
    (
        "Cancel my gym membership",
        [
            "Find the contract or account details for my gym membership",
            "Check the notice period and any cancellation fee",
            "Send the cancellation request in writing and keep the reference number",
        ],
    ),
    (
        "Cancelar a assinatura da academia",
        [
            "Achar o contrato e o login da assinatura da academia",
            "Conferir o aviso prévio e se há multa de cancelamento",
            "Pedir o cancelamento da assinatura da academia por escrito e anotar o protocolo",
        ],
    ),
    (
        "Renovar o passaporte",
        [
            "Conferir a validade do passaporte e o que a renovação exige",
            "Preencher o pedido de renovação online e pagar a taxa",
            "Ir ao atendimento levando o passaporte e o comprovante",
        ],
    ),
    (
        "Devolver o fone de ouvido com defeito",
        [
            "Achar a nota fiscal ou o número do pedido do fone de ouvido",
            "Conferir o prazo de devolução e a política da loja",
            "Embalar o fone de ouvido e levar à loja ou aos Correios",
        ],
    ),
    (
        "Write a blog post about Flask and React",
        [
            "Outline the main points of the blog post about Flask and React",
            "Write the first draft of the blog post",
            "Revise the draft and publish or send it",
        ],
    ),
    (
        "Call the plumber",
        [
            "Find the phone number of the plumber",
            "Describe the problem and when you are at home",
            "Ask for a quote and a visit date before any work starts",
        ],
    ),
    (
        "Pay the electricity bill",
        [
            "Check the amount and the due date of the electricity bill",
            "Make sure there is enough money in the account",
            "Make the payment in the bank app, by card or by transfer",
        ],
    ),
    (
        "Pagar a conta de luz",
        [
            "Conferir o valor e o vencimento da conta de luz",
            "Verificar se há saldo na conta",
            "Fazer o pagamento pelo app do banco, Pix ou boleto",
        ],
    ),
]


@pytest.mark.parametrize(("goal", "expected"), ISSUE_GOALS)
def test_the_goals_of_the_issue_get_their_own_plan(
    planner: OfflinePlanner, goal: str, expected: list[str]
) -> None:
    plan = titles(planner, goal)
    assert plan == expected
    assert not any(is_boilerplate(title, goal) for title in plan)


def test_a_driving_licence_is_planned_as_a_document(planner: OfflinePlanner) -> None:
    assert titles(planner, "Tirar a carteira de motorista", max_tasks=3) == [
        "Conferir no site oficial os requisitos e as taxas da carteira de motorista",
        "Juntar os documentos, as fotos e as cópias exigidos",
        "Agendar o atendimento no órgão responsável",
    ]


@pytest.mark.parametrize(
    ("goal", "action", "domain"),
    [
        ("Renovar o passaporte", "renew", "documents"),  # not a renovation ("reforma")
        ("Renovate the bathroom", None, "renovation"),
        ("Reformar a cozinha", None, "renovation"),
        ("Cancel the gym", "cancel", "fitness"),  # the subject is the gym, the plan a cancellation
        ("Cancelamento da academia", "cancel", "fitness"),
        ("Passport renewal", "renew", "documents"),
        ("Renovação da CNH", "renew", "documents"),
        ("I need to call the dentist tomorrow", "call", "health"),
        ("Preciso ligar pro dentista amanhã", "call", "health"),
        ("Please pay the water bill by Friday", "pay", None),
        ("Fazer o pagamento do IPVA", "pay", "car"),
        ("Deep clean the oven", "clean", None),
        ("Me inscrever no curso de inglês", "sign_up", "language_learning"),
        ("Sign up for the yoga class", "sign_up", "fitness"),
        ("Return the shoes to the store", "return", None),
        ("Mandar consertar a geladeira", "fix", "home_repair"),
        ("Mandar o orçamento para o cliente", "send", "budgeting"),
        ("Organise the team offsite", "organise_event", None),
        ("Organizar o guarda-roupa", "tidy", "cleaning"),
        ("Schedule a call with the designer", "book_meeting", "hiring"),
        ("Sell the old bike", "sell", None),
        ("Vender o carro", "sell", "car"),
        ("Learn to juggle", "learn", None),
        ("Praticar a apresentação", "practise", "conference_talk"),
        ("File the tax return", "declare", "taxes"),
        ("Declarar o imposto de renda", "declare", "taxes"),
        ("Move the piano upstairs", "move", "instrument"),
        ("Buy a gift for Mom", "buy", None),
        ("Comprar ração para o gato", "buy", "pet"),
        ("Prepare the quarterly review", "prepare", None),
        ("Write the cover letter", "write", "job_search"),
        ("Apply for a passport", "apply", "documents"),
        ("Book a table for two", "book", None),
    ],
)
def test_the_action_is_read_from_the_verb_in_both_languages(
    planner: OfflinePlanner, goal: str, action: str | None, domain: str | None
) -> None:
    understanding = planner.understand(goal)
    assert (understanding.action and understanding.action.id) == action
    subject = understanding.object_domain if action else understanding.domain
    assert (subject and subject.id) == domain


@pytest.mark.parametrize(
    "goal",
    [
        "Cancel the gym",
        "Cancelar a academia",
        "Cancel my gym membership",
        "Renovar o passaporte",
        "Return the broken headphones",
    ],
)
def test_traps_never_get_the_plan_of_the_subjects_domain(
    planner: OfflinePlanner, goal: str
) -> None:
    for title in titles(planner, goal, granularity="fine"):
        assert "running" not in title.casefold() and "reforma" not in title.casefold()
        assert "treino" not in title.casefold() and "training" not in title.casefold()


@pytest.mark.parametrize(
    "goal",
    [
        "Call the plumber",
        "Ligar para o encanador",
        "Pay the rent",
        "Pagar o aluguel",
        "Return the library books",
        "Buy a new kettle",
        "Learn origami",
        "Sell my old bike",
        "Vender o sofá",
        "Back up my laptop",
        "Reply to Ana's email",
    ],
)
def test_a_small_task_gets_two_to_four_steps_whatever_the_granularity(
    planner: OfflinePlanner, goal: str
) -> None:
    counts = [
        len(titles(planner, goal, granularity=g, max_tasks=15))
        for g in ("coarse", "normal", "fine")
    ]
    assert counts[0] == 2
    assert counts[1] in (2, 3)
    assert counts[2] in (3, 4)


@pytest.mark.parametrize(
    "goal",
    ["Plan our wedding", "Organizar a mudança para o apartamento novo", "Run my first marathon"],
)
def test_a_project_sized_goal_fills_max_tasks(planner: OfflinePlanner, goal: str) -> None:
    assert len(titles(planner, goal, max_tasks=7)) == 7
    assert len(titles(planner, goal, max_tasks=12, granularity="fine")) == 12


def test_breakdown_of_a_vague_call_uses_the_projects_subject(planner: OfflinePlanner) -> None:
    request = PlanRequest("Call them", 5, "en", context="Fix the leak under the kitchen sink")
    assert [task.title for task in planner.plan(request).tasks] == [
        "Find the phone number",
        "Describe the problem and when you are at home",
        "Ask for a quote and a visit date before any work starts",
    ]


@pytest.mark.parametrize(
    ("obj", "expected"),
    [
        (("o", "passaporte"), ("o passaporte", "do passaporte", "no passaporte")),
        (("minha", "mãe"), ("minha mãe", "da minha mãe", "na minha mãe")),
        (("conta", "de", "luz"), ("a conta de luz", "da conta de luz", "na conta de luz")),
        (("carros",), ("os carros", "dos carros", "nos carros")),
        (("encanador",), ("o encanador", "do encanador", "no encanador")),
        (("Ana",), ("Ana", "de Ana", "em Ana")),
        (
            ("uma", "geladeira", "nova"),
            ("a geladeira nova", "da geladeira nova", "na geladeira nova"),
        ),
    ],
)
def test_portuguese_objects_take_the_right_article_and_contraction(
    obj: tuple[str, ...], expected: tuple[str, str, str]
) -> None:
    values = object_values(obj, (), "pt-BR")
    assert (values["o_obj"], values["de_obj"], values["em_obj"]) == expected


@pytest.mark.parametrize(
    ("obj", "the_obj", "thing"),
    [
        (("a", "blog", "post"), "the blog post", "blog post"),
        (("my", "passport"), "my passport", "passport"),
        (("plumber",), "the plumber", "plumber"),
        (("Mom",), "Mom", "Mom"),
    ],
)
def test_english_objects_take_a_definite_article_unless_named_or_owned(
    obj: tuple[str, ...], the_obj: str, thing: str
) -> None:
    values = object_values(obj, (), "en")
    assert (values["the_obj"], values["thing"]) == (the_obj, thing)


@pytest.mark.parametrize(
    ("title", "goal", "expected"),
    [
        ('Define what "Call the plumber" means when it is done', "Call the plumber", True),
        ("Break the goal into three or four milestones", "Learn origami", True),
        ("Call the plumber", "Call the plumber", True),
        ("Dividir em três ou quatro etapas", "Aprender origami", True),
        ("Find the number of a trusted plumber", "Call the plumber", False),
        ("Gather what you need for the quarterly report", "Write the quarterly report", False),
    ],
)
def test_boilerplate_detection(title: str, goal: str, expected: bool) -> None:
    assert is_boilerplate(title, goal) is expected
