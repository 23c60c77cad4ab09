import time
from datetime import timedelta

import jwt as pyjwt
import pytest
import redis
from flask_jwt_extended import create_access_token

from app.core import security
from tests.support.accounts import PASSWORD, Auth, UserFactory, bearer

REGISTER = {"name": "Ana Souza", "email": "Ana.Souza@Example.COM ", "password": "sunny-harbour-42"}


def register(client, **overrides):
    return client.post("/api/auth/register", json={**REGISTER, **overrides})


def test_register_creates_user_with_normalised_email(client):
    response = register(client)

    assert response.status_code == 201
    body = response.json
    assert set(body) == {"id", "name", "email", "is_admin", "is_active", "created_at", "timezone"}
    assert body["timezone"] == "UTC"
    assert body["name"] == "Ana Souza"
    assert body["email"] == "ana.souza@example.com"
    assert body["is_admin"] is False
    assert body["created_at"].endswith("+00:00")


def test_register_rejects_duplicate_email_case_insensitively(client):
    register(client)

    response = register(client, email="ANA.SOUZA@example.com")

    assert response.status_code == 409
    assert response.json == {
        "code": 409,
        "status": "Conflict",
        "message": "An account with this email already exists.",
    }


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "Length must be between 1 and 120 (surrounding spaces not counted)."),
        ("name", "   ", "Length must be between 1 and 120 (surrounding spaces not counted)."),
        ("name", "x" * 121, "Length must be between 1 and 120 (surrounding spaces not counted)."),
        ("email", "not-an-email", "Not a valid email address."),
        ("password", "short", "Length must be between 10 and 128."),
        ("password", "password", "Length must be between 10 and 128."),
        ("password", "12345678", "Length must be between 10 and 128."),
        ("password", "x" * 129, "Length must be between 10 and 128."),
        ("password", " " * 12, "A password cannot be only spaces."),
        ("password", "1234567890", "This password is too common; choose another one."),
        ("password", "QwertyUiop", "This password is too common; choose another one."),
        ("password", "password123", "This password is too common; choose another one."),
        ("password", "z" * 12, "This password is too common; choose another one."),
        (
            "name",
            "nul\x00byte",
            "Contains characters that cannot be stored (NUL or lone surrogates).",
        ),
        ("name", 42, "Not a valid string."),
    ],
)
def test_register_validation(client, field, value, message):
    response = register(client, **{field: value})

    assert response.status_code == 422
    assert response.json["errors"] == {"json": {field: [message]}}
    assert response.json["message"] == "Validation failed; see errors for each field."


def test_register_requires_every_field(client):
    response = client.post("/api/auth/register", json={})

    assert response.status_code == 422
    assert response.json["errors"]["json"] == {
        "name": ["Missing data for required field."],
        "email": ["Missing data for required field."],
        "password": ["Missing data for required field."],
    }


def test_login_returns_tokens_and_browser_cookies(client, make_user):
    user = make_user(email="login@example.com")

    response = client.post(
        "/api/auth/login", json={"email": " LOGIN@example.com", "password": PASSWORD}
    )

    assert response.status_code == 200
    body = response.json
    assert set(body) == {"access_token", "refresh_token", "token_type", "expires_in"}
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 15 * 60
    cookies = {c.split("=", 1)[0]: c for c in response.headers.getlist("Set-Cookie")}
    refresh_cookie = cookies["refresh_token_cookie"]
    assert "HttpOnly" in refresh_cookie
    assert "Path=/api/auth" in refresh_cookie
    assert "SameSite=Strict" in refresh_cookie
    assert "Secure" not in refresh_cookie  # only in production
    assert "HttpOnly" not in cookies["csrf_refresh_token"]  # the SPA reads it for the header
    me = client.get("/api/auth/me", headers=bearer(body["access_token"]))
    assert me.json["id"] == user.id


