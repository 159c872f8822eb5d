"""Citation validity: every cited document exists and applies to the customer's market.

A German customer's reply that cites the US returns policy is as wrong as one citing a
document that does not exist: the agent would quote the wrong rules.
"""

from __future__ import annotations

from typing import Any

from assistant.evaluation.metrics.base import MetricContext, breakdowns, fmt, mean
from assistant.evaluation.metrics.registry import metric
from assistant.evaluation.observations import ReplyObs
from assistant.evaluation.results import Failure, MetricResult


def invalid_citations(citations: list[str], market: str | None, ctx: MetricContext) -> list[str]:
    kb = ctx.knowledge()
    bad = []
    for doc_id in citations:
        doc = kb.docs.get(doc_id)
        if doc is None:
            bad.append(f"{doc_id} (unknown)")
        elif not doc.meta.applies_to(market):
            bad.append(f"{doc_id} (not for {market})")
    return bad


@metric("citation_validity", input="reply", peer=True)
def citation_validity(observations: list[ReplyObs], params: dict[str, Any], ctx: MetricContext) -> MetricResult:
    require = bool(params.get("require_citation", False))
    scored, failures = [], []
    for o in observations:
        market = o.market or o.case.market
        for d in o.drafts:
            bad = invalid_citations(d.citations, market, ctx)
            if require and not d.citations:
                bad.append("no citation")
            scored.append((o, 0.0 if bad else 1.0))
            if bad and params.get("failures", True):
                failures.append(Failure(case_id=o.case_id, metric="citation_validity", message=o.case.message,
                                        draft=d.text, why=f"{d.strategy} draft cites {bad}"))
    value = mean(s for _, s in scored)
    return MetricResult(
        name="citation_validity", value=value, count=len(scored),
        reason=f"{sum(s for _, s in scored):.0f} of {len(scored)} drafts cite only existing documents for the market: {fmt(value)}",
        breakdowns=breakdowns(scored, by_language=lambda o: o.case.expect.language,
                              by_market=lambda o: o.market or o.case.market),
        failures=failures,
    )
