"""Escalation precision and recall per level, from the cases' expected ranges.

Cases give a range (``min_escalation``..``max_escalation``), not one level, so each level L
is scored as a threshold decision "escalated to at least L": a case is a positive when its
minimum is ≥ L, a negative when its maximum is < L, and undecided (left out) otherwise.
The headline value is the chosen level (``medium`` by default: where the bot hands off).
"""

from __future__ import annotations

from typing import Any

from assistant.evaluation.metrics.base import MetricContext, fmt, ratio
from assistant.evaluation.metrics.registry import metric
from assistant.evaluation.observations import ReplyObs
from assistant.evaluation.results import Failure, MetricResult

ORDER = {"none": 0, "low": 1, "medium": 2, "high": 3}
LEVELS = ("low", "medium", "high")


def truth(obs: ReplyObs, level: str) -> bool | None:
    e = obs.case.expect
    if e.min_escalation is not None and ORDER[e.min_escalation] >= ORDER[level]:
        return True
    if e.max_escalation is not None and ORDER[e.max_escalation] < ORDER[level]:
        return False
    return None


def counts(observations: list[ReplyObs], level: str) -> tuple[int, int, int, list[tuple[ReplyObs, bool]]]:
    tp = fp = fn = 0
    wrong: list[tuple[ReplyObs, bool]] = []
    for o in observations:
        expected = truth(o, level)
        if expected is None or o.escalation_level is None:
            continue
        predicted = ORDER[o.escalation_level] >= ORDER[level]
        tp += expected and predicted
        fp += (not expected) and predicted
        fn += expected and not predicted
        if expected != predicted:
            wrong.append((o, expected))
    return tp, fp, fn, wrong


def _result(kind: str, observations: list[ReplyObs], params: dict[str, Any]) -> MetricResult:
    level = params.get("level", "medium")
    per_level = {}
    for lv in LEVELS:
        tp, fp, fn, _ = counts(observations, lv)
        value = ratio(tp, tp + fp) if kind == "precision" else ratio(tp, tp + fn)
        if value is not None:
            per_level[lv] = value
    tp, fp, fn, wrong = counts(observations, level)
    value = ratio(tp, tp + fp) if kind == "precision" else ratio(tp, tp + fn)
    by_language: dict[str, float] = {}
    for lang in sorted({o.case.expect.language for o in observations if o.case.expect.language}):
        ltp, lfp, lfn, _ = counts([o for o in observations if o.case.expect.language == lang], level)
        v = ratio(ltp, ltp + lfp) if kind == "precision" else ratio(ltp, ltp + lfn)
        if v is not None:
            by_language[lang] = v
    # Precision reports the over-escalated cases, recall the missed ones.
    failures = [
        Failure(case_id=o.case_id, metric=f"escalation_{kind}", message=o.case.message,
                draft=f"{o.escalation_level} ({', '.join(o.escalation_reasons) or 'no signals'})",
                why=f"expected {'at least' if expected else 'below'} {level}")
        for o, expected in wrong if (expected if kind == "recall" else not expected) and params.get("failures", True)
    ]
    shown = "escalated" if kind == "precision" else "expected"
    denominator = tp + fp if kind == "precision" else tp + fn
    return MetricResult(
        name=f"escalation_{kind}", value=value, count=denominator,
        reason=f"{kind} of 'at least {level}': {tp} right of {denominator} {shown}: {fmt(value)}",
        breakdowns={k: v for k, v in {"by_level": per_level, "by_language": by_language}.items() if v},
        failures=failures,
    )


@metric("escalation_precision", input="reply")
def escalation_precision(observations: list[ReplyObs], params: dict[str, Any], ctx: MetricContext) -> MetricResult:
    return _result("precision", observations, params)


@metric("escalation_recall", input="reply")
def escalation_recall(observations: list[ReplyObs], params: dict[str, Any], ctx: MetricContext) -> MetricResult:
    return _result("recall", observations, params)
