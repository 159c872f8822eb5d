"""Understanding a message end to end: the first stage of every suggestion and auto-reply."""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel

from assistant.models import CustomerValue, Entities, Escalation, PiiItem, ReplyRequest
from assistant.taxonomy import DEFAULT_MARKET_FOR_LANGUAGE, LANGUAGES, Intent, Language
from assistant.understanding.customer import customer_value
from assistant.understanding.entities import extract_entities
from assistant.understanding.escalation import assess_escalation
from assistant.understanding.intent import IntentClassifier
from assistant.understanding.language import detect_language
from assistant.understanding.lexicon import Lexicons
from assistant.understanding.pii import find_pii, redact

# Rough USD rates, only to decide whether an order is "high value" for escalation.
USD_RATES = {"USD": 1.0, "EUR": 1.08, "GBP": 1.27, "BRL": 0.18, "JPY": 0.0067, "RUB": 0.011,
             "PLN": 0.25, "TRY": 0.03, "KRW": 0.00073, "CNY": 0.14, "SAR": 0.27, "AED": 0.27,
             "AUD": 0.66, "CAD": 0.73}


class Analysis(BaseModel):
    language: Language
    language_confidence: float
    intent: Intent
    intent_confidence: float
    intent_alternatives: list[tuple[str, float]] = []
    escalation: Escalation
    entities: Entities
    pii_kinds: list[str]
    pii_values: list[str] = []  # the raw personal data found: no draft may contain any of it
    redacted_message: str
    cues: list[str]
    market: str
    customer_value: CustomerValue | None = None
    earlier_customer_messages: int = 0


def _order_value_usd(request: ReplyRequest) -> float | None:
    order = request.order
    if order is None or order.total is None:
        return None
    return order.total * USD_RATES.get(order.currency, 1.0)


class Analyzer:
    def __init__(self, classifier: IntentClassifier, lexicons: Lexicons, high_value_min: int) -> None:
        """``high_value_min``: the RFM total from which a customer counts as high value (the
        knowledge base's ``vip_rfm_min`` fact)."""
        self.classifier = classifier
        self.lexicons = lexicons
        self.high_value_min = high_value_min
        # The API batches a message's embedding ahead of ``analyze``, so each message is
        # scanned for personal data twice: the last few results are kept (items are frozen).
        self._pii = lru_cache(maxsize=64)(self._find_pii)

    def embedding_inputs(self, request: ReplyRequest) -> list[str]:
        """The text ``analyze`` embeds (the redacted message), for batching ahead of it."""
        return [redact(request.message, self._personal_data(request.message))]

    def _personal_data(self, text: str) -> list[PiiItem]:
        return list(self._pii(text))

    def _find_pii(self, text: str) -> tuple[PiiItem, ...]:
        return tuple(find_pii(text))

    def analyze(self, request: ReplyRequest) -> Analysis:
        text = request.message
        pii = self._personal_data(text)
        redacted = redact(text, pii)
        market_hint = request.market or (request.order.market if request.order and request.order.market else None)
        hint_lang = request.language or (
            next((lang for lang, m in DEFAULT_MARKET_FOR_LANGUAGE.items() if m == market_hint), None)
        )
        earlier = [h.text for h in request.history if h.role == "customer"]
        conversation = None
        if earlier and request.language not in LANGUAGES:
            conversation = detect_language(redact(earlier[-1]), hint=hint_lang,
                                           cue_votes=self.lexicons.politeness_votes).language
        if request.language in LANGUAGES:
            language, lang_conf = request.language, 1.0
        else:
            guess = detect_language(redacted, hint=hint_lang, cue_votes=self.lexicons.politeness_votes,
                                    conversation=conversation)
            language, lang_conf = guess.language, guess.confidence
        market = market_hint or DEFAULT_MARKET_FOR_LANGUAGE.get(language, "US")

        prediction = self.classifier.predict(redacted)
        # A short follow-up ("any news??") means what the thread means: classify it with
        # the previous customer message when it is vague on its own.
        if earlier and (len(re.findall(r"\w+", redacted)) < 5 or prediction.confidence < 0.4):
            with_context = self.classifier.predict(redact(earlier[-1]) + "\n" + redacted)
            if with_context.confidence > prediction.confidence:
                prediction = with_context

        value = customer_value(request.customer, self.high_value_min)
        escalation = assess_escalation(
            redacted + "\n" + "\n".join(earlier[-2:]) if earlier else redacted,
            language, self.lexicons,
            earlier_customer_messages=len(earlier),
            order_value_usd=_order_value_usd(request),
            high_value_customer=bool(value and value.high_value),
            intent=prediction.intent,
        )
        return Analysis(
            language=language, language_confidence=lang_conf,
            intent=prediction.intent, intent_confidence=prediction.confidence,
            intent_alternatives=prediction.alternatives, escalation=escalation,
            entities=extract_entities(redacted), pii_kinds=sorted({p.kind for p in pii}),
            pii_values=[text[p.start:p.end] for p in pii],
            redacted_message=redacted, cues=sorted(self.lexicons.cues(redacted, language)),
            market=market, customer_value=value, earlier_customer_messages=len(earlier),
        )
