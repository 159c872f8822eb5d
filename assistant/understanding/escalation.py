"""Escalation level and its reasons, from the message, the thread and the order context.

Each signal has a weight; the level is read off the total. Threats of a chargeback or legal
action alone make a case high; anger alone makes it medium; a polite question with an
urgent deadline stays low. Weights are data-like constants here because they encode
support policy, and the eval suite's escalation cases pin them down.
"""

from __future__ import annotations

import re

from assistant.models import Escalation
from assistant.taxonomy import EscalationLevel
from assistant.understanding.lexicon import Lexicons

WEIGHTS = {
    "legal_threat": 3.0, "chargeback_threat": 3.0, "insult": 3.0, "profanity": 2.0,
    "dispute_threat": 2.0, "review_threat": 2.0, "anger": 1.5, "repeated_contact": 1.5,
    "human_request": 0.5, "urgency": 0.5, "high_order_value": 0.5, "vip_customer": 0.5,
    "prompt_injection": 1.5,
}
LEXICON_SIGNALS = {
    "threat_legal": "legal_threat", "threat_chargeback": "chargeback_threat", "insult": "insult",
    "profanity": "profanity", "threat_dispute": "dispute_threat", "threat_review": "review_threat",
    "anger": "anger", "repeated_contact": "repeated_contact", "human_request": "human_request",
    "urgency": "urgency", "injection": "prompt_injection",
}


# Injection attempts are mostly written in English whatever the customer's language; the
# lexicons add localized phrasings. This catches the word-order variants lists miss.
INJECTION = re.compile(
    r"(?i)\b(?:ignore|disregard|forget|override)\b[\w\s,']{0,30}?\b(?:instructions?|rules|prompt|guidelines|policy)\b"
    r"|\b(?:system|developer)\s+(?:prompt|message|mode)\b|\byou\s+are\s+now\b|\bact\s+as\b.{0,30}\b(?:bot|ai|assistant)\b"
)


def _shouting(text: str) -> bool:
    letters = [c for c in text if c.isalpha() and c.isascii()]
    upper = sum(c.isupper() for c in letters)
    return (len(letters) >= 12 and upper / len(letters) > 0.6) or bool(re.search(r"[!?！？]{3,}", text))


def level_for(score: float) -> EscalationLevel:
    if score >= 3.0:
        return "high"
    if score >= 1.5:
        return "medium"
    if score >= 0.5:
        return "low"
    return "none"


def assess_escalation(
    text: str,
    language: str,
    lexicons: Lexicons,
    earlier_customer_messages: int = 0,
    order_value_usd: float | None = None,
    high_value_customer: bool = False,
    intent: str | None = None,
    high_order_value_usd: float = 200.0,
) -> Escalation:
    reasons = [LEXICON_SIGNALS[key] for key in lexicons.matching(LEXICON_SIGNALS, text, language)]
    if "prompt_injection" not in reasons and INJECTION.search(text):
        reasons.append("prompt_injection")
    if "anger" not in reasons and _shouting(text):
        reasons.append("anger")
    if "repeated_contact" not in reasons and earlier_customer_messages >= 2:
        reasons.append("repeated_contact")
    if order_value_usd is not None and order_value_usd >= high_order_value_usd:
        reasons.append("high_order_value")
    if high_value_customer:
        reasons.append("vip_customer")
    score = sum(WEIGHTS[r] for r in reasons)
    if intent == "complaint":
        score += 0.5
    # Context alone (a big order, a valued customer) raises attention, not alarm.
    if set(reasons) <= {"high_order_value", "vip_customer", "urgency", "human_request"}:
        score = min(score, 1.0)
    reasons.sort(key=lambda r: -WEIGHTS[r])
    return Escalation(level=level_for(score), reasons=reasons)
