"""Share of cases whose escalation level falls inside the expected range, and reason recall."""

from __future__ import annotations

from typing import Any

from assistant.evaluation.metrics.base import MetricContext, breakdowns, fmt, mean
from assistant.evaluation.metrics.escalation import ORDER
from assistant.evaluation.metrics.registry import metric
from assistant.evaluation.observations import ReplyObs
from assistant.evaluation.results import Failure, MetricResult


def in_range(o: ReplyObs) -> bool:
    e = o.case.expect
    level = ORDER[o.escalation_level or "none"]
    low = ORDER[e.min_escalation] if e.min_escalation else 0
    high = ORDER[e.max_escalation] if e.max_escalation else 3
    return low <= level <= high


@metric("escalation_in_range", input="reply")
def escalation_in_range(observations: list[ReplyObs], params: dict[str, Any], ctx: MetricContext) -> MetricResult:
    cases = [o for o in observations if o.escalation_level and (o.case.expect.min_escalation or o.case.expect.max_escalation)]
    scored = [(o, 1.0 if in_range(o) else 0.0) for o in cases]
    value = mean(s for _, s in scored)
    failures = [
        Failure(case_id=o.case_id, metric="escalation_in_range", message=o.case.message,
                draft=f"{o.escalation_level} ({', '.join(o.escalation_reasons) or 'no signals'})",
                why=f"expected {o.case.expect.min_escalation or 'none'}..{o.case.expect.max_escalation or 'high'}")
        for o, s in scored if not s and params.get("failures", True)
    ]
    return MetricResult(
        name="escalation_in_range", value=value, count=len(scored),
        reason=f"{sum(s for _, s in scored):.0f} of {len(scored)} cases escalated within the expected range: {fmt(value)}",
        breakdowns=breakdowns(scored, by_language=lambda o: o.case.expect.language, by_market=lambda o: o.case.market,
                              by_intent=lambda o: o.case.expect.intent),
        failures=failures,
    )
