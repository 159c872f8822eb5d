"""Token cost per case on the LLM path (tiktoken, the configured encoding); 0 offline.

Runners record prompt and completion tokens when an LLM wrote a draft (exact for the naive
pipeline, which builds its own prompt; an estimate from the inputs for ours, whose prompt
lives inside the drafter). The offline drafter costs nothing, and says so.
"""

from __future__ import annotations

from typing import Any

from assistant.evaluation.metrics.base import MetricContext, fmt, group_mean, mean
from assistant.evaluation.metrics.registry import metric
from assistant.evaluation.observations import ReplyObs
from assistant.evaluation.results import MetricResult


@metric("token_cost", input="reply", peer=True)
def token_cost(observations: list[ReplyObs], params: dict[str, Any], ctx: MetricContext) -> MetricResult:
    totals = [(o, float(o.tokens_in + o.tokens_out)) for o in observations]
    value = mean(t for _, t in totals) if totals else None
    llm = sum(1 for o in observations if o.generator == "llm")
    if not llm:
        reason = "offline drafting: no LLM tokens spent"
    else:
        reason = f"mean prompt+completion tokens per case: {fmt(value)} ({llm} of {len(totals)} cases drafted by the LLM)"
    return MetricResult(
        name="token_cost", value=value, count=len(totals), higher_is_better=False, reason=reason,
        breakdowns={k: v for k, v in {
            "by_language": group_mean((o.case.expect.language, t) for o, t in totals),
            "in_out": {"tokens_in": mean(o.tokens_in for o in observations) or 0.0,
                       "tokens_out": mean(o.tokens_out for o in observations) or 0.0},
        }.items() if v and llm},
    )
