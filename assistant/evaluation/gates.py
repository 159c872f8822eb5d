"""Gates: ``metric: ">= 0.90"`` in a suite; a failed gate makes ``eval`` exit non-zero.

A gate on a metric that was not computed, or computed as not applicable, fails: a gate
that silently passes because its metric vanished would hide exactly the regression it
guards against.
"""

from __future__ import annotations

import operator
import re

from assistant.errors import InputError
from assistant.evaluation.results import GateResult, MetricResult

OPERATORS = {">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt, "==": operator.eq}
THRESHOLD = re.compile(r"^\s*(>=|<=|==|>|<)\s*(-?\d+(?:\.\d+)?)\s*$")


def parse_threshold(text: str) -> tuple[str, float]:
    match = THRESHOLD.match(text)
    if not match:
        raise InputError(f"gate threshold {text!r}: write it as '>= 0.9', '<= 250', '== 1.0'")
    return match.group(1), float(match.group(2))


def check(gates: dict[str, str], metrics: list[MetricResult]) -> list[GateResult]:
    by_name = {m.name: m for m in metrics}
    out = []
    for name, threshold in gates.items():
        op, bound = parse_threshold(threshold)
        result = by_name.get(name)
        value = result.value if result else None
        passed = value is not None and OPERATORS[op](value, bound)
        out.append(GateResult(metric=name, threshold=f"{op} {bound:g}", value=value, passed=passed))
    return out
