"""A small load generator for the resilience tests: threads that repeat a request and record it."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

Request = Callable[[httpx.Client, int, int], httpx.Response]


@dataclass(frozen=True)
class Outcome:
    worker: int
    start: float  # time.monotonic()
    end: float
    status: int | None  # None: no HTTP answer at all
    body: bytes
    error: str | None = None
    attempts: int = 1

    @property
    def seconds(self) -> float:
        return self.end - self.start


class Load:
    """``threads`` threads calling ``request(client, worker, n)`` in a loop until the block ends.

    Each thread has its own keep-alive client. Every call is recorded as an Outcome, transport
    errors included, so that a test can account for each request it sent.

    ``retry_unanswered`` makes the client behave like a browser when a server closes an idle
    keep-alive connection just as a request is sent on it (an Nginx reload does this): the
    request got no response byte at all, cleanly closed or reset, so it is sent once more on a
    new connection. A test that also checks the database sees any request that ran twice.
    """

    def __init__(
        self,
        base_url: str,
        threads: int,
        request: Request,
        timeout: float = 30,
        retry_unanswered: bool = False,
    ) -> None:
        self.base_url = base_url
        self.request = request
        self.timeout = timeout
        self.retry_unanswered = retry_unanswered
        self.outcomes: list[Outcome] = []
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._run, args=(index,), daemon=True)
            for index in range(threads)
        ]

    def _run(self, worker: int) -> None:
        with httpx.Client(base_url=self.base_url, timeout=self.timeout) as client:
            n = 0
            while not self._stop.is_set():
                n += 1
                self.outcomes.append(self._send(client, worker, n))

    def _send(self, client: httpx.Client, worker: int, n: int) -> Outcome:
        start = time.monotonic()
        attempts = 0
        while True:
            attempts += 1
            try:
                response = self.request(client, worker, n)
            except (httpx.RemoteProtocolError, httpx.ReadError) as error:
                if self.retry_unanswered and attempts == 1 and _closed_before_answer(error):
                    continue
                return Outcome(worker, start, time.monotonic(), None, b"", repr(error), attempts)
            except httpx.TransportError as error:
                return Outcome(worker, start, time.monotonic(), None, b"", repr(error), attempts)
            return Outcome(
                worker,
                start,
                time.monotonic(),
                response.status_code,
                response.content,
                None,
                attempts,
            )

    def __enter__(self) -> Load:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=self.timeout + 5)
        assert not any(thread.is_alive() for thread in self._threads), "a load thread hung"

    def retried(self) -> int:
        return sum(1 for outcome in self.outcomes if outcome.attempts > 1)

    def between(self, start: float, end: float) -> list[Outcome]:
        """Requests sent and answered entirely within [start, end]."""
        return [o for o in self.outcomes if o.start >= start and o.end <= end]


def _closed_before_answer(error: httpx.RemoteProtocolError | httpx.ReadError) -> bool:
    """The server closed the connection before sending a single byte of a response.

    A clean close reads as "without sending a response". When the request's bytes were
    already in the closing socket's buffer, the kernel resets the connection instead, which
    reads as ECONNRESET; browsers resend in both cases.
    """
    if isinstance(error, httpx.ReadError):
        return "Connection reset by peer" in str(error)
    return "without sending a response" in str(error)
