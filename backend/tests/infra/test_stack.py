"""The production stack, run natively, tested through Nginx only.

Two gunicorn masters sit behind Nginx's round-robin upstream, so consecutive requests
alternate between them; the request ids in each backend's log tell which one answered.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator

import httpx
import pytest

from tests.infra.conftest import SPA_ASSET, SPA_INDEX, Stack
from tests.support.accounts import bearer

SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; manifest-src 'self'; object-src 'none'; "
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "cross-origin-opener-policy": "same-origin",
}
PASSWORD = "a-long-stack-test-password"


@pytest.fixture(scope="module")
def client(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.base_url, timeout=30) as http:
        yield http


@pytest.fixture(scope="module")
def tokens(client: httpx.Client) -> dict[str, str]:
    """A registered user's token pair, obtained before any test spends the login limit."""
    email = f"stack-{uuid.uuid4().hex[:8]}@example.com"
    registered = client.post(
        "/api/auth/register", json={"name": "Stack Test", "email": email, "password": PASSWORD}
    )
    assert registered.status_code == 201, registered.text
    login = client.post("/api/auth/login", json={"email": email, "password": PASSWORD})
    assert login.status_code == 200, login.text
    return login.json()


def request_id() -> str:
    return f"infra-{uuid.uuid4().hex}"


def backend_log_lines(stack: Stack, index: int) -> list[dict]:
    lines = []
    for raw in stack.backend_log(index).read_text().splitlines():
        if raw.startswith("{"):
            lines.append(json.loads(raw))
    return lines


def app_log_entry(stack: Stack, rid: str) -> tuple[int, dict]:
    """(backend index, the app's request log line) for a request id; waits up to 10 s."""
    deadline = time.monotonic() + 10
    while True:
        for index in range(1, stack.backends + 1):
            for line in backend_log_lines(stack, index):
                if line.get("logger") == "tarefa.request" and line.get("request_id") == rid:
                    return index, line
        if time.monotonic() > deadline:
            raise AssertionError(f"request id {rid} is in no backend log")
        time.sleep(0.1)


def test_deep_link_falls_back_to_index_html_uncached(client: httpx.Client) -> None:
    response = client.get("/tasks/123")
    assert response.status_code == 200
    assert response.text == SPA_INDEX
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers["cache-control"] == "no-cache"


