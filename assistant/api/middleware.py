"""Request id, body-size limit, structured access log (no bodies, no keys) and timing."""

from __future__ import annotations

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

    def __init__(self, app: ASGIApp, metrics: Metrics, max_body_bytes: int) -> None:
        self.app = app
        self.metrics = metrics
        self.max_body = max_body_bytes

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

        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise _TooLarge()
            return message

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                status_holder["status"] = message["status"]
                message.setdefault("headers", []).append((b"x-request-id", rid.encode()))
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_id)
        except _TooLarge:
            await self._reject(send, rid, received)
            status_holder["status"] = 413
        self._record(scope, status_holder["status"], started, rid)

    async def _reject(self, send: Send, rid: str, size: int) -> None:
        body = json.dumps(error_body("payload_too_large",
                                     f"request body of {size} bytes exceeds the limit of {self.max_body}")).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"x-request-id", rid.encode())]})
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
    pass
