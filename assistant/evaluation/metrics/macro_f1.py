"""Macro-F1 over the expected labels, with the confusion matrix for the heat map.

Only labels that occur among the expected ones are averaged: a class no case expects has
no recall to speak of, and averaging its 0 would punish the suite's coverage, not the model.
"""

from __future__ import annotations

from typing import Any

from assistant.evaluation.metrics.base import MetricContext, fmt, rounded
from assistant.evaluation.metrics.confusion import confusion
from assistant.evaluation.metrics.registry import metric
from assistant.evaluation.observations import LabelObs
from assistant.evaluation.results import MetricResult
from assistant.taxonomy import INTENTS


@metric("macro_f1", input="intent")
def macro_f1(observations: list[LabelObs], params: dict[str, Any], ctx: MetricContext) -> MetricResult:
    matrix = confusion(observations, labels=list(INTENTS))
    per_label = matrix.f1_per_label()
    expected = sorted({o.expected for o in observations})
    scores = [per_label[label] for label in expected]
    value = rounded(sum(scores) / len(scores)) if scores else None
    worst = sorted(expected, key=lambda label: per_label[label])[:3]
    return MetricResult(
        name="macro_f1", value=value, count=len(observations),
        reason=f"mean F1 over {len(expected)} intents: {fmt(value)}; weakest: "
        + ", ".join(f"{label} {per_label[label]:.2f}" for label in worst),
        breakdowns={"by_intent": {label: rounded(per_label[label]) for label in expected}},
        extra={"confusion": matrix.model_dump()},
    )
