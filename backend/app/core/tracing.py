"""OpenTelemetry tracing, off unless an OTLP endpoint is configured.

The standard variables turn it on: ``OTEL_EXPORTER_OTLP_ENDPOINT`` (or
``OTEL_EXPORTER_OTLP_TRACES_ENDPOINT``), with ``OTEL_SERVICE_NAME``,
``OTEL_EXPORTER_OTLP_HEADERS``, ``OTEL_TRACES_SAMPLER`` and the ``OTEL_BSP_*`` batch settings
read by the SDK itself. Spans go out as OTLP over HTTP (protobuf) from a background thread.

Instrumented with the official packages: each request (Flask), each SQL statement
(SQLAlchemy), each Redis command and each outgoing HTTP call (httpx, the AI provider's
client). Every request span carries the request id that also appears in the logs and in the
``X-Request-ID`` answer header.

Redis and httpx are instrumented by patching their classes, so the span pipeline belongs to
the process: one app per process (a gunicorn worker builds exactly one).
"""

from __future__ import annotations

import logging

from flask import Flask, g
from opentelemetry import trace
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.instrumentation.flask import FlaskInstrumentor
from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
from opentelemetry.instrumentation.redis import RedisInstrumentor
from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor
from opentelemetry.sdk.resources import SERVICE_NAME, Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor

log = logging.getLogger(__name__)

REQUEST_ID_ATTRIBUTE = "tarefa.request_id"
# Probes and scrapes would drown the real traffic: Docker and Kubernetes call them constantly.
EXCLUDED_URLS = "/health$,/health/ready$,/metrics$"
_process_provider: TracerProvider | None = None


def init_tracing(app: Flask) -> None:
    """Trace this app when ``OTEL_TRACES_ENDPOINT`` is set; do nothing otherwise.

    Call after the request logging is set up: the request id must exist when the span is tagged.
    """
    endpoint = app.config.get("OTEL_TRACES_ENDPOINT")
    if not endpoint:
        return
    provider = _provider(endpoint, app.config["OTEL_SERVICE_NAME"])
    FlaskInstrumentor.instrument_app(app, tracer_provider=provider, excluded_urls=EXCLUDED_URLS)
    app.before_request(_tag_request_span)

    from app.core.extensions import db

    with app.app_context():
        # The package declares SQLAlchemy < 2.1, yet 2.1 keeps the engine events it hooks (the
        # tracing test checks SQL spans arrive); without the skip it silently instruments
        # nothing. It imports sqlalchemy.ext.asyncio, hence greenlet in the dependencies.
        SQLAlchemyInstrumentor().instrument(
            engine=db.engine, tracer_provider=provider, skip_dep_check=True
        )
    RedisInstrumentor().instrument(tracer_provider=provider)
    HTTPXClientInstrumentor().instrument(tracer_provider=provider)
    app.extensions["tracing"] = provider
    log.info("tracing on", extra={"otlp_endpoint": endpoint})


def _provider(endpoint: str, service_name: str) -> TracerProvider:
    """The process's tracer provider, created on first use and flushed at exit."""
    global _process_provider
    if _process_provider is None:
        provider = TracerProvider(resource=Resource.create({SERVICE_NAME: service_name}))
        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=endpoint)))
        trace.set_tracer_provider(provider)  # registers the flush at interpreter exit
        _process_provider = provider
    return _process_provider


def _tag_request_span() -> None:
    span = trace.get_current_span()
    if span.is_recording():
        span.set_attribute(REQUEST_ID_ATTRIBUTE, g.get("request_id", ""))
