"""API keys (constant-time comparison, never logged) and per-key rate limiting."""

from __future__ import annotations

import hashlib
import hmac
import math
import threading
import time

from fastapi import Request
from pydantic import SecretStr

from assistant.api.errors import ApiError


def presented_key(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip() or None
    return request.headers.get("x-api-key") or None


def key_matches(key: str | None, allowed: list[SecretStr]) -> bool:
    if key is None:
        return False
    # Compare against every key so the time taken does not reveal which one nearly matched.
    matched = False
    for candidate in allowed:
        matched |= hmac.compare_digest(key.encode(), candidate.get_secret_value().encode())
    return matched


def key_id(key: str | None, fallback: str) -> str:
    """A stable, non-reversible label for rate limiting and logs."""
    return hashlib.sha256(key.encode()).hexdigest()[:12] if key else fallback


def require_key(request: Request, allowed: list[SecretStr], admin: bool = False) -> None:
    if not allowed:
        return
    key = presented_key(request)
    if key is None:
        raise ApiError(401, "unauthorized", "missing API key: send 'Authorization: Bearer KEY' or 'X-API-Key: KEY'",
                       headers={"WWW-Authenticate": "Bearer"})
    if not key_matches(key, allowed):
        if admin:
            raise ApiError(403, "forbidden", "this route needs an admin API key (ASSISTANT_ADMIN_API_KEYS)")
        raise ApiError(401, "unauthorized", "invalid API key", headers={"WWW-Authenticate": "Bearer"})


class RateLimiter:
    """Token bucket per key: ``per_minute`` requests, refilled continuously."""

    def __init__(self, per_minute: int) -> None:
        self.rate = per_minute / 60.0
        self.capacity = float(per_minute)
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def check(self, who: str) -> None:
        if self.capacity <= 0:
            return
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(who, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens < 1.0:
                self._buckets[who] = (tokens, now)
                retry = max(1, math.ceil((1.0 - tokens) / self.rate))
                raise ApiError(429, "rate_limited", f"too many requests; retry in {retry} s",
                               headers={"Retry-After": str(retry)})
            self._buckets[who] = (tokens - 1.0, now)
