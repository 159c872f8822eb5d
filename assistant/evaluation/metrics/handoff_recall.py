"""Handoff recall: of the messages that need a person, the share the bot handed off."""

from __future__ import annotations

from collections import Counter
from typing import Any

from assistant.evaluation.metrics.base import MetricContext, breakdowns, fmt, mean
from assistant.evaluation.metrics.registry import metric
from assistant.evaluation.observations import ReplyObs
from assistant.evaluation.results import Failure, MetricResult


@metric("handoff_recall", input="reply")
def handoff_recall(observations: list[ReplyObs], params: dict[str, Any], ctx: MetricContext) -> MetricResult:
    needed = [o for o in observations if o.case.expect.autoreply == "handoff" and o.autoreply]
    scored = [(o, 1.0 if o.autoreply and o.autoreply.action == "handoff" else 0.0) for o in needed]
    value = mean(s for _, s in scored)
    reasons = Counter(o.autoreply.reason.split(":")[0] for o, s in scored if s and o.autoreply)
    failures = [
        Failure(case_id=o.case_id, metric="handoff_recall", message=o.case.message,
                draft=o.autoreply.reply if o.autoreply else None,
                why=f"needed a person but the bot replied; intent {o.intent}, escalation {o.escalation_level} "
                    f"({', '.join(o.escalation_reasons) or 'no signals'})")
        for o, s in scored if not s and params.get("failures", True)
    ]
    out = breakdowns(scored, by_language=lambda o: o.case.expect.language, by_intent=lambda o: o.case.expect.intent)
    if reasons:
        total = sum(reasons.values())
        out["handoff_reasons"] = {k: round(v / total, 4) for k, v in sorted(reasons.items())}
    return MetricResult(
        name="handoff_recall", value=value, count=len(scored),
        reason=f"{sum(s for _, s in scored):.0f} of {len(scored)} messages needing a person were handed off: {fmt(value)}",
        breakdowns=out, failures=failures,
    )
