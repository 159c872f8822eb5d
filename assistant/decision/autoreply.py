"""The auto-reply decision: answer common questions, hand everything else to a person.

The bot answers only when all of these hold, and otherwise says which one failed first:
in scope, no request for a human, not abusive, no prompt-injection attempt, escalation
none or low, no problem reported (a parcel stuck or held, a double charge: a routine
question wrapped around a problem is a problem), no bank or card details shared, the
intent on the allow-list, the intent confidence and the retrieval support above their
thresholds, and the draft verified.
"""

from __future__ import annotations

from pydantic import BaseModel

from assistant.taxonomy import INTENT_GROUPS


class AutoReplyPolicy(BaseModel):
    allowed_intents: list[str]
    min_intent_confidence: float = 0.55
    min_retrieval_score: float = 0.30


# Situation cues (prompts/lexicons) that turn a routine question into a case for a person.
PROBLEM_CUES = frozenset({
    "in_transit_long", "tracking_abnormal", "customs", "refused", "delivered_not_received",
    "returned_to_sender", "wrong_address", "missing_item", "double_charge", "counterfeit", "follow_up",
})
PROBLEM_SITUATIONS = frozenset({"in_transit_too_long", "tracking_abnormal", "customs_hold", "delivered_not_received",
                                "returned_to_sender", "wrong_address", "buyer_refused", "double_charge"})
# Data a bot must not handle alone: payment details and identity documents.
SENSITIVE_PII = frozenset({"card", "iban", "national_id", "passport"})


class Decision(BaseModel):
    action: str  # reply | handoff
    reason: str


def decide(
    policy: AutoReplyPolicy,
    intent: str,
    intent_confidence: float,
    escalation_level: str,
    escalation_reasons: list[str],
    retrieval_score: float,
    draft_verified: bool,
    cues: frozenset[str] | set[str] = frozenset(),
    situation: str = "default",
    pii_kinds: frozenset[str] | set[str] = frozenset(),
) -> Decision:
    def handoff(reason: str) -> Decision:
        return Decision(action="handoff", reason=reason)

    if intent == "other":
        return handoff("out_of_scope")
    if intent == "contact_human" or "human_request" in escalation_reasons:
        return handoff("human_requested")
    if {"insult", "profanity"} & set(escalation_reasons):
        return handoff("abusive_message")
    if "prompt_injection" in escalation_reasons:
        return handoff("prompt_injection")
    if escalation_level in ("medium", "high"):
        return handoff(f"escalation_{escalation_level}")
    # Pre-sale questions use the same words ("how long does it take", "VAT") without a
    # problem behind them; after an order, they describe one.
    if INTENT_GROUPS.get(intent) != "presale" and ((set(cues) & PROBLEM_CUES) or situation in PROBLEM_SITUATIONS):
        return handoff("problem_reported")
    if set(pii_kinds) & SENSITIVE_PII:
        return handoff("sensitive_data")
    if intent not in policy.allowed_intents:
        return handoff(f"intent_not_automated:{intent}")
    if intent_confidence < policy.min_intent_confidence:
        return handoff("low_intent_confidence")
    if retrieval_score < policy.min_retrieval_score:
        return handoff("low_retrieval_support")
    if not draft_verified:
        return handoff("draft_failed_verification")
    return Decision(action="reply", reason="common_question")
