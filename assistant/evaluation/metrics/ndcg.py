"""nDCG@k with binary relevance (every listed relevant document counts as 1)."""

from __future__ import annotations

import math
from typing import Any

from assistant.evaluation.metrics.base import MetricContext, breakdowns, fmt, mean
from assistant.evaluation.metrics.registry import metric
from assistant.evaluation.observations import RetrievalObs
from assistant.evaluation.results import MetricResult


def ndcg(obs: RetrievalObs, k: int) -> float:
    relevant = set(obs.relevant)
    dcg = sum(1.0 / math.log2(rank + 1) for rank, d in enumerate(obs.ranked[:k], 1) if d in relevant)
    ideal = sum(1.0 / math.log2(rank + 1) for rank in range(1, min(k, len(relevant)) + 1))
    return dcg / ideal if ideal else 0.0


@metric("ndcg_at_k", input="retrieval", peer=True)
def ndcg_at_k(observations: list[RetrievalObs], params: dict[str, Any], ctx: MetricContext) -> MetricResult:
    k = int(params.get("k", 5))
    scored = [(o, ndcg(o, k)) for o in observations]
    value = mean(s for _, s in scored)
    return MetricResult(
        name=f"ndcg_at_{k}", value=value, count=len(scored),
        reason=f"mean nDCG@{k} (binary relevance) over {len(scored)} queries: {fmt(value)}",
        breakdowns=breakdowns(scored, by_language=lambda o: o.language, by_market=lambda o: o.market),
    )
