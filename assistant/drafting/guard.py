"""The LLM guard: whatever the endpoint does, a request has its drafts by a deadline.

``GuardedDrafter`` wraps any LLM drafter (the engine's ``draft`` protocol) and bounds it:

- **its own executor**: ``workers`` threads wait on the endpoint and ``queue_size`` calls may
  wait for one; a call beyond those is refused at once (``llm_busy``). A slow endpoint fills
  this executor, never the server's thread pools.
- **a deadline per request** (``llm_deadline``) over every attempt, retry and wait. The caller
  is answered when it passes; the abandoned call stops at its next streamed chunk, or when the
  client's timeout (fitted inside the deadline by ``client_settings``) fires.
- **a circuit breaker**: after ``circuit_failures`` consecutive failed calls, calls are refused
  at once (``llm_circuit_open``) for ``circuit_open_s`` seconds; then one trial call decides.

Retries are the guard's, not the client's: the OpenAI client sleeps a ``Retry-After`` of up to
60 s. Here a retry is made only when its wait and a useful attempt still fit before the
deadline, and never once text has streamed (the caller may have shown it).

Every fallback the guard causes raises ``LLMUnavailable`` (its ``reason`` is what the engine
reports) and is logged once: reason, error type, the endpoint's HTTP status, attempts,
elapsed time, circuit state. Never message text: an error's message may quote the prompt.
"""

from __future__ import annotations

import email.utils
import logging
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any, Literal, Protocol

from assistant.index.retriever import Hit
from assistant.kb.facts import KnowledgeBase
from assistant.models import Draft, ReplyRequest
from assistant.settings import Settings

log = logging.getLogger("assistant.llm")

DeltaCallback = Callable[[int, str], None]
CircuitState = Literal["ok", "circuit_open", "half_open"]
# A retry with less time than this left is not worth making: a first token rarely comes sooner.
MIN_ATTEMPT_S = 1.0
BACKOFF_S = 0.5  # doubled for each further retry, as the OpenAI client does
RETRY_STATUSES = {408, 409, 429}  # and every 5xx


class Drafter(Protocol):
    def draft(self, request: ReplyRequest, analysis: Any, hits: list[Hit], offline: list[Draft],
              kb: KnowledgeBase, on_delta: DeltaCallback | None = None) -> list[Draft | None]: ...


class LLMUnavailable(Exception):
    """No LLM drafts for this request; ``reason`` says why (the suggestion's fallback_reason)."""

    reason = "llm_error"


class LLMBusy(LLMUnavailable):
    reason = "llm_busy"


class LLMDeadline(LLMUnavailable):
    reason = "llm_deadline"


class LLMCircuitOpen(LLMUnavailable):
    reason = "llm_circuit_open"


class LLMCallFailed(LLMUnavailable):
    def __init__(self, error: BaseException, attempts: int) -> None:
        super().__init__(f"the LLM call failed after {attempts} attempt(s) with {type(error).__name__}; "
                         "check the endpoint, its key and ASSISTANT_LLM_* settings (offline drafts are served)")
        self.reason = f"llm_error:{error_name(error)}"


class _Abandoned(Exception):
    """Raised inside an abandoned call (at its next chunk) to stop it."""


def client_settings(settings: Settings) -> Settings:
    """The settings to build the LLM client with: no retries of its own (the guard retries
    within the deadline) and a timeout no longer than the deadline, so that a hung call's
    thread is free again about when its caller has been answered."""
    return settings.model_copy(update={"llm_max_retries": 0,
                                       "llm_timeout_s": min(settings.llm_timeout_s, settings.llm_deadline_s)})


