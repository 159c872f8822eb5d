"""What the app holds between requests: settings, the engine (loaded in the background so
``/healthz`` answers at once and ``/readyz`` tells when the models and index are in), the
feedback store, metrics and the rate limiter."""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable

from assistant.api.embedding_batches import EmbeddingBatches
from assistant.api.metrics import Metrics
from assistant.api.security import RateLimiter
from assistant.engine import ReplyEngine
from assistant.feedback.store import FeedbackStore
from assistant.settings import Settings

log = logging.getLogger("assistant.api")


class AppState:
    def __init__(self, settings: Settings, engine: ReplyEngine | None,
                 engine_factory: Callable[[Settings], ReplyEngine], feedback: FeedbackStore | None) -> None:
        self.settings = settings
        self.engine = engine
        self.engine_factory = engine_factory
        self.feedback = feedback or FeedbackStore(settings.data_dir / "feedback.sqlite3")
        self.metrics = Metrics()
        self.limiter = RateLimiter(settings.rate_limit_per_minute)
        # Failed authentications per client address: a few mistakes pass, guessing does not.
        self.auth_failures = RateLimiter(settings.auth_failures_per_minute)
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
