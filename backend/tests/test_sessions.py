"""Sessions end when they must: password set by anyone, refresh reuse, deactivation,
deletion and logout; the refresh cookie lives as long as its token."""

import pytest

from tests.support.accounts import PASSWORD, bearer

REUSE = "Refresh token reuse detected; please log in again."
GONE = "The account behind this token no longer exists."


@pytest.fixture
def admin_headers(auth, make_user):
    return auth.headers(make_user(email="boss@example.com", is_admin=True))


@pytest.fixture
def member(make_user):
    return make_user(email="member@example.com")


@pytest.fixture
def session(client, auth, member):
    """The member's tokens; the browser cookie is dropped so the Bearer token is what counts."""
    tokens = auth.login(member.email)
    client.delete_cookie("refresh_token_cookie", path="/api/auth")
    return tokens


def assert_session_over(client, tokens):
    me = client.get("/api/auth/me", headers=bearer(tokens["access_token"]))
    assert me.status_code == 401
    assert (
        client.post("/api/auth/refresh", headers=bearer(tokens["refresh_token"])).status_code == 401
    )


def test_admin_setting_a_password_ends_the_users_sessions(client, admin_headers, member, session):
    changed = client.patch(
        f"/api/users/{member.id}", json={"password": "chosen-by-admin"}, headers=admin_headers
    )

    assert changed.status_code == 200
    assert_session_over(client, session)
    assert (
        client.post(
            "/api/auth/login", json={"email": member.email, "password": "chosen-by-admin"}
        ).status_code
        == 200
    )


def test_own_password_change_ends_access_tokens_at_once(client, auth, member, session):
    changed = client.patch(
        "/api/auth/me",
        json={"password": "my-new-password", "current_password": PASSWORD},
        headers=bearer(session["access_token"]),
    )

    assert changed.status_code == 200
    assert_session_over(client, session)
    fresh = auth.login(member.email, "my-new-password")
    assert client.get("/api/auth/me", headers=bearer(fresh["access_token"])).status_code == 200


def test_refresh_reuse_ends_every_session_of_the_user(client, auth, member, session):
    other_device = auth.login(member.email)
    client.delete_cookie("refresh_token_cookie", path="/api/auth")
    rotated = client.post("/api/auth/refresh", headers=bearer(session["refresh_token"])).json

    reuse = client.post("/api/auth/refresh", headers=bearer(session["refresh_token"]))

    assert (reuse.status_code, reuse.json["message"]) == (401, REUSE)
    for tokens in (rotated, other_device):
        assert_session_over(client, tokens)


def test_deactivation_ends_sessions_and_login_until_reactivated(
    client, admin_headers, member, session
):
    off = client.patch(f"/api/users/{member.id}", json={"is_active": False}, headers=admin_headers)

    assert (off.status_code, off.json["is_active"]) == (200, False)
    me = client.get("/api/auth/me", headers=bearer(session["access_token"]))
    assert (me.status_code, me.json["message"]) == (401, GONE)
    assert (
        client.post("/api/auth/refresh", headers=bearer(session["refresh_token"])).status_code
        == 401
    )
    login = client.post("/api/auth/login", json={"email": member.email, "password": PASSWORD})
    assert (login.status_code, login.json["message"]) == (401, "Invalid email or password.")

    on = client.patch(f"/api/users/{member.id}", json={"is_active": True}, headers=admin_headers)
    assert (on.status_code, on.json["is_active"]) == (200, True)
    login = client.post("/api/auth/login", json={"email": member.email, "password": PASSWORD})
    assert login.status_code == 200


def test_admins_cannot_deactivate_themselves(client, auth, make_user):
    admin = make_user(email="solo@example.com", is_admin=True)
    headers = auth.headers(admin)

    response = client.patch(f"/api/users/{admin.id}", json={"is_active": False}, headers=headers)

    assert (response.status_code, response.json["message"]) == (
        409,
        "You cannot deactivate your own account.",
    )


def test_deleted_users_token_is_refused_at_once_with_a_warm_cache(make_app, clean_redis):
    app = make_app(REDIS_URL=clean_redis)
    client = app.test_client()
    from app.services.accounts import create_user
    from tests.support.accounts import Auth

    with app.app_context():
        create_user(name="R", email="root@example.com", password=PASSWORD, is_admin=True)
        doomed_id = create_user(name="D", email="doomed@example.com", password=PASSWORD).id
    login = Auth(client)
    admin_headers = bearer(login.login("root@example.com")["access_token"])
    doomed_headers = bearer(login.login("doomed@example.com")["access_token"])
    assert client.get("/api/tasks", headers=doomed_headers).status_code == 200  # cache warmed

    assert client.delete(f"/api/users/{doomed_id}", headers=admin_headers).status_code == 204

    for response in (
        client.get("/api/tasks", headers=doomed_headers),
        client.post("/api/tasks", json={"title": "Ghost"}, headers=doomed_headers),
        client.post("/api/tasks/generate", json={"goal": "Haunt"}, headers=doomed_headers),
    ):
        assert (response.status_code, response.json["message"]) == (401, GONE)


def test_logout_revokes_the_refresh_token_sent_in_the_body(client, session):
    response = client.post(
        "/api/auth/logout",
        json={"refresh_token": session["refresh_token"]},
        headers=bearer(session["access_token"]),
    )

    assert response.status_code == 204
    refresh = client.post("/api/auth/refresh", headers=bearer(session["refresh_token"]))
    assert (refresh.status_code, refresh.json["message"]) == (401, REUSE)


def test_logout_leaves_another_users_refresh_token_alone(client, auth, make_user, session):
    intruder = auth.login(make_user(email="intruder@example.com").email)
    client.delete_cookie("refresh_token_cookie", path="/api/auth")

    client.post(
        "/api/auth/logout",
        json={"refresh_token": session["refresh_token"]},
        headers=bearer(intruder["access_token"]),
    )

    assert (
        client.post("/api/auth/refresh", headers=bearer(session["refresh_token"])).status_code
        == 200
    )


def test_logout_with_a_garbage_body_token_still_logs_out(client, session):
    response = client.post(
        "/api/auth/logout",
        json={"refresh_token": "not-a-jwt"},
        headers=bearer(session["access_token"]),
    )

    assert response.status_code == 204
    assert client.get("/api/auth/me", headers=bearer(session["access_token"])).status_code == 401


def test_refresh_cookie_expires_with_its_token(client, member):
    response = client.post("/api/auth/login", json={"email": member.email, "password": PASSWORD})

    [cookie] = [
        value
        for value in response.headers.getlist("Set-Cookie")
        if value.startswith("refresh_token_cookie=")
    ]
    assert "Max-Age=1209600" in cookie  # 14 days, REFRESH_TOKEN_DAYS


def test_browsers_get_the_refresh_token_only_as_the_cookie(client, member):
    cookie_only = {"X-Refresh-Token-Delivery": "cookie"}
    login = client.post(
        "/api/auth/login",
        json={"email": member.email, "password": PASSWORD},
        headers=cookie_only,
    )

    assert set(login.json) == {"access_token", "token_type", "expires_in"}
    assert client.get_cookie("refresh_token_cookie", path="/api/auth") is not None
    csrf = client.get_cookie("csrf_refresh_token").value
    refreshed = client.post("/api/auth/refresh", headers={"X-CSRF-TOKEN": csrf, **cookie_only})
    assert refreshed.status_code == 200
    assert "refresh_token" not in refreshed.json
