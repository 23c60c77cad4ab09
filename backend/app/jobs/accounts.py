"""Account jobs: the password-reset request, done off the request path.

The API only enqueues the email address, so an existing and an unknown account cost the
request exactly the same work; the worker looks the account up and queues the mail.
"""

from __future__ import annotations

from app.jobs.runtime import job
from app.services import auth as auth_service


@job(queue="mail", retry=True, timeout=60)
def password_reset(*, email: str) -> None:
    """Create a reset link and queue its mail when the account exists."""
    auth_service.request_password_reset(email=email)
