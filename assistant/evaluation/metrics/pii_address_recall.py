"""Street-address recall on the blind set: best effort (patterns of the markets' address
formats, no model), so reported on its own and not part of ``pii_item_recall``."""

from __future__ import annotations

from typing import Any

from assistant.evaluation.metrics.base import MetricContext
from assistant.evaluation.metrics.pii_detection import item_recall
from assistant.evaluation.metrics.registry import metric
from assistant.evaluation.observations import PiiDetectionObs
from assistant.evaluation.results import MetricResult


@metric("pii_address_recall", input="pii_detection")
def pii_address_recall(observations: list[PiiDetectionObs], params: dict[str, Any],
                       ctx: MetricContext) -> MetricResult:
    return item_recall("pii_address_recall", observations, params, lambda item: item.kind == "address",
                       "street addresses")
