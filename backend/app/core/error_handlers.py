"""Handlers that answer every failure with the envelope, rolling the session back first."""

from __future__ import annotations

import logging

from flask import Flask, Response
from sqlalchemy.exc import DataError, IntegrityError, OperationalError

from app.core.envelope import error_response
from app.core.errors import DomainError
from app.core.extensions import db

log = logging.getLogger(__name__)


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(DomainError)
    def handle_domain_error(error: DomainError) -> Response:
        db.session.rollback()
        return error_response(error.status, error.message, error.errors)

    @app.errorhandler(OperationalError)
    def handle_database_unavailable(error: OperationalError) -> Response:
        # Rolling back also returns the broken connection to the pool, which discards it
        # (a disconnect invalidates every older connection): the next request opens a new one.
        db.session.rollback()
        log.warning("database unavailable: %s", error.orig.__class__.__name__)
        response = error_response(503, "The database is unavailable; try again shortly.")
        response.headers["Retry-After"] = "5"
        return response

    @app.errorhandler(DataError)
    def handle_out_of_range(error: DataError) -> Response:
        # A value the schemas let through but the column cannot hold (a safety net).
        db.session.rollback()
        log.warning("database refused a value: %s", error.orig.__class__.__name__)
        return error_response(422, "A value is out of range for this field.")

    @app.errorhandler(IntegrityError)
    def handle_conflict(error: IntegrityError) -> Response:
        # Two requests racing for the same unique value, or a row deleted meanwhile.
        db.session.rollback()
        log.warning("integrity error: %s", error.orig.__class__.__name__)
        return error_response(
            409, "The request conflicts with the current state; reload and retry."
        )

    @app.errorhandler(Exception)
    def handle_unexpected(error: Exception) -> Response:
        db.session.rollback()
        log.exception("unhandled error")
        return error_response(500, "Internal server error.")
