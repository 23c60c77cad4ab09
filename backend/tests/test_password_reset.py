"""Password reset through a real SMTP server on loopback (aiosmtpd)."""

import re
from datetime import UTC, datetime, timedelta
from email import message_from_bytes

import pytest
from aiosmtpd.controller import Controller

from tests.support.accounts import PASSWORD, bearer
from tests.support.ports import free_port


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content)))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, inbox
    controller.stop()


@pytest.fixture
def mail_app(make_app, smtp):
    controller, _ = smtp
    return make_app(
        MAIL_BACKEND="smtp",
        MAIL_SERVER="127.0.0.1",
        MAIL_PORT=controller.port,
        PUBLIC_URL="https://tarefa.example",
    )


def reset_token(message):
    body = message.get_payload(decode=True).decode()
    match = re.search(r"https://tarefa\.example/reset-password#token=([\w-]+)", body)
    assert match, body
    return match.group(1)


def test_reset_link_is_mailed_and_sets_a_new_password(mail_app, smtp):
    _, inbox = smtp
    client = mail_app.test_client()
    client.post(
        "/api/auth/register",
        json={"name": "Rita", "email": "rita@example.com", "password": PASSWORD},
    )

    requested = client.post("/api/auth/password-reset", json={"email": "RITA@example.com"})

    assert requested.status_code == 202
    assert len(inbox.messages) == 1
    recipients, message = inbox.messages[0]
    assert recipients == ["rita@example.com"]
    assert message["Subject"] == "Reset your Tarefa password"
    token = reset_token(message)

    confirmed = client.post(
        "/api/auth/password-reset/confirm", json={"token": token, "password": "a-new-password"}
    )
    assert confirmed.status_code == 204
    assert (
        client.post(
            "/api/auth/login", json={"email": "rita@example.com", "password": "a-new-password"}
        ).status_code
        == 200
    )
    assert (
        client.post(
            "/api/auth/login", json={"email": "rita@example.com", "password": PASSWORD}
        ).status_code
        == 401
    )

    reused = client.post(
        "/api/auth/password-reset/confirm", json={"token": token, "password": "another-password"}
    )
    assert reused.status_code == 400
    assert reused.json["errors"] == {
        "json": {"token": ["This reset link is invalid or has expired."]}
    }


def test_unknown_email_gets_the_same_answer_and_no_mail(mail_app, smtp):
    _, inbox = smtp

    response = mail_app.test_client().post(
        "/api/auth/password-reset", json={"email": "ghost@example.com"}
    )

    assert response.status_code == 202
    assert response.data == b""
    assert inbox.messages == []


def test_expired_link_is_refused(mail_app, smtp):
    _, inbox = smtp
    client = mail_app.test_client()
    client.post(
        "/api/auth/register", json={"name": "Old", "email": "old@example.com", "password": PASSWORD}
    )
    client.post("/api/auth/password-reset", json={"email": "old@example.com"})
    token = reset_token(inbox.messages[0][1])
    with mail_app.app_context():
        from app.core.extensions import db
        from app.models import PasswordResetToken

        for reset in db.session.query(PasswordResetToken):
            reset.expires_at = datetime.now(UTC) - timedelta(seconds=1)
        db.session.commit()

    response = client.post(
        "/api/auth/password-reset/confirm", json={"token": token, "password": "a-new-password"}
    )

    assert response.status_code == 400
    assert response.json["message"] == "This reset link is invalid or has expired."


def test_mail_server_down_still_answers_202(make_app):
    app = make_app(
        MAIL_BACKEND="smtp", MAIL_SERVER="127.0.0.1", MAIL_PORT=free_port(), MAIL_TIMEOUT_SECONDS=2
    )
    client = app.test_client()
    client.post(
        "/api/auth/register", json={"name": "D", "email": "down@example.com", "password": PASSWORD}
    )

    assert (
        client.post("/api/auth/password-reset", json={"email": "down@example.com"}).status_code
        == 202
    )


def test_console_backend_logs_the_link(client, caplog):
    client.post(
        "/api/auth/register",
        json={"name": "C", "email": "console@example.com", "password": PASSWORD},
    )

    with caplog.at_level("INFO", logger="tarefa.mail"):
        client.post("/api/auth/password-reset", json={"email": "console@example.com"})

    [record] = [r for r in caplog.records if r.name == "tarefa.mail"]
    assert record.to == "console@example.com"
    assert "/reset-password#token=" in record.body
    assert "?token=" not in record.body


def test_garbage_token_is_refused(client):
    response = client.post(
        "/api/auth/password-reset/confirm", json={"token": "nope", "password": "long-enough"}
    )

    assert response.status_code == 400
    assert response.json["message"] == "This reset link is invalid or has expired."


def request_two_links(client, inbox, email="twice@example.com"):
    client.post("/api/auth/register", json={"name": "T", "email": email, "password": PASSWORD})
    client.post("/api/auth/password-reset", json={"email": email})
    client.post("/api/auth/password-reset", json={"email": email})
    return [reset_token(message) for _, message in inbox.messages]


def test_a_reset_voids_every_other_link_of_the_user(mail_app, smtp):
    _, inbox = smtp
    client = mail_app.test_client()
    first, second = request_two_links(client, inbox)

    used = client.post(
        "/api/auth/password-reset/confirm", json={"token": second, "password": "a-new-password"}
    )
    older = client.post(
        "/api/auth/password-reset/confirm", json={"token": first, "password": "attacker-choice"}
    )

    assert used.status_code == 204
    assert older.status_code == 400
    assert older.json["message"] == "This reset link is invalid or has expired."
    login = client.post(
        "/api/auth/login", json={"email": "twice@example.com", "password": "a-new-password"}
    )
    assert login.status_code == 200


def test_a_reset_ends_every_session(mail_app, smtp):
    _, inbox = smtp
    client = mail_app.test_client()
    [token, _] = request_two_links(client, inbox, email="sessions@example.com")
    tokens = client.post(
        "/api/auth/login", json={"email": "sessions@example.com", "password": PASSWORD}
    ).json

    client.post(
        "/api/auth/password-reset/confirm", json={"token": token, "password": "a-new-password"}
    )

    access = bearer(tokens["access_token"])
    refresh = bearer(tokens["refresh_token"])
    client.delete_cookie("refresh_token_cookie", path="/api/auth")
    assert client.get("/api/auth/me", headers=access).status_code == 401
    assert client.post("/api/auth/refresh", headers=refresh).status_code == 401
