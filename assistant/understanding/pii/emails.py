"""E-mail addresses, plain and written so that bots do not harvest them.

Every form is found from its at-sign outwards: ``@`` (full-width ＠ is folded to it),
``[at]``/``(at)`` and the spoken words for it (arroba, chiocciola, małpa, собака, 골뱅이,
Turkish "et"), with real or spoken dots (``[dot]``, "punto", "точка", "nokta"...). The
local part and domain are read by bounded scans from the at-sign, not by a regex that tries
every start position: ``"a" * 7999 + "@"`` costs one scan of 64 characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.understanding.pii.text import words_pattern

_AT_WORDS = ["at", "arroba", "arobase", "arobas", "chiocciola", "apenstaartje", "klammeraffe", "małpa",
             "malpa", "собака", "골뱅이", "et", "アット", "アットマーク", "艾特"]
_DOT_WORDS = ["dot", "punto", "punt", "point", "ponto", "punkt", "kropka", "точка", "nokta",
              "점", "ドット", "点", "點"]
# Spoken at-signs need spaces or brackets around them; the plain words "at" and "et" also
# occur in prose, so they need a spoken dot or a known top-level domain after them. No
# alternative starts with a run of spaces (a run of 8000 would be rescanned from each of its
# positions): the spaces before a bracket are skipped when the local part is read.
AT = re.compile(
    r"@[^\S\n]?|[\[({<]\s{0,3}(?:" + words_pattern(_AT_WORDS) + r"|@)\s{0,3}[\]\)}>][^\S\n]{0,3}"
    r"|(?<=[^\S\n])(?P<word>" + words_pattern(_AT_WORDS) + r")[^\S\n]{1,3}",
    re.IGNORECASE,
)
DOT = re.compile(
    r"\.|[^\S\n]{0,3}[\[({<]\s{0,3}(?:" + words_pattern(_DOT_WORDS) + r"|\.)\s{0,3}[\]\)}>][^\S\n]{0,3}"
    r"|[^\S\n]{1,3}" + words_pattern(_DOT_WORDS) + r"[^\S\n]{1,3}",
    re.IGNORECASE,
)
SPOKEN_DOT_BEFORE = re.compile(
    r"(?:[^\S\n]{0,3}[\[({<]\s{0,3}(?:" + words_pattern(_DOT_WORDS) + r"|\.)\s{0,3}[\]\)}>][^\S\n]{0,3}"
    r"|[^\S\n]{1,3}" + words_pattern(_DOT_WORDS) + r"[^\S\n]{1,3})\Z",
    re.IGNORECASE,
)
LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
TLD = re.compile(r"[A-Za-z]{2,24}\Z")
# Generic and country domains: an address written with words ("name at host dot com")
# must end in one, or "charged at the point of sale" would be an address.
COMMON_TLDS = frozenset(
    ["com", "net", "org", "info", "biz", "edu", "gov", "io", "co", "me", "app", "dev", "email", "online", "shop", "store", "mail", "name", "pro", "ae", "ar", "at", "au", "az", "be", "bg", "bh", "br", "by", "ca", "ch", "cl", "cn", "co", "cz", "de", "dk", "dz", "ee", "eg", "es", "eu", "fi", "fr", "gr", "hk", "hr", "hu", "id", "ie", "il", "in", "iq", "ir", "is", "it", "jo", "jp", "ke", "kr", "kw", "kz", "lb", "lt", "lu", "lv", "ma", "md", "mx", "my", "ng", "nl", "no", "nz", "om", "pe", "ph", "pk", "pl", "pt", "qa", "ro", "rs", "ru", "sa", "se", "sg", "si", "sk", "th", "tn", "tr", "tw", "ua", "uk", "us", "uz", "vn", "za"]
)
MAX_LOCAL = 64


def _local_start(text: str, end: int) -> int:
    """Start of the local part ending at ``end``: a bounded scan left, then spoken dots
    ("mark dot brennan at ...") joining earlier pieces."""
    start = end
    while start > 0 and end - start < MAX_LOCAL and text[start - 1] in LOCAL_CHARS:
        start -= 1
    for _ in range(3):
        if start == end:
            break
        m = SPOKEN_DOT_BEFORE.search(text, max(0, start - 24), start)
        if not m or m.start() == 0 or text[m.start() - 1] not in LOCAL_CHARS:
            break
        piece = m.start()
        while piece > 0 and m.start() - piece < MAX_LOCAL and text[piece - 1] in LOCAL_CHARS:
            piece -= 1
        start = piece
    return start


def _domain_end(text: str, start: int) -> tuple[int, str]:
    """End of the domain starting at ``start`` (two labels at least) and its last label."""
    m = LABEL.match(text, start)
    if not m:
        return start, ""
    end, last, labels = m.end(), m.group(), 1
    while labels < 10:
        dot = DOT.match(text, end)
        if not dot:
            break
        label = LABEL.match(text, dot.end())
        if not label:
            break
        end, last, labels = label.end(), label.group(), labels + 1
    return (end, last) if labels >= 2 else (start, "")


def find(text: str) -> Iterator[tuple[int, int]]:
    for at in AT.finditer(text):
        # The domain first: it is missing after most "@" and " at " in ordinary text.
        end, tld = _domain_end(text, at.end())
        if end == at.end() or not TLD.match(tld):
            continue
        if at.group().startswith("@"):
            # "name @ gmail.com": one space on either side of a plain at-sign
            left = at.start() - (at.start() > 0 and text[at.start() - 1] == " ")
            start = left
            while start > 0 and left - start < MAX_LOCAL and text[start - 1] in LOCAL_CHARS:
                start -= 1
        else:
            if tld.lower() not in COMMON_TLDS:
                continue
            left = at.start()
            if at.group("word"):
                left -= 1  # the space the look-behind required
            else:
                while left > 0 and at.start() - left < 3 and text[left - 1] in " \t":
                    left -= 1  # "name [at] host": the spaces before the bracket
            start = _local_start(text, left)
        if start == left or text[start] in ".-":
            continue
        yield start, end
