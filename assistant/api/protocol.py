"""A deadline for request headers, on whichever HTTP protocol uvicorn runs.

uvicorn closes an idle keep-alive connection after a few seconds, but once a client has
sent part of a request's headers it waits for the rest for ever: 400 such connections stayed
open in the review, and at the descriptor limit new requests were refused. Every
``seconds`` the connection is looked at: when twice in a row no request has started since the
previous look and none is in flight (nothing, or half a header, arrived), it is closed. Twice,
so that a connection whose response just went out is not cut off before the client can reuse
it (an idle one is closed by uvicorn's keep-alive timeout long before).
"""

from __future__ import annotations

import asyncio
from typing import Any


def with_header_deadline(base: type[Any], seconds: float) -> type[Any]:
    class HeaderDeadline(base):  # type: ignore[misc]
        def connection_made(self, transport: asyncio.Transport, *args: Any, **kwargs: Any) -> None:
            super().connection_made(transport, *args, **kwargs)
            self._look_later()

        def _look_later(self, stale: int = 0) -> None:
            self._cycle_seen, self._stale = self.cycle, stale
            self.loop.call_later(seconds, self._look)

        def _look(self) -> None:
            if self.transport.is_closing():
                return
            cycle = self.cycle
            if cycle is self._cycle_seen and (cycle is None or cycle.response_complete):
                if self._stale >= 1:
                    self.transport.close()  # idle or stuck in a request's headers for a whole look
                    return
                self._look_later(self._stale + 1)
                return
            self._look_later()

    HeaderDeadline.__name__ = HeaderDeadline.__qualname__ = f"HeaderDeadline{base.__name__}"
    return HeaderDeadline
