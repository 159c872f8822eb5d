"""Intent accuracy: predicted intent equals the expected one (or one of its accepted alternatives)."""

from __future__ import annotations

from typing import Any

from assistant.evaluation.metrics.base import MetricContext, breakdowns, fmt, mean
from assistant.evaluation.metrics.registry import metric
from assistant.evaluation.observations import LabelObs
from assistant.evaluation.results import Failure, MetricResult


@metric("intent_accuracy", input="intent")
def intent_accuracy(observations: list[LabelObs], params: dict[str, Any], ctx: MetricContext) -> MetricResult:
    scored = [(o, 1.0 if o.correct else 0.0) for o in observations]
    value = mean(s for _, s in scored)
    failures = [
        Failure(case_id=o.case_id, metric="intent_accuracy", message=o.text, draft=o.predicted,
                why=f"expected {o.expected}" + (f" (or {', '.join(o.accepted)})" if o.accepted else "")
                + f", got {o.predicted}" + (f" at {o.confidence:.2f}" if o.confidence is not None else ""))
        for o, s in scored if not s and params.get("failures", True)
    ]
    return MetricResult(
        name="intent_accuracy", value=value, count=len(scored),
        reason=f"{sum(s for _, s in scored):.0f} of {len(scored)} utterances got the expected intent: {fmt(value)}",
        breakdowns=breakdowns(scored, by_language=lambda o: o.language, by_market=lambda o: o.market,
                              by_intent=lambda o: o.expected),
        failures=failures,
    )
