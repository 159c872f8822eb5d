"""Several API worker processes behind one port, with connections spread evenly.

Why not uvicorn's own ``--workers``: there every worker accepts from the shared socket, and
an event loop that wakes up accepts the whole backlog. Keep-alive clients (agents' consoles,
the bot, a load balancer's pool) then stick to whichever worker grabbed them: 15 of 16
connections on one worker in one measured run, 10/6 typically, and a worker is CPU-bound,
so the busier one sets the tail latency. Here the ``serve`` process accepts and hands each
connection (its file descriptor, over a Unix socket) to the worker with the fewest open
connections; the worker serves it with uvicorn's own HTTP protocol.

    serve (Dispatcher: accept → least-connections worker, restart a worker that dies)
      ├─ worker 0 (HandedConnectionsServer: uvicorn + the app)   ←─ fds over a socketpair
      └─ worker 1 …                                               closed-connection counters
                                                                  in shared memory
Linux and other Unix systems (``socket.send_fds``).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import multiprocessing
import os
import select
import signal
import socket
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import uvicorn

log = logging.getLogger("assistant.workers")
APP = "assistant.api.main:app"


def pick(active: Sequence[int], alive: Sequence[bool], last: int, ready: Sequence[bool] | None = None) -> int | None:
    """The live worker with the fewest open connections; ties go round-robin after ``last``.

    Ready workers (models loaded) first: a worker restarted after a crash loads for ~20 s and
    would answer 503 meanwhile. While none is ready (start-up), any live worker."""
    n = len(active)
    live = [i for i in range(n) if alive[i]]
    if ready is not None and any(ready[i] for i in live):
        live = [i for i in live if ready[i]]
    return min(((active[i], (i - last - 1) % n, i) for i in live), default=(0, 0, None))[2]


class HandedConnectionsServer(uvicorn.Server):
    """A uvicorn server with no listening socket: connections arrive over ``channel``."""

    def __init__(self, config: uvicorn.Config, channel: socket.socket, closed: Any, ready: Any, slot: int) -> None:
        super().__init__(config)
        self.channel, self.closed, self.ready, self.slot = channel, closed, ready, slot

    async def on_tick(self, counter: int) -> bool:
        if not self.ready[self.slot]:
            app = sys.modules.get("assistant.api.main")
            state = getattr(getattr(app, "app", None), "state", None)
            assistant = getattr(state, "assistant", None)
            if assistant is not None and assistant.ready.is_set():
                self.ready[self.slot] = 1
        return await super().on_tick(counter)

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=[])
        if self.should_exit:
            return
        self.channel.setblocking(False)
        asyncio.get_running_loop().add_reader(self.channel.fileno(), self._receive)

    def _protocol(self) -> asyncio.Protocol:
        protocol = self.config.http_protocol_class(  # type: ignore[call-arg]
            config=self.config, server_state=self.server_state, app_state=self.lifespan.state)
        lost = protocol.connection_lost

        def connection_lost(exc: Exception | None) -> None:
            self.closed[self.slot] += 1  # only this process writes its slot
            lost(exc)

        protocol.connection_lost = connection_lost  # type: ignore[method-assign]
        return protocol

    def _receive(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            data, fds, _, _ = socket.recv_fds(self.channel, 64, 64)
        except BlockingIOError:
            return
        except OSError:
            data, fds = b"", []
        if not data:  # the dispatcher is gone: finish what is in flight and exit
            loop.remove_reader(self.channel.fileno())
            self.should_exit = True
            return
        for fd in fds:
            conn = socket.socket(fileno=fd)
            conn.setblocking(False)
            task = loop.create_task(loop.connect_accepted_socket(self._protocol, conn))
            task.add_done_callback(functools.partial(self._accepted, conn))

    def _accepted(self, conn: socket.socket, task: asyncio.Task[Any]) -> None:
        if task.cancelled() or task.exception() is not None:
            self.closed[self.slot] += 1  # never became a connection: count it as closed
            conn.close()


def worker_main(slot: int, channel: socket.socket, closed: Any, ready: Any, log_level: str) -> None:
    """Entry point of a worker process (spawned)."""
    from assistant.api.logging_setup import configure_logging
    from assistant.core.process import die_with_parent

    die_with_parent()
    configure_logging(log_level)
    config = uvicorn.Config(APP, log_config=None, access_log=False, lifespan="on")
    HandedConnectionsServer(config, channel, closed, ready, slot).run()


@dataclass
class _Worker:
    process: Any
    channel: socket.socket
    handed: int = 0
    started: float = field(default_factory=time.monotonic)


class Dispatcher:
    """Owns the listening socket and the worker processes (see the module docstring)."""

    def __init__(self, host: str, port: int, workers: int, log_level: str = "INFO") -> None:
        self.ctx = multiprocessing.get_context("spawn")
        self.count, self.log_level = workers, log_level
        # One slot per worker, each written by its worker only: connections it closed, and
        # whether its models are loaded.
        self.closed = self.ctx.Array("q", workers, lock=False)
        self.ready = self.ctx.Array("b", workers, lock=False)
        self.listener = socket.create_server((host, port), backlog=2048, reuse_port=False)
        self.workers: list[_Worker | None] = [None] * workers
        self.last = -1

    def _spawn(self, slot: int) -> None:
        parent_end, child_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        self.closed[slot], self.ready[slot] = 0, 0
        process = self.ctx.Process(target=worker_main, name=f"worker-{slot}",
                                   args=(slot, child_end, self.closed, self.ready, self.log_level))
        process.start()
        child_end.close()
        self.workers[slot] = _Worker(process, parent_end)

    def _reap(self) -> None:
        for slot, worker in enumerate(self.workers):
            if worker is not None and worker.process.exitcode is not None:
                log.warning("worker exited; restarting it",
                            extra={"worker": slot, "exitcode": worker.process.exitcode})
                worker.channel.close()
                if time.monotonic() - worker.started < 1.0:
                    time.sleep(1.0)  # no tight restart loop when a worker cannot start
                self._spawn(slot)

    def _hand(self, conn: socket.socket) -> None:
        while True:
            active = [w.handed - self.closed[i] if w else 0 for i, w in enumerate(self.workers)]
            alive = [w is not None and w.process.exitcode is None for w in self.workers]
            slot = pick(active, alive, self.last, self.ready)
            if slot is None:
                conn.close()
                return
            worker = self.workers[slot]
            assert worker is not None
            try:
                socket.send_fds(worker.channel, [b"c"], [conn.fileno()])
            except OSError:  # the worker died since the check: try the next one
                self._reap()
                continue
            worker.handed += 1
            self.last = slot
            conn.close()
            return

    def run(self) -> None:
        """Serve until SIGINT or SIGTERM (main thread only: it installs a SIGTERM handler)."""
        for signum in (signal.SIGINT, signal.SIGTERM):  # SIGINT may be inherited as ignored
            signal.signal(signum, _stop_on_signal)
        for slot in range(self.count):
            self._spawn(slot)
        checked = time.monotonic()
        try:
            while True:
                readable, _, _ = select.select([self.listener], [], [], 0.5)
                if readable:
                    try:
                        conn, _ = self.listener.accept()
                    except (BlockingIOError, ConnectionAbortedError):
                        continue
                    self._hand(conn)
                if time.monotonic() - checked >= 0.5:
                    self._reap()
                    checked = time.monotonic()
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()

    def stop(self, timeout: float = 30.0) -> None:
        """Stop accepting, let each worker finish its requests (SIGTERM), then kill what is left."""
        self.listener.close()
        live = [w for w in self.workers if w is not None and w.process.exitcode is None]
        for worker in live:
            worker.process.terminate()
        deadline = time.monotonic() + timeout
        for worker in live:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.exitcode is None:
                worker.process.kill()
                worker.process.join(5)
        for worker in self.workers:
            if worker is not None:
                worker.channel.close()
        self.workers = [None] * self.count


def _stop_on_signal(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt  # same path as Ctrl-C: stop the workers gracefully


def available() -> bool:
    return hasattr(socket, "send_fds") and os.name == "posix"
