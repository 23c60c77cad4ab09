import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from dotenv import dotenv_values

from app import create_app
from app.core.config import DEFAULT_SQLITE_URL, ConfigError, Settings
from app.services.ai import FallbackPlanner
from tests.support.apps import FAST_ARGON2

BACKEND_DIR = Path(__file__).resolve().parents[1]
REPO_ROOT = BACKEND_DIR.parent
STRONG = "s" * 20 + "-a-strong-random-secret"
STRONG_JWT = "j" * 20 + "-another-random-secret"


def production(**env: str) -> dict[str, str]:
    """A production environment that passes every check, with ``env`` on top."""
    return {
        "APP_ENV": "production",
        "SECRET_KEY": STRONG,
        "JWT_SECRET_KEY": STRONG_JWT,
        "MAIL_SERVER": "smtp.example.org",
        **env,
    }


def test_development_defaults():
    settings = Settings.load({})

    assert settings.app_env == "development"
    assert settings.database_url == DEFAULT_SQLITE_URL
    assert settings.redis_url is None
    assert settings.cors_origins == ("http://localhost:5173",)
    assert (settings.access_token_minutes, settings.refresh_token_days) == (15, 14)
    assert settings.ratelimit_auth == "10 per minute"
    assert settings.ratelimit_account == "10 per 15 minutes"
    assert settings.ratelimit_ai == "20 per hour"
    assert settings.ratelimit_ai_offline == "120 per hour"
    assert settings.password_hash_concurrency == 2
    assert settings.api_docs is True
    assert settings.mail_backend == "console"
    assert settings.ai_provider == "offline"
    assert settings.ai_fallback == "offline"


def test_values_from_the_environment():
    settings = Settings.load(
        {
            "DATABASE_URL": "postgres://u:p@db:5432/tarefa",
            "CORS_ORIGINS": "https://a.example, https://b.example,",
            "ACCESS_TOKEN_MINUTES": "5",
            "MAIL_SERVER": "smtp.example",
            "TRUSTED_PROXY_HOPS": "1",
            "LOG_LEVEL": "debug",
            "AI_PROVIDER": "OpenAI",
            "PUBLIC_URL": "https://tarefa.example/",
            "API_DOCS": "false",
            "AI_MODEL": "",  # empty counts as unset, as compose's ${AI_MODEL:-} passes it
        }
    )

    assert settings.database_url == "postgresql://u:p@db:5432/tarefa"
    assert settings.cors_origins == ("https://a.example", "https://b.example")
    assert settings.access_token_minutes == 5
    assert settings.mail_backend == "smtp"
    assert settings.trusted_proxy_hops == 1
    assert settings.log_level == "DEBUG"
    assert settings.ai_provider == "openai"
    assert settings.public_url == "https://tarefa.example"
    assert settings.api_docs is False
    assert settings.ai_model == "gpt-4o-mini"


