"""What the app holds between requests: settings, the engine (loaded in the background so
``/healthz`` answers at once and ``/readyz`` tells when the models and index are in), the
feedback store, metrics, the rate limiter and the thread limiters.

Two thread limiters, never anyio's shared default one: requests that wait on an LLM hold a
thread for up to the deadline, and with one pool for all, 45 of them once kept health,
readiness, search and feedback waiting 37 s. Each side now has threads of its own.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable

from anyio import CapacityLimiter

from assistant.api.embedding_batches import EmbeddingBatches
from assistant.api.metrics import Metrics
from assistant.api.security import RateLimiter, SharedBuckets
from assistant.engine import ReplyEngine
from assistant.feedback.store import FeedbackStore
from assistant.settings import Settings

log = logging.getLogger("assistant.api")

# Threads for search, feedback and ingest: short work on local data (or a Chroma server).
WORK_THREADS = 16
# Reply threads beyond the LLM executor's places: with every place taken, further requests
# are refused by the guard at once (llm_busy) and drafted offline in milliseconds; a few
# threads for them keep those answers coming instead of queueing behind the waiting calls.
FAST_FALLBACK_THREADS = 4


class AppState:
    def __init__(self, settings: Settings, engine: ReplyEngine | None,
                 engine_factory: Callable[[Settings], ReplyEngine], feedback: FeedbackStore | None,
                 shared_limits: tuple[SharedBuckets, SharedBuckets] | None = None) -> None:
        """``shared_limits``: the request and failed-auth buckets of all of serve's workers."""
        self.settings = settings
        self.engine = engine
        self.engine_factory = engine_factory
        self.feedback = feedback or FeedbackStore(settings.data_dir / "feedback.sqlite3")
        self.metrics = Metrics()
        requests, failures = shared_limits or (None, None)
        self.limiter = RateLimiter(settings.rate_limit_per_minute, requests)
        # Failed authentications per client address: a few mistakes pass, guessing does not.
        self.auth_failures = RateLimiter(settings.auth_failures_per_minute, failures)
        # Sized to the engine's LLM executor (same settings): a thread per call it can run or queue.
        self.llm_limiter = CapacityLimiter(settings.llm_workers + settings.llm_queue_size + FAST_FALLBACK_THREADS)
        self.work_limiter = CapacityLimiter(WORK_THREADS)
        self.load_error: str | None = None
        self.ready = threading.Event()
        self.embedding_batches: EmbeddingBatches | None = None
        if engine is not None:
            self._engine_ready(engine)

    def _engine_ready(self, engine: ReplyEngine) -> None:
        engine.warm_up()
        # What is loaded now lives as long as the process: out of the collector's sight, a
        # collection no longer walks the models' hundreds of thousands of objects (loading's
        # own garbage collected first).
        gc.collect()
        gc.freeze()
        self.embedding_batches = EmbeddingBatches(engine.embed_ahead, engine.is_embedded,
                                                  observe=self.metrics.embedding_batch.observe,
                                                  then=engine.prepare)
        self.ready.set()

    def load(self) -> None:
        if self.engine is not None:
            self._engine_ready(self.engine)
            return
        try:
            self.engine = self.engine_factory(self.settings)
            self._engine_ready(self.engine)
            log.info("engine ready")
        except Exception as exc:
            self.load_error = f"{type(exc).__name__}: {exc}"
            log.error("engine failed to load", exc_info=exc)

    def start_loading(self) -> threading.Thread:
        thread = threading.Thread(target=self.load, name="engine-loader", daemon=True)
        thread.start()
        return thread
