"""Typed request and response models: the contract at every boundary (API, CLI, batch, eval)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from assistant.taxonomy import MARKETS, EscalationLevel, Intent, Language

OrderStatus = Literal[
    "unpaid", "paid", "awaiting_shipment", "shipped", "in_transit", "delivered", "returned", "cancelled",
]
Marketplace = Literal["aliexpress", "amazon", "ebay", "shopify"]
Channel = Literal["email", "chat", "marketplace", "review", "social"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


_UNSAFE_TEXT = re.compile(r"[\x00\ud800-\udfff]")


def _plain_text(value: str) -> str:
    """No NUL byte and no lone surrogate (they cannot be stored, logged or encoded safely)."""
    bad = _UNSAFE_TEXT.search(value)
    if bad:
        kind = "a NUL byte" if bad.group() == "\x00" else "a lone surrogate (invalid Unicode)"
        raise ValueError(f"text contains {kind} at position {bad.start()}")
    return value


# Every free text a caller sends.
Text = Annotated[str, AfterValidator(_plain_text)]


def normalize_market(value: str | None) -> str | None:
    """Market codes are upper case; GB is written UK, as the knowledge base does."""
    if value is None:
        return None
    _plain_text(value)
    value = value.strip().upper()
    if value == "GB":
        value = "UK"
    if value not in MARKETS:
        raise ValueError(f"unknown market code; use one of {', '.join(MARKETS)}")
    return value


Market = Annotated[str, AfterValidator(normalize_market)]


class OrderItem(_Strict):
    sku: Text | None = Field(default=None, max_length=64)
    name: Text | None = Field(default=None, max_length=200)
    quantity: int = Field(default=1, ge=1, le=10_000)
    price: float | None = Field(default=None, ge=0)


EARLIEST, LATEST = dt.date(2000, 1, 1), dt.date(2100, 12, 31)


def _plausible_date(value: dt.date | None) -> dt.date | None:
    """Order dates between 2000 and 2100: another year is a caller's mistake, and day counts
    (in transit for N days) must not run to thousands of years."""
    if value is not None and not EARLIEST <= value <= LATEST:
        raise ValueError(f"date {value.isoformat()} is outside {EARLIEST.year}-{LATEST.year}")
    return value


Day = Annotated[dt.date, AfterValidator(_plausible_date)]


class Order(_Strict):
    order_number: Text | None = Field(default=None, max_length=64)
    status: OrderStatus | None = None
    marketplace: Marketplace | None = None
    market: Market | None = None
    shipping_method: Literal["economy", "standard", "express"] | None = None
    carrier: Text | None = Field(default=None, max_length=64)
    tracking_number: Text | None = Field(default=None, max_length=64)
    ordered_at: Day | None = None
    shipped_at: Day | None = None
    delivered_at: Day | None = None
    items: list[OrderItem] = Field(default=[], max_length=200)
    total: float | None = Field(default=None, ge=0)
    currency: str = Field(default="USD", pattern=r"^[A-Z]{3}$")


class Customer(_Strict):
    name: Text | None = Field(default=None, max_length=100)
    days_since_last_order: int | None = Field(default=None, ge=0)
    orders_count: int | None = Field(default=None, ge=0)
    total_spent_usd: float | None = Field(default=None, ge=0)
    vip: bool = False


class HistoryMessage(_Strict):
    role: Literal["customer", "agent"] = "customer"
    text: Text = Field(min_length=1, max_length=8000)


class ReplyRequest(_Strict):
    """One customer message and its optional context (the batch line without ``id``)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{
            "message": "Hola, mi pedido 8123456789012345 no ha llegado y ya pasaron 5 semanas!!",
            "market": "ES", "channel": "marketplace",
            "order": {"order_number": "8123456789012345", "status": "in_transit",
                      "carrier": "Cainiao", "tracking_number": "LP00123456789012",
                      "shipped_at": "2026-10-01", "marketplace": "aliexpress"},
        }]},
    )

    message: Text = Field(min_length=1)
    market: Market | None = None
    channel: Channel = "email"
    language: str | None = Field(default=None, pattern=r"^[a-z]{2}$", description="Override language detection.")
    order: Order | None = None
    customer: Customer | None = None
    history: list[HistoryMessage] = Field(default=[], max_length=50)
    drafts: int | None = Field(default=None, ge=1, le=3)

    @field_validator("message")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("message is empty")
        return value


