"""Tarefa's Flask application factory."""

from __future__ import annotations

import logging
from typing import Any

from dotenv import load_dotenv
from flask import Flask, Request, Response, g, has_request_context, request
from flask.sessions import NullSession, SessionInterface, SessionMixin
from flask.typing import ResponseReturnValue
from sqlalchemy import event
from sqlalchemy.exc import (
    IntegrityError,
    NotSupportedError,
    OperationalError,
    ProgrammingError,
    SQLAlchemyError,
)
from werkzeug.middleware.proxy_fix import ProxyFix

from app.core.config import BACKEND_DIR, Settings
from app.core.prepared_statements import is_stale_prepared_plan

log = logging.getLogger(__name__)


class Tarefa(Flask):
    """Flask, answering a request again, once, on a fresh database connection when the one
    it drew from the pool turns out to be unusable:

    - dead (PostgreSQL restarted since it was opened). The pool does not ping a connection
      at every checkout (a round trip per request); instead the first statement on a dead
      one fails as a disconnect and SQLAlchemy discards every connection opened before;
    - holding a prepared statement whose result type a migration has changed (a column's
      type): PostgreSQL refuses to run it again on that connection, so it is discarded.

    Only when the request has committed nothing yet, so nothing is done twice.
    """

    def dispatch_request(self) -> ResponseReturnValue:
        from app.core.extensions import db

        try:
            return super().dispatch_request()
        except OperationalError as error:
            if not error.connection_invalidated or g.get("tarefa_committed"):
                raise
            db.session.rollback()
            log.warning("database connection was lost; retrying on a fresh one")
        except NotSupportedError as error:
            if not is_stale_prepared_plan(error) or g.get("tarefa_committed"):
                raise
            db.session.connection().invalidate()
            db.session.rollback()
            log.warning("a prepared statement went stale after a schema change; retrying")
        return super().dispatch_request()


class NoCookieSession(SessionInterface):
    """Flask's cookie session, never opened: the API authenticates with bearer tokens.

    Opening it built a signing serializer and parsed cookies at every request (2% of the
    list's CPU); code that tried to use it now fails loudly instead.
    """

    def open_session(self, app: Flask, request: Request) -> NullSession:
        return self.make_null_session(app)

    def save_session(self, app: Flask, session: SessionMixin, response: Response) -> None:
        return None


