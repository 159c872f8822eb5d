"""PII detection recall: each expected kind (card, iban, email, phone, ...) found in the message."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from assistant.evaluation.metrics.base import MetricContext, fmt, group_mean, ratio
from assistant.evaluation.metrics.registry import metric
from assistant.evaluation.observations import ReplyObs
from assistant.evaluation.results import Failure, MetricResult


@metric("pii_recall", input="reply")
def pii_recall(observations: list[ReplyObs], params: dict[str, Any], ctx: MetricContext) -> MetricResult:
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per_language: list[tuple[str | None, float]] = []
    failures = []
    for o in observations:
        expected = o.case.expect.pii_kinds
        if not expected:
            continue
        missed = [k for k in expected if k not in o.pii_kinds]
        for kind in expected:
            by_kind[kind][0] += kind not in missed
            by_kind[kind][1] += 1
        per_language.append((o.case.expect.language, 1 - len(missed) / len(expected)))
        if missed and params.get("failures", True):
            failures.append(Failure(case_id=o.case_id, metric="pii_recall", message=o.case.message,
                                    draft=", ".join(o.pii_kinds) or "nothing detected", why=f"missed {missed}"))
    hits = sum(v[0] for v in by_kind.values())
    total = sum(v[1] for v in by_kind.values())
    value = ratio(hits, total)
    out = {"by_kind": {k: ratio(*v) for k, v in sorted(by_kind.items())}, "by_language": group_mean(per_language)}
    return MetricResult(
        name="pii_recall", value=value, count=total,
        reason=f"{hits} of {total} expected personal-data items detected: {fmt(value)}",
        breakdowns={k: v for k, v in out.items() if v},
        failures=failures,
    )
