"""Cross-cutting HTTP behaviour: error envelope, request ids and logs, metrics, CORS,
proxies, rate limits, health probes and serving the SPA."""

import json
import logging
import os

import pytest
from marshmallow import EXCLUDE
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import UnprocessableEntity

from app.core import api as api_module
from app.core.api import QueryParsingOnceParser
from app.core.logging import JsonFormatter
from app.schemas.tasks import TaskListArgs
from tests.support.accounts import PASSWORD


def test_unknown_route_is_json_404(client):
    response = client.get("/api/nope")

    assert response.status_code == 404
    assert response.content_type == "application/json"
    assert response.json["code"] == 404


def test_wrong_method_is_json_405_with_allow(client):
    response = client.delete("/api/auth/login")

    assert response.status_code == 405
    assert response.json["status"] == "Method Not Allowed"
    assert set(response.headers["Allow"].split(", ")) == {"POST", "OPTIONS"}


def test_malformed_json_is_400(client):
    response = client.post("/api/auth/login", data="{not json", content_type="application/json")

    assert response.status_code == 400
    assert response.json == {
        "code": 400,
        "status": "Bad Request",
        "message": "The request could not be understood (malformed JSON or parameters).",
        "errors": {"json": ["Invalid JSON body."]},
    }


def test_body_over_one_mebibyte_is_413(client):
    response = client.post(
        "/api/auth/register", data=b"x" * (1024 * 1024 + 1), content_type="application/json"
    )

    assert response.status_code == 413
    assert response.json["message"] == "The request body is larger than the 1 MiB limit."


