"""Hit rate@k: the share of queries with at least one relevant document in the top k."""

from __future__ import annotations

from typing import Any

from assistant.evaluation.metrics.base import MetricContext, breakdowns, fmt, mean
from assistant.evaluation.metrics.registry import metric
from assistant.evaluation.observations import RetrievalObs
from assistant.evaluation.results import MetricResult


@metric("hit_rate_at_k", input="retrieval", peer=True)
def hit_rate_at_k(observations: list[RetrievalObs], params: dict[str, Any], ctx: MetricContext) -> MetricResult:
    k = int(params.get("k", 1))
    scored = [(o, 1.0 if set(o.relevant) & set(o.ranked[:k]) else 0.0) for o in observations]
    value = mean(s for _, s in scored)
    return MetricResult(
        name=f"hit_rate_at_{k}", value=value, count=len(scored),
        reason=f"queries with a relevant document in the top {k}: {fmt(value)} of {len(scored)}",
        breakdowns=breakdowns(scored, by_language=lambda o: o.language, by_market=lambda o: o.market),
    )
