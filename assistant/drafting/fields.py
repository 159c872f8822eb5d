"""Request fields are data: what of a caller's name and order fields may enter a draft.

A draft quotes the customer's name, the order and tracking numbers, the carrier and the
product. Those come from the caller (a help desk, a marketplace export, a customer's own
form), so each is checked before it is used: plain text only (no markup, no link, no
template braces, no control characters), a length cap, and for identifiers only the
characters identifiers are made of. A field that fails is left out of the draft (its
sentence falls back to the wording without it) and named, so an agent can see why.
"""

from __future__ import annotations

import re
import unicodedata

# field → longest value a draft may quote
MAX_LENGTH = {"name": 60, "order_number": 40, "tracking_number": 40, "carrier": 40, "product": 80}
IDENTIFIERS = frozenset({"order_number", "tracking_number"})
IDENTIFIER = re.compile(r"#?[A-Za-z0-9][A-Za-z0-9 ._/-]*")
UNSAFE = re.compile(r"[<>{}`\\]|://|www\.|\bjavascript:|\[\s*[^\]]*\]\s*\(", re.IGNORECASE)


def clean_field(field: str, value: str) -> str | None:
    """The value as plain text fit for a draft, or None when it must not be quoted."""
    text = unicodedata.normalize("NFKC", value).strip()
    if not text or len(text) > MAX_LENGTH.get(field, 80):
        return None
    if any(unicodedata.category(ch)[0] == "C" for ch in text):  # control, format, private use
        return None
    if UNSAFE.search(text):
        return None
    if field in IDENTIFIERS and not IDENTIFIER.fullmatch(text):
        return None
    return text
