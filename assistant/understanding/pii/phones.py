"""Phone numbers, confirmed with Google's numbering plans (the ``phonenumbers`` package).

A number with a country code (+49, 0049) must be valid for that country. A national number
must be valid in a country whose script the message is written in (Hangul → KR, Cyrillic →
RU/KZ/BY/UA, Latin → the Latin-script markets...) and look dialled: written with its
trunk prefix (0, or 8 in Russia) where that country has one, or grouped with separators, or
next to a word such as "tel", "手机", "جوالي". A bare run of digits with none of these is a
tracking or order number far more often than a phone (``4839201756`` is a DHL waybill).

``phonenumbers.PhoneNumberMatcher`` does the same per region; this scans the text once for
digit runs and asks the numbering plans only about the few that can be phones.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumberType

from assistant.understanding.pii.text import near, scripts, words_regex

REGIONS_BY_SCRIPT = {
    "hangul": ("KR",),
    "kana": ("JP",),
    "han": ("CN", "TW", "HK", "JP"),
    "arabic": ("SA", "AE", "EG", "KW", "QA", "BH", "OM", "JO", "MA"),
    "cyrillic": ("RU", "KZ", "BY", "UA"),
    "latin": ("DE", "FR", "GB", "US", "ES", "IT", "NL", "BE", "PL", "PT", "BR", "TR", "AT",
              "CH", "MX", "CL", "CO", "AU", "CA", "IE"),
}
ALL_REGIONS = tuple(dict.fromkeys(r for regions in REGIONS_BY_SCRIPT.values() for r in regions))
# Countries whose numbers are commonly written without their trunk prefix: US "(614) 555-0182",
# Brazil "(11) 97482-3619", Chinese mobiles "138 1742 6093", Colombian mobiles.
TRUNK_OMITTED = frozenset({"US", "CA", "BR", "CN", "CO"})

# A run of digits with the separators phone numbers are written with; a single space only
# between digits. It must not continue a product or invoice code ("FA-2026-11-0392").
RUN = re.compile(r"(?<![0-9A-Za-z])(?<![A-Za-z][-/])(?:\+ ?)?\(?\d(?:[\d\-./()]| (?=[\d(]))*")
DATE = re.compile(r"\(?(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2})\)?")
# Brazilian, Portuguese and Japanese postal codes; a phone written so short needs its word.
POSTCODE = re.compile(r"\d{5}-\d{3}|\d{4}-\d{3}|\d{3}-\d{4}")
MIN_DIGITS, MAX_DIGITS = 7, 15
KEYWORDS = words_regex([
    "phone*", "tel", "tel.", "telephone*", "cell*", "mobile*", "call*", "ring", "text me",
    "whatsapp*", "whats*", "sms", "landline", "telefon*", "handy*", "mobil*", "anruf*", "rufen",
    "festnetz*", "téléphone*", "tél", "portable", "joindre", "appel*", "gsm", "fixe",
    "teléfono*", "telefono*", "móvil", "movil", "celular*", "cel", "llam*", "fijo", "cellulare",
    "chiama*", "fisso", "telefoon*", "mobiel*", "bel", "bellen", "komórk*", "komork*", "dzwo*",
    "telefone*", "telemóvel", "telemovel", "zap", "liga*", "fixo", "телефон*", "тел", "звон*",
    "мобильн*", "сотов*", "ватсап*", "cep tel*", "cep numara*", "ara", "arayın", "arar*", "電話", "携帯", "ケータイ",
    "連絡先", "전화*", "휴대폰", "핸드폰", "연락처", "문자", "电话", "手机", "手機", "联系", "聯絡",
    "座机", "座機", "هاتف*", "الهاتف", "جوال*", "موبايل*", "رقمي", "واتساب*", "اتصل*", "كلم*",
    "تلفون*", "تليفون*",
])
KEYWORD_BEFORE, KEYWORD_AFTER = 40, 20
# At most this many candidates are looked up per text (a look-up tries up to 21 countries,
# a millisecond); past it (pathological input: pages of digit groups) a candidate that looks
# dialled is taken as a phone without a look-up, so the cost stays bounded and the error is
# to redact too much, not too little.
LOOKUP_BUDGET = 4
# Past this many candidate windows (pages of digit groups), the rest of the text is not
# examined window by window: its runs with a phone's digits are reported whole.
WINDOW_BUDGET = 64
MAX_GROUPS = 6  # "06 12 34 56 78", "+7 (913) 482-17-35": no phone is written in more


def _regions(text: str) -> tuple[str, ...]:
    found = scripts(text)
    regions = [r for name, rs in REGIONS_BY_SCRIPT.items() if name in found for r in rs]
    return tuple(dict.fromkeys(regions)) or ALL_REGIONS


@lru_cache(maxsize=4096)
def _verdict(raw: str, regions: tuple[str, ...]) -> tuple[bool, bool, bool]:
    """(valid, possible, mobile) of ``raw`` in the first of ``regions`` where it is valid,
    each region's trunk prefix required unless it is commonly left out."""
    digits = re.sub(r"\D", "", raw)
    if raw.startswith("+") or digits.startswith("00"):
        international = "+" + digits[2:] if digits.startswith("00") else raw
        try:
            number = phonenumbers.parse(international, None)
        except phonenumbers.NumberParseException:
            return False, False, False
        return phonenumbers.is_valid_number(number), phonenumbers.is_possible_number(number), False
    possible = False
    for region in regions:
        prefix = phonenumbers.PhoneMetadata.metadata_for_region(region)
        trunk = prefix.national_prefix if prefix is not None else None
        if trunk and not digits.startswith(trunk) and region not in TRUNK_OMITTED:
            continue
        try:
            number = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            mobile = region == "CN" and phonenumbers.number_type(number) == PhoneNumberType.MOBILE
            return True, True, mobile
        possible = possible or phonenumbers.is_possible_number(number)
    return False, possible, False


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """Space-separated pieces of a run: (start, end, digit count)."""
    tokens, pos = [], start
    for piece in text[start:end].split(" "):
        s, e = pos, pos + len(piece)
        pos = e + 1
        if not piece or piece == "+":
            continue
        tokens.append((s, e, sum(ch.isdigit() for ch in piece)))
    return tokens


