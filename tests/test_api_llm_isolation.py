"""A hung LLM never holds up the rest of the service: a real uvicorn server on loopback, an
engine drafting through the fake OpenAI server in its ``hang`` mode, 45 suggestion requests in
flight, and meanwhile health, readiness, search, feedback and metrics answer at once.

The review found each of those waiting 37.5 s behind 45 such requests (one thread pool for
all). The LLM executor here has room for all 45 (8 threads, 40 queue places: more than anyio's
40 shared threads), so that sharing a pool with them would show as waiting here.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from pydantic import SecretStr

from assistant.api.app import create_app
from assistant.feedback.store import FeedbackStore
from assistant.index.knowledge import KnowledgeIndex
from assistant.settings import Settings
from assistant.wiring import build_engine
from tests.conftest import TODAY
from tests.fake_openai import FakeOpenAI
from tests.servers import free_port

DEADLINE_S = 3.0
IN_FLIGHT = 45
PROBE_LIMIT_S = 0.5
FEEDBACK = {"suggestion_id": "s1", "verdict": "accepted", "message": "Where is my order?", "language": "en",
            "intent": "track_order", "market": "US", "escalation_level": "low", "strategy": "explain",
            "draft_text": "Hello"}


@pytest.fixture
def service(engine_settings: Settings, kb_index: KnowledgeIndex, tmp_path: Path) -> Iterator[tuple[str, FakeOpenAI]]:
    with FakeOpenAI(mode="hang") as fake:
        settings = engine_settings.model_copy(update={
            "data_dir": tmp_path, "llm_base_url": fake.base_url, "llm_api_key": SecretStr("test-key"),
            "llm_deadline_s": DEADLINE_S, "llm_workers": 8, "llm_queue_size": 40, "rate_limit_per_minute": 10_000})
        engine = build_engine(settings, index=kb_index, clock=lambda: TODAY)
        app = create_app(settings, engine=engine, feedback_store=FeedbackStore(tmp_path / "fb.sqlite3"),
                         load_in_background=False)
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_config=None,
                                               access_log=False, lifespan="on"))
        thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
        thread.start()
        base = f"http://127.0.0.1:{server.config.port}"
        deadline = time.monotonic() + 60
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.started, "uvicorn did not start within 60 s"
        try:
            yield base, fake
        finally:
            server.should_exit = True
            thread.join(timeout=DEADLINE_S + 10)


def suggest(client: httpx.Client) -> tuple[int, float, dict[str, Any]]:
    started = time.monotonic()
    r = client.post("/v1/suggestions", json={"message": "Where is my order?", "drafts": 1})
    return r.status_code, time.monotonic() - started, r.json()


def test_health_readiness_search_and_feedback_never_wait_on_a_hung_llm(service: tuple[str, FakeOpenAI]) -> None:
    base, fake = service
    limits = httpx.Limits(max_connections=IN_FLIGHT)
    with (ThreadPoolExecutor(max_workers=IN_FLIGHT) as pool, httpx.Client(base_url=base, timeout=30) as probe,
          httpx.Client(base_url=base, timeout=60, limits=limits) as client):
        started = time.monotonic()
        replies: list[Future[tuple[int, float, dict[str, Any]]]] = [pool.submit(suggest, client) for _ in range(IN_FLIGHT)]
        while fake.calls() < 8 and time.monotonic() - started < DEADLINE_S:  # every LLM thread hangs
            time.sleep(0.01)
        timings: dict[str, float] = {}
        for name, request in [
            ("healthz", lambda: probe.get("/healthz")),
            ("readyz", lambda: probe.get("/readyz")),
            ("search", lambda: probe.get("/v1/kb/search", params={"q": "return window", "market": "DE"})),
            ("feedback", lambda: probe.post("/v1/feedback", json=FEEDBACK)),
            ("feedback stats", lambda: probe.get("/v1/feedback/stats")),
            ("metrics", lambda: probe.get("/metrics")),
        ]:
            t0 = time.monotonic()
            response = request()
            timings[name] = time.monotonic() - t0
            assert response.status_code in (200, 201), (name, response.text)
        probed_by = time.monotonic() - started
        in_flight = sum(not f.done() for f in replies)
        results = [f.result() for f in replies]

    slowest = max(seconds for _, seconds, _ in results)
    print(f"\nwith {in_flight} of {IN_FLIGHT} suggestions waiting on the hung LLM: "
          + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in timings.items())
          + f"; the slowest suggestion answered in {slowest:.2f} s")
    assert probed_by < DEADLINE_S and in_flight >= IN_FLIGHT - 5  # probed while they were waiting
    assert max(timings.values()) < PROBE_LIMIT_S, timings
    # And every suggestion got its offline draft, at the deadline at the latest.
    assert {status for status, _, _ in results} == {200}
    assert {body["generator"] for _, _, body in results} == {"offline"}
    assert {body["fallback_reason"] for _, _, body in results} == {"llm_deadline"}
    # The deadline, plus each request's own work before and after the LLM (45 at once).
    assert slowest < DEADLINE_S + 1.5
    # 45 failed calls opened the circuit: still ready (offline drafts are served), and it shows.
    ready = httpx.get(f"{base}/readyz")
    assert ready.status_code == 200 and ready.json()["llm"] == "circuit_open"
    metrics = httpx.get(f"{base}/metrics").text
    assert f'assistant_llm_fallbacks_total{{reason="llm_deadline"}} {IN_FLIGHT}.0' in metrics
    assert "assistant_llm_circuit_open 1.0" in metrics
