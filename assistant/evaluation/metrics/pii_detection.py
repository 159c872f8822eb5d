"""What the personal-data metrics share: an expected item counts as found when one reported
span covers all of its value; an identifier that is not personal data counts as a false
positive when any reported span overlaps it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from assistant.evaluation.metrics.base import fmt, ratio
from assistant.evaluation.observations import PiiDetectionObs, SpanObs
from assistant.evaluation.results import Failure, MetricResult


def _found(o: PiiDetectionObs) -> str:
    return "; ".join(f"{f.kind}: {f.text}" for f in o.found) or "nothing detected"


def item_recall(name: str, observations: list[PiiDetectionObs], params: dict[str, Any],
                counts: Callable[[SpanObs], bool], what: str) -> MetricResult:
    """Share of the expected items that ``counts`` selects which a reported span covers,
    by kind and by language."""
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_language: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    failures = []
    for o in observations:
        for item in o.expected:
            if not counts(item):
                continue
            hit = o.covered(item)
            for key, table in ((item.kind, by_kind), (o.language or "?", by_language)):
                table[key][0] += hit
                table[key][1] += 1
            if not hit and params.get("failures", True):
                failures.append(Failure(case_id=o.case_id, metric=name, message=o.message, draft=_found(o),
                                        why=f"{item.kind} '{item.text}' not covered by any reported span"))
    hits = sum(v[0] for v in by_kind.values())
    total = sum(v[1] for v in by_kind.values())
    value = ratio(hits, total)
    breakdowns = {"by_kind": {k: ratio(*v) for k, v in sorted(by_kind.items())},
                  "by_language": {k: ratio(*v) for k, v in sorted(by_language.items())}}
    return MetricResult(
        name=name, value=value, count=total,
        reason=f"{hits} of {total} {what} covered by a reported span: {fmt(value)}",
        breakdowns={k: {kk: vv for kk, vv in v.items() if vv is not None} for k, v in breakdowns.items() if v},
        failures=failures,
    )
