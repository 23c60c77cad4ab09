"""Users and logins for any app instance: the shared fixtures' app, or one a test built."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from app.core.extensions import db
from app.models import User

PASSWORD = "correct-horse-battery"


class UserFactory:
    """``make_user(**overrides)``: an account created through the account service, detached
    from the session so a test can keep reading it."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self._numbers = itertools.count(1)

    def __call__(self, **overrides: Any) -> User:
        from app.services.accounts import create_user

        n = next(self._numbers)
        fields = {"name": f"User {n}", "email": f"user{n}@example.com", "password": PASSWORD}
        fields.update(overrides)
        with self.app.app_context():
            user = create_user(**fields)
            db.session.refresh(user)
            db.session.expunge(user)
            return user


@dataclass
class Auth:
    """Logs users in through the API and hands out their Authorization headers."""

    client: FlaskClient

    def login(self, email: str, password: str = PASSWORD) -> dict[str, Any]:
        response = self.client.post("/api/auth/login", json={"email": email, "password": password})
        assert response.status_code == 200, response.json
        return response.json

    def headers(self, user: User, password: str = PASSWORD) -> dict[str, str]:
        return bearer(self.login(user.email, password)["access_token"])


def bearer(token: str) -> dict[str, str]:
    """The Authorization header for an access token."""
    return {"Authorization": f"Bearer {token}"}