def find(text: str) -> Iterator[tuple[int, int]]:
    regions: tuple[str, ...] | None = None
    budget, windows_left = LOOKUP_BUDGET, WINDOW_BUDGET
    for run in RUN.finditer(text):
        end = run.end()
        while end > run.start() and text[end - 1] in "-./(":
            end -= 1
        if text.startswith(("-", "/"), end) and end + 1 < len(text) and text[end + 1].isalpha():
            continue  # "48213-BLK": part of a product code
        tokens = _tokens(text, run.start(), end)
        if sum(t[2] for t in tokens) < MIN_DIGITS:
            continue
        if windows_left <= 0:
            yield run.start(), end  # past the budget: the whole run, unexamined
            continue
        i = 0
        while i < len(tokens):
            if windows_left <= 0:
                yield tokens[i][0], tokens[-1][1]  # past the budget: the rest, unexamined
                break
            accepted = None
            total = 0
            windows = []
            for j in range(i, len(tokens)):
                total += tokens[j][2]
                if total > MAX_DIGITS or j - i >= MAX_GROUPS or (j - i >= 2 and tokens[j][2] < 2):
                    break  # single digits only lead: "+56 9 8741 2653", "8 916 327-41-85"
                if total >= MIN_DIGITS:
                    windows.append(j)
            windows_left -= len(windows)
            for j in reversed(windows):  # the longest window first
                s, e = tokens[i][0], tokens[j][1]
                if text[s] == "(" and text.find(")", s, e) < 0:
                    s += 1
                raw = text[s:e]
                if any(DATE.fullmatch(text, t[0], t[1]) for t in tokens[i:j + 1]):
                    continue
                if regions is None:
                    regions = _regions(text)
                if _is_phone(text, raw, s, e, j > i, regions, budget > 0):
                    accepted = (s, e, j)
                    break
                budget -= 1
            if accepted is None:
                i += 1
            else:
                yield accepted[0], accepted[1]
                i = accepted[2] + 1


def _is_phone(text: str, raw: str, start: int, end: int, spaced: bool,
              regions: tuple[str, ...], may_look_up: bool) -> bool:
    digits = re.sub(r"\D", "", raw)
    international = raw.startswith(("+", "00"))
    trunk = digits.startswith("0") or (digits.startswith("8") and len(digits) == 11)
    separators = re.sub(r"[\d/]" if not trunk else r"\d", "", raw.lstrip("+("))
    grouped = spaced or bool(separators)
    keyword = near(KEYWORDS, text, start, end, KEYWORD_BEFORE, KEYWORD_AFTER)
    if not keyword and POSTCODE.fullmatch(raw):
        return False  # "01310-100", "4000-442", "530-0001": postal codes' shapes
    if not (international or grouped or trunk or keyword or (len(digits) == 11 and digits[0] == "1")):
        return False  # a bare number: a reference, unless it can be a Chinese mobile
    if not may_look_up:
        return international or (trunk and grouped)
    valid, possible, cn_mobile = _verdict(raw, regions)
    if international:
        return valid or (possible and grouped)
    if valid:
        # A bare trunk-prefixed number must have a mobile's length: "No.04829173" is valid
        # for Germany but is an invoice number.
        return grouped or (trunk and len(digits) >= 10) or keyword or cn_mobile
    # Numbers reserved for fiction and tests (UK 07700 900xxx) are possible, not valid.
    return possible and grouped and trunk
