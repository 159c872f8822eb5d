"""Request id, body-size limit, structured access log (no bodies, no keys) and timing."""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.api.errors import error_body
from assistant.api.metrics import Metrics

log = logging.getLogger("assistant.access")


class ServiceMiddleware:
    """Pure ASGI (not BaseHTTPMiddleware) so streaming responses pass through untouched."""

    def __init__(self, app: ASGIApp, metrics: Metrics, max_body_bytes: int, body_timeout_s: float = 30.0) -> None:
        self.app = app
        self.metrics = metrics
        self.max_body = max_body_bytes
        self.body_timeout_s = body_timeout_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        rid = headers.get(b"x-request-id", b"").decode("latin-1")[:64] or uuid.uuid4().hex[:16]
        scope.setdefault("state", {})["request_id"] = rid
        started = time.perf_counter()
        status_holder = {"status": 500}

        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            await self._reject(send, rid, int(declared))
            self._record(scope, 413, started, rid)
            return

        # The whole body is read here, within one deadline and the size limit, before any
        # route sees it: a body trickling in a byte at a time cannot hold a connection.
        try:
            async with asyncio.timeout(self.body_timeout_s):
                body, disconnected = await self._read_body(receive)
        except TimeoutError:
            await self._send_error(send, rid, 408, "request_timeout",
                                   f"the request body did not arrive within {self.body_timeout_s:g} s")
            self._record(scope, 408, started, rid)
            return
        except _TooLarge as exc:
            await self._reject(send, rid, exc.size)
            self._record(scope, 413, started, rid)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            if disconnected:
                return {"type": "http.disconnect"}
            return await receive()

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                status_holder["status"] = message["status"]
                message.setdefault("headers", []).append((b"x-request-id", rid.encode()))
            await send(message)

        await self.app(scope, replay, send_with_id)
        self._record(scope, status_holder["status"], started, rid)

    async def _read_body(self, receive: Receive) -> tuple[bytes, bool]:
        """The request's body and whether the client went away while sending it."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return b"".join(chunks), True
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                raise _TooLarge(size)
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks), False

    async def _reject(self, send: Send, rid: str, size: int) -> None:
        await self._send_error(send, rid, 413, "payload_too_large",
                               f"request body of {size} bytes exceeds the limit of {self.max_body}")

    @staticmethod
    async def _send_error(send: Send, rid: str, status: int, code: str, message: str) -> None:
        body = json.dumps(error_body(code, message)).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"x-request-id", rid.encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})

    def _record(self, scope: Scope, status: int, started: float, rid: str) -> None:
        route = scope.get("route")
        path = getattr(route, "path", None) or ("static" if scope["path"].startswith("/static") else "unmatched")
        elapsed = time.perf_counter() - started
        self.metrics.requests.labels(path, scope["method"], str(status)).inc()
        self.metrics.latency.labels(path).observe(elapsed)
        log.info("request", extra={"request_id": rid, "method": scope["method"], "route": path,
                                   "status": status, "ms": round(elapsed * 1000, 2)})


class _TooLarge(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size