def test_production_refresh_cookie_is_secure(make_app):
    app = make_app(
        APP_ENV="production",
        SECRET_KEY="a" * 40 + "production-secret",
        JWT_SECRET_KEY="b" * 40 + "production-secret",
    )
    UserFactory(app)(email="p@example.com")

    response = app.test_client().post(
        "/api/auth/login", json={"email": "p@example.com", "password": PASSWORD}
    )

    cookie = next(c for c in response.headers.getlist("Set-Cookie") if "refresh_token_cookie" in c)
    assert "Secure" in cookie


def test_login_failures_share_one_message(client, make_user):
    make_user(email="known@example.com")

    wrong_password = client.post(
        "/api/auth/login", json={"email": "known@example.com", "password": "wrong-password"}
    )
    unknown_email = client.post(
        "/api/auth/login", json={"email": "nobody@example.com", "password": "wrong-password"}
    )

    assert wrong_password.status_code == unknown_email.status_code == 401
    assert (
        wrong_password.json
        == unknown_email.json
        == {
            "code": 401,
            "status": "Unauthorized",
            "message": "Invalid email or password.",
        }
    )


def test_unknown_email_still_verifies_a_hash(client, monkeypatch):
    calls = []
    original = security.verify_password

    def spy(password_hash, password):
        calls.append(password_hash)
        return original(password_hash, password)

    monkeypatch.setattr("app.services.auth.verify_password", spy)

    client.post("/api/auth/login", json={"email": "nobody@example.com", "password": "whatever1"})

    # verify_password(None, ...) checks against the dummy hash: same cost as a real account.
    assert calls == [None]


def test_refresh_with_bearer_rotates_and_detects_reuse(client, auth, make_user):
    make_user(email="r@example.com")
    first = auth.login("r@example.com")
    client.delete_cookie("refresh_token_cookie", path="/api/auth")

    rotated = client.post("/api/auth/refresh", headers=bearer(first["refresh_token"]))
    assert rotated.status_code == 200
    second = rotated.json
    assert second["refresh_token"] != first["refresh_token"]
    client.delete_cookie("refresh_token_cookie", path="/api/auth")

    reused = client.post("/api/auth/refresh", headers=bearer(first["refresh_token"]))
    assert reused.status_code == 401
    assert reused.json["message"] == "Refresh token reuse detected; please log in again."

    # The theft response revoked the whole family, including the newest token.
    after = client.post("/api/auth/refresh", headers=bearer(second["refresh_token"]))
    assert after.status_code == 401


def test_refresh_with_cookie_needs_csrf_header(client, make_user):
    make_user(email="c@example.com")
    client.post("/api/auth/login", json={"email": "c@example.com", "password": PASSWORD})
    csrf = client.get_cookie("csrf_refresh_token").value

    without_header = client.post("/api/auth/refresh")
    assert without_header.status_code == 401
    assert without_header.json["message"] == "Authentication required: Missing CSRF token."

    with_header = client.post("/api/auth/refresh", headers={"X-CSRF-TOKEN": csrf})
    assert with_header.status_code == 200
    assert (
        client.get_cookie("refresh_token_cookie", path="/api/auth").value
        == with_header.json["refresh_token"]
    )


def test_refresh_rejects_access_tokens(client, auth, make_user):
    user = make_user()

    response = client.post("/api/auth/refresh", headers=auth.headers(user))

    assert response.status_code == 401
    assert response.json["message"] == "Invalid token: Only refresh tokens are allowed."


def test_logout_revokes_access_and_refresh_tokens(client, auth, make_user):
    make_user(email="out@example.com")
    tokens = auth.login("out@example.com")
    headers = bearer(tokens["access_token"])

    response = client.post("/api/auth/logout", headers=headers)

    assert response.status_code == 204
    assert client.get_cookie("refresh_token_cookie", path="/api/auth") is None
    me = client.get("/api/auth/me", headers=headers)
    assert me.status_code == 401
    assert me.json["message"] == "Token has been revoked."
    refresh = client.post("/api/auth/refresh", headers=bearer(tokens["refresh_token"]))
    assert refresh.status_code == 401


