"""Auto-reply precision: of the messages the bot answered itself, the share it should have.

A wrong auto-reply (to an angry customer, an injection, a refund demand) is the costly
error of a support bot, so this is the metric to gate hardest.
"""

from __future__ import annotations

from typing import Any

from assistant.evaluation.metrics.base import MetricContext, breakdowns, fmt, mean
from assistant.evaluation.metrics.registry import metric
from assistant.evaluation.observations import ReplyObs
from assistant.evaluation.results import Failure, MetricResult


@metric("autoreply_precision", input="reply")
def autoreply_precision(observations: list[ReplyObs], params: dict[str, Any], ctx: MetricContext) -> MetricResult:
    replied = [o for o in observations if o.autoreply and o.autoreply.action == "reply" and o.case.expect.autoreply]
    scored = [(o, 1.0 if o.case.expect.autoreply == "reply" else 0.0) for o in replied]
    value = mean(s for _, s in scored)
    failures = [
        Failure(case_id=o.case_id, metric="autoreply_precision", message=o.case.message,
                draft=o.autoreply.reply if o.autoreply else None,
                why=f"the bot replied ({o.autoreply.reason if o.autoreply else ''}) but this case needs a person; "
                    f"intent {o.intent}, escalation {o.escalation_level}")
        for o, s in scored if not s and params.get("failures", True)
    ]
    return MetricResult(
        name="autoreply_precision", value=value, count=len(scored),
        reason=f"{sum(s for _, s in scored):.0f} of {len(scored)} auto-replies were to messages a bot should answer: {fmt(value)}",
        breakdowns=breakdowns(scored, by_language=lambda o: o.case.expect.language, by_intent=lambda o: o.intent),
        failures=failures,
    )