class CircuitBreaker:
    """Closed → open after ``failures`` consecutive failures → after ``open_s``, half-open:
    one trial call; its success closes the circuit, its failure opens it again."""

    def __init__(self, failures: int, open_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.failures, self.open_s, self._clock = failures, open_s, clock
        self._lock = threading.Lock()
        self._consecutive = 0
        self._open_until: float | None = None
        self._trial = False  # a half-open trial call is in flight

    def allow(self) -> bool:
        with self._lock:
            if self._open_until is None:
                return True
            if self._clock() < self._open_until or self._trial:
                return False
            self._trial = True
            return True

    def record(self, ok: bool) -> None:
        with self._lock:
            self._trial = False
            if ok:
                self._consecutive, self._open_until = 0, None
                return
            self._consecutive += 1
            if self._open_until is not None or self._consecutive >= self.failures:
                self._open_until = self._clock() + self.open_s

    def release(self) -> None:
        """A call allowed in was not made (refused as busy): no verdict."""
        with self._lock:
            self._trial = False

    @property
    def state(self) -> CircuitState:
        with self._lock:
            if self._open_until is None:
                return "ok"
            return "circuit_open" if self._clock() < self._open_until or self._trial else "half_open"

    def retry_in(self) -> float:
        with self._lock:
            return max(0.0, (self._open_until or 0.0) - self._clock())


class BoundedExecutor:
    """A thread pool that refuses work beyond its threads and a fixed number of waiting calls
    (a plain ThreadPoolExecutor queues without limit: a hung endpoint would pile up calls)."""

    def __init__(self, workers: int, queue_size: int) -> None:
        self.workers, self.queue_size = workers, queue_size
        self._slots = threading.BoundedSemaphore(workers + queue_size)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="llm-call")

    def submit(self, fn: Callable[[], list[Draft | None]]) -> Future[list[Draft | None]] | None:
        """The call's future, or None when every thread and queue place is taken."""
        if not self._slots.acquire(blocking=False):
            return None
        future = self._pool.submit(fn)
        future.add_done_callback(lambda _: self._slots.release())
        return future

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


class _Call:
    """One request's LLM work: its deadline, whether its caller gave up, whether text streamed."""

    def __init__(self, deadline: float, on_delta: DeltaCallback | None) -> None:
        self.deadline = deadline
        self.on_delta = on_delta
        self.abandoned = threading.Event()
        self.streamed = False
        self.attempts = 0
        self.last_error: BaseException | None = None

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def forward(self, i: int, text: str) -> None:
        if self.abandoned.is_set():
            raise _Abandoned
        self.streamed = True
        if self.on_delta:
            self.on_delta(i, text)