def test_logout_revocation_is_cached_in_redis(make_app, clean_redis):
    app = make_app(REDIS_URL=clean_redis)
    client = app.test_client()
    headers = Auth(client).headers(UserFactory(app)())
    assert client.get("/api/auth/me", headers=headers).status_code == 200

    client.post("/api/auth/logout", headers=headers)

    keys = redis.Redis.from_url(clean_redis).keys("tarefa:revoked:*")
    assert len(keys) == 1
    assert redis.Redis.from_url(clean_redis).get(keys[0]) == b"1"
    assert client.get("/api/auth/me", headers=headers).status_code == 401


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({}, "Authentication required: Missing Authorization Header."),
        (
            {"Authorization": "Bearer"},
            "Invalid token: Bad Authorization header. Expected 'Authorization: Bearer <JWT>'.",
        ),
        (
            {"Authorization": "Basic abc"},
            "Authentication required: Missing 'Bearer' type in 'Authorization' header. Expected 'Authorization: Bearer <JWT>'.",
        ),
        (bearer("not.a.jwt"), "Invalid token: Invalid header padding."),
    ],
)
def test_malformed_tokens_answer_json_401(client, headers, message):
    response = client.get("/api/auth/me", headers=headers)

    assert response.status_code == 401
    assert response.json == {"code": 401, "status": "Unauthorized", "message": message}


def test_an_expired_token_answers_401(app, client, make_user):
    user = make_user()
    with app.app_context():
        expired = create_access_token(identity=str(user.id), expires_delta=timedelta(seconds=-1))

    response = client.get("/api/auth/me", headers=bearer(expired))

    assert response.status_code == 401
    assert response.json["message"] == "Token has expired."


def test_a_token_with_another_tokens_signature_answers_401(app, client, make_user):
    user = make_user()
    with app.app_context():
        valid = create_access_token(identity=str(user.id))
        someone_else = create_access_token(identity=str(user.id + 1))
    header, _, signature = valid.split(".")
    tampered = f"{header}.{someone_else.split('.')[1]}.{signature}"

    response = client.get("/api/auth/me", headers=bearer(tampered))

    assert response.status_code == 401
    assert response.json["message"] == "Invalid token: Signature verification failed."


def test_a_token_is_verified_once_then_remembered(client, auth, make_user, monkeypatch):
    headers = auth.headers(make_user())
    decodes = []
    real_decode = pyjwt.decode
    monkeypatch.setattr(
        pyjwt, "decode", lambda *a, **kw: decodes.append(1) or real_decode(*a, **kw)
    )

    first = client.get("/api/auth/me", headers=headers)
    verifying = len(decodes)
    again = client.get("/api/auth/me", headers=headers)

    assert (first.status_code, again.status_code) == (200, 200)
    assert (verifying, len(decodes)) == (2, 2)  # two to verify it, none the second time


def test_a_token_used_before_is_refused_once_it_expires(app, client, make_user):
    """A verified token is remembered by its text; its expiry is still checked at each use."""
    user = make_user()
    with app.app_context():
        short_lived = create_access_token(identity=str(user.id), expires_delta=timedelta(seconds=2))
    expires = pyjwt.decode(short_lived, options={"verify_signature": False})["exp"]
    assert client.get("/api/auth/me", headers=bearer(short_lived)).status_code == 200

    time.sleep(max(expires - time.time(), 0) + 0.1)  # exp is whole seconds: wait past it
    response = client.get("/api/auth/me", headers=bearer(short_lived))

    assert response.status_code == 401
    assert response.json["message"] == "Token has expired."


def test_a_token_verified_by_one_app_is_refused_by_an_app_with_another_key(make_app, make_user):
    first = make_app()
    other = make_app(JWT_SECRET_KEY="another-jwt-secret-key-that-is-long-enough")
    user = UserFactory(first)()
    with first.app_context():
        token = create_access_token(identity=str(user.id))
    assert first.test_client().get("/api/auth/me", headers=bearer(token)).status_code == 200

    response = other.test_client().get("/api/auth/me", headers=bearer(token))

    assert response.status_code == 401
    assert response.json["message"] == "Invalid token: Signature verification failed."


