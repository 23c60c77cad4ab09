"""A real OpenAI-compatible HTTP server on 127.0.0.1, scripted per test, and planner factories."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from app.services.ai.openai_compatible import OpenAICompatiblePlanner

API_KEY = "sk-test-very-secret-key-123"
MODEL = "test-model"


@dataclass(frozen=True)
class Reply:
    """One scripted answer: HTTP status, JSON-able or raw body, and a delay before answering."""

    status: int = 200
    body: Any = None
    delay: float = 0.0


def chat(content: str) -> Reply:
    """A Chat Completions answer whose message content is `content`."""
    return Reply(
        body={
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "model": MODEL,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": "stop",
                }
            ],
        }
    )


def tasks_json(*titles: str, minutes: int | None = 30) -> str:
    return json.dumps({"tasks": [{"title": t, "estimate_minutes": minutes} for t in titles]})


@dataclass
class Recorded:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]


@dataclass
class FakeOpenAI:
    url: str
    stop: threading.Event
    requests: list[Recorded] = field(default_factory=list)
    replies: list[Reply] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def script(self, *replies: Reply) -> None:
        """Answer the next requests with these replies in order; the last one repeats."""
        with self.lock:
            self.replies = list(replies)

    def next_reply(self) -> Reply:
        with self.lock:
            if not self.replies:
                return Reply(500, {"error": {"message": "no reply scripted"}})
            return self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeOpenAI

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # the client went away (timeout tests); nothing to report


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_POST(self) -> None:
        fake = self.server.fake
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length) or b"{}")
        with fake.lock:
            fake.requests.append(Recorded(self.path, dict(self.headers.items()), body))
        reply = fake.next_reply()
        if reply.delay and fake.stop.wait(reply.delay):
            return
        raw = reply.body if isinstance(reply.body, bytes) else json.dumps(reply.body).encode()
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)
        except OSError:
            pass

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def fake_openai() -> Iterator[FakeOpenAI]:
    """A Chat Completions server on a free loopback port, stopped (without waiting) at the end."""
    server = _Server(("127.0.0.1", 0), _Handler)
    stop = threading.Event()
    server.fake = FakeOpenAI(url=f"http://127.0.0.1:{server.server_address[1]}/v1", stop=stop)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield server.fake
    stop.set()
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture
def make_planner(fake_openai: FakeOpenAI) -> Callable[..., OpenAICompatiblePlanner]:
    """An OpenAICompatiblePlanner pointed at the fake server; keyword overrides allowed."""

    def make(**overrides: Any) -> OpenAICompatiblePlanner:
        settings: dict[str, Any] = {
            "base_url": fake_openai.url,
            "api_key": API_KEY,
            "model": MODEL,
            "timeout_seconds": 5.0,
            "max_retries": 1,
        }
        return OpenAICompatiblePlanner(**(settings | overrides))

    return make


@pytest.fixture
def ai_config(fake_openai: FakeOpenAI) -> dict[str, Any]:
    """Flask-like config for build_planner using the fake server."""
    return {
        "AI_PROVIDER": "openai",
        "AI_BASE_URL": fake_openai.url,
        "AI_API_KEY": API_KEY,
        "AI_MODEL": MODEL,
        "AI_TIMEOUT_SECONDS": 5,
        "AI_MAX_RETRIES": 1,
    }
