"""Caller input is checked where it enters: markets, dates, identity documents."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from assistant.engine import ReplyEngine
from assistant.models import Order, ReplyRequest, normalize_market


@pytest.mark.parametrize(("given", "market"), [("de", "DE"), (" gb ", "UK"), ("Uk", "UK"), (None, None)])
def test_market_codes_are_normalised(given: str | None, market: str | None) -> None:
    assert normalize_market(given) == market


@pytest.mark.parametrize("bad", ["../../x", "XX", "", "D\x00E"])
def test_unknown_market_codes_are_refused_without_echoing_them(bad: str) -> None:
    with pytest.raises(ValueError, match=r"market|NUL") as caught:
        normalize_market(bad)
    assert bad.strip() == "" or bad.upper() not in str(caught.value)


@pytest.mark.parametrize("day", ["1900-01-01", "9999-12-31"])
def test_order_dates_outside_2000_to_2100_are_refused(day: str) -> None:
    with pytest.raises(ValidationError, match="outside 2000-2100"):
        Order(shipped_at=day)


def test_a_message_with_an_identity_document_is_handed_to_a_person(engine: ReplyEngine) -> None:
    bot = engine.auto_reply(ReplyRequest(message="Can I pay with PayPal? My passport number is C01X00T47.",
                                         market="DE"))
    assert bot.action == "handoff" and "passport" in bot.pii_kinds