def _note_commit(_session: Any) -> None:
    if has_request_context():
        g.tarefa_committed = True


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app from the environment, with ``config`` overriding any setting."""
    if config is None:
        load_dotenv(BACKEND_DIR.parent / ".env", override=False)
    settings, extra = _settings(config or {})
    settings.check_production()

    app = Tarefa(__name__, instance_path=str(BACKEND_DIR / "instance"))
    app.session_interface = NoCookieSession()
    app.config.update(settings.to_flask_config())
    app.config.update(extra)
    if settings.trusted_proxy_hops:
        # Trust exactly as many X-Forwarded-* hops as there are proxies in front of us.
        hops = settings.trusted_proxy_hops
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]

    from app.core.logging import configure_logging, init_request_logging

    configure_logging(settings.log_level)
    _init_extensions(app)
    _register_api(app)
    from app.core.json_depth import init_json_depth_limit

    init_json_depth_limit(app)
    init_request_logging(app)

    from app.core.tracing import init_tracing

    init_tracing(app)

    from app.cli import init_cli
    from app.core.docs import init_docs
    from app.core.metrics import init_metrics
    from app.core.spa import init_spa
    from app.jobs import init_jobs
    from app.services.planning import init_planner

    init_planner(app)
    init_jobs(app)
    init_metrics(app)
    init_docs(app)
    init_spa(app)
    init_cli(app)
    _skip_idle_rate_limit_check(app)
    _ensure_first_admin(app)
    return app


def _settings(config: dict[str, Any]) -> tuple[Settings, dict[str, Any]]:
    """Split overrides into known settings (validated with the environment, as a whole)
    and raw Flask config."""
    known = Settings.model_fields
    overrides = {k.lower(): v for k, v in config.items() if k.lower() in known}
    extra = {k: v for k, v in config.items() if k.lower() not in known}
    return Settings.load(**overrides), extra


def _init_extensions(app: Flask) -> None:
    from app import models  # noqa: F401 - registers every table on the metadata
    from app.core import security
    from app.core.cache import init_redis
    from app.core.extensions import cors, db, jwt, limiter, migrate
    from app.core.prepared_statements import enable_prepared_statements

    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        (BACKEND_DIR / "instance").mkdir(exist_ok=True)
    db.init_app(app)
    if not event.contains(db.session, "after_commit", _note_commit):
        event.listen(db.session, "after_commit", _note_commit)
    # Registered after Flask-SQLAlchemy's own teardown, so it runs first (teardowns run in
    # reverse order) and leaves that one nothing to do.
    app.teardown_appcontext(_close_session_quietly)
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            event.listen(db.engine, "connect", _enable_sqlite_foreign_keys)
        enable_prepared_statements(db.engine)
    migrate.init_app(app, db, directory=str(BACKEND_DIR / "migrations"))
    jwt.init_app(app)
    cors.init_app(
        app,
        resources={r"/api/*": {"origins": list(app.config["CORS_ORIGINS"])}},
        supports_credentials=True,
        # Only a request that names its Origin gets CORS headers: browsers send one with
        # every cross-origin request, and computing them for the rest cost 2% of a list.
        always_send=False,
    )
    _run_cors_only_for_requests_with_an_origin(app)
    limiter.init_app(app)
    security.init_password_hasher(app)
    init_redis(app)


def _run_cors_only_for_requests_with_an_origin(app: Flask) -> None:
    """Call flask-cors's response hook only when the request sends an Origin.

    Without one the hook adds nothing (``always_send`` is off), yet it still matched the path
    against its resources and logged at debug level: 1.3% of a list request's CPU. Fails at
    start-up if flask-cors renames the hook.
    """
    hooks = app.after_request_funcs[None]
    (index,) = [
        i for i, hook in enumerate(hooks) if getattr(hook, "__name__", "") == "cors_after_request"
    ]
    add_cors_headers = hooks[index]

    def cors_after_request(response: Response) -> Response:
        return add_cors_headers(response) if "Origin" in request.headers else response

    hooks[index] = cors_after_request


def _skip_idle_rate_limit_check(app: Flask) -> None:
    """Drop Flask-Limiter's check before every request when it has nothing to check.

    That check serves application-wide, default, blueprint and meta limits. Tarefa sets none:
    each limit decorates its route, and the decorator checks it. Yet the check cost about 6%
    of a task list request's CPU, limits or not. Should any such limit be configured, it stays.
    """
    from app.core.extensions import limiter

    manager = limiter.limit_manager
    if (
        manager.application_limits
        or manager.default_limits
        or manager._blueprint_limits
        or limiter._meta_limits
        or limiter._in_memory_fallback
    ):
        return
    app.before_request_funcs[None].remove(limiter._check_request_limit)


def _close_session_quietly(_error: BaseException | None) -> None:
    """End the request's session; a database that vanished meanwhile costs a log line.

    The answer was already made: a restart of PostgreSQL between it and this clean-up (the
    closing ROLLBACK fails) must not turn it into a bare 500. The pool drops the connection.
    """
    from app.core.extensions import db

    try:
        db.session.remove()
    except SQLAlchemyError as exc:
        db.session.registry.clear()
        log.warning("closing the session failed: %s", type(exc).__name__)


def _enable_sqlite_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    # SQLite ignores ON DELETE CASCADE unless asked, per connection.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _register_api(app: Flask) -> None:
    from app.api import (
        admin_jobs,
        auth,
        calendar,
        health,
        jobs,
        labels,
        notifications,
        planning,
        projects,
        quickadd,
        recurring,
        tasks,
        transfer,
        users,
    )
    from app.core.api import Api
    from app.core.error_handlers import register_error_handlers

    api = Api(app)
    api.spec.components.security_scheme(
        "bearerAuth", {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
    )
    api.spec.components.security_scheme(
        "refreshCookie", {"type": "apiKey", "in": "cookie", "name": "refresh_token_cookie"}
    )
    for blueprint in (
        health.blp,
        auth.blp,
        users.blp,
        tasks.blp,
        projects.blp,
        labels.blp,
        jobs.blp,
        admin_jobs.blp,
        planning.blp,
        calendar.blp,
        quickadd.blp,
        recurring.blp,
        transfer.blp,
        notifications.blp,
    ):
        api.register_blueprint(blueprint)
    register_error_handlers(app)


def _ensure_first_admin(app: Flask) -> None:
    email, password = app.config["FIRST_ADMIN_EMAIL"], app.config["FIRST_ADMIN_PASSWORD"]
    if not (email and password):
        return
    from app.core.config import ConfigError
    from app.core.extensions import db
    from app.core.passwords import password_problem
    from app.services.accounts import ensure_admin

    problem = password_problem(password)
    if problem is not None:
        raise ConfigError(f"FIRST_ADMIN_PASSWORD is refused: {problem}")
    with app.app_context():
        try:
            ensure_admin(email=email, password=password)
        except IntegrityError:
            db.session.rollback()  # another worker created it at the same moment
        except (OperationalError, ProgrammingError) as exc:
            db.session.rollback()
            log.warning("first admin not created yet (database not ready: %s)", type(exc).__name__)
