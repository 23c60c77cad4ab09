"""OpenTelemetry tracing: off by default, on with the standard OTEL_* variables.

The end-to-end test runs the app under gunicorn with ``OTEL_EXPORTER_OTLP_ENDPOINT`` pointing
at an OTLP/HTTP receiver on loopback (decoded with the official opentelemetry-proto
messages), calls the API, and reads back the spans the real exporter sent.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from flask import Flask
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
    ExportTraceServiceRequest,
    ExportTraceServiceResponse,
)
from opentelemetry.proto.trace.v1.trace_pb2 import Span

from app.core.config import ConfigError, Settings
from tests.ai import conftest as ai_fixtures
from tests.ai.conftest import FakeOpenAI, chat, tasks_json
from tests.support.apps import app_config, migrate_database
from tests.support.databases import create_database, drop_database
from tests.support.servers import LiveServer

REQUEST_ID = "trace-me-0001"
fake_openai = ai_fixtures.fake_openai  # the scripted Chat Completions server of the AI tests


@dataclass
class ReceivedSpan:
    service: str
    name: str
    kind: int
    trace_id: str
    attributes: dict[str, Any]


@dataclass
class OtlpReceiver:
    url: str
    spans: list[ReceivedSpan] = field(default_factory=list)
    content_types: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def snapshot(self) -> list[ReceivedSpan]:
        with self.lock:
            return list(self.spans)


def _value(any_value: Any) -> Any:
    return getattr(any_value, any_value.WhichOneof("value"))


class _OtlpHandler(BaseHTTPRequestHandler):
    server: Any

    def do_POST(self) -> None:
        receiver: OtlpReceiver = self.server.receiver
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        request = ExportTraceServiceRequest.FromString(body)
        with receiver.lock:
            receiver.content_types.add(f"{self.path} {self.headers.get('Content-Type')}")
            for resource_spans in request.resource_spans:
                resource = {a.key: _value(a.value) for a in resource_spans.resource.attributes}
                for scope_spans in resource_spans.scope_spans:
                    receiver.spans.extend(
                        ReceivedSpan(
                            service=resource.get("service.name", ""),
                            name=span.name,
                            kind=span.kind,
                            trace_id=span.trace_id.hex(),
                            attributes={a.key: _value(a.value) for a in span.attributes},
                        )
                        for span in scope_spans.spans
                    )
        answer = ExportTraceServiceResponse().SerializeToString()
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def otlp_receiver() -> Iterator[OtlpReceiver]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _OtlpHandler)
    server.daemon_threads = True
    server.receiver = OtlpReceiver(url=f"http://127.0.0.1:{server.server_address[1]}")  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield server.receiver  # type: ignore[attr-defined]
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def wait_for(receiver: OtlpReceiver, predicate, what: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while not predicate(receiver.snapshot()):
        if time.monotonic() > deadline:
            names = sorted({s.name for s in receiver.snapshot()})
            raise AssertionError(f"no {what} after {timeout:.0f}s; spans seen: {names}")
        time.sleep(0.1)


@pytest.fixture
def own_database_url() -> Iterator[str]:
    """A migrated database of its own: the served app commits, and the run's shared database
    must stay as the rolled-back tests expect it."""
    url = create_database("tarefa_tracing")
    try:
        migrate_database(url)
        yield url
    finally:
        drop_database(url)


def test_spans_of_a_request_reach_an_otlp_receiver(
    own_database_url: str, redis_url: str, otlp_receiver: OtlpReceiver, fake_openai: FakeOpenAI
) -> None:
    fake_openai.script(chat(tasks_json("Book the flights", "Pack the bags")))
    config = app_config(
        own_database_url,
        REDIS_URL=redis_url,
        AI_PROVIDER="openai",
        AI_BASE_URL=fake_openai.url,
        AI_API_KEY="sk-test-very-secret-key-123",
        AI_MODEL="test-model",
        OTEL_EXPORTER_OTLP_ENDPOINT=otlp_receiver.url,
        OTEL_SERVICE_NAME="tarefa-under-test",
        OTEL_BSP_SCHEDULE_DELAY="50",
    )
    server = LiveServer(
        {k: str(v) for k, v in config.items() if v is not None}, workers=1, ready_timeout=120
    )
    try:
        email = f"tracer-{time.time_ns()}@example.com"
        with httpx.Client(base_url=server.url, timeout=10) as http:
            assert http.get("/health").status_code == 200
            registered = http.post(
                "/api/auth/register",
                json={"name": "Tracer", "email": email, "password": "correct-horse-battery"},
            )
            assert registered.status_code == 201, registered.text
            login = http.post(
                "/api/auth/login", json={"email": email, "password": "correct-horse-battery"}
            )
            assert login.status_code == 200, login.text
            generated = http.post(
                "/api/tasks/generate",
                json={"goal": "Plan a weekend trip to Lisbon", "dry_run": True},
                headers={
                    "Authorization": f"Bearer {login.json()['access_token']}",
                    "X-Request-ID": REQUEST_ID,
                },
            )
            assert generated.status_code == 200, generated.text
            assert generated.headers["X-Request-ID"] == REQUEST_ID

        def generate_span(spans: list[ReceivedSpan]) -> ReceivedSpan | None:
            return next(
                (s for s in spans if s.attributes.get("tarefa.request_id") == REQUEST_ID), None
            )

        wait_for(otlp_receiver, generate_span, "span carrying the request id")
        request_span = generate_span(otlp_receiver.snapshot())
        assert request_span is not None
        assert request_span.kind == Span.SPAN_KIND_SERVER
        assert request_span.name == "POST /api/tasks/generate"
        assert request_span.service == "tarefa-under-test"

        def in_request_trace(spans: list[ReceivedSpan]) -> list[ReceivedSpan]:
            return [s for s in spans if s.trace_id == request_span.trace_id]

        def has_children(spans: list[ReceivedSpan]) -> bool:
            kinds = {_component(s) for s in in_request_trace(spans)}
            return {"http-client", "postgresql", "redis"} <= kinds

        wait_for(otlp_receiver, has_children, "AI call, SQL and Redis spans in the request's trace")
        ai_call = next(
            s for s in in_request_trace(otlp_receiver.snapshot()) if _component(s) == "http-client"
        )
        assert ai_call.kind == Span.SPAN_KIND_CLIENT
        assert _attribute(ai_call, "url.full", "http.url") == f"{fake_openai.url}/chat/completions"
        assert _attribute(ai_call, "http.response.status_code", "http.status_code") == 200
        spans = otlp_receiver.snapshot()
        # Probes are not traced; every span came as OTLP/HTTP protobuf on the traces path.
        assert not [s for s in spans if s.attributes.get("http.route") == "/health"]
        assert otlp_receiver.content_types == {"/v1/traces application/x-protobuf"}
    finally:
        server.stop()


def _attribute(span: ReceivedSpan, stable: str, legacy: str) -> Any:
    """An attribute under its stable semantic-convention name or the older one still emitted."""
    return span.attributes.get(stable, span.attributes.get(legacy))


def _component(span: ReceivedSpan) -> str:
    if span.kind == Span.SPAN_KIND_CLIENT and _attribute(span, "url.full", "http.url"):
        return "http-client"
    return str(_attribute(span, "db.system.name", "db.system") or span.name)


@pytest.mark.parametrize(
    ("env", "endpoint"),
    [
        ({}, None),
        ({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://jaeger:4318"}, "http://jaeger:4318/v1/traces"),
        ({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://jaeger:4318/"}, "http://jaeger:4318/v1/traces"),
        (
            {
                "OTEL_EXPORTER_OTLP_ENDPOINT": "http://jaeger:4318",
                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://tempo:4318/custom",
            },
            "http://tempo:4318/custom",
        ),
        ({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://j:4318", "OTEL_SDK_DISABLED": "true"}, None),
        ({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://j:4318", "OTEL_TRACES_EXPORTER": "none"}, None),
        (
            {
                "OTEL_EXPORTER_OTLP_ENDPOINT": "http://j:4318",
                "OTEL_EXPORTER_OTLP_PROTOCOL": "http/protobuf",
            },
            "http://j:4318/v1/traces",
        ),
    ],
)
def test_traces_endpoint_follows_the_standard_variables(
    env: dict[str, str], endpoint: str | None
) -> None:
    assert Settings.load(env).otel_traces_endpoint == endpoint


def test_service_name_defaults_to_tarefa_backend() -> None:
    assert Settings.load({}).otel_service_name == "tarefa-backend"
    assert Settings.load({"OTEL_SERVICE_NAME": "api-eu"}).otel_service_name == "api-eu"


@pytest.mark.parametrize(
    "variable", ["OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL"]
)
def test_a_protocol_other_than_http_protobuf_stops_start_up(variable: str) -> None:
    env = {"OTEL_EXPORTER_OTLP_ENDPOINT": "http://j:4317", variable: "grpc"}
    with pytest.raises(ConfigError, match="must be http/protobuf"):
        Settings.load(env)


def test_tracing_is_off_by_default(make_app) -> None:
    app = make_app()
    assert "tracing" not in app.extensions
    assert not getattr(app, "_is_instrumented_by_opentelemetry", False)


@pytest.fixture
def traced_app(make_app, otlp_receiver: OtlpReceiver) -> Iterator[Flask]:
    """An app traced in this process, with every instrumentation undone afterwards."""
    from opentelemetry.instrumentation.flask import FlaskInstrumentor
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
    from opentelemetry.instrumentation.redis import RedisInstrumentor
    from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor

    from app.core import tracing

    app = make_app(OTEL_TRACES_ENDPOINT=f"{otlp_receiver.url}/v1/traces")
    yield app
    FlaskInstrumentor.uninstrument_app(app)
    for instrumentor in (SQLAlchemyInstrumentor(), RedisInstrumentor(), HTTPXClientInstrumentor()):
        instrumentor.uninstrument()
    app.extensions["tracing"].shutdown()
    tracing._process_provider = None


def test_in_process_request_span_carries_the_request_id(
    traced_app: Flask, otlp_receiver: OtlpReceiver
) -> None:
    answer = traced_app.test_client().get("/api/tasks", headers={"X-Request-ID": "in-process-1"})
    assert answer.status_code == 401
    traced_app.extensions["tracing"].force_flush()

    [span] = [s for s in otlp_receiver.snapshot() if s.kind == Span.SPAN_KIND_SERVER]
    assert span.name == "GET /api/tasks"
    assert span.attributes["tarefa.request_id"] == "in-process-1"
    assert span.service == "tarefa-backend"
