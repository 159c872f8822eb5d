"""Recall@k: the share of a query's relevant documents found in the top k.

The denominator is ``min(k, |relevant|)``: a query with four acceptable documents is
perfectly served by three of them in the top 3, so 1.0 stays reachable at every k.
"""

from __future__ import annotations

from typing import Any

from assistant.evaluation.metrics.base import MetricContext, breakdowns, fmt, mean
from assistant.evaluation.metrics.registry import metric
from assistant.evaluation.observations import RetrievalObs
from assistant.evaluation.results import Failure, MetricResult


def recall(obs: RetrievalObs, k: int) -> float:
    relevant = set(obs.relevant)
    found = len(relevant & set(obs.ranked[:k]))
    return found / min(k, len(relevant))


@metric("recall_at_k", input="retrieval", peer=True)
def recall_at_k(observations: list[RetrievalObs], params: dict[str, Any], ctx: MetricContext) -> MetricResult:
    k = int(params.get("k", 3))
    scored = [(o, recall(o, k)) for o in observations]
    value = mean(s for _, s in scored)
    failures = [
        Failure(case_id=o.case_id, metric=f"recall_at_{k}", message=o.query, draft=", ".join(o.ranked[:k]),
                why=f"no relevant document in the top {k}; expected one of {o.relevant}")
        for o, s in scored if s == 0 and params.get("failures", True)
    ]
    return MetricResult(
        name=f"recall_at_{k}", value=value, count=len(scored),
        reason=f"mean share of relevant documents in the top {k} (capped at {k}) over {len(scored)} queries: {fmt(value)}",
        breakdowns=breakdowns(scored, by_language=lambda o: o.language, by_market=lambda o: o.market),
        failures=failures,
    )
