"""False positives of the personal-data detector (eval/safety/pii_negatives.jsonl): the share
of identifiers that are not personal data (order and tracking numbers, SKUs, amounts,
dates, postal codes, barcodes) that a reported span overlaps. Lower is better."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from assistant.evaluation.metrics.base import MetricContext, fmt, ratio
from assistant.evaluation.metrics.registry import metric
from assistant.evaluation.observations import PiiDetectionObs
from assistant.evaluation.results import Failure, MetricResult


@metric("pii_false_positive_rate", input="pii_detection")
def pii_false_positive_rate(observations: list[PiiDetectionObs], params: dict[str, Any],
                            ctx: MetricContext) -> MetricResult:
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_language: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    failures = []
    for o in observations:
        for ident in o.identifiers:
            hits = o.overlapping(ident)
            for key, table in ((ident.kind, by_kind), (o.language or "?", by_language)):
                table[key][0] += bool(hits)
                table[key][1] += 1
            if hits and params.get("failures", True):
                failures.append(Failure(
                    case_id=o.case_id, metric="pii_false_positive_rate", message=o.message,
                    draft="; ".join(f"{f.kind}: {f.text}" for f in hits),
                    why=f"{ident.kind} '{ident.text}' is not personal data but was reported"))
    flagged = sum(v[0] for v in by_kind.values())
    total = sum(v[1] for v in by_kind.values())
    value = ratio(flagged, total)
    return MetricResult(
        name="pii_false_positive_rate", value=value, count=total, higher_is_better=False,
        reason=f"{flagged} of {total} non-personal identifiers overlapped by a reported span: {fmt(value)}",
        breakdowns={"by_kind": {k: ratio(*v) for k, v in sorted(by_kind.items())},
                    "by_language": {k: ratio(*v) for k, v in sorted(by_language.items())}} if total else {},
        failures=failures,
    )
