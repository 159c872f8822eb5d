"""What a draft may say: placeholder values and where each comes from.

Values come from two places only: facts of the knowledge base (for the customer's market;
each remembers its document so the draft can cite it) and the request's order and customer
context. Nothing else can put a number into an offline draft.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from assistant.drafting.fields import clean_field
from assistant.kb.facts import KnowledgeBase
from assistant.models import CustomerValue, Order, ReplyRequest

# Placeholder → fact key in the knowledge base, when the names differ.
FACT_KEYS = {
    "hours": "first_response_hours",
    "lost_no_update_days": "lost_no_update_days",
}
FACT_PLACEHOLDERS = ["return_window_days", "standard_days", "economy_days", "express_days", "local_warehouse_days", "handling_days", "refund_processing_days", "refund_bank_days", "electronics_warranty_months", "legal_guarantee_months", "apparel_warranty_days", "cancel_refund_hours", "payment_review_hours", "preauth_release_days", "unpaid_cancel_hours", "welcome_discount_percent", "invoice_days", "account_deletion_days", "reset_link_minutes", "unsubscribe_hours", "lost_no_update_days", "damage_report_days", "return_postage_cap_usd", "free_shipping_over_usd", "tracking_first_scan_days", "hours"]


class DraftValues(BaseModel):
    values: dict[str, str] = {}
    sources: dict[str, str] = {}  # placeholder -> doc id (absent for order/customer context)
    rejected: list[str] = []  # request fields left out of drafts (markup, links, too long)

    def quote(self, field: str, value: str | None) -> None:
        """Use a caller-supplied field in drafts if it is fit to quote (see fields.py)."""
        if not value:
            return
        clean = clean_field(field, value)
        if clean is None:
            self.rejected.append(field)
        else:
            self.values[field] = clean


def days_between(start: dt.date | None, end: dt.date) -> int | None:
    return (end - start).days if start and end >= start else None


def build_values(
    kb: KnowledgeBase,
    market: str,
    request: ReplyRequest,
    value: CustomerValue | None,
    today: dt.date,
) -> DraftValues:
    out = DraftValues()
    for placeholder in FACT_PLACEHOLDERS:
        fact = kb.fact(FACT_KEYS.get(placeholder, placeholder), market)
        if fact is not None:
            out.values[placeholder] = fact.value
            out.sources[placeholder] = fact.doc_id
    high = bool(value and value.high_value)
    for placeholder, key, fmt in (
        ("coupon_amount", "coupon_cap_vip_usd" if high else "coupon_cap_usd", "US${}"),
        ("partial_percent", "partial_refund_cap_vip_percent" if high else "partial_refund_cap_percent", "{}"),
    ):
        fact = kb.fact(key, market)
        if fact is not None:
            out.values[placeholder] = fmt.format(fact.value)
            out.sources[placeholder] = fact.doc_id
    _order_values(out, request.order, today)
    if request.customer:
        out.quote("name", request.customer.name)
    return out


def _order_values(out: DraftValues, order: Order | None, today: dt.date) -> None:
    if order is None:
        return
    out.quote("order_number", order.order_number)
    out.quote("tracking_number", order.tracking_number)
    out.quote("carrier", order.carrier)
    if order.status in ("shipped", "in_transit"):
        days = days_between(order.shipped_at, today)
        if days is not None:
            out.values["days_in_transit"] = str(days)
    if order.items:
        item = order.items[0]
        out.quote("product", item.name or item.sku)
