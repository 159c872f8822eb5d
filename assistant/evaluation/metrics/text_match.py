"""Phrase matching shared by must_include / must_not_include (not a metric itself).

Normalisation makes the check about content, not typography: NFKC (full-width digits),
case-folding, one kind of dash, no spaces around a dash ("7 – 14" = "7-14"), collapsed
whitespace. A purely numeric phrase must stand alone as a number, so "500" does not match
inside "1500" or an order number.
"""

from __future__ import annotations

import re
import unicodedata

DASHES = re.compile(r"\s*[\u2010-\u2015\u2212~〜～]\s*|\s+-\s+|\s+-|-\s+")


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = DASHES.sub("-", text)
    return re.sub(r"\s+", " ", text)


def contains(text: str, phrase: str) -> bool:
    haystack, needle = normalize(text), normalize(phrase).strip()
    if not needle:
        return True
    if re.fullmatch(r"[\d.,\-]+", needle):
        return re.search(rf"(?<![\d.,]){re.escape(needle)}(?![\d]|[.,]\d)", haystack) is not None
    return needle in haystack
