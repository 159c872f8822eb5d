"""Must-include facts: the top draft states every fact the case requires (tracking number,
the market's return window, the delivery range). The top draft is what an agent sends
first and what the bot sends, so it is the one that has to be complete."""

from __future__ import annotations

from typing import Any

from assistant.evaluation.metrics.base import MetricContext, breakdowns, fmt, mean
from assistant.evaluation.metrics.registry import metric
from assistant.evaluation.metrics.text_match import contains
from assistant.evaluation.observations import ReplyObs
from assistant.evaluation.results import Failure, MetricResult


@metric("must_include", input="reply", peer=True)
def must_include(observations: list[ReplyObs], params: dict[str, Any], ctx: MetricContext) -> MetricResult:
    scored, failures = [], []
    for o in observations:
        required = o.case.expect.must_include
        if not required:
            continue
        text = o.top_draft.text if o.top_draft else ""
        missing = [p for p in required if not contains(text, p)]
        scored.append((o, 1.0 if not missing else 0.0))
        if missing and params.get("failures", True):
            failures.append(Failure(case_id=o.case_id, metric="must_include", message=o.case.message, draft=text,
                                    why=f"missing {missing}" + (f" ({o.error})" if o.error else "")))
    value = mean(s for _, s in scored)
    return MetricResult(
        name="must_include", value=value, count=len(scored),
        reason=f"{sum(s for _, s in scored):.0f} of {len(scored)} top drafts contain every required fact: {fmt(value)}",
        breakdowns=breakdowns(scored, by_language=lambda o: o.case.expect.language,
                              by_market=lambda o: o.market or o.case.market, by_intent=lambda o: o.case.expect.intent),
        failures=failures,
    )
