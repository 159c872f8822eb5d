"""``find_pii`` skips patterns that cannot match (too few digits, no IBAN start); what it
finds must be what running every pattern finds."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.understanding import pii
from assistant.understanding.pii import PiiItem, find_pii


def _every_pattern(text: str) -> list[PiiItem]:
    """The detector without its shortcuts: every pattern on every text, in the same order."""
    items: list[PiiItem] = []

    def add(kind: str, m: re.Match[str], group: int = 0) -> None:
        start, end = m.span(group)
        if not any(i.start < end and start < i.end for i in items):
            items.append(PiiItem(kind=kind, start=start, end=end))

    for m in pii.EMAIL.finditer(text):
        add("email", m)
    for m in pii.PASSWORD.finditer(text):
        add("password", m, 1)
    for m in pii.CARD.finditer(text):
        if pii._is_card(m.group()):
            add("card", m)
    for m in pii.IBAN.finditer(text):
        if pii.iban_ok(m.group()):
            add("iban", m)
    for pattern, kind in ((pii.CPF, "national_id"), (pii.KR_CUSTOMS_CODE, "national_id"), (pii.CN_MOBILE, "phone")):
        for m in pattern.finditer(text):
            add(kind, m)
    for m in pii.PHONE.finditer(text):
        if 8 <= len(re.sub(r"\D", "", m.group())) <= 15:
            add("phone", m)
    return sorted(items, key=lambda i: i.start)


SAMPLES = [
    "card 4111 1111 1111 1111, order 8123456789012345",
    "IBAN DE89 3704 0044 0532 0130 00 please refund there",
    "IBAN GB82WEST12345698765432 and phone +44 20 7946 0958",
    "my CPF is 123.456.789-09, mobile 13812345678, customs P123456789012",
    "call me on 06 12 34 56 78 or mail jan@example.nl, password: hunter22",
    "We will refund within 7 days; returns are free for 30 days (up to 15 EUR).",
    "NO9386011117947",
]


def test_the_shortcuts_find_what_every_pattern_finds_on_samples() -> None:
    for text in SAMPLES:
        assert find_pii(text) == _every_pattern(text), text


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(
    st.sampled_from([*SAMPLES, "DE89", "+49", "(0)", " ", "-", ".", "P", "1", "00", "@x.io", "GB82 WEST"]),
    st.text(alphabet="0123456789 -+().ABCDEFGPWXYZ", max_size=12),
), max_size=8))
def test_the_shortcuts_find_what_every_pattern_finds(parts: list[str]) -> None:
    text = "".join(parts)
    assert find_pii(text) == _every_pattern(text)
