"""The OpenAI-compatible planner against a real Chat Completions server on 127.0.0.1."""

from __future__ import annotations

import json
import logging
import socket
from collections.abc import Callable

import pytest

from app.services.ai import (
    AIInvalidOutput,
    AIProviderError,
    AITimeout,
    PlannedTask,
    PlanRequest,
)
from app.services.ai.openai_compatible import OpenAICompatiblePlanner

from .conftest import API_KEY, MODEL, FakeOpenAI, Reply, chat, tasks_json

GOAL = "Plan a weekend trip to Lisbon"
REQUEST = PlanRequest(goal=GOAL, max_tasks=5, language="en")
MakePlanner = Callable[..., OpenAICompatiblePlanner]


def titles(planner: OpenAICompatiblePlanner, request: PlanRequest = REQUEST) -> list[str]:
    return [task.title for task in planner.plan(request).tasks]


def test_valid_answer(fake_openai: FakeOpenAI, make_planner: MakePlanner) -> None:
    fake_openai.script(chat(tasks_json("Book flights to Lisbon", "Book a hotel in Alfama")))

    plan = make_planner().plan(REQUEST)

    assert plan.tasks == [
        PlannedTask("Book flights to Lisbon", 30),
        PlannedTask("Book a hotel in Alfama", 30),
    ]
    assert (plan.provider, plan.model) == ("openai", MODEL)
    assert len(fake_openai.requests) == 1


def test_request_carries_model_key_and_goal_only_in_the_user_message(
    fake_openai: FakeOpenAI, make_planner: MakePlanner
) -> None:
    fake_openai.script(chat(tasks_json("Book flights")))
    request = PlanRequest(GOAL, 4, "pt-BR", "fine", context="Budget 300 euros")

    make_planner().plan(request)

    sent = fake_openai.requests[0]
    assert sent.path == "/v1/chat/completions"
    assert sent.headers["Authorization"] == f"Bearer {API_KEY}"
    assert sent.body["model"] == MODEL
    system, user = sent.body["messages"]
    assert (system["role"], user["role"]) == ("system", "user")
    assert GOAL not in system["content"]
    assert "Budget 300 euros" not in system["content"]
    data = json.loads(user["content"].split("\n", 1)[1])
    assert data == {
        "goal": GOAL,
        "context": "Budget 300 euros",
        "language": "pt-BR",
        "max_tasks": 4,
        "granularity": "fine",
    }
    assert sent.body["response_format"]["type"] == "json_schema"


def test_no_authorization_header_without_a_key(
    fake_openai: FakeOpenAI, make_planner: MakePlanner
) -> None:
    fake_openai.script(chat(tasks_json("Book flights")))
    make_planner(api_key=None).plan(REQUEST)
    assert "Authorization" not in fake_openai.requests[0].headers


@pytest.mark.parametrize(
    "content",
    [
        "```json\n" + tasks_json("Book flights", "Pack") + "\n```",
        "```\n" + tasks_json("Book flights", "Pack") + "\n```",
        "Sure! Here is your plan:\n" + tasks_json("Book flights", "Pack") + "\nHave a nice trip.",
        'Plan: [{"title": "Book flights", "estimate_minutes": 30}, '
        '{"title": "Pack", "estimate_minutes": 30}] done',
    ],
    ids=["fenced-json", "fenced-plain", "prose-around-object", "prose-around-list"],
)
def test_fenced_or_surrounded_json_is_found(
    fake_openai: FakeOpenAI, make_planner: MakePlanner, content: str
) -> None:
    fake_openai.script(chat(content))
    assert titles(make_planner()) == ["Book flights", "Pack"]


def test_invalid_then_valid_is_retried(fake_openai: FakeOpenAI, make_planner: MakePlanner) -> None:
    fake_openai.script(chat("I cannot help with that."), chat(tasks_json("Book flights")))
    assert titles(make_planner(max_retries=1)) == ["Book flights"]
    assert len(fake_openai.requests) == 2


def test_always_invalid_answers_502_after_the_retries(
    fake_openai: FakeOpenAI, make_planner: MakePlanner
) -> None:
    fake_openai.script(chat('{"steps": "none"}'))
    with pytest.raises(AIInvalidOutput) as caught:
        make_planner(max_retries=2).plan(REQUEST)
    assert (caught.value.status, caught.value.message) == (
        502,
        "AI provider returned an invalid plan",
    )
    assert len(fake_openai.requests) == 3


@pytest.mark.parametrize(
    "reply",
    [
        Reply(200, b"not json at all"),
        Reply(200, {"choices": []}),
        Reply(200, {"choices": [{"message": {"content": None}}]}),
        chat(json.dumps({"tasks": []})),
        chat(json.dumps({"tasks": [{"title": "   "}, {"title": ""}, {"no_title": 1}]})),
    ],
    ids=["body-not-json", "no-choices", "null-content", "empty-list", "only-empty-titles"],
)
def test_unusable_answers_are_invalid_output(
    fake_openai: FakeOpenAI, make_planner: MakePlanner, reply: Reply
) -> None:
    fake_openai.script(reply)
    with pytest.raises(AIInvalidOutput):
        make_planner(max_retries=0).plan(REQUEST)


def test_slow_server_times_out_with_504(fake_openai: FakeOpenAI, make_planner: MakePlanner) -> None:
    fake_openai.script(Reply(delay=30, body={}))
    with pytest.raises(AITimeout) as caught:
        make_planner(timeout_seconds=0.5, max_retries=1).plan(REQUEST)
    assert caught.value.status == 504
    assert caught.value.message == "AI provider did not answer within 0.5 seconds"
    assert len(fake_openai.requests) == 2  # the retry fits in the 2 x 0.5 s budget


