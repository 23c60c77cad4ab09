"""Gunicorn's gthread worker, with a shutdown that loses no connection.

On SIGTERM gunicorn's master closes its copy of the listening socket and each worker stops
accepting, but keeps its own copy open until its in-flight requests are done. Meanwhile the
kernel still completes connections into the socket's backlog, and they are reset when the
last copy closes: a request Nginx sent there fails, and a POST is not retried.

This worker takes the connections already queued (they are answered) and closes its copy
of the listening socket at once, so the socket is gone as soon as every worker got the
signal: a new connection is refused, and Nginx sends the request to another backend.
"""

import errno

from gunicorn.workers.gthread import TConn, ThreadWorker


class DrainingThreadWorker(ThreadWorker):
    """gthread, closing the listening socket as soon as the worker is told to stop."""

    def set_accept_enabled(self, enabled: bool) -> None:
        super().set_accept_enabled(enabled)
        if not enabled and not self.alive:
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
