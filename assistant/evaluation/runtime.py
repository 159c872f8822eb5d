"""What one evaluation run shares across suites: the engine, the naive peer, caches.

Built lazily (an intent-only run never loads the naive store) and once (five reply-based
suites over the same case file make one ``suggest`` per case, not five; the bot's decision
is ``decide`` on it). The engine runs with a fixed "today" so replies that count days
since shipping are reproducible. Only the engine's public surface is used.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from assistant.evaluation.metrics.base import MetricContext
from assistant.evaluation.parallel import Progress
from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.engine import ReplyEngine
    from assistant.evaluation.peer.naive_rag import NaiveRag

# Case files date their orders in Sept–Nov 2026; evaluating "as of" a fixed day after them
# keeps day counts ("in transit for 40 days") identical on every run.
DEFAULT_EVAL_DATE = dt.date(2026, 11, 25)

ProgressFactory = Callable[[str], AbstractContextManager[Progress | None]]


def no_progress(label: str) -> AbstractContextManager[Progress | None]:
    return nullcontext(None)


@dataclass
class Runtime:
    settings: Settings
    today: dt.date = DEFAULT_EVAL_DATE
    workers: int = 1
    progress: ProgressFactory = no_progress
    engine_factory: Callable[[Settings], ReplyEngine] | None = None  # tests inject a fake engine
    observations: dict[str, Any] = field(default_factory=dict)  # (kind, case hash) → observation
    _engine: ReplyEngine | None = None
    _naive: NaiveRag | None = None
    _ctx: MetricContext | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def engine(self) -> ReplyEngine:
        with self._lock:
            if self._engine is None:
                if self.engine_factory is not None:
                    self._engine = self.engine_factory(self.settings)
                else:
                    from assistant import wiring

                    today = self.today
                    self._engine = wiring.build_engine(self.settings, clock=lambda: today)
            return self._engine

    def naive(self) -> NaiveRag:
        with self._lock:
            if self._naive is None:
                from assistant import wiring
                from assistant.evaluation.peer.naive_rag import NaiveRag

                self._naive = NaiveRag.build(self.settings, wiring.embedder(),
                                             wiring.token_counter(self.settings).count)
            return self._naive

    def metric_context(self) -> MetricContext:
        with self._lock:
            if self._ctx is None:
                self._ctx = MetricContext(settings=self.settings, today=self.today)
            return self._ctx
