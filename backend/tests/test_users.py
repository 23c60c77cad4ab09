import pytest

from tests.support.accounts import PASSWORD


@pytest.fixture
def admin(make_user):
    return make_user(email="admin@example.com", name="Admin", is_admin=True)


@pytest.fixture
def admin_headers(auth, admin):
    return auth.headers(admin)


def test_non_admins_are_refused(client, auth, make_user):
    headers = auth.headers(make_user())

    answers = [
        client.get("/api/users", headers=headers),
        client.post(
            "/api/users",
            json={"name": "x", "email": "x@x.io", "password": PASSWORD},
            headers=headers,
        ),
        client.get("/api/users/1", headers=headers),
        client.patch("/api/users/1", json={"is_admin": True}, headers=headers),
        client.delete("/api/users/1", headers=headers),
    ]

    assert [a.status_code for a in answers] == [403] * 5
    assert answers[0].json == {
        "code": 403,
        "status": "Forbidden",
        "message": "Admin rights are required.",
    }
    assert client.get("/api/users").status_code == 401


def test_list_users_paginated(client, admin_headers, make_user):
    for n in range(4):
        make_user(email=f"member{n}@example.com")

    page = client.get("/api/users?per_page=2&page=2", headers=admin_headers).json

    assert (page["total"], page["pages"], page["page"], page["per_page"]) == (5, 3, 2, 2)
    assert [u["email"] for u in page["items"]] == ["member1@example.com", "member2@example.com"]
    assert "password" not in page["items"][0] and "password_hash" not in page["items"][0]


def test_admin_creates_a_user_with_a_normalised_email(client, admin_headers):
    created = client.post(
        "/api/users",
        json={"name": "New", "email": "New@Example.com", "password": PASSWORD},
        headers=admin_headers,
    )

    assert created.status_code == 201
    assert (created.json["email"], created.json["is_admin"]) == ("new@example.com", False)
    shown = client.get(f"/api/users/{created.json['id']}", headers=admin_headers)
    assert shown.json == created.json


def test_a_promoted_user_uses_the_admin_api_at_once(client, admin_headers, auth, make_user):
    member = make_user(email="new@example.com")
    member_headers = auth.headers(member)

    promoted = client.patch(
        f"/api/users/{member.id}",
        json={"is_admin": True, "name": "Promoted"},
        headers=admin_headers,
    )

    assert (promoted.json["is_admin"], promoted.json["name"]) == (True, "Promoted")
    assert client.get("/api/users", headers=member_headers).status_code == 200


def test_admin_deletes_a_user(client, admin_headers, make_user):
    member = make_user()

    deleted = client.delete(f"/api/users/{member.id}", headers=admin_headers)

    assert deleted.status_code == 204
    assert client.get(f"/api/users/{member.id}", headers=admin_headers).status_code == 404


def test_duplicate_and_invalid_users(client, admin_headers):
    duplicate = client.post(
        "/api/users",
        json={"name": "A", "email": "ADMIN@example.com", "password": PASSWORD},
        headers=admin_headers,
    )
    invalid = client.post(
        "/api/users", json={"name": "A", "email": "bad", "password": "x"}, headers=admin_headers
    )

    assert duplicate.status_code == 409
    assert invalid.status_code == 422
    assert set(invalid.json["errors"]["json"]) == {"email", "password"}


def test_admin_cannot_remove_themselves_or_the_last_admin(client, admin, admin_headers):
    demote = client.patch(f"/api/users/{admin.id}", json={"is_admin": False}, headers=admin_headers)
    delete = client.delete(f"/api/users/{admin.id}", headers=admin_headers)

    assert demote.status_code == 409
    assert demote.json["message"] == "You cannot remove your own admin rights."
    assert delete.status_code == 409
    assert client.get(f"/api/users/{admin.id}", headers=admin_headers).json["is_admin"] is True


def test_deleting_a_user_deletes_their_tasks(app, client, admin_headers, auth, make_user):
    member = make_user(email="leaving@example.com")
    member_headers = auth.headers(member)
    client.post("/api/tasks", json={"title": "Mine"}, headers=member_headers)

    client.delete(f"/api/users/{member.id}", headers=admin_headers)

    with app.app_context():
        from sqlalchemy import func, select

        from app.core.extensions import db
        from app.models import Task

        count = select(func.count()).select_from(Task).where(Task.user_id == member.id)
        assert db.session.scalar(count) == 0


def test_unknown_user_is_404(client, admin_headers):
    assert client.get("/api/users/999999", headers=admin_headers).status_code == 404
    assert (
        client.patch("/api/users/999999", json={"name": "x"}, headers=admin_headers).status_code
        == 404
    )
    assert client.delete("/api/users/999999", headers=admin_headers).status_code == 404


def test_admin_sets_a_password(client, admin_headers, make_user):
    member = make_user(email="reset-by-admin@example.com")

    client.patch(
        f"/api/users/{member.id}", json={"password": "set-by-the-admin"}, headers=admin_headers
    )

    login = client.post(
        "/api/auth/login", json={"email": member.email, "password": "set-by-the-admin"}
    )
    assert login.status_code == 200
