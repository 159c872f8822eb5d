"""What every metric shares: the context it may read, and breakdown/rounding helpers.

A metric is a pure function ``(observations, params, context) -> MetricResult``. The
context hands out read-only product data (knowledge base, lexicons, token counter) lazily,
so unit tests pass fakes and never build an engine.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from assistant import wiring
from assistant.core.tokens import TokenCounter
from assistant.settings import Settings
from assistant.wiring import Facts, LexiconSet

DIGITS = 4  # every reported value is rounded: reports and baselines diff cleanly


@dataclass
class MetricContext:
    settings: Settings | None = None
    kb: Facts | None = None
    lexicons: LexiconSet | None = None
    count_tokens: Callable[[str], int] | None = None
    today: dt.date | None = None  # the fixed date the engine ran with (day counts in drafts)
    cache: dict[str, Any] = field(default_factory=dict)

    def knowledge(self) -> Facts:
        if self.kb is None:
            assert self.settings is not None, "a metric needs the knowledge base: pass kb or settings"
            self.kb = wiring.load_kb(self.settings)
        return self.kb

    def lexicon_set(self) -> LexiconSet:
        if self.lexicons is None:
            assert self.settings is not None, "a metric needs the lexicons: pass lexicons or settings"
            self.lexicons = wiring.lexicons(self.settings)
        return self.lexicons

    def tokens(self, text: str) -> int:
        if self.count_tokens is None:
            s = self.settings
            self.count_tokens = (wiring.token_counter(s) if s else TokenCounter()).count
        return self.count_tokens(text)

    # The product's own checks, for metrics that score drafts with them.
    @staticmethod
    def language_of(text: str) -> str:
        return wiring.detect_language(text).language

    @staticmethod
    def ungrounded_numbers(text: str, evidence: str) -> list[str]:
        return wiring.ungrounded_numbers(text, evidence)


def rounded(value: float | None) -> float | None:
    return None if value is None else round(float(value), DIGITS)


def ratio(hits: float, total: float) -> float | None:
    return rounded(hits / total) if total else None


def mean(values: Iterable[float]) -> float | None:
    items = list(values)
    return rounded(sum(items) / len(items)) if items else None


def group_mean(pairs: Iterable[tuple[str | None, float]]) -> dict[str, float]:
    """Mean score per key, keys sorted; ``None`` keys are left out (no market given, say)."""
    groups: dict[str, list[float]] = defaultdict(list)
    for key, score in pairs:
        if key is not None:
            groups[key].append(score)
    return {k: rounded(sum(v) / len(v)) for k, v in sorted(groups.items())}  # type: ignore[misc]


def breakdowns(scored: list[tuple[Any, float]], **keys: Callable[[Any], str | None]) -> dict[str, dict[str, float]]:
    """``breakdowns(scored, by_language=lambda o: o.language)`` → {"by_language": {...}}.

    Empty groupings are dropped, so a breakdown only appears where it means something.
    """
    out = {}
    for name, key in keys.items():
        groups = group_mean((key(obs), score) for obs, score in scored)
        if groups:
            out[name] = groups
    return out


def fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