def test_root_serves_index_html_uncached(client: httpx.Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.text == SPA_INDEX
    assert response.headers["cache-control"] == "no-cache"


def test_hashed_asset_is_cached_for_a_year_as_immutable(client: httpx.Client) -> None:
    response = client.get(f"/{SPA_ASSET}")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert response.headers["content-type"] == "application/javascript; charset=utf-8"


def test_missing_asset_is_404_not_index_html(client: httpx.Client) -> None:
    response = client.get("/assets/app-00000000.js")
    assert response.status_code == 404
    assert SPA_INDEX not in response.text


def test_unknown_api_path_is_the_backend_json_404(client: httpx.Client) -> None:
    response = client.get("/api/nope")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert (body["code"], body["status"]) == (404, "Not Found")
    assert "cache-control" not in response.headers


@pytest.mark.parametrize("path", ["/", "/tasks/123", f"/{SPA_ASSET}", "/api/nope", "/health"])
def test_every_response_carries_the_security_headers(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, name


def test_swagger_ui_page_and_bundle_come_from_the_app(client: httpx.Client) -> None:
    response = client.get("/api/docs")
    assert response.status_code == 200
    assert response.headers.get_list("content-security-policy") == [
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
        "form-action 'self'; frame-ancestors 'none'"
    ]
    assert "http" not in response.text
    bundle = client.get("/api/docs/assets/swagger-ui-bundle.js")
    assert bundle.status_code == 200
    assert "SwaggerUIBundle" in bundle.text


def test_health_endpoints_are_proxied(client: httpx.Client) -> None:
    assert client.get("/health").json() == {"status": "ok"}
    ready = client.get("/health/ready")
    assert ready.status_code == 200
    assert ready.json()["status"] == "ok"


@pytest.mark.parametrize("path", ["/metrics", "/metrics/"])
def test_metrics_are_not_exposed(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.json() == {"code": 404, "status": "Not Found", "message": "Not Found"}


def test_backend_serves_multiprocess_metrics_on_its_own_port(
    client: httpx.Client, stack: Stack
) -> None:
    """Scrapers reach /metrics on the backend directly; its files live in the cleaned dir."""
    client.get("/health")
    port = (stack.state_dir / "run" / "backend-1.port").read_text().strip()
    response = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=10)
    assert response.status_code == 200
    assert "tarefa_http_request_total" in response.text
    files = list((stack.state_dir / "run" / "prometheus-1").iterdir())
    assert files
    assert {path.suffix for path in files} == {".db"}


def test_body_over_one_mebibyte_is_refused_with_json_413(client: httpx.Client) -> None:
    response = client.post(
        "/api/tasks",
        content=b"x" * (2 * 1024 * 1024),
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 413
    assert response.json()["code"] == 413


def test_gzip_compresses_json(client: httpx.Client) -> None:
    response = client.get("/api/openapi.json", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["content-encoding"] == "gzip"


def test_request_id_reaches_the_backend_log_and_comes_back(
    client: httpx.Client, stack: Stack
) -> None:
    rid = request_id()
    response = client.get("/api/nope", headers={"X-Request-ID": rid})
    assert response.headers["x-request-id"] == rid
    _, line = app_log_entry(stack, rid)
    assert (line["method"], line["path"], line["status"]) == ("GET", "/api/nope", 404)
    assert line["remote_addr"] == "127.0.0.1"


def test_malformed_request_id_is_replaced(client: httpx.Client) -> None:
    response = client.get("/health", headers={"X-Request-ID": "bad id with spaces"})
    assert response.headers["x-request-id"] != "bad id with spaces"
    assert len(response.headers["x-request-id"]) == 32


def test_revocation_is_shared_between_backends(
    client: httpx.Client, stack: Stack, tokens: dict[str, str]
) -> None:
    headers = bearer(tokens["access_token"])
    logout_rid = request_id()
    logout = client.post("/api/auth/logout", headers={**headers, "X-Request-ID": logout_rid})
    assert logout.status_code == 204
    logout_backend, _ = app_log_entry(stack, logout_rid)

    served_by = set()
    for _ in range(2):  # round robin: two requests in a row reach both backends
        rid = request_id()
        me = client.get("/api/auth/me", headers={**headers, "X-Request-ID": rid})
        assert me.status_code == 401, me.text
        served_by.add(app_log_entry(stack, rid)[0])
    assert served_by == {1, 2}
    assert served_by - {logout_backend}


def test_login_rate_limit_is_shared_between_backends(
    client: httpx.Client, stack: Stack, tokens: dict[str, str]
) -> None:
    statuses, remaining, served_by = [], [], []
    for _ in range(6):
        rid = request_id()
        response = client.post(
            "/api/auth/login",
            json={"email": "nobody@example.com", "password": "wrong-password"},
            headers={"X-Request-ID": rid},
        )
        statuses.append(response.status_code)
        if response.status_code == 429:
            break
        remaining.append(int(response.headers["x-ratelimit-remaining"]))
        served_by.append(app_log_entry(stack, rid)[0])

    # Counters in Redis shared by both processes: each failed attempt lowers the per-account
    # counter (the one the headers report) by one, whichever backend answers, and the per-IP
    # limit (5 per minute, with the fixture's logins) is reached across them.
    assert statuses == [401] * len(remaining) + [429]
    assert remaining == list(range(remaining[0], remaining[0] - len(remaining), -1))
    assert len(served_by) >= 2
    assert set(served_by) == {1, 2}
