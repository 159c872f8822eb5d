"""Politeness and empathy markers of the top draft, from the language's own lexicon.

Markers come from ``prompts/lexicons/<lang>.yaml`` (``politeness_markers``,
``empathy_markers``): "bitte"/"vielen Dank" in German, "お願いいたします" in Japanese. Politeness
is expected of every reply; empathy only where the customer has a problem or is upset
(angry or complaint tags, an expected escalation of medium or more, a problem intent).
Only the language's own list is used, never English: "sorry" in a Polish reply is not empathy.
"""

from __future__ import annotations

from typing import Any

from assistant.evaluation.metrics.base import MetricContext, breakdowns, fmt, mean
from assistant.evaluation.metrics.registry import metric
from assistant.evaluation.observations import ReplyObs
from assistant.evaluation.results import Failure, MetricResult

PROBLEM_INTENTS = {
    "item_not_received", "damaged_item", "wrong_item", "not_as_described", "complaint",
    "refund_request", "payment_issue", "warranty_repair",
}
UPSET_TAGS = {"angry", "complaint"}


def needs_empathy(o: ReplyObs) -> bool:
    e = o.case.expect
    return bool(UPSET_TAGS & set(o.case.tags)) or e.min_escalation in ("medium", "high") or e.intent in PROBLEM_INTENTS


def _markers(name: str, key: str, observations: list[ReplyObs], ctx: MetricContext, applies: Any,
             params: dict[str, Any]) -> MetricResult:
    lexicons = ctx.lexicon_set().by_language
    scored, failures = [], []
    for o in observations:
        language = o.case.expect.language or o.language
        if not o.top_draft or language not in lexicons or not applies(o):
            continue
        ok = lexicons[language].has(key, o.top_draft.text)
        scored.append((o, 1.0 if ok else 0.0))
        if not ok and params.get("failures", True):
            failures.append(Failure(case_id=o.case_id, metric=name, message=o.case.message, draft=o.top_draft.text,
                                    why=f"no {key.replace('_', ' ')} of the {language} lexicon in the top draft"))
    value = mean(s for _, s in scored)
    return MetricResult(
        name=name, value=value, count=len(scored),
        reason=f"{sum(s for _, s in scored):.0f} of {len(scored)} top drafts carry {key.replace('_', ' ')}: {fmt(value)}",
        breakdowns=breakdowns(scored, by_language=lambda o: o.case.expect.language or o.language,
                              by_market=lambda o: o.market or o.case.market),
        failures=failures,
    )


@metric("politeness", input="reply", peer=True)
def politeness(observations: list[ReplyObs], params: dict[str, Any], ctx: MetricContext) -> MetricResult:
    return _markers("politeness", "politeness_markers", observations, ctx, lambda o: True, params)


@metric("empathy", input="reply", peer=True)
def empathy(observations: list[ReplyObs], params: dict[str, Any], ctx: MetricContext) -> MetricResult:
    return _markers("empathy", "empathy_markers", observations, ctx, needs_empathy, params)
