"""A password-reset request costs the same whether or not the account exists."""

from __future__ import annotations

import statistics
import time

from tests.jobs.conftest import register

ROUNDS = 50


def test_existing_and_unknown_accounts_answer_within_ten_percent_at_the_median(env):
    client = env.app().test_client()
    register(client, "known@example.com")
    timings: dict[str, list[float]] = {"known@example.com": [], "nobody@example.com": []}

    def ask(email: str) -> float:
        started = time.perf_counter()
        response = client.post("/api/auth/password-reset", json={"email": email})
        elapsed = time.perf_counter() - started
        assert response.status_code == 202
        return elapsed

    for _ in range(10):  # warm up both paths
        for email in timings:
            ask(email)
    order = list(timings)
    for _ in range(ROUNDS):  # interleaved, alternating who goes first: load hits both alike
        order.reverse()
        for email in order:
            timings[email].append(ask(email))

    known, unknown = (statistics.median(values) for values in timings.values())
    assert abs(known - unknown) <= 0.10 * max(known, unknown), (known, unknown)
