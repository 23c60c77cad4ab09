"""The `ollama` Compose profile, statically, and the provider against a server that answers like
Ollama's OpenAI-compatible /v1/chat/completions (JSON mode, model names, errors)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from app.services.ai import PlanRequest, build_planner
from app.services.ai.evaluation import evaluate, load_cases, planner_from_env
from tests.infra.test_static import DEV_ENV, compose, compose_config

OLLAMA_MODEL = "qwen2.5:1.5b-instruct"
PLAN = {"tasks": [{"title": "Encontrar o telefone do encanador", "estimate_minutes": 5},
                  {"title": "Pedir um orçamento antes da visita", "estimate_minutes": 10}]}  # fmt: skip


# --- the profile ---------------------------------------------------------------------------


def env_file(tmp_path: Path, extra: str = "") -> Path:
    path = tmp_path / "ollama.env"
    path.write_text(DEV_ENV + extra)
    return path


def test_the_ollama_profile_serves_a_model_and_wires_the_backend_to_it(tmp_path: Path) -> None:
    env = env_file(tmp_path, "AI_PROVIDER=openai\nOLLAMA_MODEL=llama3.2:1b\n")
    config = compose_config_with_profile(tmp_path, env)
    services = config["services"]

    ollama, pull, backend = services["ollama"], services["ollama-pull"], services["backend"]
    assert ollama["image"] == "ollama/ollama:0.6.8"
    assert [v["target"] for v in ollama["volumes"]] == ["/root/.ollama"]
    assert ollama["healthcheck"]["test"] == ["CMD", "ollama", "list"]
    assert pull["entrypoint"] == ["ollama"]
    assert pull["command"] == ["pull", "llama3.2:1b"]
    assert pull["environment"] == {"OLLAMA_HOST": "http://ollama:11434"}
    assert pull["depends_on"]["ollama"]["condition"] == "service_healthy"
    assert pull["restart"] == "no"
    assert {k: backend["environment"][k] for k in ("AI_PROVIDER", "AI_BASE_URL", "AI_MODEL")} == {
        "AI_PROVIDER": "openai",
        "AI_BASE_URL": "http://ollama:11434/v1",
        "AI_MODEL": "llama3.2:1b",
    }
    assert "ollama-models" in config["volumes"]


def test_without_the_profile_there_is_no_ollama_and_the_planner_stays_offline(
    tmp_path: Path,
) -> None:
    services = compose_config(tmp_path, "docker-compose.yml", env_file(tmp_path))["services"]
    assert "ollama" not in services and "ollama-pull" not in services
    assert services["backend"]["environment"]["AI_PROVIDER"] == "offline"
    assert services["backend"]["environment"]["AI_MODEL"] == OLLAMA_MODEL


def test_the_profile_passes_compose_config_quiet(tmp_path: Path) -> None:
    result = compose(
        tmp_path,
        *("-f", str(Path(__file__).resolve().parents[3] / "docker-compose.yml")),
        *("--env-file", str(env_file(tmp_path)), "--profile", "ollama", "config", "-q"),
    )
    assert result.returncode == 0, result.stderr


def compose_config_with_profile(tmp_path: Path, env: Path) -> dict[str, Any]:
    root = Path(__file__).resolve().parents[3]
    result = compose(
        tmp_path,
        *("-f", str(root / "docker-compose.yml"), "--env-file", str(env)),
        *("--profile", "ollama", "config", "--format", "json"),
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# --- a server that answers like Ollama ------------------------------------------------------


class _Ollama(ThreadingHTTPServer):
    daemon_threads = True
    requests: list[dict[str, Any]]
    models: set[str]


class _OllamaHandler(BaseHTTPRequestHandler):
    """Ollama's /v1/chat/completions as seen from a client: no key needed; an unknown model is a
    404 asking to pull it; with response_format (json_object or json_schema) the content is bare
    JSON; without it a small model answers in prose around a fenced block."""

    server: _Ollama

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append(
            {"path": self.path, "headers": dict(self.headers), "body": body}
        )
        if self.path != "/v1/chat/completions":
            return self._send(404, {"error": "404 page not found"})
        if body.get("model") not in self.server.models:
            message = f'model "{body.get("model")}" not found, try pulling it first'
            return self._send(404, {"error": {"message": message, "type": "api_error"}})
        kind = (body.get("response_format") or {}).get("type")
        if kind in ("json_object", "json_schema"):
            content = json.dumps(PLAN, ensure_ascii=False) + "\n"
        else:
            content = "Claro! Aqui está o plano:\n```json\n" + json.dumps(PLAN) + "\n```\n"
        self._send(200, {
            "id": "chatcmpl-123", "object": "chat.completion", "created": 1733000000,
            "model": body["model"], "system_fingerprint": "fp_ollama",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                         "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 120, "completion_tokens": 40, "total_tokens": 160},
        })  # fmt: skip

    def _send(self, status: int, payload: Any) -> None:
        raw = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def ollama() -> Iterator[_Ollama]:
    server = _Ollama(("127.0.0.1", 0), _OllamaHandler)
    server.requests, server.models = [], {OLLAMA_MODEL}
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def ollama_config(server: _Ollama, **overrides: Any) -> dict[str, Any]:
    url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    return {"AI_PROVIDER": "openai", "AI_BASE_URL": url, "AI_MODEL": OLLAMA_MODEL} | overrides


def test_the_provider_plans_with_ollama_in_json_mode_and_no_key(ollama: _Ollama) -> None:
    plan = build_planner(ollama_config(ollama)).plan(
        PlanRequest("Ligar para o encanador", 5, "pt-BR")
    )
    assert (plan.provider, plan.model) == ("openai", OLLAMA_MODEL)
    assert [(t.title, t.estimate_minutes) for t in plan.tasks] == [
        ("Encontrar o telefone do encanador", 5),
        ("Pedir um orçamento antes da visita", 10),
    ]
    [request] = ollama.requests
    assert "authorization" not in {key.lower() for key in request["headers"]}
    assert request["body"]["response_format"]["type"] == "json_schema"
    assert request["body"]["model"] == OLLAMA_MODEL


def test_a_model_not_pulled_yet_falls_back_to_the_offline_planner(ollama: _Ollama) -> None:
    ollama.models = set()
    plan = build_planner(ollama_config(ollama)).plan(PlanRequest("Call the plumber", 5, "en"))
    assert plan.provider == "offline-fallback"
    assert plan.tasks[0].title == "Find the phone number of the plumber"
    assert len(ollama.requests) == 1  # a 404 is not retried


def test_make_eval_ai_measures_the_ollama_model(ollama: _Ollama, tmp_path: Path) -> None:
    (tmp_path / "goals_en.yaml").write_text("[]\n")
    (tmp_path / "goals_pt-BR.yaml").write_text(
        '- {goal: "Ligar para o encanador", cat: home, size: small,'
        " expect: [encanador, telefone, orçamento]}\n"
    )
    url = f"http://127.0.0.1:{ollama.server_address[1]}/v1"
    planner, label = planner_from_env({"AI_BASE_URL": url, "AI_MODEL": OLLAMA_MODEL})
    [result] = evaluate(planner, load_cases(tmp_path)).results
    assert label == f"openai {OLLAMA_MODEL}"
    assert result.mentioned == ("encanador", "telefone", "orçamento")
    assert (result.language_ok, result.schema_ok, result.size_ok, result.boilerplate) == (
        True, True, True, False
    )  # fmt: skip
