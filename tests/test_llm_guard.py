"""The LLM guard on its own, around scripted drafters (no server): deadline, bounded executor,
retries within the deadline, circuit breaker, one log line per fallback."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterator
from types import SimpleNamespace
from typing import Any

import pytest

from assistant.api.logging_setup import JsonFormatter
from assistant.drafting.guard import (
    CircuitBreaker,
    GuardedDrafter,
    LLMBusy,
    LLMCallFailed,
    LLMCircuitOpen,
    LLMDeadline,
    LLMUnavailable,
    client_settings,
)
from assistant.models import Draft
from assistant.settings import Settings

Step = Callable[[Callable[[int, str], None]], list[Draft | None]]
DRAFT = Draft(text="Hello", language="en", citations=[], tone="friendly", generator="llm")


class StatusError(Exception):
    """Shaped like an OpenAI client's status error: ``status_code`` and the response's headers."""

    def __init__(self, status: int, headers: dict[str, str] | None = None) -> None:
        super().__init__(f"HTTP {status}")
        self.status_code = status
        self.response = SimpleNamespace(headers=headers or {})


class Scripted:
    """A drafter that plays one step per call (the last step again once they run out)."""

    def __init__(self, *steps: Step) -> None:
        self.steps = list(steps)
        self.calls = 0
        self.stopped_by: BaseException | None = None

    def draft(self, request: Any, analysis: Any, hits: Any, offline: Any, kb: Any,
              on_delta: Callable[[int, str], None] | None = None) -> list[Draft | None]:
        self.calls += 1
        step = self.steps.pop(0) if len(self.steps) > 1 else self.steps[0]
        assert on_delta is not None  # the guard always listens (to stop a stream, and never retry one)
        try:
            return step(on_delta)
        except BaseException as exc:
            self.stopped_by = exc
            raise


def ok(_: Callable[[int, str], None]) -> list[Draft | None]:
    return [DRAFT]


def fail(error: Exception) -> Step:
    def step(_: Callable[[int, str], None]) -> list[Draft | None]:
        raise error
    return step


def block(until: threading.Event) -> Step:
    def step(_: Callable[[int, str], None]) -> list[Draft | None]:
        until.wait(10)
        return [DRAFT]
    return step


def trickle(every_s: float, count: int) -> Step:
    def step(on_delta: Callable[[int, str], None]) -> list[Draft | None]:
        for i in range(count):
            time.sleep(every_s)
            on_delta(0, f"chunk {i} ")
        return [DRAFT]
    return step


@pytest.fixture
def released() -> Iterator[threading.Event]:
    """Set at teardown: no blocked step outlives its test."""
    event = threading.Event()
    yield event
    event.set()


def guard(inner: Scripted, *, deadline_s: float = 2.0, workers: int = 2, queue_size: int = 2, retries: int = 1,
          circuit_failures: int = 100, circuit_open_s: float = 30.0,
          clock: Callable[[], float] = time.monotonic) -> GuardedDrafter:
    return GuardedDrafter(inner, deadline_s=deadline_s, workers=workers, queue_size=queue_size, retries=retries,
                          circuit_failures=circuit_failures, circuit_open_s=circuit_open_s, clock=clock)


def call(g: GuardedDrafter, on_delta: Callable[[int, str], None] | None = None) -> list[Draft | None]:
    return g.draft(None, None, [], [], None, on_delta)  # type: ignore[arg-type]


def timed(fn: Callable[[], object]) -> tuple[object, float]:
    started = time.monotonic()
    try:
        return fn(), time.monotonic() - started
    except LLMUnavailable as exc:
        return exc, time.monotonic() - started


# --- the deadline ----------------------------------------------------------------------------
def test_a_hung_call_is_answered_at_the_deadline_as_llm_deadline(released: threading.Event) -> None:
    outcome, seconds = timed(lambda: call(guard(Scripted(block(released)), deadline_s=0.3)))
    assert isinstance(outcome, LLMDeadline) and outcome.reason == "llm_deadline"
    assert 0.3 <= seconds < 0.5


def test_an_abandoned_stream_stops_at_its_next_chunk_and_shows_nothing_more() -> None:
    inner = Scripted(trickle(0.1, 50))
    shown: list[float] = []
    outcome, _ = timed(lambda: call(guard(inner, deadline_s=0.35), lambda i, t: shown.append(time.monotonic())))
    answered = time.monotonic()
    assert isinstance(outcome, LLMDeadline)
    time.sleep(0.3)
    assert inner.stopped_by is not None  # the executor thread is free again
    assert shown and max(shown) <= answered


def test_the_client_retries_nothing_and_times_out_within_the_deadline() -> None:
    fitted = client_settings(Settings(_env_file=None, llm_timeout_s=20, llm_max_retries=3, llm_deadline_s=8))
    assert (fitted.llm_timeout_s, fitted.llm_max_retries) == (8, 0)
    assert client_settings(Settings(_env_file=None, llm_timeout_s=5, llm_deadline_s=8)).llm_timeout_s == 5


# --- the bounded executor --------------------------------------------------------------------
def test_calls_beyond_the_threads_and_the_queue_are_refused_at_once_as_llm_busy(released: threading.Event) -> None:
    inner = Scripted(block(released))
    g = guard(inner, deadline_s=1.0, workers=1, queue_size=1)
    waiting = [threading.Thread(target=lambda: timed(lambda: call(g))) for _ in range(2)]
    for t in waiting:
        t.start()
    time.sleep(0.1)  # one call on the thread, one in the queue
    outcome, seconds = timed(lambda: call(g))
    assert isinstance(outcome, LLMBusy) and outcome.reason == "llm_busy"
    assert seconds < 0.05
    assert "ASSISTANT_LLM_WORKERS" in str(outcome)  # says what to change
    released.set()
    for t in waiting:
        t.join()


def test_a_call_that_waited_in_the_queue_past_its_deadline_never_starts(released: threading.Event) -> None:
    inner = Scripted(block(released))
    g = guard(inner, deadline_s=0.3, workers=1, queue_size=1)
    outcomes: list[object] = []
    callers = [threading.Thread(target=lambda: outcomes.append(timed(lambda: call(g))[0])) for _ in range(2)]
    for t in callers:
        t.start()
    for t in callers:
        t.join()
    assert [type(o) for o in outcomes] == [LLMDeadline, LLMDeadline]
    released.set()
    time.sleep(0.2)  # the thread takes the queued call, finds it abandoned, skips it
    assert inner.calls == 1


# --- retries ----------------------------------------------------------------------------------
def test_a_retry_after_longer_than_the_deadline_is_not_waited_for() -> None:
    inner = Scripted(fail(StatusError(429, {"retry-after": "30"})), ok)
    outcome, seconds = timed(lambda: call(guard(inner, deadline_s=2.0)))
    assert isinstance(outcome, LLMCallFailed) and outcome.reason == "llm_error:StatusError"
    assert inner.calls == 1 and seconds < 0.1


def test_a_retry_after_that_fits_is_waited_for_and_retried() -> None:
    inner = Scripted(fail(StatusError(429, {"retry-after-ms": "200"})), ok)
    result, seconds = timed(lambda: call(guard(inner, deadline_s=2.0)))
    assert result == [DRAFT] and inner.calls == 2 and 0.2 <= seconds < 0.4


def test_transient_errors_are_retried_with_backoff_up_to_the_retries_setting() -> None:
    inner = Scripted(fail(StatusError(500)))
    outcome, seconds = timed(lambda: call(guard(inner, deadline_s=5.0, retries=2)))
    assert isinstance(outcome, LLMCallFailed) and inner.calls == 3
    assert 1.5 <= seconds < 1.8  # 0.5 s, then 1 s


def test_errors_that_a_retry_cannot_fix_are_not_retried() -> None:
    inner = Scripted(fail(StatusError(401)), ok)
    assert isinstance(timed(lambda: call(guard(inner)))[0], LLMCallFailed) and inner.calls == 1


def test_nothing_is_retried_once_text_has_streamed() -> None:
    def streamed_then_failed(on_delta: Callable[[int, str], None]) -> list[Draft | None]:
        on_delta(0, "Hello")
        raise StatusError(500)

    inner = Scripted(streamed_then_failed, ok)
    assert isinstance(timed(lambda: call(guard(inner)))[0], LLMCallFailed) and inner.calls == 1


# --- the circuit breaker ---------------------------------------------------------------------
def test_the_circuit_opens_after_consecutive_failures_and_refuses_at_once() -> None:
    now = [0.0]
    inner = Scripted(fail(StatusError(500)))
    g = guard(inner, retries=0, circuit_failures=3, circuit_open_s=30, clock=lambda: now[0])
    for _ in range(3):
        assert isinstance(timed(lambda: call(g))[0], LLMCallFailed)
    outcome, seconds = timed(lambda: call(g))
    assert isinstance(outcome, LLMCircuitOpen) and outcome.reason == "llm_circuit_open"
    assert inner.calls == 3 and seconds < 0.01 and g.circuit_state == "circuit_open"
    assert "ASSISTANT_LLM_CIRCUIT_OPEN_S" in str(outcome)


def test_after_the_open_time_one_trial_call_decides(released: threading.Event) -> None:
    now = [0.0]
    inner = Scripted(fail(StatusError(500)), fail(StatusError(500)), block(released), ok)
    g = guard(inner, retries=0, circuit_failures=1, circuit_open_s=30, clock=lambda: now[0])
    call_failed = timed(lambda: call(g))[0]
    assert isinstance(call_failed, LLMCallFailed) and g.circuit_state == "circuit_open"
    now[0] = 30.0
    assert g.circuit_state == "half_open"
    assert isinstance(timed(lambda: call(g))[0], LLMCallFailed)  # the trial failed: open again
    assert isinstance(timed(lambda: call(g))[0], LLMCircuitOpen)
    now[0] = 60.0
    trial = threading.Thread(target=lambda: call(g))
    trial.start()
    time.sleep(0.1)
    assert isinstance(timed(lambda: call(g))[0], LLMCircuitOpen)  # one trial at a time
    released.set()
    trial.join()
    assert g.circuit_state == "ok" and call(g) == [DRAFT]


def test_a_success_resets_the_count_of_consecutive_failures() -> None:
    breaker = CircuitBreaker(failures=2, open_s=30)
    for ok_ in (False, True, False, True, False):
        breaker.record(ok_)
    assert breaker.state == "ok"
    breaker.record(False)
    assert breaker.state == "circuit_open"


def test_an_answer_that_fails_verification_is_no_failure_of_the_endpoint() -> None:
    g = guard(Scripted(lambda _: [None]), circuit_failures=1)  # unparseable: the endpoint did answer
    for _ in range(3):
        assert call(g) == [None]
    assert g.circuit_state == "ok"


# --- the log ----------------------------------------------------------------------------------
def test_every_fallback_is_one_warning_line_with_its_reason_and_no_text(
        caplog: pytest.LogCaptureFixture, released: threading.Event) -> None:
    inner = Scripted(fail(StatusError(503, {"retry-after": "30"})), block(released))
    g = guard(inner, deadline_s=0.3, retries=1)
    with caplog.at_level(logging.WARNING, logger="assistant.llm"):
        timed(lambda: call(g))
        timed(lambda: call(g))
    lines = [json.loads(JsonFormatter().format(r)) for r in caplog.records if r.name == "assistant.llm"]
    assert [(x["reason"], x["error"], x["llm_status"], x["attempts"]) for x in lines] == [
        ("llm_error:StatusError", "StatusError", 503, 1), ("llm_deadline", None, None, 1)]
    assert all(x["level"] == "WARNING" and x["msg"] == "llm fallback" and x["circuit"] == "ok" for x in lines)
