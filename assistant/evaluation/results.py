"""The report's value objects: what a metric, a gate, a failed case and a suite produce.

These models *are* the stable schema of ``report.json`` (``REPORT_VERSION`` is bumped on any
incompatible change); the Markdown and HTML renderers read nothing else.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, computed_field

REPORT_VERSION = 1


class Failure(BaseModel):
    """One case that failed one check, with enough context to act on it without re-running."""

    case_id: str
    metric: str
    message: str = ""  # the customer's message or the query
    draft: str | None = None  # what we produced (reply text, top documents, predicted label)
    why: str  # what was expected and what was wrong


class MetricResult(BaseModel):
    name: str
    value: float | None  # None = not applicable / skipped; ``reason`` says why
    reason: str
    count: int = 0  # cases that contributed to ``value``
    higher_is_better: bool = True
    # Noisy metrics (wall-clock latency) are compared with a wide tolerance: a busy CI box
    # must not read as a regression.
    noisy: bool = False
    breakdowns: dict[str, dict[str, float]] = {}  # e.g. {"by_language": {"de": 0.93, ...}}
    extra: dict[str, Any] = {}  # confusion matrix, latency samples: what the plots need
    # Failures travel with the metric until the harness collects them into the suite.
    failures: list[Failure] = Field(default=[], exclude=True)


class GateResult(BaseModel):
    metric: str
    threshold: str  # as written in the suite, e.g. ">= 0.90"
    value: float | None
    passed: bool


class MetricDelta(BaseModel):
    metric: str
    baseline: float
    value: float | None
    delta: float | None
    regression: bool


class PeerResult(BaseModel):
    """The same suite's metrics for the naive pipeline (side by side in the reports)."""

    name: str
    description: str
    metrics: list[MetricResult] = []


class SuiteResult(BaseModel):
    name: str
    kind: str
    description: str = ""
    cases: int = 0
    duration_s: float = 0.0
    metrics: list[MetricResult] = []
    gates: list[GateResult] = []
    failures: list[Failure] = []
    peer: PeerResult | None = None
    deltas: list[MetricDelta] = []  # filled when a baseline is compared
    errors: list[str] = []  # cases the product could not process (never silently dropped)

    @computed_field  # type: ignore[prop-decorator]  # pydantic's documented form
    @property
    def passed(self) -> bool:
        """Every gate passed and no case crashed the product (a crash is a bug, whatever the scores)."""
        return all(g.passed for g in self.gates) and not self.errors

    def metric(self, name: str) -> MetricResult | None:
        return next((m for m in self.metrics if m.name == name), None)


class Report(BaseModel):
    version: int = REPORT_VERSION
    started_at: str
    duration_s: float
    generator: str = "offline"  # offline | llm: which drafting path produced the replies
    eval_date: str = ""  # the fixed "today" the engine ran with (reply texts depend on it)
    baseline: str | None = None
    suites: list[SuiteResult] = []

    @computed_field  # type: ignore[prop-decorator]  # pydantic's documented form
    @property
    def passed(self) -> bool:
        return all(s.passed for s in self.suites)
