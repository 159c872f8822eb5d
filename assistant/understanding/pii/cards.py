"""Payment cards: a card-like digit grouping, an issuer's prefix and length, and the Luhn check.

The issuer test is what tells a card from an order number that passes Luhn by chance (one in
ten does): AliExpress orders start with 8, Coupang's with 1, EAN-13 barcodes have 13 digits,
which only an old Visa card had.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

RUN = re.compile(r"(?<![0-9])\d(?:[ .-]?\d){11,}(?![0-9])")
GROUP = re.compile(r"\d+")


def luhn_ok(digits: str) -> bool:
    total, parity = 0, len(digits) % 2
    for i, ch in enumerate(digits):
        d = int(ch)
        if i % 2 == parity:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _ean13_ok(digits: str) -> bool:
    return len(digits) == 13 and sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10 == 0


def issuer_ok(digits: str) -> bool:
    """An issuer (IIN) range with its card lengths: Visa, Amex, Mastercard, Mir, UnionPay,
    JCB, Diners, Discover, Troy, Maestro, Elo, Hipercard, RuPay."""
    n, p2, p4 = len(digits), int(digits[:2]), int(digits[:4])
    if digits[0] == "4":
        # A 13-digit Visa is a legacy card; a German EAN-13 (400-440) that passes both checks
        # is far more likely a barcode.
        return n in (16, 19) or (n == 13 and not (400 <= int(digits[:3]) <= 440 and _ean13_ok(digits)))
    if p2 in (34, 37):
        return n == 15
    if 51 <= p2 <= 55 or 2221 <= p4 <= 2720:
        return n == 16
    if 2200 <= p4 <= 2204 or 3528 <= p4 <= 3589 or p2 == 62:
        return 16 <= n <= 19
    if p2 in (36, 38, 39) or 300 <= int(digits[:3]) <= 305:
        return 14 <= n <= 19
    if p4 == 9792:
        return n == 16
    if p4 == 3841:
        return n in (16, 19)
    return digits[0] in "56" and 16 <= n <= 19


def is_card(digits: str) -> bool:
    return 13 <= len(digits) <= 19 and issuer_ok(digits) and luhn_ok(digits)


def _card_shape(lengths: list[int]) -> bool:
    """Groups as printed on cards: none, fours (the last one shorter), Amex/Diners 4-6-5/4-6-4."""
    if len(lengths) == 1:
        return True
    if lengths in ([4, 6, 5], [4, 6, 4]):
        return True
    return len(lengths) >= 3 and all(n == 4 for n in lengths[:-1]) and 1 <= lengths[-1] <= 4


# Past this many Luhn checks in one text (pages of four-digit groups), card-shaped windows
# are reported without the check: the error is to redact too much, and the cost is bounded.
CHECK_BUDGET = 64


def find(text: str) -> Iterator[tuple[int, int]]:
    budget = CHECK_BUDGET
    for run in RUN.finditer(text):
        groups = [(m.start(), m.end()) for m in GROUP.finditer(text, run.start(), run.end())]
        lengths = [e - s for s, e in groups]
        before = [0]  # digits before each group
        for n in lengths:
            before.append(before[-1] + n)
        i = 0
        while i < len(groups):
            found = None
            if lengths[i] not in (4, 13, 14, 15, 16, 17, 18, 19):
                i += 1  # every card shape starts with four digits or is one group
                continue
            # The longest card-shaped window starting at this group ("4111 1111 1111 1111 2
            # times" is a card followed by a count).
            for j in range(min(len(groups), i + 5), i, -1):
                if not 13 <= before[j] - before[i] <= 19 or not _card_shape(lengths[i:j]):
                    continue
                digits = "".join(text[s:e] for s, e in groups[i:j])
                budget -= 1
                if is_card(digits) if budget > 0 else issuer_ok(digits):
                    found = j
                    break
            if found is None:
                i += 1
            else:
                yield groups[i][0], groups[found - 1][1]
                i = found
