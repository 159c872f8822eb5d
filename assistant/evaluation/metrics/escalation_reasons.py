"""Recall of the expected escalation reasons (``chargeback_threat``, ``insult``, ...)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from assistant.evaluation.metrics.base import MetricContext, fmt, ratio
from assistant.evaluation.metrics.registry import metric
from assistant.evaluation.observations import ReplyObs
from assistant.evaluation.results import Failure, MetricResult


@metric("escalation_reason_recall", input="reply")
def escalation_reason_recall(observations: list[ReplyObs], params: dict[str, Any], ctx: MetricContext) -> MetricResult:
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    failures = []
    for o in observations:
        expected = o.case.expect.escalation_reasons
        missing = [r for r in expected if r not in o.escalation_reasons]
        for reason in expected:
            found[reason][0] += reason not in missing
            found[reason][1] += 1
        if missing and params.get("failures", True):
            failures.append(Failure(case_id=o.case_id, metric="escalation_reason_recall", message=o.case.message,
                                    draft=", ".join(o.escalation_reasons) or "no signals",
                                    why=f"missed {missing}"))
    hits = sum(v[0] for v in found.values())
    total = sum(v[1] for v in found.values())
    value = ratio(hits, total)
    return MetricResult(
        name="escalation_reason_recall", value=value, count=total,
        reason=f"{hits} of {total} expected escalation reasons detected: {fmt(value)}",
        breakdowns={"by_reason": {k: ratio(*v) for k, v in sorted(found.items())}} if found else {},
        failures=failures,
    )
