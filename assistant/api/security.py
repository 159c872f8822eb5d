"""API keys (constant-time comparison, never logged) and per-key rate limiting."""

from __future__ import annotations

import hashlib
import hmac
import math
import multiprocessing
import threading
import time
from typing import Any

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


class SharedBuckets:
    """Token buckets in memory shared by the worker processes of one ``serve`` (made by the
    dispatcher, handed to each worker), so that a limit holds across workers. A key hashes to
    one of ``slots`` buckets: two keys sharing one are limited together (stricter, never
    looser). CLOCK_MONOTONIC is the same clock in every process of the host."""

    def __init__(self, slots: int = 4096) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.values = ctx.Array("d", 2 * slots, lock=False)  # (tokens, last refill) per slot; last 0 = full
        self.lock = ctx.Lock()
        self.slots = slots

    def slot(self, who: str) -> int:
        return int.from_bytes(hashlib.blake2b(who.encode(), digest_size=8).digest(), "big") % self.slots


class RateLimiter:
    """Token bucket per key: ``per_minute`` requests, refilled continuously. Per process, or
    across the workers of a ``serve`` when given ``shared`` buckets."""

    def __init__(self, per_minute: int, shared: SharedBuckets | None = None) -> None:
        self.rate = per_minute / 60.0
        self.capacity = float(per_minute)
        self.shared = shared
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock: Any = shared.lock if shared is not None else threading.Lock()

    def check(self, who: str) -> None:
        if self.capacity <= 0:
            return
        now = time.monotonic()
        with self._lock:
            tokens, last = self._get(who, now)
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens < 1.0:
                self._put(who, tokens, now)
                retry = max(1, math.ceil((1.0 - tokens) / self.rate))
                raise ApiError(429, "rate_limited", f"too many requests; retry in {retry} s",
                               headers={"Retry-After": str(retry)})
            self._put(who, tokens - 1.0, now)

    def _get(self, who: str, now: float) -> tuple[float, float]:
        if self.shared is None:
            return self._buckets.get(who, (self.capacity, now))
        i = 2 * self.shared.slot(who)
        last = self.shared.values[i + 1]
        return (self.capacity, now) if last == 0.0 else (self.shared.values[i], last)

    def _put(self, who: str, tokens: float, now: float) -> None:
        if self.shared is None:
            self._buckets[who] = (tokens, now)
            return
        i = 2 * self.shared.slot(who)
        self.shared.values[i], self.shared.values[i + 1] = tokens, now
