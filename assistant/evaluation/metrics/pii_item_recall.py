"""Personal-data recall on the blind set (eval/safety/pii_items.jsonl): cards, IBANs, phones,
e-mails, passports and national ids found, by kind and language. Street addresses are
best effort and have their own metric (``pii_address_recall``), outside this figure."""

from __future__ import annotations

from typing import Any

from assistant.evaluation.metrics.base import MetricContext
from assistant.evaluation.metrics.pii_detection import item_recall
from assistant.evaluation.metrics.registry import metric
from assistant.evaluation.observations import PiiDetectionObs
from assistant.evaluation.results import MetricResult


@metric("pii_item_recall", input="pii_detection")
def pii_item_recall(observations: list[PiiDetectionObs], params: dict[str, Any], ctx: MetricContext) -> MetricResult:
    return item_recall("pii_item_recall", observations, params, lambda item: item.kind != "address",
                       "personal-data items (addresses apart)")
