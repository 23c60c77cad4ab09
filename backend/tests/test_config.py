import pytest

from app import create_app
from app.core.config import DEFAULT_SQLITE_URL, ConfigError, Settings

STRONG = "s" * 20 + "-a-strong-random-secret"


def test_development_defaults():
    settings = Settings.from_env({})

    assert settings.app_env == "development"
    assert settings.database_url == DEFAULT_SQLITE_URL
    assert settings.redis_url is None
    assert settings.cors_origins == ("http://localhost:5173",)
    assert (settings.access_token_minutes, settings.refresh_token_days) == (15, 14)
    assert settings.ratelimit_auth == "10 per minute"
    assert settings.mail_backend == "console"
    assert settings.ai_provider == "offline"


def test_values_from_the_environment():
    settings = Settings.from_env(
        {
            "DATABASE_URL": "postgres://u:p@db:5432/tarefa",
            "CORS_ORIGINS": "https://a.example, https://b.example,",
            "ACCESS_TOKEN_MINUTES": "5",
            "MAIL_SERVER": "smtp.example",
            "TRUSTED_PROXY_HOPS": "1",
        }
    )

    assert settings.database_url == "postgresql://u:p@db:5432/tarefa"
    assert settings.cors_origins == ("https://a.example", "https://b.example")
    assert settings.access_token_minutes == 5
    assert settings.mail_backend == "smtp"
    assert settings.trusted_proxy_hops == 1


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"APP_ENV": "staging"},
            "APP_ENV must be one of development, testing, production, got 'staging'",
        ),
        ({"ACCESS_TOKEN_MINUTES": "soon"}, "ACCESS_TOKEN_MINUTES must be an integer, got 'soon'"),
        ({"AI_TIMEOUT_SECONDS": "fast"}, "AI_TIMEOUT_SECONDS must be a number, got 'fast'"),
        ({"CORS_ORIGINS": "*"}, "CORS_ORIGINS must list origins; '*' is not allowed"),
    ],
)
def test_invalid_values_fail_with_one_line(env, message):
    with pytest.raises(ConfigError) as error:
        Settings.from_env(env)

    assert str(error.value) == message


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
    ],
)
def test_production_refuses_weak_secrets(secret, jwt_secret, message):
    env = {"APP_ENV": "production"}
    if secret is not None:
        env["SECRET_KEY"] = secret
    if jwt_secret is not None:
        env["JWT_SECRET_KEY"] = jwt_secret

    with pytest.raises(ConfigError) as error:
        Settings.from_env(env).check_production()

    assert str(error.value) == message


def test_create_app_refuses_to_start_in_production_with_weak_secret():
    with pytest.raises(ConfigError, match="SECRET_KEY must be at least 32 characters"):
        create_app({"APP_ENV": "production", "SECRET_KEY": "weak", "JWT_SECRET_KEY": STRONG})


def test_production_starts_with_strong_secrets(database_url):
    app = create_app(
        {
            "APP_ENV": "production",
            "SECRET_KEY": STRONG,
            "JWT_SECRET_KEY": STRONG + "2",
            "DATABASE_URL": database_url,
        }
    )

    assert app.config["JWT_COOKIE_SECURE"] is True
    assert app.config["TESTING"] is False


def test_production_start_up_failure_is_one_line(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {**os.environ, "APP_ENV": "production", "SECRET_KEY": "", "JWT_SECRET_KEY": STRONG}
    result = subprocess.run(
        [sys.executable, "-c", "from app import create_app; create_app()"],
        cwd=Path(__file__).resolve().parents[1],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 1
    assert (
        result.stderr.strip().splitlines()[-1]
        == "app.core.config.ConfigError: SECRET_KEY is required in production"
    )