@pytest.mark.parametrize(
    ("status", "message", "reason"),
    [
        (429, "AI provider rate limit reached", "rate_limit"),
        (500, "AI provider failed (HTTP 500)", "server_error"),
        (503, "AI provider failed (HTTP 503)", "server_error"),
        (401, "AI provider rejected the credentials", "auth"),
        (403, "AI provider rejected the credentials", "auth"),
        (404, "AI provider rejected the request (HTTP 404)", "bad_request"),
    ],
)
def test_provider_errors_answer_502_naming_the_cause(
    fake_openai: FakeOpenAI,
    make_planner: MakePlanner,
    status: int,
    message: str,
    reason: str,
) -> None:
    fake_openai.script(Reply(status, {"error": {"message": f"Incorrect API key {API_KEY}"}}))
    with pytest.raises(AIProviderError) as caught:
        make_planner(max_retries=1).plan(REQUEST)
    error = caught.value
    assert (error.status, error.message, error.reason) == (502, message, reason)
    assert API_KEY not in str(error)
    expected_calls = 2 if status >= 500 else 1  # only server errors are retried
    assert len(fake_openai.requests) == expected_calls


def test_the_key_never_appears_in_logs_or_repr(
    fake_openai: FakeOpenAI, make_planner: MakePlanner, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    fake_openai.script(Reply(401, {"error": {"message": f"Incorrect API key {API_KEY}"}}))
    planner = make_planner()
    with pytest.raises(AIProviderError):
        planner.plan(REQUEST)
    assert API_KEY not in caplog.text
    assert API_KEY not in repr(planner)


def test_unreachable_server_answers_502() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again below: nothing listens there
    planner = OpenAICompatiblePlanner(
        base_url=f"http://127.0.0.1:{port}/v1", api_key=API_KEY, model=MODEL, max_retries=0
    )
    with pytest.raises(AIProviderError) as caught:
        planner.plan(REQUEST)
    assert (caught.value.message, caught.value.reason) == ("AI provider unreachable", "unreachable")


def test_sixty_tasks_are_clamped_to_max_tasks(
    fake_openai: FakeOpenAI, make_planner: MakePlanner
) -> None:
    fake_openai.script(chat(tasks_json(*(f"Do step {n}" for n in range(60)))))
    assert titles(make_planner()) == [f"Do step {n}" for n in range(5)]


def test_long_titles_are_clamped_to_160_characters(
    fake_openai: FakeOpenAI, make_planner: MakePlanner
) -> None:
    fake_openai.script(chat(tasks_json("B" * 500, "C" * 500)))
    assert titles(make_planner()) == ["B" * 160, "C" * 160]


def test_cleaning_drops_duplicates_and_empties_and_clamps_estimates(
    fake_openai: FakeOpenAI, make_planner: MakePlanner
) -> None:
    items = [
        {"title": "1. Book flights", "estimate_minutes": 45.4},
        {"title": "book FLIGHTS", "estimate_minutes": 10},
        {"title": "  ", "estimate_minutes": 10},
        {"title": "Pack", "estimate_minutes": 99999},
        {"title": "Check in", "estimate_minutes": -5},
        {"title": "Go", "estimate_minutes": "about an hour"},
        "- Enjoy Lisbon",
    ]
    fake_openai.script(chat(json.dumps({"tasks": items})))
    plan = make_planner().plan(PlanRequest(GOAL, 15, "en"))
    assert plan.tasks == [
        PlannedTask("Book flights", 45),
        PlannedTask("Pack", 1440),
        PlannedTask("Check in", None),
        PlannedTask("Go", None),
        PlannedTask("Enjoy Lisbon", None),
    ]


def test_rejected_response_format_falls_back_to_plain_json_instructions(
    fake_openai: FakeOpenAI, make_planner: MakePlanner
) -> None:
    rejected = Reply(400, {"error": {"message": "Unrecognized parameter: response_format"}})
    fake_openai.script(rejected, chat(tasks_json("Book flights")))
    planner = make_planner()

    assert titles(planner) == ["Book flights"]
    assert titles(planner) == ["Book flights"]  # remembered: no second rejected call

    first, second, third = fake_openai.requests
    assert "response_format" in first.body
    assert "response_format" not in second.body
    assert "response_format" not in third.body
    assert '{"tasks"' in second.body["messages"][0]["content"]
    assert GOAL not in second.body["messages"][0]["content"]


def test_a_400_about_something_else_is_a_provider_error(
    fake_openai: FakeOpenAI, make_planner: MakePlanner
) -> None:
    fake_openai.script(Reply(400, {"error": {"message": "model is required"}}))
    with pytest.raises(AIProviderError) as caught:
        make_planner().plan(REQUEST)
    assert caught.value.message == "AI provider rejected the request (HTTP 400)"
    assert len(fake_openai.requests) == 1


def test_content_parts_are_joined(fake_openai: FakeOpenAI, make_planner: MakePlanner) -> None:
    parts = [
        {"type": "text", "text": '{"tasks": [{"title": "Book'},
        {"type": "text", "text": ' flights"}]}'},
    ]
    fake_openai.script(Reply(200, {"choices": [{"message": {"content": parts}}]}))
    assert titles(make_planner()) == ["Book flights"]


def test_invalid_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="AI_TIMEOUT_SECONDS"):
        OpenAICompatiblePlanner(base_url="http://x", api_key=None, model=MODEL, timeout_seconds=0)
    with pytest.raises(ValueError, match="AI_MAX_RETRIES"):
        OpenAICompatiblePlanner(base_url="http://x", api_key=None, model=MODEL, max_retries=-1)
