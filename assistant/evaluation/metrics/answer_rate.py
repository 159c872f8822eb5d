"""Answer rate on common questions: the share of easy, polite questions the bot answers itself.

The counterweight to handoff recall: a bot that hands everything off is safe and useless.
Cases are those tagged ``common_question`` (``params.tag``) that expect a reply.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from assistant.evaluation.metrics.base import MetricContext, breakdowns, fmt, mean
from assistant.evaluation.metrics.registry import metric
from assistant.evaluation.observations import ReplyObs
from assistant.evaluation.results import Failure, MetricResult


@metric("answer_rate", input="reply")
def answer_rate(observations: list[ReplyObs], params: dict[str, Any], ctx: MetricContext) -> MetricResult:
    tag = params.get("tag", "common_question")
    common = [o for o in observations if tag in o.case.tags and o.case.expect.autoreply != "handoff" and o.autoreply]
    scored = [(o, 1.0 if o.autoreply and o.autoreply.action == "reply" else 0.0) for o in common]
    value = mean(s for _, s in scored)
    why = Counter(o.autoreply.reason.split(":")[0] for o, s in scored if not s and o.autoreply)
    failures = [
        Failure(case_id=o.case_id, metric="answer_rate", message=o.case.message, draft=None,
                why=f"common question handed off: {o.autoreply.reason if o.autoreply else '?'} "
                    f"(intent {o.intent} at {o.intent_confidence})")
        for o, s in scored if not s and params.get("failures", True)
    ]
    out = breakdowns(scored, by_language=lambda o: o.case.expect.language, by_intent=lambda o: o.case.expect.intent)
    if why:
        out["missed_because"] = {k: float(v) for k, v in sorted(why.items())}
    return MetricResult(
        name="answer_rate", value=value, count=len(scored),
        reason=f"{sum(s for _, s in scored):.0f} of {len(scored)} common questions answered by the bot: {fmt(value)}",
        breakdowns=out, failures=failures,
    )
