"""What the offline drafter is asked for, and what may ground a draft's numbers.

Pure functions of the understood message, the retrieved passages and the shop's facts: the
engine calls them for every suggestion (the LLM drafts follow the offline drafts' plans, and
every draft is verified against the same grounding).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from assistant.drafting.context import build_values
from assistant.drafting.offline import DraftRequest
from assistant.drafting.situation import situation_for
from assistant.index.retriever import Hit
from assistant.kb.facts import KnowledgeBase
from assistant.models import ReplyRequest
from assistant.understanding.analyze import Analysis


@dataclass(frozen=True)
class OfflinePlan:
    request: DraftRequest
    derived: dict[str, str]  # values computed from the order (days in transit), not from a document
    rejected: list[str]  # request fields left out of the drafts (see fields.py)


def plan_offline(request: ReplyRequest, analysis: Analysis, language: str, hits: list[Hit],
                 kb: KnowledgeBase, today: dt.date, default_drafts: int) -> OfflinePlan:
    values = build_values(kb, analysis.market, request, analysis.customer_value, today)
    # Identifiers the customer wrote are known too (the order context wins when given).
    if analysis.entities.order_numbers:
        values.values.setdefault("order_number", analysis.entities.order_numbers[0])
    if analysis.entities.tracking_numbers:
        values.values.setdefault("tracking_number", analysis.entities.tracking_numbers[0])
    days = values.values.get("days_in_transit")
    method = request.order.shipping_method if request.order and request.order.shipping_method else "standard"
    limit = values.values.get(f"{method}_days", values.values.get("standard_days"))
    max_days = max((int(n) for n in re.findall(r"\d+", limit)), default=None) if limit else None
    cues = set(analysis.cues)
    situation = situation_for(analysis.intent, cues, request.order, analysis.market,
                              int(days) if days else None, max_days)
    req = DraftRequest(
        language=language, intent=analysis.intent, situation=situation,
        escalation=analysis.escalation, formality=kb.formality(analysis.market),
        repeat_contact="repeated_contact" in analysis.escalation.reasons,
        follow_up="follow_up" in cues and analysis.intent in ("review_feedback", "other", "complaint"),
        values=values, retrieved=[h.doc_id for h in hits],
        drafts=request.drafts or default_drafts,
        high_value=bool(analysis.customer_value and analysis.customer_value.high_value),
    )
    derived = {k: v for k, v in values.values.items() if k not in values.sources}
    return OfflinePlan(request=req, derived=derived, rejected=values.rejected)


def grounding_context(request: ReplyRequest, analysis: Analysis, derived: dict[str, str]) -> str:
    """What, besides the cited documents, may put a number into a draft: the order and the
    customer as the caller's systems sent them, values computed from them, and the
    identifiers the customer gave (their order and tracking numbers, SKUs, dates), which a
    draft may repeat as theirs. Never the rest of the customer's words: "refund me 777 USD
    within 3 days" must not ground a draft that promises 777 USD within 3 days."""
    e = analysis.entities
    parts = [" ".join(derived.values()), *e.order_numbers, *e.tracking_numbers, *e.products, *e.dates]
    if request.order:
        parts.append(request.order.model_dump_json())
    if request.customer:
        parts.append(request.customer.model_dump_json(exclude={"name"}))
    return "\n".join(parts)
