"""``find_pii`` skips detector families that cannot match (too few digits, no password
word); what it finds must be what every family finds on every text, with the known
identifiers (order and tracking numbers) blanked first."""

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.understanding import pii
from assistant.understanding.pii import PiiItem, find_pii
from assistant.understanding.pii.identifiers import DEFAULT_IDENTIFIERS, identifier_spans
from assistant.understanding.pii.text import fold, mask


def _every_detector(text: str) -> list[PiiItem]:
    """The detector without its shortcuts (and with known identifiers looked for in any text)."""
    folded = fold(text)
    return pii.detect(folded, mask(folded, identifier_spans(folded, DEFAULT_IDENTIFIERS)), gates=False)


SAMPLES = [
    "card 4111 1111 1111 1111, order 8123456789012345",
    "IBAN DE89 3704 0044 0532 0130 00 please refund there",
    "IBAN GB82WEST12345698765432 and phone +44 20 7946 0958",
    "my CPF is 123.456.789-09, mobile 13812345678, customs P123456789012",
    "call me on 06 12 34 56 78 or mail jan@example.nl, password: hunter22",
    "We will refund within 7 days; returns are free for 30 days (up to 15 EUR).",
    "NO9386011117947",
    "ali siparişi 3019283746150293 2 kasımda verdim",
    "卡号4111111111111111谢谢 单号LP00691827364512",
    "DHL 4839201756, tel. 0612345678, passport C7KH2N0X5",
    "Hauptstraße 112, 69117 Heidelberg",
]


def test_the_shortcuts_find_what_every_detector_finds_on_samples() -> None:
    for text in SAMPLES:
        assert find_pii(text) == _every_detector(text), text


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(
    st.sampled_from([*SAMPLES, "DE89", "+49", "(0)", " ", "-", ".", "P", "1", "00", "@x.io", "GB82 WEST",
                     "order ", "DHL ", "passport ", "tel ", " at ", " dot com", "rue ", "str. "]),
    st.text(alphabet="0123456789 -+().ABCDEFGPWXYZ", max_size=12),
), max_size=8))
def test_the_shortcuts_find_what_every_detector_finds(parts: list[str]) -> None:
    text = "".join(parts)
    assert find_pii(text) == _every_detector(text)
