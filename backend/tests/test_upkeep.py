"""Daily upkeep: expired token rows go, live ones stay."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from app.core.extensions import db
from app.jobs import enqueue
from app.jobs.schedule import PERIODIC
from app.jobs.upkeep import purge_expired_tokens
from app.models import PasswordResetToken, RefreshToken, RevokedAccessToken


def _seed(user_id: int, now: datetime) -> None:
    for delta in (timedelta(days=-1), timedelta(days=1)):
        family = str(uuid.uuid4())
        db.session.add(
            RefreshToken(
                jti=str(uuid.uuid4()), family_id=family, user_id=user_id, expires_at=now + delta
            )
        )
        db.session.add(RevokedAccessToken(jti=str(uuid.uuid4()), expires_at=now + delta))
        db.session.add(
            PasswordResetToken(user_id=user_id, token_hash=uuid.uuid4().hex, expires_at=now + delta)
        )
    db.session.commit()


def _count(model: type) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_purge_job_deletes_only_expired_tokens(app, make_user):
    user = make_user()
    with app.test_request_context():
        _seed(user.id, datetime.now(UTC))

        job = enqueue(purge_expired_tokens)

        assert job.return_value() == {
            "refresh_tokens": 1,
            "revoked_access_tokens": 1,
            "password_reset_tokens": 1,
        }
        assert [_count(m) for m in (RefreshToken, RevokedAccessToken, PasswordResetToken)] == [
            1,
            1,
            1,
        ]


def test_purge_is_scheduled_daily():
    periodic = PERIODIC["purge_expired_tokens"]

    assert periodic.cron == "17 3 * * *"
    assert periodic.func is purge_expired_tokens


def test_worker_command_needs_redis(runner):
    result = runner.invoke(args=["worker", "--burst"])

    assert result.exit_code == 1
    assert "flask worker needs REDIS_URL (JOBS_MODE=redis)" in result.output