class Escalation(BaseModel):
    level: EscalationLevel
    reasons: list[str] = []


class Source(BaseModel):
    doc_id: str
    title: str
    doc_type: str
    score: float
    snippet: str


class Draft(BaseModel):
    text: str
    language: str
    citations: list[str]
    tone: str
    strategy: str = "answer"
    generator: Literal["offline", "llm"] = "offline"


class CustomerValue(BaseModel):
    r: int
    f: int
    m: int
    total: int
    high_value: bool


class DraftIssue(BaseModel):
    model_config = ConfigDict(frozen=True)  # memoised issues are shared between verdicts

    code: str = Field(description="what failed: invalid_citation, ungrounded_number, personal_data, "
                                  "wrong_language, forbidden_phrase, prompt_leak, link, markup, "
                                  "credential_request, empty")
    detail: str


class DraftCheck(BaseModel):
    """The verifier's verdict on one draft (same order as ``drafts``)."""

    strategy: str
    passed: bool
    issues: list[DraftIssue] = []


class Amount(BaseModel):
    value: float
    currency: str
    text: str


class Entities(BaseModel):
    """Details found in the (redacted) message itself."""

    order_numbers: list[str] = []
    tracking_numbers: list[str] = []
    amounts: list[Amount] = []
    dates: list[str] = []
    products: list[str] = []


class PiiItem(BaseModel):
    """Personal data found in a text: its kind and where it is (character offsets)."""

    model_config = ConfigDict(frozen=True)  # found once, shared by the callers that ask again

    kind: str
    start: int
    end: int


class LanguageGuess(BaseModel):
    language: Language
    confidence: float
    method: str  # script | langdetect | lingua | hint | default


class IntentGuess(BaseModel):
    intent: Intent
    confidence: float


class SearchResult(BaseModel):
    """One knowledge-base passage found by ``search`` (the best passage of its document)."""

    doc_id: str
    title: str
    doc_type: str
    score: float
    snippet: str
    heading: str
    passage_id: str
    text: str


class IngestReport(BaseModel):
    added: list[str] = []
    updated: list[str] = []
    removed: list[str] = []
    unchanged: int = 0
    passages_embedded: int = 0
    passages_total: int = 0
    rebuilt: bool = False
    seconds: float = 0.0

    def summary(self) -> str:
        return (
            f"added {len(self.added)}, updated {len(self.updated)}, removed {len(self.removed)}, "
            f"unchanged {self.unchanged} documents; embedded {self.passages_embedded} of "
            f"{self.passages_total} passages in {self.seconds:.2f}s"
        )


class EngineStatus(BaseModel):
    passages: int
    generator: Literal["offline", "llm"]
    languages: list[Language]


class Suggestion(BaseModel):
    language: Language
    language_confidence: float
    intent: Intent
    intent_confidence: float
    escalation: Escalation
    drafts: list[Draft]
    guidance: list[str]
    sources: list[Source]
    pii_redacted: bool
    generator: Literal["offline", "llm"]
    fallback_reason: str | None = None
    market: str
    situation: str = "default"
    cues: list[str] = []
    pii_kinds: list[str] = []
    entities: Entities = Entities()
    customer_value: CustomerValue | None = None
    verification: list[DraftCheck] = []
    suggestion_id: str = ""
    timings: dict[str, float] = {}


class AutoReply(Suggestion):
    action: Literal["reply", "handoff"]
    reply: str | None = None
    reason: str
