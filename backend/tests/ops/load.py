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

    @property
    def seconds(self) -> float:
        return self.end - self.start


class Load:
    """``threads`` threads calling ``request(client, worker, n)`` in a loop until the block ends.

    Each thread has its own keep-alive client. Every call is recorded as an Outcome, transport
    errors included, so that a test can account for each request it sent.
    """

    def __init__(self, base_url: str, threads: int, request: Request, timeout: float = 30) -> None:
        self.base_url = base_url
        self.request = request
        self.timeout = timeout
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
                start = time.monotonic()
                try:
                    response = self.request(client, worker, n)
                except httpx.TransportError as error:
                    self.outcomes.append(
                        Outcome(worker, start, time.monotonic(), None, b"", repr(error))
                    )
                    continue
                self.outcomes.append(
                    Outcome(worker, start, time.monotonic(), response.status_code, response.content)
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

    def between(self, start: float, end: float) -> list[Outcome]:
        """Requests sent and answered entirely within [start, end]."""
        return [o for o in self.outcomes if o.start >= start and o.end <= end]
