"""Grounding: every number in a draft appears in a source it cites, the order or the customer's words.

Uses the verifier's own number check (``ungrounded_numbers``) but builds the evidence
independently of the engine: the cited documents' text, the message and thread, the order
and customer JSON, and day counts between the order's dates and the evaluation date (a
draft may say "your parcel has been on its way for 52 days").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from assistant.evaluation.metrics.base import MetricContext, breakdowns, fmt, mean
from assistant.evaluation.metrics.registry import metric
from assistant.evaluation.observations import ReplyObs
from assistant.evaluation.results import Failure, MetricResult


def evidence(o: ReplyObs, citations: list[str], ctx: MetricContext) -> str:
    kb = ctx.knowledge()
    parts = [kb.text(c) for c in citations if c in kb.docs]
    case = o.case
    parts += [case.message, *(h.text for h in case.history)]
    if case.order:
        parts.append(case.order.model_dump_json())
        dates = [d for d in (case.order.ordered_at, case.order.shipped_at, case.order.delivered_at) if d]
        today = ctx.today or dt.date.today()
        parts += [str((today - d).days) for d in dates if d <= today]
    if case.customer:
        parts.append(case.customer.model_dump_json())
    return "\n".join(parts)


@metric("grounding", input="reply", peer=True)
def grounding(observations: list[ReplyObs], params: dict[str, Any], ctx: MetricContext) -> MetricResult:
    scored, failures = [], []
    for o in observations:
        if not o.drafts:
            continue
        problems = []
        for d in o.drafts:
            missing = ctx.ungrounded_numbers(d.text, evidence(o, d.citations, ctx))
            if missing:
                problems.append((d.text, missing))
        scored.append((o, 0.0 if problems else 1.0))
        if problems and params.get("failures", True):
            failures.append(Failure(case_id=o.case_id, metric="grounding", message=o.case.message, draft=problems[0][0],
                                    why=f"numbers not in a cited source or the order: {problems[0][1][:5]}"))
    value = mean(s for _, s in scored)
    return MetricResult(
        name="grounding", value=value, count=len(scored),
        reason=f"{sum(s for _, s in scored):.0f} of {len(scored)} cases: every number in every draft is grounded: {fmt(value)}",
        breakdowns=breakdowns(scored, by_language=lambda o: o.case.expect.language,
                              by_intent=lambda o: o.case.expect.intent),
        failures=failures,
    )
