"""Gunicorn's gthread worker, with a shutdown that loses no connection and a fair accept.

Shutdown. On SIGTERM gunicorn's master closes its copy of the listening socket and each
worker stops accepting, but keeps its own copy open until its in-flight requests are done.
Meanwhile the kernel still completes connections into the socket's backlog, and they are
reset when the last copy closes: a request Nginx sent there fails, and a POST is not retried.
This worker takes the connections already queued (they are answered) and closes its copy
of the listening socket at once, so the socket is gone as soon as every worker got the
signal: a new connection is refused, and Nginx sends the request to another backend.

Accept. Every worker waits on the same listening socket, and Linux wakes them all for a new
connection: the first to call accept() gets it, and that is most often a busy worker, already
awake, rather than an idle one asleep in epoll. Nginx keeps its upstream connections alive,
so whoever accepted a connection serves every request sent on it: under load one worker held
35 of 40 connections, its requests queued behind each other (p50 38 ms) while the other
worker's were answered in 5 ms, and the tail of the whole service was the busy worker's.
So a worker whose threads are all taken leaves a new connection for a sibling with a free
thread for ``accept_defer_seconds``, and takes it itself once that has passed (or once one
of its own threads is free).
"""

import errno
import time

from gunicorn.workers.gthread import TConn, ThreadWorker


class DrainingThreadWorker(ThreadWorker):
    """gthread, closing the listening socket as soon as the worker is told to stop, and
    leaving new connections to an idle sibling while all its threads are taken."""

    # Long enough for an idle sibling, woken by the same connection, to take it; short, as
    # in a burst a busy worker takes one waiting connection per deferral.
    accept_defer_seconds = 0.002

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._requests_in_flight = 0  # submitted to the thread pool and not finished
        self._accept_deferred_until: float | None = None

    def enqueue_req(self, conn) -> None:
        self._requests_in_flight += 1
        super().enqueue_req(conn)

    def finish_request(self, conn, fs) -> None:
        self._requests_in_flight -= 1
        super().finish_request(conn, fs)

    def _threads_all_taken(self) -> bool:
        return self._requests_in_flight >= self.cfg.threads

    def accept(self, listener) -> None:
        if self.alive and self.cfg.workers > 1 and self._threads_all_taken():
            self._accept_deferred_until = time.monotonic() + self.accept_defer_seconds
            super().set_accept_enabled(False)  # until then a sibling may take the connection
            return
        super().accept(listener)

    def wait_for_and_dispatch_events(self, timeout: float) -> None:
        if self._accept_deferred_until is not None and self.alive:
            remaining = self._accept_deferred_until - time.monotonic()
            if remaining <= 0 or not self._threads_all_taken():
                self._end_accept_deferral()
            else:
                timeout = min(timeout, remaining)
        super().wait_for_and_dispatch_events(timeout)

    def _end_accept_deferral(self) -> None:
        self._accept_deferred_until = None
        room = self.nr_conns < self.worker_connections
        if room:
            for listener in self.sockets:
                super().accept(listener)  # the connection left waiting, unless a sibling took it
        self.set_accept_enabled(room)

    def set_accept_enabled(self, enabled: bool) -> None:
        if enabled and self._accept_deferred_until is not None:
            return  # the run loop asks on every turn; the deferral decides
        super().set_accept_enabled(enabled)
        if not enabled and not self.alive:
            self._accept_deferred_until = None
            for listener in self.sockets:
                self._accept_backlog(listener)
                listener.close()

    def _accept_backlog(self, listener) -> None:
        listener.setblocking(False)
        while True:
            try:
                client, address = listener.accept()
            except OSError as error:
                if error.errno in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EBADF):
                    return
                if error.errno == errno.ECONNABORTED:
                    continue
                raise
            client.setblocking(True)
            self.nr_conns += 1
            self.enqueue_req(TConn(self.cfg, client, address, listener.getsockname()))