def retry_after_s(error: BaseException) -> float | None:
    """The endpoint's ``Retry-After`` (or ``retry-after-ms``) in seconds, when it sent one."""
    headers = getattr(getattr(error, "response", None), "headers", None)
    if headers is None:
        return None
    try:
        if headers.get("retry-after-ms"):
            return float(headers["retry-after-ms"]) / 1000
        value = headers.get("retry-after")
        if not value:
            return None
        try:
            return float(value)
        except ValueError:  # an HTTP date
            when = email.utils.parsedate_to_datetime(value)
            return max(0.0, when.timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def error_name(error: BaseException) -> str:
    """The error's class name; for the OpenAI SDK's errors, the SDK's own class (RateLimitError,
    InternalServerError, ...): LangChain re-raises them as subclasses whose names vary by
    version and read worse (a 500 becomes ``OpenAIAPIError``)."""
    sdk = next((c for c in type(error).__mro__ if c.__module__.split(".")[0] == "openai"), None)
    return (sdk or type(error)).__name__


def _retryable(error: BaseException) -> bool:
    # Not imported here: it takes 0.8 s, and when it is not loaded the error is not its own.
    openai = sys.modules.get("openai")
    if openai is not None and isinstance(error, openai.APIConnectionError):  # refused, reset, timed out
        return True
    status = getattr(error, "status_code", None)
    return isinstance(status, int) and (status in RETRY_STATUSES or status >= 500)


class GuardedDrafter:
    def __init__(self, inner: Drafter, *, deadline_s: float, workers: int, queue_size: int, retries: int,
                 circuit_failures: int, circuit_open_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.inner = inner
        self.deadline_s = deadline_s
        self.retries = retries
        self.executor = BoundedExecutor(workers, queue_size)
        self.breaker = CircuitBreaker(circuit_failures, circuit_open_s, clock)

    @classmethod
    def from_settings(cls, inner: Drafter, settings: Settings) -> GuardedDrafter:
        return cls(inner, deadline_s=settings.llm_deadline_s, workers=settings.llm_workers,
                   queue_size=settings.llm_queue_size, retries=settings.llm_max_retries,
                   circuit_failures=settings.llm_circuit_failures, circuit_open_s=settings.llm_circuit_open_s)

    @property
    def circuit_state(self) -> CircuitState:
        return self.breaker.state

    def draft(self, request: ReplyRequest, analysis: Any, hits: list[Hit], offline: list[Draft],
              kb: KnowledgeBase, on_delta: DeltaCallback | None = None) -> list[Draft | None]:
        started = time.monotonic()
        call = _Call(started + self.deadline_s, on_delta)
        if not self.breaker.allow():
            raise self._fallback(LLMCircuitOpen(
                f"the last {self.breaker.failures} LLM calls failed; the next is tried in "
                f"{self.breaker.retry_in():.0f} s (ASSISTANT_LLM_CIRCUIT_OPEN_S); offline drafts meanwhile"), call, started)
        future = self.executor.submit(lambda: self._attempts(call, request, analysis, hits, offline, kb))
        if future is None:
            self.breaker.release()
            raise self._fallback(LLMBusy(
                f"all {self.executor.workers} LLM threads and {self.executor.queue_size} queue places are taken; "
                "raise ASSISTANT_LLM_WORKERS / ASSISTANT_LLM_QUEUE_SIZE if the endpoint has capacity"), call, started)
        # wait(), not result(timeout=): the call's own TimeoutError must not read as the deadline.
        if not wait([future], timeout=max(0.0, call.remaining())).done:
            call.abandoned.set()
            self.breaker.record(ok=False)
            raise self._fallback(self._deadline_passed(), call, started)
        try:
            result = future.result()
        except Exception as exc:  # any failure of the call: a fallback, its cause chained
            self.breaker.record(ok=False)
            # The client's timeout is the deadline's length: one that fired as this caller woke
            # (a busy machine) is the deadline, as it is for every other caller.
            failed = self._deadline_passed() if call.remaining() <= 0 else LLMCallFailed(exc, call.attempts)
            raise self._fallback(failed, call, started, exc) from exc
        # The endpoint answered: what it wrote is verification's business, not the breaker's.
        self.breaker.record(ok=True)
        return result

    def _attempts(self, call: _Call, request: ReplyRequest, analysis: Any, hits: list[Hit],
                  offline: list[Draft], kb: KnowledgeBase) -> list[Draft | None]:
        """In an executor thread: the call, and the retries that fit before the deadline."""
        while True:
            if call.abandoned.is_set():  # waited in the queue past its deadline: never started
                raise _Abandoned
            call.attempts += 1
            try:
                return self.inner.draft(request, analysis, hits, offline, kb, call.forward)
            except _Abandoned:
                raise
            except Exception as exc:
                call.last_error = exc
                pause = self._retry_wait(call, exc)
                if pause is None or call.abandoned.wait(pause):
                    raise

    def _retry_wait(self, call: _Call, error: BaseException) -> float | None:
        """How long to wait before retrying, or None: retries used up, the error is not
        transient, text has already streamed, or the wait and an attempt don't fit."""
        if call.attempts > self.retries or call.streamed or not _retryable(error):
            return None
        asked = retry_after_s(error)
        pause = asked if asked is not None else BACKOFF_S * 2 ** (call.attempts - 1)
        return pause if pause + MIN_ATTEMPT_S <= call.remaining() else None

    def _deadline_passed(self) -> LLMDeadline:
        return LLMDeadline(f"the LLM did not answer within {self.deadline_s:g} s (ASSISTANT_LLM_DEADLINE_S); "
                           "an offline draft was served")

    def _fallback(self, error: LLMUnavailable, call: _Call, started: float,
                  cause: BaseException | None = None) -> LLMUnavailable:
        """Log the fallback (one line, no text) and hand back the error to raise."""
        cause = cause or call.last_error
        log.warning("llm fallback", extra={
            "reason": error.reason, "error": error_name(cause) if cause else None,
            "llm_status": getattr(cause, "status_code", None), "attempts": call.attempts,
            "ms": round((time.monotonic() - started) * 1000, 1), "circuit": self.breaker.state,
        })
        return error
