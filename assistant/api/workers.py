"""An API worker process of ``serve --workers N``: uvicorn without a listening socket.

The ``serve`` process accepts connections and hands them over (see ``dispatcher.py``); a
worker receives each one's file descriptor on its channel and serves it with uvicorn's own
HTTP protocol. Through shared memory it tells the dispatcher how many of its connections
have closed and whether it is loading, ready or draining.
"""

from __future__ import annotations

import asyncio
import functools
import socket
import threading
from typing import Any

import uvicorn

from assistant.settings import Settings

LOADING, READY, DRAINING = 0, 1, -1


class HandedConnectionsServer(uvicorn.Server):
    """A uvicorn server with no listening socket: connections arrive over ``channel``."""

    def __init__(self, config: uvicorn.Config, channel: socket.socket, closed: Any, state: Any, slot: int,
                 ready: threading.Event) -> None:
        super().__init__(config)
        self.channel, self.closed, self.state, self.slot = channel, closed, state, slot
        self.ready = ready

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=[])
        if self.should_exit:
            return
        self.channel.setblocking(False)
        asyncio.get_running_loop().add_reader(self.channel.fileno(), self._receive)
        # Flag the worker ready the moment its models are (not at the next tick): until
        # then the dispatcher would hand a connection to a worker still loading (503).
        threading.Thread(target=self._mark_ready, args=(self.ready,), daemon=True).start()

    def _mark_ready(self, ready: threading.Event) -> None:
        ready.wait()
        if self.state[self.slot] == LOADING:  # not once draining
            self.state[self.slot] = READY

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        # No new connections from now on; close those already handed but not yet read.
        self.state[self.slot] = DRAINING
        asyncio.get_running_loop().remove_reader(self.channel.fileno())
        while True:
            try:
                data, fds, _, _ = socket.recv_fds(self.channel, 64, 64)
            except OSError:
                break
            for fd in fds:
                socket.socket(fileno=fd).close()
            self.closed[self.slot] += len(data)
            if not data:
                break
        await super().shutdown(sockets=sockets)

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
        # One byte is sent with each descriptor; a byte without one is a connection the kernel
        # could not pass (no descriptors left here): count it as closed.
        self.closed[self.slot] += len(data) - len(fds)
        for fd in fds:
            conn = socket.socket(fileno=fd)
            conn.setblocking(False)
            task = loop.create_task(loop.connect_accepted_socket(self._protocol, conn))
            task.add_done_callback(functools.partial(self._accepted, conn))

    def _accepted(self, conn: socket.socket, task: asyncio.Task[Any]) -> None:
        if task.cancelled() or task.exception() is not None:
            self.closed[self.slot] += 1  # never became a connection: count it as closed
            conn.close()


def http_protocol(settings: Settings) -> type[asyncio.Protocol]:
    """uvicorn's own HTTP protocol (httptools when installed, else h11) with a header deadline."""
    from uvicorn.protocols.http.auto import AutoHTTPProtocol

    from assistant.api.protocol import with_header_deadline

    return with_header_deadline(AutoHTTPProtocol, settings.header_timeout_s)


def worker_main(slot: int, channel: socket.socket, closed: Any, state: Any, settings: Settings,
                shared_limits: tuple[Any, Any] | None = None) -> None:
    """Entry point of a worker process (spawned): the app is built here, from the settings
    the ``serve`` process passed (pickled), not from this process's environment."""
    from assistant.api.app import create_app
    from assistant.api.logging_setup import configure_logging
    from assistant.core.process import die_with_parent

    die_with_parent()
    configure_logging(settings.log_level)
    app = create_app(settings, shared_limits=shared_limits)
    # No WebSocket routes: an upgrade request would swap in a protocol our counter never sees.
    config = uvicorn.Config(app, log_config=None, access_log=False, lifespan="on", ws="none",
                            http=http_protocol(settings))
    HandedConnectionsServer(config, channel, closed, state, slot, app.state.assistant.ready).run()