def test_a_token_signed_with_another_key_answers_401(client, make_user):
    user = make_user()
    foreign = pyjwt.encode(
        {"sub": str(user.id), "type": "access"},
        "another-secret-key-32-characters!",
        algorithm="HS256",
    )

    response = client.get("/api/auth/me", headers=bearer(foreign))

    assert response.status_code == 401
    assert response.json["message"] == "Invalid token: Signature verification failed."


def test_me_shows_the_profile(client, auth, make_user):
    user = make_user(name="Old Name", email="me@example.com")

    me = client.get("/api/auth/me", headers=auth.headers(user))

    assert me.json == {
        "id": user.id,
        "name": "Old Name",
        "email": "me@example.com",
        "is_admin": False,
        "is_active": True,
        "created_at": me.json["created_at"],
        "timezone": "UTC",
    }


def test_a_rename_is_trimmed_and_kept(client, auth, make_user):
    headers = auth.headers(make_user(name="Old Name"))

    renamed = client.patch("/api/auth/me", json={"name": "  New Name "}, headers=headers)
    unchanged = client.patch("/api/auth/me", headers=headers)

    assert renamed.status_code == 200
    assert renamed.json["name"] == "New Name"
    assert unchanged.status_code == 200
    assert unchanged.json["name"] == "New Name"


@pytest.mark.parametrize(
    ("body", "message", "errors"),
    [
        (
            {"password": "new-password-1", "current_password": "nope-nope"},
            "The current password is not correct.",
            {"json": {"current_password": ["The current password is not correct."]}},
        ),
        (
            {"password": "new-password-1"},
            "Send your current password to set a new one.",
            {"json": {"current_password": ["Required to set a new password."]}},
        ),
    ],
)
def test_a_new_password_needs_the_current_one(client, auth, make_user, body, message, errors):
    user = make_user(email="me@example.com")

    response = client.patch("/api/auth/me", json=body, headers=auth.headers(user))

    assert response.status_code == 403
    assert response.json["message"] == message
    assert response.json["errors"] == errors
    kept = client.post("/api/auth/login", json={"email": "me@example.com", "password": PASSWORD})
    assert kept.status_code == 200


def test_a_new_password_replaces_the_old_one(client, auth, make_user):
    user = make_user(email="me@example.com")

    changed = client.patch(
        "/api/auth/me",
        json={"password": "new-password-1", "current_password": PASSWORD},
        headers=auth.headers(user),
    )

    assert changed.status_code == 200
    old = client.post("/api/auth/login", json={"email": "me@example.com", "password": PASSWORD})
    assert old.status_code == 401
    new = client.post(
        "/api/auth/login", json={"email": "me@example.com", "password": "new-password-1"}
    )
    assert new.status_code == 200


def test_password_change_revokes_existing_refresh_tokens(client, auth, make_user):
    make_user(email="pw@example.com")
    tokens = auth.login("pw@example.com")
    headers = bearer(tokens["access_token"])

    client.patch(
        "/api/auth/me",
        json={"password": "brand-new-pass", "current_password": PASSWORD},
        headers=headers,
    )
    client.delete_cookie("refresh_token_cookie", path="/api/auth")

    refresh = client.post("/api/auth/refresh", headers=bearer(tokens["refresh_token"]))
    assert refresh.status_code == 401


def test_token_of_deleted_user_is_refused(app, client, auth, make_user):
    user = make_user()
    headers = auth.headers(user)
    with app.app_context():
        from app.core.extensions import db
        from app.models import User

        db.session.delete(db.session.get(User, user.id))
        db.session.commit()

    response = client.get("/api/auth/me", headers=headers)

    assert response.status_code == 401
    assert response.json["message"] == "The account behind this token no longer exists."
