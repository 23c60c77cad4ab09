"""Property-based checks of the served OpenAPI spec with schemathesis' default checks:
no server errors, responses conform to their schemas, documented status codes and headers."""

import json
import os
import subprocess
from pathlib import Path

import httpx
import pytest

from tests.support.accounts import PASSWORD
from tests.support.apps import FAST_ARGON2, migrate_database
from tests.support.databases import create_database, drop_database
from tests.support.servers import LiveServer

BIN = Path(__file__).resolve().parents[1] / ".venv" / "bin"


@pytest.fixture
def live_server():
    url = create_database("tarefa_schemathesis")
    migrate_database(url)
    env = {
        "APP_ENV": "testing",
        "DATABASE_URL": url,
        "REDIS_URL": "",
        "RATELIMIT_AUTH": "100000 per minute",
        "RATELIMIT_AI": "100000 per minute",
        "RATELIMIT_AI_OFFLINE": "100000 per minute",
        "RATELIMIT_ACCOUNT": "100000 per minute",
        "SECRET_KEY": "schemathesis-secret-key-long-enough-1",
        "JWT_SECRET_KEY": "schemathesis-jwt-secret-key-long-enough",
        **{k: str(v) for k, v in FAST_ARGON2.items()},
    }
    server = LiveServer(env)
    yield server
    server.stop()
    drop_database(url)


def access_token(base_url):
    account = {"name": "Fuzz", "email": "fuzz@example.com", "password": PASSWORD}
    httpx.post(f"{base_url}/api/auth/register", json=account, timeout=10).raise_for_status()
    login = httpx.post(
        f"{base_url}/api/auth/login",
        json={"email": account["email"], "password": PASSWORD},
        timeout=10,
    )
    return login.json()["access_token"]


def test_api_conforms_to_its_openapi_spec(live_server, tmp_path):
    token = access_token(live_server.url)

    result = subprocess.run(
        [
            str(BIN / "schemathesis"),
            "--config-file",
            str(Path(__file__).with_name("schemathesis.toml")),
            "run",
            f"{live_server.url}/api/openapi.json",
            "--url",
            live_server.url,
            "--header",
            f"Authorization: Bearer {token}",
            # Logging out would revoke the token every other operation runs with.
            "--exclude-path",
            "/api/auth/logout",
            "--max-examples",
            "40",
            "--seed",
            "20261121",
            "--request-timeout",
            "10",
            "--report",
            "json",
            "--report-json-path",
            str(tmp_path / "report.json"),
        ],
        capture_output=True,
        text=True,
        timeout=540,
        cwd=tmp_path,
        env={
            **os.environ,
            "SCHEMATHESIS_HOOKS": str(Path(__file__).with_name("schemathesis_hooks.py")),
        },
    )

    output = (result.stdout + result.stderr)[-6000:]
    assert result.returncode == 0, output
    report = json.loads((tmp_path / "report.json").read_text())
    assert (report["exit_code"], report["complete"]) == (0, True), output
    assert (report["failures"], report["errors"]) == ([], []), output
    assert report["operations"]["errored"] == 0
    # Every operation the spec documents was exercised (only logout is left out, above).
    assert report["operations"]["tested"] == report["operations"]["selected"] > 0
    assert report["test_cases"]["with_failures"] == report["test_cases"]["errored"] == 0
