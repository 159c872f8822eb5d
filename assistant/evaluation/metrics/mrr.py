"""Mean reciprocal rank of the first relevant document (0 when none is retrieved)."""

from __future__ import annotations

from typing import Any

from assistant.evaluation.metrics.base import MetricContext, breakdowns, fmt, mean
from assistant.evaluation.metrics.registry import metric
from assistant.evaluation.observations import RetrievalObs
from assistant.evaluation.results import MetricResult


def reciprocal_rank(obs: RetrievalObs, depth: int) -> float:
    relevant = set(obs.relevant)
    for rank, doc_id in enumerate(obs.ranked[:depth], 1):
        if doc_id in relevant:
            return 1.0 / rank
    return 0.0


@metric("mrr", input="retrieval", peer=True)
def mrr(observations: list[RetrievalObs], params: dict[str, Any], ctx: MetricContext) -> MetricResult:
    depth = int(params.get("depth", 10))
    scored = [(o, reciprocal_rank(o, depth)) for o in observations]
    value = mean(s for _, s in scored)
    return MetricResult(
        name="mrr", value=value, count=len(scored),
        reason=f"mean 1/rank of the first relevant document (within {depth}) over {len(scored)} queries: {fmt(value)}",
        breakdowns=breakdowns(scored, by_language=lambda o: o.language, by_market=lambda o: o.market),
    )
