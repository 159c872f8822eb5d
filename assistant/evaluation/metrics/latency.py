"""Latency percentiles per stage (understand, retrieve, draft) and end to end.

Wall-clock numbers depend on the machine and on parallel workers sharing it, so the
metric is marked noisy (baselines compare it with a wide tolerance) and never gated by
default. The samples go to the report for the histogram.
"""

from __future__ import annotations

import math
from typing import Any

from assistant.evaluation.metrics.base import MetricContext, rounded
from assistant.evaluation.metrics.registry import metric
from assistant.evaluation.results import MetricResult


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (no interpolation: stable on small samples)."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]


@metric("latency", input="timed", peer=True)
def latency(observations: list[Any], params: dict[str, Any], ctx: MetricContext) -> MetricResult:
    q = float(params.get("percentile", 95))
    stages: dict[str, list[float]] = {}
    totals: list[float] = []
    for o in observations:
        timings = getattr(o, "timings", {}) or {}
        if not timings:
            continue
        for stage, ms in timings.items():
            if stage != "total_ms":
                stages.setdefault(stage, []).append(ms)
        totals.append(timings.get("total_ms", sum(v for k, v in timings.items() if k != "total_ms")))
    name = f"latency_p{q:g}_ms"
    if not totals:
        return MetricResult(name=name, value=None, reason="no timings recorded", higher_is_better=False, noisy=True)
    value = rounded(percentile(totals, q))
    out = {
        "p50_ms": {s: rounded(percentile(v, 50)) for s, v in stages.items()},
        f"p{q:g}_ms": {s: rounded(percentile(v, q)) for s, v in stages.items()},
    }
    out["p50_ms"]["total"] = rounded(percentile(totals, 50))
    out[f"p{q:g}_ms"]["total"] = value
    return MetricResult(
        name=name, value=value, count=len(totals), higher_is_better=False, noisy=True,
        reason=f"p{q:g} {value:.1f} ms, p50 {percentile(totals, 50):.1f} ms end to end over {len(totals)} cases",
        breakdowns=out,
        extra={"samples_ms": [rounded(t) for t in totals]},
    )
