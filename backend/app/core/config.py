"""Settings read once from the environment, validated, and turned into Flask config.

Every setting has a safe development default except the secrets, which production
refuses to start without (see ``Settings.check_production``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path

BACKEND_DIR = Path(__file__).resolve().parents[2]
DEFAULT_SQLITE_URL = f"sqlite:///{BACKEND_DIR / 'instance' / 'tarefa.db'}"
DEV_SECRET = "dev-only-insecure-secret-change-me"  # noqa: S105 - development placeholder
KNOWN_WEAK_SECRETS = frozenset(
    {DEV_SECRET, "changeme", "change-me", "secret", "dev", "development", "please-change-me"}
)
MIN_SECRET_LENGTH = 32
ENVIRONMENTS = ("development", "testing", "production")
JOBS_MODES = ("auto", "redis", "thread", "inline")


class ConfigError(RuntimeError):
    """The environment describes a configuration the app refuses to run with."""


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be an integer, got {raw!r}") from exc


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        return float(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from exc


def _list(env: Mapping[str, str], name: str, default: str) -> tuple[str, ...]:
    raw = env.get(name) or default
    return tuple(item.strip() for item in raw.split(",") if item.strip())


def _database_url(raw: str) -> str:
    # Hosted providers hand out postgres:// URLs; SQLAlchemy only knows postgresql://.
    if raw.startswith("postgres://"):
        return "postgresql://" + raw.removeprefix("postgres://")
    return raw


@dataclass(frozen=True)
class Settings:
    app_env: str = "development"
    database_url: str = DEFAULT_SQLITE_URL
    secret_key: str = DEV_SECRET
    jwt_secret_key: str = DEV_SECRET
    redis_url: str | None = None
    cors_origins: tuple[str, ...] = ("http://localhost:5173",)
    access_token_minutes: int = 15
    refresh_token_days: int = 14
    ratelimit_auth: str = "10 per minute"
    ratelimit_ai: str = "20 per hour"
    log_level: str = "INFO"
    first_admin_email: str | None = None
    first_admin_password: str | None = None
    trusted_proxy_hops: int = 0
    max_content_length: int = 1024 * 1024
    public_url: str = "http://localhost:5173"
    spa_dist_dir: str | None = None
    password_reset_minutes: int = 30
    mail_backend: str = "console"
    mail_server: str = "localhost"
    mail_port: int = 25
    mail_username: str | None = None
    mail_password: str | None = None
    mail_use_tls: bool = False
    mail_use_ssl: bool = False
    mail_timeout_seconds: float = 10.0
    mail_default_sender: str = "Tarefa <no-reply@tarefa.local>"
    ai_provider: str = "offline"
    ai_base_url: str = "https://api.openai.com/v1"
    ai_api_key: str | None = field(default=None, repr=False)
    ai_model: str = "gpt-4o-mini"
    ai_timeout_seconds: float = 20.0
    ai_max_retries: int = 1
    ai_fallback: str = "offline"
    argon2_time_cost: int = 3
    argon2_memory_kib: int = 65536
    argon2_parallelism: int = 4
    jobs_mode: str = "auto"
    worker_metrics_port: int = 0
    worker_shutdown_grace_seconds: float = 10.0
    jobs_retry_backoff: tuple[int, ...] = (10, 60, 300, 1800)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        app_env = env.get("APP_ENV", "development").strip() or "development"
        if app_env not in ENVIRONMENTS:
            raise ConfigError(f"APP_ENV must be one of {', '.join(ENVIRONMENTS)}, got {app_env!r}")
        secret_default = "" if app_env == "production" else DEV_SECRET
        cors_origins = _list(env, "CORS_ORIGINS", "http://localhost:5173")
        if "*" in cors_origins:
            # Browsers send cookies with CORS requests only to listed origins; "*" with
            # credentials would hand the session to any site.
            raise ConfigError("CORS_ORIGINS must list origins; '*' is not allowed")
        return cls(
            app_env=app_env,
            database_url=_database_url(env.get("DATABASE_URL") or DEFAULT_SQLITE_URL),
            secret_key=env.get("SECRET_KEY", secret_default),
            jwt_secret_key=env.get("JWT_SECRET_KEY", secret_default),
            redis_url=env.get("REDIS_URL") or None,
            cors_origins=cors_origins,
            access_token_minutes=_int(env, "ACCESS_TOKEN_MINUTES", 15),
            refresh_token_days=_int(env, "REFRESH_TOKEN_DAYS", 14),
            ratelimit_auth=env.get("RATELIMIT_AUTH") or "10 per minute",
            ratelimit_ai=env.get("RATELIMIT_AI") or "20 per hour",
            log_level=(env.get("LOG_LEVEL") or "INFO").upper(),
            first_admin_email=env.get("FIRST_ADMIN_EMAIL") or None,
            first_admin_password=env.get("FIRST_ADMIN_PASSWORD") or None,
            trusted_proxy_hops=_int(env, "TRUSTED_PROXY_HOPS", 0),
            max_content_length=_int(env, "MAX_CONTENT_LENGTH", 1024 * 1024),
            public_url=(env.get("PUBLIC_URL") or "http://localhost:5173").rstrip("/"),
            spa_dist_dir=env.get("SPA_DIST_DIR") or None,
            password_reset_minutes=_int(env, "PASSWORD_RESET_MINUTES", 30),
            mail_backend=env.get("MAIL_BACKEND")
            or ("smtp" if env.get("MAIL_SERVER") else "console"),
            mail_server=env.get("MAIL_SERVER") or "localhost",
            mail_port=_int(env, "MAIL_PORT", 25),
            mail_username=env.get("MAIL_USERNAME") or None,
            mail_password=env.get("MAIL_PASSWORD") or None,
            mail_use_tls=env.get("MAIL_USE_TLS", "").lower() in ("1", "true", "yes"),
            mail_use_ssl=env.get("MAIL_USE_SSL", "").lower() in ("1", "true", "yes"),
            mail_timeout_seconds=_float(env, "MAIL_TIMEOUT_SECONDS", 10.0),
            mail_default_sender=env.get("MAIL_DEFAULT_SENDER") or "Tarefa <no-reply@tarefa.local>",
            ai_provider=env.get("AI_PROVIDER") or "offline",
            ai_base_url=env.get("AI_BASE_URL") or "https://api.openai.com/v1",
            ai_api_key=env.get("AI_API_KEY") or None,
            ai_model=env.get("AI_MODEL") or "gpt-4o-mini",
            ai_timeout_seconds=_float(env, "AI_TIMEOUT_SECONDS", 20.0),
            ai_max_retries=_int(env, "AI_MAX_RETRIES", 1),
            ai_fallback=env.get("AI_FALLBACK", "offline"),
            argon2_time_cost=_int(env, "ARGON2_TIME_COST", 3),
            argon2_memory_kib=_int(env, "ARGON2_MEMORY_KIB", 65536),
            argon2_parallelism=_int(env, "ARGON2_PARALLELISM", 4),
            jobs_mode=_jobs_mode(env.get("JOBS_MODE") or "auto"),
            worker_metrics_port=_int(env, "WORKER_METRICS_PORT", 0),
            worker_shutdown_grace_seconds=_float(env, "WORKER_SHUTDOWN_GRACE_SECONDS", 10.0),
            jobs_retry_backoff=_backoff(env.get("JOBS_RETRY_BACKOFF", "10,60,300,1800")),
        )

    def check_production(self) -> None:
        """Refuse weak or missing secrets when running in production."""
        if self.app_env != "production":
            return
        for name, value in (
            ("SECRET_KEY", self.secret_key),
            ("JWT_SECRET_KEY", self.jwt_secret_key),
        ):
            if not value:
                raise ConfigError(f"{name} is required in production")
            if value.lower() in KNOWN_WEAK_SECRETS or value == DEV_SECRET:
                raise ConfigError(
                    f"{name} is a known default; generate one with `openssl rand -hex 32`"
                )
            if len(value) < MIN_SECRET_LENGTH:
                raise ConfigError(
                    f"{name} must be at least {MIN_SECRET_LENGTH} characters in production"
                )

    def to_flask_config(self) -> dict[str, object]:
        """Flask and extension settings derived from these values."""
        production = self.app_env == "production"
        values = {key.upper(): value for key, value in asdict(self).items()}
        values.update(
            ENV_NAME=self.app_env,
            TESTING=self.app_env == "testing",
            SQLALCHEMY_DATABASE_URI=self.database_url,
            SQLALCHEMY_ENGINE_OPTIONS=_engine_options(self.database_url),
            MAX_CONTENT_LENGTH=self.max_content_length,
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
            OPENAPI_SWAGGER_UI_PATH="/docs",
            OPENAPI_SWAGGER_UI_URL="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/",
        )
        return values


def _jobs_mode(raw: str) -> str:
    if raw not in JOBS_MODES:
        raise ConfigError(f"JOBS_MODE must be one of {', '.join(JOBS_MODES)}, got {raw!r}")
    return raw


def _backoff(raw: str) -> tuple[int, ...]:
    try:
        delays = tuple(int(item) for item in raw.split(",") if item.strip())
    except ValueError as exc:
        raise ConfigError(
            f"JOBS_RETRY_BACKOFF must list seconds, like 10,60,300; got {raw!r}"
        ) from exc
    if any(delay < 0 for delay in delays):
        raise ConfigError(f"JOBS_RETRY_BACKOFF must not be negative, got {raw!r}")
    return delays


def _engine_options(database_url: str) -> dict[str, object]:
    if database_url.startswith("sqlite"):
        return {}
    # pre_ping lets workers survive a database restart without being restarted themselves;
    # the connect timeout keeps requests failing fast while the database is away.
    return {
        "pool_pre_ping": True,
        "pool_size": 5,
        "max_overflow": 5,
        "pool_timeout": 5,
        "pool_recycle": 1800,
        "connect_args": {"connect_timeout": 3},
    }