def test_production_turns_api_docs_off_by_default():
    assert Settings.load(production()).api_docs is False
    assert Settings.load(production(API_DOCS="true")).api_docs is True


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("true", "offline"),
        ("TRUE", "offline"),
        ("offline", "offline"),
        ("false", "none"),
        ("none", "none"),
    ],
)
def test_ai_fallback_reads_true_and_false_as_a_switch(value, expected):
    assert Settings.load({"AI_FALLBACK": value}).ai_fallback == expected


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"APP_ENV": "staging"},
            "APP_ENV: Input should be 'development', 'testing' or 'production' (got 'staging')",
        ),
        (
            {"ACCESS_TOKEN_MINUTES": "soon"},
            "ACCESS_TOKEN_MINUTES: Input should be a valid integer, unable to parse string as an "
            "integer (got 'soon')",
        ),
        (
            {"ACCESS_TOKEN_MINUTES": "0"},
            "ACCESS_TOKEN_MINUTES: Input should be greater than or equal to 1 (got '0')",
        ),
        (
            {"AI_TIMEOUT_SECONDS": "fast"},
            "AI_TIMEOUT_SECONDS: Input should be a valid number, unable to parse string as a "
            "number (got 'fast')",
        ),
        (
            {"CORS_ORIGINS": "*"},
            "CORS_ORIGINS: must list origins; '*' is not allowed (got '*')",
        ),
        (
            {"AI_FALLBACK": "maybe"},
            "AI_FALLBACK: Input should be 'offline' or 'none' (got 'maybe')",
        ),
        (
            {"RATELIMIT_AI_OFFLINE": "lots"},
            "RATELIMIT_AI_OFFLINE: must read like '10 per minute' (got 'lots')",
        ),
        (
            {"PASSWORD_HASH_CONCURRENCY": "0"},
            "PASSWORD_HASH_CONCURRENCY: Input should be greater than or equal to 1 (got '0')",
        ),
        (
            {"MAIL_USE_TLS": "sometimes"},
            "MAIL_USE_TLS: Input should be a valid boolean, unable to interpret input "
            "(got 'sometimes')",
        ),
        (
            {"MAIL_PASSWORD": "x", "MAIL_PORT": "smtp"},
            "MAIL_PORT: Input should be a valid integer, unable to parse string as an integer "
            "(got 'smtp')",
        ),
    ],
)
def test_invalid_values_fail_with_one_line(env, message):
    with pytest.raises(ConfigError) as error:
        Settings.load(env)

    assert str(error.value) == message


def test_every_bad_value_is_named_on_the_same_line():
    with pytest.raises(ConfigError) as error:
        Settings.load({"MAIL_PORT": "x", "LOG_LEVEL": "loud"})

    assert str(error.value) == (
        "LOG_LEVEL: Input should be 'DEBUG', 'INFO', 'WARNING', 'ERROR' or 'CRITICAL' "
        "(got 'LOUD'); MAIL_PORT: Input should be a valid integer, unable to parse string "
        "as an integer (got 'x')"
    )


@pytest.mark.parametrize(
    ("secret", "jwt_secret", "message"),
    [
        (None, STRONG, "SECRET_KEY is required in production"),
        (STRONG, None, "JWT_SECRET_KEY is required in production"),
        ("short-secret", STRONG, "SECRET_KEY must be at least 32 characters in production"),
        (
            STRONG,
            "changeme",
            "JWT_SECRET_KEY is a known default; generate one with `openssl rand -hex 32`",
        ),
        (
            "dev-only-insecure-secret-change-me",
            STRONG,
            "SECRET_KEY is a known default; generate one with `openssl rand -hex 32`",
        ),
        (
            "a" * 64,
            STRONG,
            "SECRET_KEY repeats too few characters to be random; "
            "generate one with `openssl rand -hex 32`",
        ),
        (
            STRONG,
            "abab" * 10,
            "JWT_SECRET_KEY repeats too few characters to be random; "
            "generate one with `openssl rand -hex 32`",
        ),
        (STRONG, STRONG, "SECRET_KEY and JWT_SECRET_KEY must be two different secrets"),
    ],
)
def test_production_refuses_weak_secrets(secret, jwt_secret, message):
    env = production()
    del env["SECRET_KEY"], env["JWT_SECRET_KEY"]
    if secret is not None:
        env["SECRET_KEY"] = secret
    if jwt_secret is not None:
        env["JWT_SECRET_KEY"] = jwt_secret

    with pytest.raises(ConfigError) as error:
        Settings.load(env).check_production()

    assert str(error.value) == message


def test_production_refuses_the_console_mailer_it_was_not_asked_for():
    env = production()
    del env["MAIL_SERVER"]

    with pytest.raises(ConfigError) as error:
        Settings.load(env).check_production()

    assert str(error.value) == (
        "MAIL_SERVER is required in production (password-reset mail); "
        "set MAIL_BACKEND=console to only log messages instead"
    )


def test_production_accepts_an_explicit_console_mailer_with_a_warning(caplog):
    env = production(MAIL_BACKEND="console")
    del env["MAIL_SERVER"]

    with caplog.at_level("WARNING", logger="app.core.config"):
        Settings.load(env).check_production()

    assert [r.getMessage() for r in caplog.records] == [
        "MAIL_BACKEND=console in production: mail is logged, not sent"
    ]


