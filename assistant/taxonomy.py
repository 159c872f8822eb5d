"""The contract's closed vocabularies: intents, document types, markets, languages."""

from __future__ import annotations

from typing import Literal, get_args

Intent = Literal[
    # pre-sale
    "product_question", "shipping_options", "delivery_time", "customs_duties",
    "payment_methods", "discount_coupon",
    # order
    "place_order", "payment_issue", "change_order", "change_shipping_address",
    "cancel_order", "track_order", "invoice_request",
    # after-sale
    "item_not_received", "damaged_item", "wrong_item", "not_as_described",
    "return_request", "refund_request", "refund_status", "return_policy",
    "warranty_repair", "complaint", "review_feedback",
    # account
    "account_access", "account_management", "newsletter_subscription",
    # other
    "contact_human", "other",
]
INTENTS: tuple[str, ...] = get_args(Intent)

INTENT_GROUPS: dict[str, str] = {
    **dict.fromkeys(INTENTS[0:6], "presale"),
    **dict.fromkeys(INTENTS[6:13], "order"),
    **dict.fromkeys(INTENTS[13:24], "aftersale"),
    **dict.fromkeys(INTENTS[24:27], "account"),
    "contact_human": "other",
    "other": "other",
}

DocType = Literal["faq", "policy", "playbook", "culture", "tone"]
DOC_TYPES: tuple[str, ...] = get_args(DocType)

EscalationLevel = Literal["none", "low", "medium", "high"]

MARKETS: tuple[str, ...] = (
    "US", "CA", "UK", "DE", "FR", "ES", "IT", "NL", "PL", "PT", "BR", "RU", "TR",
    "SA", "AE", "JP", "KR", "AU", "CN",
)
ALL_MARKETS = "ALL"

Language = Literal[
    "en", "es", "fr", "de", "it", "pt", "ru", "pl", "nl", "tr", "ar", "ja", "ko", "zh",
]
LANGUAGES: tuple[str, ...] = get_args(Language)

# The market a language most likely comes from when the caller does not say (culture
# notes, return windows and shipping times are per market).
DEFAULT_MARKET_FOR_LANGUAGE: dict[str, str] = {
    "en": "US", "es": "ES", "fr": "FR", "de": "DE", "it": "IT", "pt": "BR", "ru": "RU",
    "pl": "PL", "nl": "NL", "tr": "TR", "ar": "SA", "ja": "JP", "ko": "KR", "zh": "CN",
}
