"""Language identification accuracy of customer messages, with its confusion matrix."""

from __future__ import annotations

from typing import Any

from assistant.evaluation.metrics.base import MetricContext, breakdowns, fmt, mean
from assistant.evaluation.metrics.confusion import confusion
from assistant.evaluation.metrics.registry import metric
from assistant.evaluation.observations import LabelObs
from assistant.evaluation.results import Failure, MetricResult
from assistant.taxonomy import LANGUAGES


@metric("language_accuracy", input="language")
def language_accuracy(observations: list[LabelObs], params: dict[str, Any], ctx: MetricContext) -> MetricResult:
    scored = [(o, 1.0 if o.correct else 0.0) for o in observations]
    value = mean(s for _, s in scored)
    failures = [
        Failure(case_id=o.case_id, metric="language_accuracy", message=o.text, draft=o.predicted,
                why=f"message is {o.expected}, detected {o.predicted}")
        for o, s in scored if not s and params.get("failures", True)
    ]
    used = [lang for lang in LANGUAGES if any(lang in (o.expected, o.predicted) for o in observations)]
    return MetricResult(
        name="language_accuracy", value=value, count=len(scored),
        reason=f"{sum(s for _, s in scored):.0f} of {len(scored)} messages detected as their language: {fmt(value)}",
        breakdowns=breakdowns(scored, by_language=lambda o: o.expected, by_market=lambda o: o.market),
        extra={"confusion": confusion(observations, labels=used).model_dump()},
        failures=failures,
    )
