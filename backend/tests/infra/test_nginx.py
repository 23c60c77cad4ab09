"""The Nginx templates rendered for loopback and run by a real nginx, with no backend behind.

The upstream is a free port nothing listens on: a backend that is down. What needs a live
backend is tested through the native stack (test_stack.py).
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.infra.conftest import SPA_ASSET, SPA_INDEX, require_tool, run
from tests.infra.test_static import gunicorn_settings
from tests.support.ports import free_port
from tests.support.servers import REPO_ROOT

SERVER_NAME = "tarefa.test"


@dataclass(frozen=True)
class Nginx:
    http: str
    https: str


def _self_signed_certificate(directory: Path) -> tuple[Path, Path]:
    openssl = require_tool("openssl", "apt-get install openssl")
    cert, key = directory / "fullchain.pem", directory / "privkey.pem"
    made = run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", f"/CN={SERVER_NAME}", "-keyout", str(key), "-out", str(cert)]
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    return cert, key


def _wait_for_port(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 10
    while True:
        try:
            httpx.get(f"{url}/nginx-health", timeout=1)
            return
        except httpx.TransportError:
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail("nginx did not start", pytrace=False)
            time.sleep(0.05)


@pytest.fixture(scope="module")
def nginx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Nginx]:
    """nginx with TLS on (a self-signed certificate) in front of a backend that is down."""
    binary = require_tool("nginx", "apt-get install nginx")
    require_tool("envsubst", "apt-get install gettext-base")
    root = tmp_path_factory.mktemp("nginx")
    spa = root / "spa"
    (spa / "assets").mkdir(parents=True)
    (spa / "index.html").write_text(SPA_INDEX)
    (spa / SPA_ASSET).write_text("console.log('tarefa');\n")
    cert, key = _self_signed_certificate(root)
    http_port, https_port, dead_port = free_port(), free_port(), free_port()
    prefix = root / "prefix"
    env = {
        **os.environ,
        "NGINX_LISTEN_PORT": f"127.0.0.1:{http_port}",
        "NGINX_TLS_PORT": f"127.0.0.1:{https_port}",
        "NGINX_SERVER_NAME": SERVER_NAME,
        "NGINX_UPSTREAM_SERVERS": f"server 127.0.0.1:{dead_port};",
        "NGINX_SPA_ROOT": str(spa),
        "TLS_MODE": "on",
        "TLS_CERTIFICATE": str(cert),
        "TLS_CERTIFICATE_KEY": str(key),
    }
    rendered = run([str(REPO_ROOT / "scripts/render-nginx.sh"), str(prefix)], env=env)
    assert rendered.returncode == 0, rendered.stderr
    process = subprocess.Popen(
        [binary, "-p", str(prefix), "-e", str(prefix / "logs/error.log"),
         "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        _wait_for_port(f"http://127.0.0.1:{http_port}", process)
        yield Nginx(http=f"http://127.0.0.1:{http_port}", https=f"https://127.0.0.1:{https_port}")
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def client(nginx: Nginx) -> Iterator[httpx.Client]:
    # The self-signed certificate names tarefa.test, the URL says 127.0.0.1.
    with httpx.Client(
        base_url=nginx.https,
        verify=False,  # noqa: S501
        headers={"Host": SERVER_NAME},
        timeout=10,
    ) as client:
        yield client


def test_found_hashed_asset_is_immutable(client: httpx.Client) -> None:
    response = client.get(f"/{SPA_ASSET}")

    assert response.status_code == 200
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"


def test_revalidated_hashed_asset_keeps_its_policy(client: httpx.Client) -> None:
    first = client.get(f"/{SPA_ASSET}")
    again = client.get(f"/{SPA_ASSET}", headers={"If-None-Match": first.headers["etag"]})

    assert again.status_code == 304
    assert again.headers["cache-control"] == "public, max-age=31536000, immutable"


def test_missing_hashed_asset_is_not_cached(client: httpx.Client) -> None:
    response = client.get("/assets/app-00000000.js")

    assert response.status_code == 404
    assert response.headers["cache-control"] == "no-cache"


@pytest.mark.parametrize("path", ["/api/tasks", "/api/auth/login", "/health", "/health/ready"])
def test_backend_down_is_503_in_the_status_line_and_the_body(
    client: httpx.Client, path: str
) -> None:
    response = client.post(path, json={}) if "login" in path else client.get(path)

    assert response.status_code == 503
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {
        "code": 503,
        "status": "Service Unavailable",
        "message": "The service is temporarily unavailable.",
    }


@pytest.mark.parametrize("host", [SERVER_NAME, "evil.example", "evil.example:8443"])
def test_https_redirect_goes_to_the_server_name_whatever_the_host_header(
    nginx: Nginx, host: str
) -> None:
    response = httpx.get(f"{nginx.http}/tasks?page=2", headers={"Host": host})

    assert response.status_code == 301
    assert response.headers["location"] == f"https://{SERVER_NAME}/tasks?page=2"


def test_health_probe_stays_on_plain_http(nginx: Nginx) -> None:
    response = httpx.get(f"{nginx.http}/nginx-health", headers={"Host": "evil.example"})

    assert (response.status_code, response.text) == (200, "ok\n")


def test_api_docs_policy_names_no_other_origin(client: httpx.Client) -> None:
    csp = client.get("/api/docs").headers["content-security-policy"]

    assert csp == (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
        "form-action 'self'; frame-ancestors 'none'"
    )


def test_upstream_keepalive_ends_before_gunicorns(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "NGINX_LISTEN_PORT": "127.0.0.1:18080",
        "NGINX_UPSTREAM_SERVERS": "server 127.0.0.1:18001;",
        "NGINX_SPA_ROOT": str(tmp_path),
    }
    rendered = run([str(REPO_ROOT / "scripts/render-nginx.sh"), str(tmp_path / "p")], env=env)
    assert rendered.returncode == 0, rendered.stderr
    upstream = (tmp_path / "p/conf.d/default.conf").read_text().split("upstream tarefa_backend")[1]
    upstream = upstream.split("}")[0]

    assert "keepalive_timeout 4s;" in upstream
    assert int(gunicorn_settings()["keepalive"]) == 5


def test_tls_render_refuses_the_catch_all_server_name(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "NGINX_LISTEN_PORT": "127.0.0.1:18080",
        "NGINX_UPSTREAM_SERVERS": "server 127.0.0.1:18001;",
        "NGINX_SPA_ROOT": str(tmp_path),
        "NGINX_SERVER_NAME": "_",
        "TLS_MODE": "on",
        "TLS_CERTIFICATE": "/c.pem",
        "TLS_CERTIFICATE_KEY": "/k.pem",
    }

    result = run([str(REPO_ROOT / "scripts/render-nginx.sh"), str(tmp_path / "p")], env=env)

    assert result.returncode == 2
    assert result.stderr == (
        "render-nginx: TLS_MODE=on needs NGINX_SERVER_NAME (the public host name), not _\n"
    )
