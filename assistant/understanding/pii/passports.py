"""Passport numbers: they have no common format and no check digit a customer types, so
only a number right after the word "passport" in one of the 14 languages counts
("Reisepassnummer: C7KH2N0X5", "护照号E58213947", "паспорт серия и номер 50 12 384927")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.understanding.pii.text import Words, words_pattern

_WORDS = [
    "passport*", "pass-nr*", "passnummer*", "reisepass*", "pass nr*", "passeport*",
    "pasaporte*", "passaporto*", "passaporte*", "paspoort*", "paszport*", "pasaport*",
    "паспорт*", "загран*", "جواز*", "パスポート", "旅券", "护照", "護照", "여권",
]
# Between the word and the number: "number", "is", "no.", "serie and number", at most a few
# short words (each followed by a space or punctuation), never a digit.
_GAP = r"[^\d\n!?。！？]{0,32}?"
# Russian internal (series 4 digits + number 6) and foreign (2 + 7) passports, or one
# letters-and-digits token with at least two digits.
_NUMBER = (r"(?<![A-Za-z0-9])(?:\d{2} ?\d{2} ?\d{6}|\d{2} \d{7}"
           r"|(?=(?:[A-Z]*\d){2})[A-Z0-9]{6,10})(?![A-Za-z0-9])")
PASSPORT = re.compile(words_pattern(_WORDS) + r"[^\s\d:：]{0,12}" + _GAP + r"(?P<number>" + _NUMBER + ")",
                      re.IGNORECASE)


WORDS = Words(_WORDS)


def find(text: str) -> Iterator[tuple[int, int]]:
    if not WORDS.present(text.lower()):
        return
    for m in PASSPORT.finditer(text):
        yield m.span("number")
