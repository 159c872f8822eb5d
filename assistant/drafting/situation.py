"""Which variant of an intent's reply applies: from the order's status and the message's cues.

Pure functions: the same order and cues always give the same situation.
"""

from __future__ import annotations

from assistant.models import Order

BEFORE_SHIPMENT = {"unpaid", "paid", "awaiting_shipment"}
AFTER_SHIPMENT = {"shipped", "in_transit", "delivered"}
EU = {"DE", "FR", "ES", "IT", "NL", "PL", "PT"}
CUSTOMS_GROUP = {**dict.fromkeys(EU, "eu"), "UK": "uk", "US": "us", "CA": "other", "AU": "au", "BR": "br"}

INR_CUES = (  # checked in this order: the most specific cause first
    ("customs", "customs_hold"),
    ("refused", "buyer_refused"),
    ("returned_to_sender", "returned_to_sender"),
    ("delivered_not_received", "delivered_not_received"),
    ("wrong_address", "wrong_address"),
    ("tracking_abnormal", "tracking_abnormal"),
    ("in_transit_long", "in_transit_too_long"),
)


def situation_for(
    intent: str, cues: set[str], order: Order | None, market: str,
    days_in_transit: int | None = None, max_transit_days: int | None = None,
) -> str:
    status = order.status if order else None
    if intent == "item_not_received":
        if status == "delivered":
            return "delivered_not_received"
        if status == "returned":
            return "returned_to_sender"
        for cue, situation in INR_CUES:
            if cue in cues:
                return situation
        if days_in_transit is not None and max_transit_days is not None and days_in_transit > max_transit_days:
            return "in_transit_too_long"
        return "default"
    if intent == "track_order":
        if status in ("paid", "awaiting_shipment"):
            return "awaiting_shipment"
        if order and order.tracking_number:
            return "with_tracking"
        return "no_tracking" if order else "default"
    if intent in ("cancel_order", "change_order", "change_shipping_address"):
        if status in BEFORE_SHIPMENT:
            return "before_shipment"
        if status in AFTER_SHIPMENT:
            return "after_shipment"
        return "default"
    if intent == "payment_issue":
        for cue in ("double_charge", "declined", "under_review"):
            if cue in cues:
                return cue
        if "payment_not_received" in cues or status == "unpaid":
            return "not_received"
        return "default"
    if intent == "customs_duties":
        return CUSTOMS_GROUP.get(market, "other")
    if intent == "wrong_item" and "missing_item" in cues:
        return "missing_item"
    if intent == "not_as_described":
        for cue in ("counterfeit", "size", "quality"):
            if cue in cues:
                return cue
        return "default"
    if intent == "review_feedback":
        if "negative_review" in cues:
            return "negative"
        if "positive_review" in cues:
            return "positive"
        return "default"
    if intent == "account_management" and "delete_account" in cues:
        return "delete"
    return "default"
