"""The rule every new password follows, wherever it is set (API, CLI, first admin).

At least ``PASSWORD_MIN_LENGTH`` characters, not only spaces, and not one of the 30,000
most common passwords that zxcvbn ships (its ``passwords`` frequency list, compared
case-insensitively), so ``password``, ``12345678`` or ``1234567890`` are refused.
"""

from __future__ import annotations

from functools import cache

PASSWORD_MIN_LENGTH = 10
PASSWORD_MAX_LENGTH = 128


class WeakPasswordError(ValueError):
    """A password that does not follow the rule; the message says why."""


@cache
def _common_passwords() -> frozenset[str]:
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"])


def password_problem(password: str) -> str | None:
    """Why ``password`` is refused, or None when it may be used."""
    if len(password) < PASSWORD_MIN_LENGTH:
        return f"Use at least {PASSWORD_MIN_LENGTH} characters."
    if len(password) > PASSWORD_MAX_LENGTH:
        return f"Use at most {PASSWORD_MAX_LENGTH} characters."
    if not password.strip():
        return "A password cannot be only spaces."
    if password.lower() in _common_passwords() or len(set(password)) == 1:
        return "This password is too common; choose another one."
    return None


def check_password(password: str) -> None:
    """Raise :class:`WeakPasswordError` when ``password`` breaks the rule."""
    problem = password_problem(password)
    if problem is not None:
        raise WeakPasswordError(problem)
