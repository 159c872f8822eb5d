"""Customer value from the RFM table sellers use (thresholds from the seed course material)."""

from __future__ import annotations

from assistant.models import Customer, CustomerValue


def _r(days: int) -> int:
    for limit, score in ((90, 5), (180, 4), (360, 3), (720, 2)):
        if days <= limit:
            return score
    return 1


def _f(orders: int) -> int:
    return 5 if orders >= 5 else max(1, orders)


def _m(spent: float) -> int:
    for limit, score in ((1000, 5), (500, 4), (200, 3), (100, 2)):
        if spent >= limit:
            return score
    return 1


def customer_value(customer: Customer | None, high_value_min: int = 12) -> CustomerValue | None:
    """RFM scores; ``None`` when the request carries no order history to score."""
    if customer is None or (
        customer.days_since_last_order is None and customer.orders_count is None
        and customer.total_spent_usd is None
    ):
        return None
    r = _r(customer.days_since_last_order if customer.days_since_last_order is not None else 10_000)
    f = _f(customer.orders_count or 0)
    m = _m(customer.total_spent_usd or 0.0)
    total = r + f + m
    return CustomerValue(r=r, f=f, m=m, total=total, high_value=customer.vip or total >= high_value_min)
