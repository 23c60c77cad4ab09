"""Races decided by the database: real threads, each with its own session and connection,
against a committed PostgreSQL database (no rolled-back test transaction in between)."""

import threading
from collections import Counter

import psycopg
import pytest
from sqlalchemy import make_url, select

from app import create_app
from app.core.extensions import db
from app.models import User
from app.services.accounts import create_user
from tests.support.accounts import PASSWORD, bearer
from tests.support.apps import app_config, migrate_database
from tests.support.databases import create_database, drop_database

THREADS = 6


@pytest.fixture
def shared_app():
    url = create_database("tarefa_races")
    migrate_database(url)
    app = create_app(app_config(url, RATELIMIT_AUTH="1000 per minute"))
    yield app
    with app.app_context():
        db.engine.dispose()
    drop_database(url)


def all_at_once(count, request):
    """Run ``request(index)`` in ``count`` threads released together; their results in order."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def run(index):
        barrier.wait()
        results[index] = request(index)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def login(app, email, password=PASSWORD):
    response = app.test_client().post(
        "/api/auth/login", json={"email": email, "password": password}
    )
    assert response.status_code == 200, response.json
    return response.json


def test_concurrent_uses_of_one_refresh_token_let_exactly_one_through(shared_app):
    with shared_app.app_context():
        create_user(name="Race", email="race@example.com", password=PASSWORD)
    tokens = login(shared_app, "race@example.com")

    answers = all_at_once(
        THREADS,
        lambda _: shared_app.test_client().post(
            "/api/auth/refresh", headers=bearer(tokens["refresh_token"])
        ),
    )

    statuses = Counter(answer.status_code for answer in answers)
    assert statuses == {200: 1, 401: THREADS - 1}
    [winner] = [answer.json for answer in answers if answer.status_code == 200]
    client = shared_app.test_client()
    # The losers count as reuse: the session the winner forked is over too.
    assert (
        client.post("/api/auth/refresh", headers=bearer(winner["refresh_token"])).status_code == 401
    )
    assert client.get("/api/auth/me", headers=bearer(winner["access_token"])).status_code == 401


def test_one_reset_link_used_concurrently_sets_one_password(shared_app):
    from app.models import PasswordResetToken
    from app.services.auth import _hash_reset_token

    with shared_app.app_context():
        user = create_user(name="Reset", email="reset@example.com", password=PASSWORD)
        from datetime import UTC, datetime, timedelta

        db.session.add(
            PasswordResetToken(
                user_id=user.id,
                token_hash=_hash_reset_token("the-one-link"),
                expires_at=datetime.now(UTC) + timedelta(minutes=5),
            )
        )
        db.session.commit()

    answers = all_at_once(
        THREADS,
        lambda index: shared_app.test_client().post(
            "/api/auth/password-reset/confirm",
            json={"token": "the-one-link", "password": f"racer-password-{index}"},
        ),
    )

    statuses = [answer.status_code for answer in answers]
    assert Counter(statuses) == {204: 1, 400: THREADS - 1}
    winner = statuses.index(204)
    login(shared_app, "reset@example.com", f"racer-password-{winner}")


def waiting_on_locks(dsn):
    with psycopg.connect(dsn, autocommit=True) as probe:
        return probe.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        ).fetchone()[0]


def test_two_admins_demoting_each_other_at_once_leave_one_admin(shared_app):
    with shared_app.app_context():
        first = create_user(name="A", email="a@example.com", password=PASSWORD, is_admin=True)
        second = create_user(name="B", email="b@example.com", password=PASSWORD, is_admin=True)
        ids = [first.id, second.id]
    headers = [
        bearer(login(shared_app, email)["access_token"])
        for email in ("a@example.com", "b@example.com")
    ]
    dsn = make_url(shared_app.config["SQLALCHEMY_DATABASE_URI"]).set(drivername="postgresql")
    dsn = dsn.render_as_string(hide_password=False)
    answers = [None, None]

    def demote(index):
        answers[index] = shared_app.test_client().patch(
            f"/api/users/{ids[1 - index]}", json={"is_admin": False}, headers=headers[index]
        )

    # Both requests are lined up behind a lock on the admins' rows, held here, so both have
    # passed their admin check before either may change anything: the worst interleaving.
    with psycopg.connect(dsn) as holder:
        holder.execute("SELECT id FROM users WHERE is_admin FOR UPDATE")
        threads = [threading.Thread(target=demote, args=(i,)) for i in range(2)]
        for thread in threads:
            thread.start()
        for _ in range(600):
            if waiting_on_locks(dsn) == 2:
                break
            threading.Event().wait(0.05)
        holder.rollback()
    for thread in threads:
        thread.join()

    assert sorted(answer.status_code for answer in answers) == [200, 409]
    assert [answer.json["message"] for answer in answers if answer.status_code == 409] == [
        f"{['a@example.com', 'b@example.com'][[a.status_code for a in answers].index(200)]} "
        "is the last admin."
    ]
    with shared_app.app_context():
        admins = db.session.scalars(select(User.email).where(User.is_admin)).all()
    assert len(admins) == 1


def test_a_login_burst_waits_for_a_free_hashing_slot(make_app):
    app = make_app(PASSWORD_HASH_CONCURRENCY=1)
    client = app.test_client()
    answers = []

    with app.app_context():
        from app.core.security import hash_slots

        create_user(name="Burst", email="burst@example.com", password=PASSWORD)
        slots = hash_slots()
    slots.acquire()  # every slot taken, as by another login hashing right now
    thread = threading.Thread(
        target=lambda: answers.append(
            client.post(
                "/api/auth/login", json={"email": "burst@example.com", "password": PASSWORD}
            )
        )
    )
    thread.start()
    thread.join(timeout=1)
    waiting = thread.is_alive()
    slots.release()
    thread.join()

    assert waiting
    assert answers[0].status_code == 200
