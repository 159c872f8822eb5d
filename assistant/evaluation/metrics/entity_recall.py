"""Entity extraction recall: expected order/tracking numbers (and other entities) found."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from assistant.evaluation.metrics.base import MetricContext, fmt, ratio
from assistant.evaluation.metrics.registry import metric
from assistant.evaluation.observations import ReplyObs
from assistant.evaluation.results import Failure, MetricResult


def _norm(value: str) -> str:
    return value.strip().lstrip("#").upper()


@metric("entity_recall", input="reply")
def entity_recall(observations: list[ReplyObs], params: dict[str, Any], ctx: MetricContext) -> MetricResult:
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    failures = []
    for o in observations:
        missed = []
        for kind, values in o.case.expect.entities.items():
            got = {_norm(str(v)) for v in o.entities.get(kind, [])}
            for wanted in values:
                ok = _norm(str(wanted)) in got
                by_type[kind][0] += ok
                by_type[kind][1] += 1
                if not ok:
                    missed.append(f"{kind}={wanted}")
        if missed and params.get("failures", True):
            failures.append(Failure(case_id=o.case_id, metric="entity_recall", message=o.case.message,
                                    draft=str({k: v for k, v in o.entities.items() if v}), why=f"missed {missed}"))
    hits = sum(v[0] for v in by_type.values())
    total = sum(v[1] for v in by_type.values())
    value = ratio(hits, total)
    return MetricResult(
        name="entity_recall", value=value, count=total,
        reason=f"{hits} of {total} expected entities extracted: {fmt(value)}",
        breakdowns={"by_type": {k: ratio(*v) for k, v in sorted(by_type.items())}} if by_type else {},
        failures=failures,
    )
