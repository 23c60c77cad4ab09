"""Every setting of the app, typed, with its one default, validated once at start.

``Settings`` reads the environment (pydantic-settings; an empty variable counts as unset)
and ``to_flask_config`` turns it into Flask config under the same upper-case names, so
code reads ``app.config["X"]``. A bad value stops start-up with one line naming it
(``ConfigError``); production also refuses weak secrets and a silent console mailer
(``Settings.check_production``).

Any setting ``X`` may instead come from the file named by ``X_FILE`` (Docker and Compose
``secrets:`` mount them under /run/secrets), so a secret never sits in the environment that
``docker inspect`` shows; giving both is an error (``_values_from_files``).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlsplit, urlunsplit

from limits import parse_many
from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

BACKEND_DIR = Path(__file__).resolve().parents[2]
DEFAULT_SQLITE_URL = f"sqlite:///{BACKEND_DIR / 'instance' / 'tarefa.db'}"
DEV_SECRET = "dev-only-insecure-secret-change-me"  # noqa: S105 - development placeholder
KNOWN_WEAK_SECRETS = frozenset(
    {DEV_SECRET, "changeme", "change-me", "secret", "dev", "development", "please-change-me"}
)
MIN_SECRET_LENGTH = 32
# A random 32+ character secret has far more distinct characters than this.
MIN_SECRET_DISTINCT_CHARACTERS = 8

# AI_FALLBACK also reads as a boolean switch (.env files of older releases say "true").
_FALLBACK_SWITCH = dict.fromkeys(("true", "1", "yes", "on"), "offline") | dict.fromkeys(
    ("false", "0", "no", "off", ""), "none"
)

log = logging.getLogger(__name__)

PositiveInt = Annotated[int, Field(ge=1)]
NonNegativeInt = Annotated[int, Field(ge=0)]
PositiveFloat = Annotated[float, Field(gt=0)]


class ConfigError(RuntimeError):
    """The environment describes a configuration the app refuses to run with."""


class Settings(BaseSettings):
    """The app's settings; the environment variable of each is its name in upper case."""

    model_config = SettingsConfigDict(
        case_sensitive=False, env_ignore_empty=True, extra="ignore", frozen=True
    )

    app_env: Literal["development", "testing", "production"] = "development"
    database_url: str = DEFAULT_SQLITE_URL
    # Put into DATABASE_URL / REDIS_URL, so the password can be a secret file of its own.
    database_password: str | None = Field(default=None, repr=False)
    secret_key: str = Field(default=DEV_SECRET, repr=False)
    jwt_secret_key: str = Field(default=DEV_SECRET, repr=False)
    redis_url: str | None = None
    redis_password: str | None = Field(default=None, repr=False)
    cors_origins: Annotated[tuple[str, ...], NoDecode] = ("http://localhost:5173",)
    access_token_minutes: PositiveInt = 15
    # How long a process trusts revocation answers it already has (0: ask Redis every time).
    revocation_cache_seconds: Annotated[float, Field(ge=0, le=60)] = 5.0
    refresh_token_days: PositiveInt = 14
    ratelimit_auth: str = "10 per minute"
    ratelimit_account: str = "10 per 15 minutes"
    ratelimit_ai: str = "20 per hour"
    ratelimit_ai_offline: str = "120 per hour"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    first_admin_email: str | None = None
    first_admin_password: str | None = Field(default=None, repr=False)
    trusted_proxy_hops: NonNegativeInt = 0
    max_content_length: PositiveInt = 1024 * 1024
    public_url: str = "http://localhost:5173"
    spa_dist_dir: str | None = None
    api_docs: bool | None = None  # None: on in development and testing, off in production
    password_reset_minutes: PositiveInt = 30
    mail_backend: Literal["console", "smtp"] | None = None  # None: smtp when MAIL_SERVER is given
    mail_server: str = "localhost"
    mail_port: PositiveInt = 25
    mail_username: str | None = None
    mail_password: str | None = Field(default=None, repr=False)
    mail_use_tls: bool = False
    mail_use_ssl: bool = False
    mail_timeout_seconds: PositiveFloat = 10.0
    mail_default_sender: str = "Tarefa <no-reply@tarefa.local>"
    ai_provider: Literal["offline", "openai"] = "offline"
    ai_base_url: str = "https://api.openai.com/v1"
    ai_api_key: str | None = Field(default=None, repr=False)
    ai_model: str = "gpt-4o-mini"
    ai_timeout_seconds: PositiveFloat = 20.0
    ai_max_retries: NonNegativeInt = 1
    ai_fallback: Literal["offline", "none"] = "offline"
    argon2_time_cost: PositiveInt = 3
    argon2_memory_kib: PositiveInt = 65536
    argon2_parallelism: PositiveInt = 4
    password_hash_concurrency: PositiveInt = 2
    # Also read from the environment by prometheus_client itself: set it there.
    prometheus_multiproc_dir: str | None = None
    jobs_mode: Literal["auto", "redis", "thread", "inline"] = "auto"
    # 0: no metrics endpoint; the compose workers use 9200.
    worker_metrics_port: Annotated[int, Field(ge=0, le=65535)] = 0
    # 0: a stopping worker requeues its current job at once.
    worker_shutdown_grace_seconds: Annotated[float, Field(ge=0)] = 10.0
    # Seconds before each retry of a failed job; its length is the number of retries.
    jobs_retry_backoff: Annotated[tuple[NonNegativeInt, ...], NoDecode] = (10, 60, 300, 1800)
    # Derived from the standard OTEL_EXPORTER_OTLP_* variables (see Settings.load); None: off.
    otel_traces_endpoint: str | None = None
    otel_service_name: str = "tarefa-backend"

    @field_validator("app_env", "ai_provider", "mail_backend", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: Any) -> Any:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("ai_fallback", mode="before")
    @classmethod
    def _fallback_as_switch(cls, value: Any) -> Any:
        # true/false read as a switch: fall back to the offline planner, or do not.
        if isinstance(value, bool):
            return "offline" if value else "none"
        if isinstance(value, str):
            value = value.strip().lower()
            return _FALLBACK_SWITCH.get(value, value)
        return value

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = value.split(",")
        origins = tuple(item.strip() for item in value if item.strip())
        if "*" in origins:
            # Browsers send cookies with CORS requests only to listed origins; "*" with
            # credentials would hand the session to any site.
            raise ValueError("must list origins; '*' is not allowed")
        return origins

    @field_validator("jobs_retry_backoff", mode="before")
    @classmethod
    def _split_delays(cls, value: Any) -> Any:
        if isinstance(value, str):
            try:
                return tuple(int(item) for item in value.split(",") if item.strip())
            except ValueError:
                raise ValueError("must list seconds, like 10,60,300") from None
        return value

    @field_validator("database_url")
    @classmethod
    def _sqlalchemy_scheme(cls, value: str) -> str:
        # Hosted providers hand out postgres:// URLs; SQLAlchemy only knows postgresql://.
        if value.startswith("postgres://"):
            return "postgresql://" + value.removeprefix("postgres://")
        return value

    @field_validator("public_url")
    @classmethod
    def _no_trailing_slash(cls, value: str) -> str:
        return value.rstrip("/")

    @field_validator("ratelimit_auth", "ratelimit_account", "ratelimit_ai", "ratelimit_ai_offline")
    @classmethod
    def _rate_limit(cls, value: str) -> str:
        try:
            parse_many(value)
        except ValueError:
            raise ValueError("must read like '10 per minute'") from None
        return value

    @model_validator(mode="after")
    def _derived_defaults(self) -> Settings:
        production = self.app_env == "production"
        if self.database_password is not None:
            url = _with_password("DATABASE_URL", self.database_url, self.database_password)
            object.__setattr__(self, "database_url", url)
        if self.redis_password is not None:
            if self.redis_url is None:
                raise ConfigError("REDIS_PASSWORD is set but REDIS_URL is not")
            url = _with_password("REDIS_URL", self.redis_url, self.redis_password)
            object.__setattr__(self, "redis_url", url)
        # frozen model: the two derived defaults are filled in once, here.
        if self.api_docs is None:
            object.__setattr__(self, "api_docs", not production)
        if self.mail_backend is None:
            given = "mail_server" in self.model_fields_set
            object.__setattr__(self, "mail_backend", "smtp" if given else "console")
        return self

    @classmethod
    def load(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from ``env`` (default: the process environment), then ``overrides``.

        Raises ConfigError with one line naming every bad value.
        """
        source = os.environ if env is None else env
        traces = _otel_traces_endpoint(source)
        if traces is not None:
            overrides = {"otel_traces_endpoint": traces, **overrides}
        overrides = {**_values_from_files(source, cls.model_fields), **overrides}
        try:
            if env is None:
                return cls(**overrides)
            values = {
                k.lower(): v for k, v in env.items() if v != "" and k.lower() in cls.model_fields
            }
            return cls.model_validate({**values, **overrides})
        except ValidationError as exc:
            raise ConfigError(_one_line(exc)) from None

    def check_production(self) -> None:
        """Refuse, in production, secrets that are missing, weak or shared, and a mailer
        that would only log password-reset links without having been asked to."""
        if self.app_env != "production":
            return
        for name in ("secret_key", "jwt_secret_key"):
            _check_secret(name.upper(), getattr(self, name), given=name in self.model_fields_set)
        if self.secret_key == self.jwt_secret_key:
            raise ConfigError("SECRET_KEY and JWT_SECRET_KEY must be two different secrets")
        if self.mail_backend == "console":
            if "mail_backend" not in self.model_fields_set:
                raise ConfigError(
                    "MAIL_SERVER is required in production (password-reset mail); "
                    "set MAIL_BACKEND=console to only log messages instead"
                )
            log.warning("MAIL_BACKEND=console in production: mail is logged, not sent")

    def to_flask_config(self) -> dict[str, object]:
        """Flask and extension settings derived from these values."""
        production = self.app_env == "production"
        values = {key.upper(): value for key, value in self.model_dump().items()}
        values.update(
            ENV_NAME=self.app_env,
            TESTING=self.app_env == "testing",
            SQLALCHEMY_DATABASE_URI=self.database_url,
            SQLALCHEMY_ENGINE_OPTIONS=_engine_options(self.database_url),
            JSON_SORT_KEYS=False,
            # Access tokens travel only as Bearer headers; the refresh route opts into cookies.
            JWT_TOKEN_LOCATION=["headers"],
            JWT_COOKIE_SECURE=production,
            JWT_COOKIE_SAMESITE="Strict",
            JWT_COOKIE_CSRF_PROTECT=True,
            JWT_CSRF_CHECK_FORM=False,
            JWT_REFRESH_COOKIE_PATH="/api/auth",
            JWT_REFRESH_CSRF_COOKIE_PATH="/",
            JWT_SESSION_COOKIE=False,
            RATELIMIT_STORAGE_URI=self.redis_url or "memory://",
            RATELIMIT_HEADERS_ENABLED=True,
            RATELIMIT_IN_MEMORY_FALLBACK_ENABLED=True,
            RATELIMIT_SWALLOW_ERRORS=True,
            RATELIMIT_KEY_PREFIX="tarefa",
            API_TITLE="Tarefa API",
            API_VERSION="1.0.0",
            OPENAPI_VERSION="3.0.3",
            OPENAPI_URL_PREFIX="/api",
            OPENAPI_JSON_PATH="openapi.json",
        )
        return values


def _values_from_files(env: Mapping[str, str], fields: Mapping[str, Any]) -> dict[str, str]:
    """Settings given as ``X_FILE=path``: the file's text, its trailing newline stripped.

    An empty file counts as unset, like an empty variable. ``X`` and ``X_FILE`` together,
    or a file that cannot be read, raise ConfigError.
    """
    values: dict[str, str] = {}
    given = {key.upper(): value for key, value in env.items() if value != ""}
    for field in fields:
        name = field.upper()
        path = given.get(f"{name}_FILE")
        if path is None:
            continue
        if name in given:
            raise ConfigError(f"{name} and {name}_FILE are both set; keep one")
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
            raise ConfigError(f"{name}_FILE: cannot read {path} ({reason})") from None
        text = text.rstrip("\r\n")
        if text:
            values[field] = text
    return values


def _with_password(name: str, url: str, password: str) -> str:
    """``url`` with ``password`` (percent-encoded) in place of any password it holds.

    Raises ConfigError, not ValueError: pydantic would print the input, secrets included.
    """
    parts = urlsplit(url)
    if not parts.hostname or parts.scheme.startswith("sqlite"):
        raise ConfigError(f"{name} must name a server to take a password (got {parts.scheme}://…)")
    user = parts.username or ""
    host = parts.netloc.rpartition("@")[2]
    netloc = f"{user}:{quote(password, safe='')}@{host}"
    return urlunsplit(parts._replace(netloc=netloc))


def _otel_traces_endpoint(env: Mapping[str, str]) -> str | None:
    """Where spans go (OTLP over HTTP), from the standard OTEL_* variables; None: tracing off."""
    if env.get("OTEL_SDK_DISABLED", "").strip().lower() == "true":
        return None
    if env.get("OTEL_TRACES_EXPORTER", "otlp").strip().lower() == "none":
        return None
    protocol = env.get("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL") or env.get(
        "OTEL_EXPORTER_OTLP_PROTOCOL"
    )
    if protocol and protocol.strip() != "http/protobuf":
        raise ConfigError(
            f"OTEL_EXPORTER_OTLP_PROTOCOL must be http/protobuf (the only one shipped), got {protocol!r}"
        )
    traces = (env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") or "").strip()
    if traces:
        return traces
    base = (env.get("OTEL_EXPORTER_OTLP_ENDPOINT") or "").strip()
    # The specification: the generic endpoint is a base URL, signals add their own path.
    return f"{base.rstrip('/')}/v1/traces" if base else None


def _check_secret(name: str, value: str, *, given: bool) -> None:
    if not given or not value:
        raise ConfigError(f"{name} is required in production")
    if value.lower() in KNOWN_WEAK_SECRETS:
        raise ConfigError(f"{name} is a known default; generate one with `openssl rand -hex 32`")
    if len(value) < MIN_SECRET_LENGTH:
        raise ConfigError(f"{name} must be at least {MIN_SECRET_LENGTH} characters in production")
    if len(set(value)) < MIN_SECRET_DISTINCT_CHARACTERS:
        raise ConfigError(
            f"{name} repeats too few characters to be random; "
            "generate one with `openssl rand -hex 32`"
        )


def _one_line(error: ValidationError) -> str:
    """'NAME: reason (got value)' for each bad setting, joined on one line."""
    parts = []
    for item in error.errors(include_url=False):
        field = str(item["loc"][0]) if item["loc"] else "settings"
        reason = item["msg"].removeprefix("Value error, ")
        secret = field in Settings.model_fields and Settings.model_fields[field].repr is False
        shown = "<hidden>" if secret else item["input"]
        parts.append(f"{field.upper()}: {reason} (got {shown!r})")
    return "; ".join(parts)


def _engine_options(database_url: str) -> dict[str, object]:
    if database_url.startswith("sqlite"):
        return {}
    # No pre-ping (a round trip per checkout): after a database restart, a request on a dead
    # connection is answered again on a fresh one (app.Tarefa). The connect timeout keeps
    # requests failing fast while the database is away. No statement is prepared on the
    # server unless its query asks (app.core.prepared_statements): psycopg would prepare any
    # statement run five times on a connection, and PostgreSQL then switch it to a generic
    # plan, blind to the values, which for a search pattern walks every task of the user (a
    # search went from 8 to 80 ms).
    return {
        "pool_size": 5,
        "max_overflow": 5,
        "pool_timeout": 5,
        "pool_recycle": 1800,
        "connect_args": {"connect_timeout": 3, "prepare_threshold": None},
    }
