"""Typed request and response models: the contract at every boundary (API, CLI, batch, eval)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from assistant.taxonomy import MARKETS, EscalationLevel

OrderStatus = Literal[
    "unpaid", "paid", "awaiting_shipment", "shipped", "in_transit", "delivered", "returned", "cancelled",
]
Marketplace = Literal["aliexpress", "amazon", "ebay", "shopify"]
Channel = Literal["email", "chat", "marketplace", "review", "social"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class OrderItem(_Strict):
    sku: str | None = Field(default=None, max_length=64)
    name: str | None = Field(default=None, max_length=200)
    quantity: int = Field(default=1, ge=1, le=10_000)
    price: float | None = Field(default=None, ge=0)


class Order(_Strict):
    order_number: str | None = Field(default=None, max_length=64)
    status: OrderStatus | None = None
    marketplace: Marketplace | None = None
    market: str | None = None
    shipping_method: Literal["economy", "standard", "express"] | None = None
    carrier: str | None = Field(default=None, max_length=64)
    tracking_number: str | None = Field(default=None, max_length=64)
    ordered_at: dt.date | None = None
    shipped_at: dt.date | None = None
    delivered_at: dt.date | None = None
    items: list[OrderItem] = Field(default=[], max_length=200)
    total: float | None = Field(default=None, ge=0)
    currency: str = Field(default="USD", pattern=r"^[A-Z]{3}$")


class Customer(_Strict):
    name: str | None = Field(default=None, max_length=100)
    days_since_last_order: int | None = Field(default=None, ge=0)
    orders_count: int | None = Field(default=None, ge=0)
    total_spent_usd: float | None = Field(default=None, ge=0)
    vip: bool = False


class HistoryMessage(_Strict):
    role: Literal["customer", "agent"] = "customer"
    text: str = Field(min_length=1, max_length=8000)


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

    message: str = Field(min_length=1)
    market: str | None = None
    channel: Channel = "email"
    language: str | None = Field(default=None, pattern=r"^[a-z]{2}$", description="Override language detection.")
    order: Order | None = None
    customer: Customer | None = None
    history: list[HistoryMessage] = Field(default=[], max_length=50)
    drafts: int | None = Field(default=None, ge=1, le=3)

    @field_validator("market")
    @classmethod
    def _market(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.upper()
        if value == "GB":
            value = "UK"
        if value not in MARKETS:
            raise ValueError(f"unknown market {value!r}; use one of {', '.join(MARKETS)}")
        return value

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


class Suggestion(BaseModel):
    language: str
    language_confidence: float
    intent: str
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
    entities: dict[str, Any] = {}
    customer_value: CustomerValue | None = None
    verification: list[dict[str, Any]] = []
    suggestion_id: str = ""
    timings: dict[str, float] = {}


class AutoReply(Suggestion):
    action: Literal["reply", "handoff"]
    reply: str | None = None
    reason: str
