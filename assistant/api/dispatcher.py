"""Several API worker processes behind one port, with connections spread evenly.

Why not uvicorn's own ``--workers``: there every worker accepts from the shared socket, and
an event loop that wakes up accepts the whole backlog. Keep-alive clients (agents' consoles,
the bot, a load balancer's pool) then stick to whichever worker grabbed them: 15 of 16
connections on one worker in one measured run, 10/6 typically, and a worker is CPU-bound,
so the busier one sets the tail latency. Here the ``serve`` process accepts and hands each
connection (its file descriptor, over a Unix socket) to the ready worker with the fewest
open connections (``workers.py``).

    serve (Dispatcher: accept → least-connections ready worker; restart a worker that dies)
      ├─ worker 0 (HandedConnectionsServer: uvicorn + the app)   ←─ fds over a socketpair
      └─ worker 1 …                                               closed-connection counts and
                                                                  loading/ready/draining in
Linux and other Unix systems (``socket.send_fds``).              shared memory
"""

from __future__ import annotations

import errno
import logging
import multiprocessing
import os
import select
import signal
import socket
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from assistant.api.security import SharedBuckets
from assistant.api.workers import DRAINING, LOADING, READY, worker_main
from assistant.settings import Settings

log = logging.getLogger("assistant.workers")
MAX_BACKOFF_S = 30.0


def pick(active: Sequence[int], alive: Sequence[bool], last: int, ready: Sequence[bool] | None = None) -> int | None:
    """The live worker with the fewest open connections; ties go round-robin after ``last``.

    Ready workers (models loaded) first: a worker restarted after a crash loads for ~20 s and
    would answer 503 meanwhile. While none is ready (start-up), any live worker."""
    n = len(active)
    live = [i for i in range(n) if alive[i]]
    if ready is not None and any(ready[i] for i in live):
        live = [i for i in live if ready[i]]
    return min(((active[i], (i - last - 1) % n, i) for i in live), default=(0, 0, None))[2]


@dataclass
class _Worker:
    process: Any
    channel: socket.socket
    handed: int = 0


class Dispatcher:
    """Owns the listening socket and the worker processes (see the module docstring)."""

    def __init__(self, host: str, port: int, workers: int, settings: Settings) -> None:
        self.ctx = multiprocessing.get_context("spawn")
        self.count, self.settings = workers, settings
        # One slot per worker, each written by its worker only: connections it closed, and
        # whether it is loading, ready or draining.
        self.closed = self.ctx.Array("q", workers, lock=False)
        # Rate limits hold across the workers: requests per key, failed authentications per address.
        self.shared_limits = (SharedBuckets(), SharedBuckets())
        self.state = self.ctx.Array("b", workers, lock=False)
        self.listener = socket.create_server((host, port), backlog=2048)
        self.workers: list[_Worker | None] = [None] * workers
        self.failures = [0] * workers  # deaths in a row before getting ready: restart backoff
        self.restart_at = [0.0] * workers
        self.last = -1
        self.stopping = False
        self.forced = False

    # --- workers -------------------------------------------------------------------------
    def _spawn(self, slot: int) -> None:
        parent_end, child_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        parent_end.setblocking(False)  # a worker that does not read must not stall accepting
        self.closed[slot], self.state[slot] = 0, LOADING
        process = self.ctx.Process(target=worker_main, name=f"worker-{slot}",
                                   args=(slot, child_end, self.closed, self.state, self.settings,
                                         self.shared_limits))
        process.start()
        child_end.close()
        self.workers[slot] = _Worker(process, parent_end)

    def _supervise(self) -> None:
        """Restart dead workers, with a growing delay while one dies before getting ready."""
        now = time.monotonic()
        for slot, worker in enumerate(self.workers):
            if worker is not None and self.state[slot] == READY:
                self.failures[slot] = 0
            if worker is not None and worker.process.exitcode is not None:
                if self.state[slot] == LOADING:  # died before it could serve
                    self.failures[slot] += 1
                delay = min(MAX_BACKOFF_S, 2.0 ** self.failures[slot] - 1)
                level = logging.ERROR if self.failures[slot] >= 3 else logging.WARNING
                log.log(level, "worker exited; restarting it", extra={
                    "worker": slot, "exitcode": worker.process.exitcode, "restart_in_s": delay})
                worker.channel.close()
                self.workers[slot] = None
                self.restart_at[slot] = now + delay
            if self.workers[slot] is None and now >= self.restart_at[slot]:
                self._spawn(slot)

    # --- connections -------------------------------------------------------------------------
    def _hand(self, conn: socket.socket) -> None:
        refused: set[int] = set()
        try:
            while True:
                alive = [w is not None and w.process.exitcode is None and self.state[i] != DRAINING
                         and i not in refused for i, w in enumerate(self.workers)]
                active = [w.handed - self.closed[i] if w else 0 for i, w in enumerate(self.workers)]
                ready = [self.state[i] == READY for i in range(self.count)]
                slot = pick(active, alive, self.last, ready)
                if slot is None:
                    log.warning("no worker can take a connection; closing it")
                    return
                worker = self.workers[slot]
                assert worker is not None
                try:
                    socket.send_fds(worker.channel, [b"c"], [conn.fileno()])
                except OSError:  # dead, or not reading (full channel): another worker, if any
                    refused.add(slot)
                    continue
                worker.handed += 1
                self.last = slot
                return
        finally:
            conn.close()  # the worker has its own copy of the descriptor

    def _accept(self) -> None:
        try:
            conn, _ = self.listener.accept()
        except (BlockingIOError, InterruptedError, ConnectionAbortedError):
            return
        except OSError as exc:  # out of descriptors, buffers…: keep serving the open connections
            log.warning("accept failed: %s", errno.errorcode.get(exc.errno or 0, exc))
            if exc.errno in (errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM):
                time.sleep(0.1)
            return
        self._hand(conn)

    # --- the loop ------------------------------------------------------------------------------
    def _on_signal(self, signum: int, frame: Any) -> None:
        if self.stopping:
            self.forced = True  # a second Ctrl-C: do not wait for requests in flight
        self.stopping = True

    def run(self) -> None:
        """Serve until SIGINT or SIGTERM (main thread only: it installs handlers for both;
        SIGINT may have been inherited as ignored)."""
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, self._on_signal)
        for slot in range(self.count):
            self._spawn(slot)
        checked = time.monotonic()
        try:
            while not self.stopping:
                readable, _, _ = select.select([self.listener], [], [], 0.25)
                if readable:
                    self._accept()
                if time.monotonic() - checked >= 0.5:
                    self._supervise()
                    checked = time.monotonic()
        finally:
            self.stop()

    def stop(self, timeout: float = 30.0) -> None:
        """Stop accepting, let each worker finish its requests (SIGTERM), then kill what is
        left; a second SIGINT/SIGTERM kills at once."""
        self.stopping = True
        self.listener.close()
        live = [w for w in self.workers if w is not None and w.process.exitcode is None]
        for worker in live:
            worker.process.terminate()
        deadline = time.monotonic() + timeout
        while any(w.process.exitcode is None for w in live) and time.monotonic() < deadline and not self.forced:
            time.sleep(0.1)
        for worker in live:
            if worker.process.exitcode is None:
                worker.process.kill()
            worker.process.join(5)
        for w in self.workers:
            if w is not None:
                w.channel.close()
        self.workers = [None] * self.count


def available() -> bool:
    return hasattr(socket, "send_fds") and os.name == "posix"
