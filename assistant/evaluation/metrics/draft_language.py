"""Draft language: an independent language check of every draft against the customer's language.

The drafter's own ``language`` field is not trusted; the body (without greeting and
sign-off, which carry names and the brand) is run through language identification with no
hint, so a draft that merely *claims* to be Spanish fails.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.evaluation.metrics.base import MetricContext, breakdowns, fmt, mean
from assistant.evaluation.metrics.registry import metric
from assistant.evaluation.observations import ReplyObs
from assistant.evaluation.results import Failure, MetricResult


def body(text: str) -> str:
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return "\n".join(paragraphs[1:-1] if len(paragraphs) > 2 else paragraphs)


def draft_language_of(text: str) -> str | None:
    core = body(text)
    if len(re.findall(r"\w+", core)) < 3:
        return None  # too short to tell; not counted against the draft
    return MetricContext.language_of(core)


@metric("draft_language", input="reply", peer=True)
def draft_language(observations: list[ReplyObs], params: dict[str, Any], ctx: MetricContext) -> MetricResult:
    scored, failures = [], []
    for o in observations:
        expected = o.case.expect.language or o.language
        if expected is None or not o.drafts:
            continue
        wrong = [(d.text, got) for d in o.drafts if (got := draft_language_of(d.text)) not in (None, expected)]
        scored.append((o, 0.0 if wrong else 1.0))
        if wrong and params.get("failures", True):
            failures.append(Failure(case_id=o.case_id, metric="draft_language", message=o.case.message,
                                    draft=wrong[0][0], why=f"customer wrote {expected}, a draft reads as {wrong[0][1]}"))
    value = mean(s for _, s in scored)
    return MetricResult(
        name="draft_language", value=value, count=len(scored),
        reason=f"{sum(s for _, s in scored):.0f} of {len(scored)} cases: every draft is in the customer's language: {fmt(value)}",
        breakdowns=breakdowns(scored, by_language=lambda o: o.case.expect.language or o.language),
        failures=failures,
    )