def test_unexpected_error_is_json_500_without_details(client, monkeypatch):
    def explode(**_kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr("app.services.accounts.create_user", explode)

    response = client.post(
        "/api/auth/register", json={"name": "a", "email": "a@b.io", "password": PASSWORD}
    )

    assert response.status_code == 500
    assert response.json == {
        "code": 500,
        "status": "Internal Server Error",
        "message": "Internal server error.",
    }


def test_database_outage_is_json_503(client, auth, make_user, monkeypatch):
    def unavailable(**_kwargs):
        raise OperationalError("SELECT 1", {}, Exception("connection refused"))

    monkeypatch.setattr("app.services.tasks.list_tasks", unavailable)
    headers = auth.headers(make_user())

    response = client.get("/api/tasks", headers=headers)

    assert response.status_code == 503
    assert response.headers["Retry-After"] == "5"
    assert response.json["message"] == "The database is unavailable; try again shortly."


def test_request_id_is_echoed_or_generated(client):
    given = client.get("/health", headers={"X-Request-ID": "abc-123"})
    generated = client.get("/health")
    forged = client.get("/health", headers={"X-Request-ID": "bad id {with} spaces"})

    assert given.headers["X-Request-ID"] == "abc-123"
    assert len(generated.headers["X-Request-ID"]) == 32
    assert forged.headers["X-Request-ID"] != "bad id {with} spaces"
    assert len(forged.headers["X-Request-ID"]) == 32


def test_one_json_log_line_per_request(client, auth, make_user, caplog):
    user = make_user()
    headers = auth.headers(user)
    caplog.clear()

    with caplog.at_level("INFO", logger="tarefa.request"):
        client.get("/api/tasks/7", headers={**headers, "X-Request-ID": "req-42"})

    records = [r for r in caplog.records if r.name == "tarefa.request"]
    assert len(records) == 1
    entry = json.loads(JsonFormatter().format(records[0]))
    fields = ("method", "route", "path", "status", "request_id", "user_id")
    assert {k: entry[k] for k in fields} == {
        "method": "GET",
        "route": "/api/tasks/<int(max=2147483647):task_id>",
        "path": "/api/tasks/7",
        "status": 404,
        "request_id": "req-42",
        "user_id": str(user.id),
    }
    assert isinstance(entry["duration_ms"], float)


def test_other_log_formats_still_work_once_the_app_has_configured_logging(app):
    # gunicorn's own lines (booting, exiting workers) are formatted in the app's processes.
    # The caller is not looked up any more, so a format that shows it reads a placeholder.
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("gunicorn.error.test")
    logger.addHandler(handler)
    try:
        logger.warning("Booting worker")
    finally:
        logger.removeHandler(handler)
    line = logging.Formatter("[%(process)d] [%(levelname)s] %(module)s:%(lineno)d %(message)s")

    assert line.format(records[0]) == f"[{os.getpid()}] [WARNING] (unknown file):0 Booting worker"


def test_metrics_count_requests(client):
    for _ in range(3):
        client.get("/health")
    client.get("/api/nope")

    body = client.get("/metrics").data.decode()

    assert 'tarefa_http_request_total{method="GET",status="200"} 3.0' in body
    assert 'tarefa_http_request_total{method="GET",status="404"} 1.0' in body
    assert (
        'tarefa_http_request_duration_seconds_count{method="GET",status="200",url_rule="/health"} 3.0'
        in body
    )


def test_cors_only_for_configured_origins(make_app):
    client = make_app(CORS_ORIGINS=("https://app.example",)).test_client()

    allowed = client.options(
        "/api/tasks",
        headers={"Origin": "https://app.example", "Access-Control-Request-Method": "GET"},
    )
    refused = client.options(
        "/api/tasks",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
    )

    assert allowed.headers["Access-Control-Allow-Origin"] == "https://app.example"
    assert allowed.headers["Access-Control-Allow-Credentials"] == "true"
    assert "Access-Control-Allow-Origin" not in refused.headers


def test_cors_headers_only_answer_a_request_that_names_its_origin(make_app):
    # Browsers send Origin with every cross-origin request; the SPA behind Nginx is same-origin.
    client = make_app(CORS_ORIGINS=("https://app.example",)).test_client()

    same_origin = client.get("/api/tasks")
    cross_origin = client.get("/api/tasks", headers={"Origin": "https://app.example"})

    assert same_origin.status_code == cross_origin.status_code == 401
    assert [name for name, _ in same_origin.headers if name.startswith("Access-Control")] == []
    assert cross_origin.headers["Access-Control-Allow-Origin"] == "https://app.example"
    assert cross_origin.headers["Access-Control-Allow-Credentials"] == "true"


def exhaust_login(client, times, **headers):
    return [
        client.post(
            "/api/auth/login",
            json={"email": "x@example.com", "password": "wrong-pass"},
            headers=headers,
        ).status_code
        for _ in range(times)
    ]


def test_auth_rate_limit_answers_json_429_with_retry_after(make_app):
    client = make_app(RATELIMIT_AUTH="3 per minute").test_client()

    statuses = exhaust_login(client, 4)
    limited = client.post(
        "/api/auth/login", json={"email": "x@example.com", "password": "wrong-pass"}
    )

    assert statuses == [401, 401, 401, 429]
    assert limited.status_code == 429
    assert int(limited.headers["Retry-After"]) > 0
    assert limited.json["message"] == "Too many requests (limit: 3 per 1 minute); retry later."


def test_client_ip_comes_from_trusted_proxy_hops_only(make_app):
    direct = make_app(RATELIMIT_AUTH="2 per minute", TRUSTED_PROXY_HOPS=0).test_client()
    proxied = make_app(RATELIMIT_AUTH="2 per minute", TRUSTED_PROXY_HOPS=1).test_client()

    # Without a trusted proxy a forged header does not buy fresh limits.
    assert exhaust_login(direct, 2, **{"X-Forwarded-For": "1.1.1.1"}) == [401, 401]
    assert exhaust_login(direct, 1, **{"X-Forwarded-For": "2.2.2.2"}) == [429]
    # Behind one proxy, each client address has its own budget.
    assert exhaust_login(proxied, 3, **{"X-Forwarded-For": "1.1.1.1"}) == [401, 401, 429]
    assert exhaust_login(proxied, 1, **{"X-Forwarded-For": "2.2.2.2"}) == [401]


def test_rate_limits_in_redis_survive_a_new_app(make_app, clean_redis):
    first = make_app(RATELIMIT_AUTH="2 per minute", REDIS_URL=clean_redis).test_client()
    assert exhaust_login(first, 2) == [401, 401]

    # A new app (another worker, or a restart) starts with fresh limiter storage: only
    # counts kept in Redis carry over.
    second = make_app(RATELIMIT_AUTH="2 per minute", REDIS_URL=clean_redis).test_client()
    assert exhaust_login(second, 1) == [429]
    memory_only = make_app(RATELIMIT_AUTH="2 per minute").test_client()
    assert exhaust_login(memory_only, 1) == [401]


def test_redis_down_keeps_serving_with_memory_limits(make_app, caplog):
    client = make_app(
        RATELIMIT_AUTH="2 per minute", REDIS_URL="redis://127.0.0.1:1/0"
    ).test_client()

    assert exhaust_login(client, 3) == [401, 401, 429]
    ready = client.get("/health/ready")
    assert ready.status_code == 503
    assert ready.json == {"status": "unavailable", "checks": {"database": "ok", "redis": "failing"}}


def test_health_probes(client, make_app, redis_url):
    assert client.get("/health").json == {"status": "ok"}
    assert client.get("/health/ready").json == {
        "status": "ok",
        "checks": {"database": "ok", "redis": "not configured"},
    }
    with_redis = make_app(REDIS_URL=redis_url).test_client()
    assert with_redis.get("/health/ready").json["checks"] == {"database": "ok", "redis": "ok"}


def test_readiness_fails_when_the_database_does_not_answer():
    from app import create_app

    app = create_app(
        {"APP_ENV": "testing", "DATABASE_URL": "postgresql://postgres@127.0.0.1:1/none"}
    )

    response = app.test_client().get("/health/ready")

    assert response.status_code == 503
    assert response.json["checks"]["database"] == "failing"


@pytest.fixture
def spa_dir(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<!doctype html><title>Tarefa</title>")
    (tmp_path / "assets" / "index-abc123.js").write_text("console.log('tarefa')")
    return tmp_path


def test_spa_is_served_with_client_side_routes(make_app, spa_dir):
    client = make_app(SPA_DIST_DIR=str(spa_dir)).test_client()

    index = client.get("/")
    deep_link = client.get("/tasks/42")
    asset = client.get("/assets/index-abc123.js")
    api_miss = client.get("/api/unknown")

    assert index.status_code == deep_link.status_code == 200
    assert b"<title>Tarefa</title>" in deep_link.data
    assert deep_link.headers["Cache-Control"] == "no-cache"
    assert asset.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert api_miss.status_code == 404
    assert api_miss.json["code"] == 404


def test_openapi_spec_documents_every_endpoint_with_bearer_auth(client):
    spec = client.get("/api/openapi.json").json

    assert spec["openapi"].startswith("3.")
    assert spec["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
    }
    assert {
        "/api/auth/register",
        "/api/auth/login",
        "/api/auth/refresh",
        "/api/auth/logout",
        "/api/auth/me",
        "/api/auth/password-reset",
        "/api/auth/password-reset/confirm",
        "/api/users",
        "/api/users/{user_id}",
        "/api/tasks",
        "/api/tasks/{task_id}",
        "/api/tasks/{task_id}/toggle",
        "/health",
        "/health/ready",
    } <= set(spec["paths"])
    assert spec["paths"]["/api/tasks"]["get"]["security"] == [{"bearerAuth": []}]
    assert client.get("/api/docs").status_code == 200


def test_database_lost_while_closing_the_session_keeps_the_answer(client, monkeypatch, caplog):
    from sqlalchemy.orm import Session

    original_close = Session.close

    def close_fails_once(self):
        monkeypatch.setattr(Session, "close", original_close)
        raise OperationalError("ROLLBACK", {}, Exception("terminating connection"))

    monkeypatch.setattr(Session, "close", close_fails_once)

    with caplog.at_level("WARNING"):
        response = client.get("/health/ready")

    assert response.status_code == 200
    assert response.json["status"] == "ok"
    assert "closing the session failed: OperationalError" in caplog.text
    assert client.get("/health/ready").status_code == 200


def test_the_list_ignores_an_unknown_parameter_and_refuses_a_malformed_one(client, auth, make_user):
    headers = auth.headers(make_user())
    client.post("/api/tasks", json={"title": "Kept"}, headers=headers)

    unknown = client.get("/api/tasks?colour=red", headers=headers)
    malformed = client.get("/api/tasks?per_page=lots", headers=headers)

    assert unknown.status_code == 200
    assert [task["title"] for task in unknown.json["items"]] == ["Kept"]
    assert (malformed.status_code, malformed.json["errors"]) == (
        422,
        {"query": {"per_page": ["Not a valid integer."]}},
    )


def _list_arguments(app, query, parser, schema):
    """What the list's query parser hands the view for ``query``."""
    with app.test_request_context(f"/api/tasks?{query}"):
        return parser.parse(schema, location="query", unknown=EXCLUDE)


def test_a_repeated_query_string_is_parsed_once_and_each_request_owns_its_arguments(
    app, monkeypatch
):
    parser, schema = QueryParsingOnceParser(), TaskListArgs()
    loads = []
    load = schema.load
    monkeypatch.setattr(schema, "load", lambda *a, **k: loads.append(a) or load(*a, **k))
    first = _list_arguments(app, "per_page=5&label=casa&label=obra", parser, schema)
    first.pop("per_page")
    first["label"].append("changed by the first view")

    again = _list_arguments(app, "per_page=5&label=casa&label=obra", parser, schema)

    assert again == {
        "page": 1,
        "per_page": 5,
        "label": ["casa", "obra"],
        "sort": "-created_at",
        "top_level": False,
    }
    assert len(loads) == 1
    assert _list_arguments(app, "per_page=7", parser, schema)["per_page"] == 7
    assert len(loads) == 2


def test_a_query_string_that_fails_fails_every_time(app):
    parser, schema = QueryParsingOnceParser(), TaskListArgs()
    for _ in range(2):
        with pytest.raises(UnprocessableEntity) as refused:
            _list_arguments(app, "per_page=500", parser, schema)
        assert refused.value.data["messages"] == {
            "query": {
                "per_page": ["Must be greater than or equal to 1 and less than or equal to 100."]
            }
        }


def test_the_parsed_query_strings_kept_are_bounded(app, monkeypatch):
    monkeypatch.setattr(api_module, "_PARSED_QUERIES_MAX", 3)
    parser, schema = QueryParsingOnceParser(), TaskListArgs()
    for per_page in range(1, 8):
        assert _list_arguments(app, f"per_page={per_page}", parser, schema)["per_page"] == per_page
    assert len(parser._parsed) == 3
