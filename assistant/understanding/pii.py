"""Personal data: found and redacted before text reaches an LLM, a log or a draft.

Card numbers are confirmed with the Luhn checksum (so a 16-digit AliExpress order number is
not mistaken for a card: those start with 8, card networks' ranges start with 2-6).
Redaction replaces each item with a typed placeholder such as ``[CARD]``.
"""

from __future__ import annotations

import re

from assistant.models import PiiItem

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
CARD = re.compile(r"(?<![\w-])(?:\d[ -]?){12,18}\d(?![\w-])")
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b")
PHONE = re.compile(r"(?<![\w+])(?:\+|00)\d{1,3}[\s.-]?(?:\(?\d{1,4}\)?[\s.-]?){2,5}\d{2,4}(?!\w)"
                   r"|(?<![\w-])\(?0\d{1,4}\)?[\s.-]?\d{2,4}[\s.-]?\d{2,4}(?:[\s.-]?\d{2,4})?(?![\w-])")
CN_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
CPF = re.compile(r"\b\d{3}\.\d{3}\.\d{3}-\d{2}\b")
KR_CUSTOMS_CODE = re.compile(r"\bP\d{12}\b")
# Only a password that is actually given ("password: hunter2", "my password is hunter2").
PASSWORD_WORDS = ("password", "passwort", "mot de passe", "contraseña", "senha", "пароль", "hasło",
                  "wachtwoord", "şifre", "パスワード", "密码", "비밀번호")
PASSWORD = re.compile(rf"(?i)(?:{'|'.join(PASSWORD_WORDS)})"
                      r"(?:\s*[:=：]\s*|\s+(?:is|ist|est|es|é|это|to|is:)\s+)(\S{4,})")
DIGIT = re.compile(r"\d")
IBAN_START = re.compile(r"[A-Z]{2}\d{2}")
# Cards have 13+ digits, CPFs and Chinese mobiles 11, Korean customs codes 12, phones 8+.
MIN_DIGITS = 8


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


def iban_ok(raw: str) -> bool:
    """ISO 13616 mod-97 check: tells a real IBAN from a tracking number like LP0012..."""
    iban = raw.replace(" ", "").upper()
    if not 15 <= len(iban) <= 34:
        return False
    rearranged = iban[4:] + iban[:4]
    digits = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(digits) % 97 == 1


def _is_card(raw: str) -> bool:
    digits = re.sub(r"\D", "", raw)
    return 13 <= len(digits) <= 19 and digits[0] in "23456" and luhn_ok(digits)


def find_pii(text: str) -> list[PiiItem]:
    items: list[PiiItem] = []

    def add(kind: str, m: re.Match[str], group: int = 0) -> None:
        start, end = m.span(group)
        if not any(i.start < end and start < i.end for i in items):
            items.append(PiiItem(kind=kind, start=start, end=end))

    # Cheap tests first: most texts have no "@", no password word, and the checks run on
    # every message and every draft.
    if "@" in text:
        for m in EMAIL.finditer(text):
            add("email", m)
    lower = text.lower()
    if any(word in lower for word in PASSWORD_WORDS):
        for m in PASSWORD.finditer(text):
            add("password", m, 1)
    # Drafts and most messages have a few digits (days, amounts), not the eight that every
    # kind but IBANs needs: the patterns, with their look-arounds at every position, were most
    # of this function's 0.2 ms on a draft.
    many_digits = len(DIGIT.findall(text)) >= MIN_DIGITS
    if many_digits:
        for m in CARD.finditer(text):
            if _is_card(m.group()):
                add("card", m)
    if IBAN_START.search(text):  # an IBAN may have few digits, but always starts so
        for m in IBAN.finditer(text):
            if iban_ok(m.group()):
                add("iban", m)
    if not many_digits:
        return sorted(items, key=lambda i: i.start)
    for m in CPF.finditer(text):
        add("national_id", m)
    for m in KR_CUSTOMS_CODE.finditer(text):
        add("national_id", m)
    for m in CN_MOBILE.finditer(text):
        add("phone", m)
    for m in PHONE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if 8 <= len(digits) <= 15:
            add("phone", m)
    return sorted(items, key=lambda i: i.start)


PLACEHOLDER = {"email": "[EMAIL]", "card": "[CARD]", "iban": "[IBAN]", "phone": "[PHONE]",
               "national_id": "[ID]", "password": "[PASSWORD]"}


def redact(text: str, items: list[PiiItem] | None = None) -> str:
    items = find_pii(text) if items is None else items
    out, last = [], 0
    for item in items:
        out.append(text[last:item.start])
        out.append(PLACEHOLDER[item.kind])
        last = item.end
    out.append(text[last:])
    return "".join(out)
