"""Settings read from files named by ``X_FILE`` (Compose and Kubernetes secrets)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from redis.connection import parse_url
from sqlalchemy.engine import make_url

from app.core.config import ConfigError, Settings

BACKEND_DIR = Path(__file__).resolve().parents[1]
STRONG = "s" * 20 + "-a-strong-random-secret"
STRONG_JWT = "j" * 20 + "-another-random-secret"


@pytest.fixture
def secret_file(tmp_path):
    """Write ``text`` to a fresh file and return its path."""
    count = 0

    def write(text: str) -> str:
        nonlocal count
        count += 1
        path = tmp_path / f"secret-{count}"
        path.write_bytes(text.encode())
        return str(path)

    return write


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("k3y-from-a-file", "k3y-from-a-file"),
        ("k3y-from-a-file\n", "k3y-from-a-file"),
        ("k3y-from-a-file\r\n", "k3y-from-a-file"),
        ("k3y-from-a-file\n\n", "k3y-from-a-file"),
        (" spaced k3y \n", " spaced k3y "),
    ],
)
def test_a_secret_comes_from_the_file_its_file_variable_names(secret_file, text, expected):
    settings = Settings.load({"AI_API_KEY_FILE": secret_file(text)})

    assert settings.ai_api_key == expected


@pytest.mark.parametrize(
    ("name", "text", "field", "expected"),
    [
        ("SECRET_KEY", STRONG, "secret_key", STRONG),
        ("JWT_SECRET_KEY", STRONG_JWT, "jwt_secret_key", STRONG_JWT),
        ("MAIL_PASSWORD", "p@ss word", "mail_password", "p@ss word"),
        ("FIRST_ADMIN_PASSWORD", "Admin-pass-2026", "first_admin_password", "Admin-pass-2026"),
        ("DATABASE_URL", "postgresql://u:p@db/t\n", "database_url", "postgresql://u:p@db/t"),
        ("REDIS_URL", "redis://:p@redis:6379/0\n", "redis_url", "redis://:p@redis:6379/0"),
        # Any setting, validated as if it came from its variable.
        ("ACCESS_TOKEN_MINUTES", "5\n", "access_token_minutes", 5),
        ("CORS_ORIGINS", "https://a.example,https://b.example\n", "cors_origins",
         ("https://a.example", "https://b.example")),
    ],
)  # fmt: skip
def test_every_setting_takes_a_file_variable(secret_file, name, text, field, expected):
    settings = Settings.load({f"{name}_FILE": secret_file(text)})

    assert getattr(settings, field) == expected


def test_a_value_from_a_file_is_validated_like_its_variable(secret_file):
    with pytest.raises(ConfigError) as error:
        Settings.load({"ACCESS_TOKEN_MINUTES_FILE": secret_file("soon\n")})

    assert str(error.value) == (
        "ACCESS_TOKEN_MINUTES: Input should be a valid integer, unable to parse string as an "
        "integer (got 'soon')"
    )


def test_production_checks_secrets_that_come_from_files(secret_file):
    env = {
        "APP_ENV": "production",
        "MAIL_SERVER": "smtp.example.org",
        "SECRET_KEY_FILE": secret_file(STRONG + "\n"),
        "JWT_SECRET_KEY_FILE": secret_file(STRONG_JWT + "\n"),
    }
    Settings.load(env).check_production()

    weak = Settings.load({**env, "JWT_SECRET_KEY_FILE": secret_file("changeme\n")})
    with pytest.raises(ConfigError, match=r"^JWT_SECRET_KEY is a known default"):
        weak.check_production()
    same = Settings.load({**env, "JWT_SECRET_KEY_FILE": env["SECRET_KEY_FILE"]})
    with pytest.raises(ConfigError, match=r"^SECRET_KEY and JWT_SECRET_KEY must be two different"):
        same.check_production()


def test_a_setting_and_its_file_variable_together_are_refused(secret_file):
    with pytest.raises(ConfigError) as error:
        Settings.load({"SECRET_KEY": STRONG, "SECRET_KEY_FILE": secret_file(STRONG)})

    assert str(error.value) == "SECRET_KEY and SECRET_KEY_FILE are both set; keep one"


def test_an_empty_variable_next_to_a_file_variable_counts_as_unset(secret_file):
    # Compose's `${MAIL_PASSWORD:-}` passes an empty variable along with the file one.
    settings = Settings.load({"MAIL_PASSWORD": "", "MAIL_PASSWORD_FILE": secret_file("pw\n")})

    assert settings.mail_password == "pw"


def test_an_empty_file_counts_as_unset(secret_file):
    # An optional secret (no AI provider, no SMTP login) is an empty file in compose.
    settings = Settings.load({"AI_API_KEY_FILE": secret_file("\n")})

    assert settings.ai_api_key is None


def test_a_missing_file_stops_start_up_with_its_name(tmp_path):
    missing = tmp_path / "nowhere"

    with pytest.raises(ConfigError) as error:
        Settings.load({"JWT_SECRET_KEY_FILE": str(missing)})

    assert str(error.value) == (
        f"JWT_SECRET_KEY_FILE: cannot read {missing} (No such file or directory)"
    )


def test_a_file_that_is_not_text_stops_start_up(secret_file):
    path = secret_file("")
    Path(path).write_bytes(b"\xff\xfe\x00")

    with pytest.raises(ConfigError) as error:
        Settings.load({"SECRET_KEY_FILE": path})

    assert str(error.value) == f"SECRET_KEY_FILE: cannot read {path} (not UTF-8 text)"


def test_a_file_variable_of_no_setting_is_ignored(secret_file):
    # POSTGRES_PASSWORD_FILE belongs to the database image and the backup scripts.
    settings = Settings.load({"POSTGRES_PASSWORD_FILE": "/nonexistent"})

    assert settings.database_password is None


@pytest.mark.parametrize(
    ("url", "password", "expected"),
    [
        ("postgresql://tarefa@db:5432/tarefa", "hex0123", "postgresql://tarefa:hex0123@db:5432/tarefa"),
        ("postgresql://tarefa:old@db/tarefa", "new", "postgresql://tarefa:new@db/tarefa"),
        ("postgres://tarefa@db/tarefa?sslmode=require", "p",
         "postgresql://tarefa:p@db/tarefa?sslmode=require"),
        ("postgresql://tarefa@[::1]:5433/t", "p", "postgresql://tarefa:p@[::1]:5433/t"),
        ("postgresql://tarefa@db/t", "a:b/c@d%e f", "postgresql://tarefa:a%3Ab%2Fc%40d%25e%20f@db/t"),
    ],
)  # fmt: skip
def test_database_password_goes_into_the_url(url, password, expected):
    settings = Settings.load({"DATABASE_URL": url, "DATABASE_PASSWORD": password})

    assert settings.database_url == expected
    assert make_url(settings.database_url).password == password


def test_redis_password_from_a_file_goes_into_the_url(secret_file):
    settings = Settings.load(
        {"REDIS_URL": "redis://redis:6379/0", "REDIS_PASSWORD_FILE": secret_file("r@d:s/\n")}
    )

    assert settings.redis_url == "redis://:r%40d%3As%2F@redis:6379/0"
    assert parse_url(settings.redis_url)["password"] == "r@d:s/"


def test_a_password_needs_a_server_url():
    with pytest.raises(ConfigError) as error:
        Settings.load({"DATABASE_PASSWORD": "secret-value"})
    assert str(error.value) == "DATABASE_URL must name a server to take a password (got sqlite://…)"

    with pytest.raises(ConfigError) as error:
        Settings.load({"REDIS_PASSWORD": "secret-value"})
    assert str(error.value) == "REDIS_PASSWORD is set but REDIS_URL is not"


def test_the_process_environment_takes_file_variables_too(secret_file, database_url):
    # create_app() reads os.environ: the path the containers take.
    env = {
        "PATH": os.environ["PATH"],
        "JOBS_MODE": "inline",
        "APP_ENV": "production",
        "MAIL_SERVER": "smtp.example.org",
        "DATABASE_URL": database_url,
        "SECRET_KEY_FILE": secret_file(STRONG + "\n"),
        "JWT_SECRET_KEY_FILE": secret_file(STRONG_JWT + "\n"),
    }
    code = (
        "from app import create_app; app = create_app(); "
        f"print(app.config['SECRET_KEY'] == {STRONG!r}, "
        f"app.config['JWT_SECRET_KEY'] == {STRONG_JWT!r})"
    )

    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=BACKEND_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "True True"