def test_development_accepts_the_development_secrets():
    Settings.load({"SECRET_KEY": "dev", "JWT_SECRET_KEY": "dev"}).check_production()


def test_create_app_refuses_to_start_in_production_with_weak_secret():
    with pytest.raises(ConfigError, match="SECRET_KEY must be at least 32 characters"):
        create_app({"APP_ENV": "production", "SECRET_KEY": "weak", "JWT_SECRET_KEY": STRONG})


def test_production_starts_with_strong_secrets(database_url):
    app = create_app({**production(), "DATABASE_URL": database_url})

    assert app.config["JWT_COOKIE_SECURE"] is True
    assert app.config["TESTING"] is False


def _start_app(env: dict[str, str], code: str) -> subprocess.CompletedProcess[str]:
    """Build the app in a fresh interpreter from ``env`` only (plus PATH), run ``code``.

    Jobs run inline: in-process job threads would print log lines that race ``code``'s output.
    """
    return subprocess.run(
        [sys.executable, "-c", f"from app import create_app; app = create_app(); {code}"],
        cwd=BACKEND_DIR,
        env={"PATH": os.environ["PATH"], "JOBS_MODE": "inline", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_start_up_failure_is_one_line():
    result = _start_app(production(SECRET_KEY=""), "")

    assert result.returncode == 1
    assert (
        result.stderr.strip().splitlines()[-1]
        == "app.core.config.ConfigError: SECRET_KEY is required in production"
    )


PLANNER = "print(type(app.extensions['tarefa.planner']).__name__, app.config['AI_FALLBACK'])"


def test_app_boots_with_the_values_of_env_example(tmp_path):
    env = {k: v for k, v in dotenv_values(REPO_ROOT / ".env.example").items() if v is not None}
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'dev.db'}", AI_PROVIDER="openai")

    result = _start_app(env, PLANNER)

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "FallbackPlanner offline"


def test_app_boots_with_the_values_of_env_prod_example(tmp_path):
    env = {k: v for k, v in dotenv_values(REPO_ROOT / ".env.prod.example").items() if v}
    # What an operator fills in where the example says REQUIRED; compose sets APP_ENV.
    # The secrets as the compose file passes them: files named by *_FILE variables.
    for name in ("secret_key", "jwt_secret_key"):
        (tmp_path / name).write_text(secrets.token_hex(32) + "\n")
        env[f"{name.upper()}_FILE"] = str(tmp_path / name)
    env.update(
        APP_ENV="production",
        PUBLIC_URL="https://tarefa.example.org",
        MAIL_SERVER="smtp.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.db'}",
        AI_PROVIDER="openai",
    )

    result = _start_app(env, PLANNER + "; print(app.config['API_DOCS'])")

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-2:] == ["FallbackPlanner offline", "False"]


def test_env_prod_example_holds_no_secret():
    # Secrets are files in SECRETS_DIR (Compose secrets), never variables of .env.prod.
    values = dotenv_values(REPO_ROOT / ".env.prod.example")

    assert values["SECRETS_DIR"] == "./secrets"
    for name in values:
        assert not name.endswith(("PASSWORD", "SECRET_KEY", "API_KEY")), name


def test_ai_fallback_true_wraps_the_provider_in_the_offline_planner(make_app):
    app = make_app(AI_PROVIDER="openai", AI_FALLBACK="true", AI_API_KEY="k")

    assert isinstance(app.extensions["tarefa.planner"], FallbackPlanner)


def test_missing_prometheus_directory_is_created_when_the_app_is_built(tmp_path):
    directory = tmp_path / "tmpfs" / "prometheus"
    env = {
        "APP_ENV": "testing",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'metrics.db'}",
        "PROMETHEUS_MULTIPROC_DIR": str(directory),
    }

    result = _start_app(env, "print(app.test_client().get('/metrics').status_code)")

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "200"
    assert directory.is_dir()


