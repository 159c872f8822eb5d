"""Personal data: found and redacted before text reaches an LLM, a log or a store.

``find_pii`` folds look-alike characters (Arabic-Indic and full-width digits, full-width
＠), runs one detector per family (``emails``, ``cards``, ``iban``, ``national_ids``,
``passports``, ``phones``, ``addresses``; each module says how it confirms what it finds),
and reports spans of the original text. Order, tracking and product references in the
``known`` formats (``identifiers.DEFAULT_IDENTIFIERS``, or a shop's own) are blanked first,
so they are never taken for cards or phones. Redaction replaces each item with a typed
placeholder such as ``[CARD]``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from assistant.models import PiiItem
from assistant.understanding.pii import (
    addresses,
    cards,
    emails,
    iban,
    national_ids,
    passports,
    phones,
)
from assistant.understanding.pii.cards import luhn_ok
from assistant.understanding.pii.iban import iban_ok
from assistant.understanding.pii.identifiers import DEFAULT_IDENTIFIERS, identifier_spans
from assistant.understanding.pii.text import fold, mask

__all__ = ["DEFAULT_IDENTIFIERS", "DETECTORS", "PLACEHOLDER", "PiiItem", "find_pii", "iban_ok", "luhn_ok",
           "redact"]

# Only a password that is actually given ("password: hunter2", "my password is hunter2").
PASSWORD_WORDS = ("password", "passwort", "mot de passe", "contraseña", "senha", "пароль", "hasło",
                  "wachtwoord", "şifre", "パスワード", "密码", "비밀번호")
PASSWORD = re.compile(rf"(?i)(?:{'|'.join(PASSWORD_WORDS)})"
                      r"(?:\s*[:=：]\s*|\s+(?:is|ist|est|es|é|это|to|is:)\s+)(\S{4,})")


def _passwords(text: str) -> Iterable[tuple[int, int]]:
    return (m.span(1) for m in PASSWORD.finditer(text))


def _may_give_a_password(text: str) -> bool:
    lower = text.lower()
    return any(w in lower for w in PASSWORD_WORDS)


ARABIC = re.compile(r"[\u0600-\u06FF]")


def _digits(text: str) -> int:
    return sum(map(text.count, "0123456789"))


# (kind, gate, find) in order of precedence: a later detector never reports what overlaps an
# earlier one's item (it runs on the text with those items blanked). The gate is a cheap
# test that the family cannot match (every family but e-mail and password needs digits);
# it may say yes in vain, never no in vain.
Detector = tuple[str, Callable[[str], bool], Callable[[str], Iterable[tuple[int, int]]]]
DETECTORS: tuple[Detector, ...] = (
    ("email", lambda t: True, emails.find),
    ("password", _may_give_a_password, _passwords),
    ("card", lambda t: _digits(t) >= 12, cards.find),
    ("iban", lambda t: _digits(t) >= 2, iban.find),
    ("national_id", lambda t: _digits(t) >= 6, national_ids.find),
    ("passport", lambda t: _digits(t) >= 2, passports.find),
    ("phone", lambda t: _digits(t) >= phones.MIN_DIGITS, phones.find),
    # Saudi and Gulf addresses are often written without a number.
    ("address", lambda t: _digits(t) >= 1 or bool(ARABIC.search(t)), addresses.find),
)
# Kinds that the known identifiers do not mask: an e-mail address is unambiguous, and an
# IBAN's length, country format and mod-97 check leave no doubt either.
UNMASKED = frozenset({"email", "password", "iban"})
PLACEHOLDER = {"email": "[EMAIL]", "card": "[CARD]", "iban": "[IBAN]", "phone": "[PHONE]",
               "national_id": "[ID]", "passport": "[PASSPORT]", "address": "[ADDRESS]",
               "password": "[PASSWORD]"}


def detect(text: str, masked: str | None = None, gates: bool = True) -> list[PiiItem]:
    """Every detector in order on folded ``text`` (``masked``: the same text with known
    identifiers blanked, for the detectors they apply to)."""
    items: list[PiiItem] = []
    plain, blanked = text, (text if masked is None else masked)
    for kind, gate, find in DETECTORS:
        if gates and not gate(text):
            continue
        found = [PiiItem(kind=kind, start=s, end=e) for s, e in find(plain if kind in UNMASKED else blanked)]
        if found:
            items += found
            spans = [(i.start, i.end) for i in found]
            plain, blanked = mask(plain, spans), mask(blanked, spans)
    return sorted(items, key=lambda i: i.start)


def find_pii(text: str, known: Sequence[re.Pattern[str]] = DEFAULT_IDENTIFIERS) -> list[PiiItem]:
    """Personal data in ``text``, in order. ``known``: formats of identifiers that are not
    personal data (``DEFAULT_IDENTIFIERS``: the marketplaces' and main carriers'); a
    pattern's group named ``id``, when it has one, is the identifier, else the whole match.
    They are matched before any detector runs (15 µs on a message; every default one has a
    digit, as has everything they could be mistaken for)."""
    folded = fold(text)
    spans = identifier_spans(folded, known) if known and _digits(folded) else []
    return detect(folded, mask(folded, spans) if spans else None)


def redact(text: str, items: list[PiiItem] | None = None) -> str:
    items = find_pii(text) if items is None else items
    out, last = [], 0
    for item in items:
        out.append(text[last:item.start])
        out.append(PLACEHOLDER[item.kind])
        last = item.end
    out.append(text[last:])
    return "".join(out)
