"""The offline drafter: deterministic replies composed from localized building blocks.

A draft is greeting → opening (empathy fitted to intent and escalation) → body (intent and
situation specific, filled with facts) → resolutions the plan and the customer's value allow
→ questions → next step with a time commitment → closing and sign-off. Sentences whose
facts are unknown are dropped (or replaced by their fact-free alternative), so a draft never
says a number that is not in a cited source or the order context.
"""

from __future__ import annotations

import string
from collections.abc import Callable

from pydantic import BaseModel

from assistant.drafting.context import DraftValues
from assistant.drafting.packs import DraftPlan, IntentPlan, Pack, Plans, Sentence, placeholders
from assistant.models import Draft, Escalation

NO_SPACE_LANGS = {"ja", "zh"}
# Intents whose reply should name the parcel when the order has a tracking number.
TRACKING_INTENTS = {"item_not_received", "complaint", "refund_request", "contact_human", "cancel_order"}


class DraftRequest(BaseModel):
    language: str
    intent: str
    situation: str = "default"
    escalation: Escalation
    formality: str = "formal"
    repeat_contact: bool = False
    follow_up: bool = False
    values: DraftValues = DraftValues()
    retrieved: list[str] = []  # doc ids of the best sources, most relevant first
    drafts: int = 3
    high_value: bool = False


def _fill(text: str, values: dict[str, str]) -> str | None:
    needed = placeholders(text)
    if not needed <= values.keys():
        return None
    return string.Formatter().vformat(text, (), {k: values[k] for k in needed})


def _sentence(item: Sentence, values: dict[str, str], used: set[str]) -> str | None:
    for option in ([item] if isinstance(item, str) else item):
        filled = _fill(option, values)
        if filled is not None:
            used.update(placeholders(option))
            return filled
    return None


def _plan_for(plans: Plans, req: DraftRequest) -> tuple[str, str, list[DraftPlan], str]:
    key = "follow_up" if req.follow_up else req.intent
    plan: IntentPlan = plans.intents.get(key) or plans.intents["other"]
    situation = plan.situations.get(req.situation)
    tone = (situation.tone if situation and situation.tone else plan.tone)
    opening = (situation.opening if situation and situation.opening else plan.opening)
    drafts = situation.drafts if situation else plan.drafts
    if req.escalation.level == "high" and opening in ("apology", "concern", "thanks"):
        opening, tone = "strong_apology", "empathetic"
    elif req.escalation.level == "medium" and opening in ("concern", "thanks") and key != "other":
        opening = "apology"
    return key, tone, drafts, opening


class OfflineDrafter:
    def __init__(self, plans: Plans, pack_for: Callable[[str], Pack]) -> None:
        self.plans = plans
        self.pack_for = pack_for

    def draft(self, req: DraftRequest) -> list[Draft]:
        pack = self.pack_for(req.language)
        key, tone, plans, opening = _plan_for(self.plans, req)
        return [self._compose(pack, req, key, tone, opening, plan) for plan in plans[: max(1, req.drafts)]]

    def _compose(
        self, pack: Pack, req: DraftRequest, key: str, tone: str, opening: str, plan: DraftPlan
    ) -> Draft:
        values = req.values.values
        used: set[str] = set()
        joiner = "" if req.language in NO_SPACE_LANGS else " "
        formal = "formal" if req.formality != "informal" else "informal"
        greeting = pack.greeting[f"{formal}_named" if "name" in values else formal]
        greeting = _fill(greeting, values) or pack.greeting[formal]

        first = [pack.opening[opening]]
        if req.repeat_contact:
            first.append(pack.opening["repeat_contact"])

        variants = pack.body.get(key) or pack.body["other"]
        body_items = variants.get(req.situation) or variants["default"]
        body = [s for item in body_items if (s := _sentence(item, values, used))]
        if key in TRACKING_INTENTS and "tracking_number" in values and "tracking_number" not in used:
            # Name the parcel the customer is asking about: borrow the tracking sentence of
            # the track-order wording (same language, same register).
            ref = next((s for item in pack.body["track_order"].get("with_tracking", [])
                        if "{tracking_number}" in str(item) and (s := _sentence(item, values, used))), None)
            if ref:
                body.insert(0, ref)

        # A high-value customer's resend goes by Express (policy-compensation).
        resolutions = ["resend_express" if r == "resend" and req.high_value else r for r in plan.resolutions]
        offer = [s for r in resolutions if (s := _sentence(pack.resolution[r], values, used))]
        if len(offer) > 1 and plan.resolutions[0] != "wait_and_monitor":
            offer.append(pack.resolution["choose_prompt"])
        asks = [pack.ask[a] for a in plan.asks if a != "order_number" or "order_number" not in values]
        nxt = []
        if plan.next_step and (s := _sentence(pack.next_step[plan.next_step], values, used)):
            nxt.append(s)

        # Bodies are written in the polite register; the closing stays in it too so a reply
        # never switches from "Sie" to "du" mid-way. Greeting and sign-off follow the culture.
        closing = pack.closing["informal" if req.language == "en" else "formal"]
        paragraphs = [greeting, joiner.join(first), joiner.join(body), joiner.join(offer + asks),
                      joiner.join(nxt), closing, pack.signoff[formal]]
        text = "\n\n".join(p for p in paragraphs if p.strip())
        citations = _citations(used, req)
        return Draft(text=text, language=req.language, citations=citations, tone=tone,
                     strategy=plan.strategy, generator="offline")


def _citations(used: set[str], req: DraftRequest) -> list[str]:
    """Documents whose facts the draft used, then the best retrieved sources (max 3)."""
    cited = [req.values.sources[p] for p in sorted(used) if p in req.values.sources]
    cited.extend(req.retrieved[:2])
    return list(dict.fromkeys(cited))[:4]