def test_entrypoint_migrations_run_with_a_missing_prometheus_directory(tmp_path):
    """The container's first step: migrations build the app before gunicorn exists."""
    directory = tmp_path / "prometheus"
    env = {
        "PATH": os.environ["PATH"],
        "APP_ENV": "production",
        "SECRET_KEY": STRONG,
        "JWT_SECRET_KEY": STRONG_JWT,
        "MAIL_BACKEND": "console",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'entry.db'}",
        "PROMETHEUS_MULTIPROC_DIR": str(directory),
    }

    result = subprocess.run(
        [str(BACKEND_DIR / "entrypoint.sh"), "true"],
        cwd=BACKEND_DIR,
        env={**env, "PATH": f"{BACKEND_DIR / '.venv' / 'bin'}:{env['PATH']}"},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert directory.is_dir()


def test_uncreatable_prometheus_directory_is_one_line(tmp_path):
    (tmp_path / "file").write_text("not a directory")
    env = {
        "APP_ENV": "testing",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'metrics.db'}",
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "file" / "prometheus"),
    }

    result = _start_app(env, "")

    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "app.core.config.ConfigError: PROMETHEUS_MULTIPROC_DIR="
        f"'{tmp_path / 'file' / 'prometheus'}' cannot be created: Not a directory"
    )


def test_seed_demo_refuses_to_run_in_production(make_app):
    app = make_app(**production(MAIL_BACKEND="console"))

    result = app.test_cli_runner().invoke(args=["seed-demo"])

    assert result.exit_code == 1
    assert (
        result.output == "Error: seed-demo creates a public demo account: refused in production\n"
    )


@pytest.fixture
def docs_client(make_app):
    return make_app().test_client()


def test_api_docs_page_loads_only_assets_of_its_own(docs_client):
    response = docs_client.get("/api/docs")

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "http" not in page  # no CDN: every URL is relative to the app
    assert "<script>" not in page  # no inline script
    assert 'data-spec-url="/api/openapi.json"' in page
    assert response.headers["Content-Security-Policy"] == (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
        "form-action 'self'; frame-ancestors 'none'"
    )


@pytest.mark.parametrize(
    ("path", "mimetype", "start"),
    [
        ("/api/docs/assets/swagger-ui-bundle.js", "text/javascript", ""),
        ("/api/docs/assets/swagger-ui.css", "text/css", ".swagger-ui"),
        ("/api/docs/init.js", "text/javascript", '"use strict";\nwindow.ui = SwaggerUIBundle('),
    ],
)
def test_api_docs_assets_are_served_by_the_app(docs_client, path, mimetype, start):
    response = docs_client.get(path)

    assert response.status_code == 200
    assert response.mimetype == mimetype
    assert response.get_data(as_text=True).startswith(start)
    assert len(response.get_data()) > len(start)


def test_api_docs_do_not_serve_other_files_of_the_package(docs_client):
    response = docs_client.get("/api/docs/assets/oauth2-redirect.html")

    assert response.status_code == 404
    assert response.json["status"] == "Not Found"


def test_api_docs_are_off_with_api_docs_false(make_app):
    client = make_app(API_DOCS=False).test_client()

    for path in ("/api/docs", "/api/docs/assets/swagger-ui-bundle.js", "/api/docs/init.js"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.json["code"] == 404


def test_api_docs_are_off_in_production_by_default(make_app):
    client = make_app(**production(MAIL_BACKEND="console"), **FAST_ARGON2).test_client()

    assert client.get("/api/docs").status_code == 404
    assert client.get("/api/openapi.json").status_code == 200  # the contract stays published


def test_readme_lists_every_setting_with_its_default():
    readme = (REPO_ROOT / "README.md").read_text()
    rows = {
        line.split("|")[1].strip(): line.split("|")[2].strip()
        for line in readme.splitlines()
        if line.startswith("| `")
    }
    documented = {name.strip("` ") for row in rows for name in row.split("/")}

    assert {name.upper() for name in Settings.model_fields} <= documented
    assert rows["`RATELIMIT_AI_OFFLINE`"] == "`120 per hour`"
    assert rows["`PASSWORD_HASH_CONCURRENCY`"] == "`2`"
