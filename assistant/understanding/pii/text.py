"""What every detector needs: one-to-one folding of look-alike characters, word lists
compiled for speed, and the scripts a message is written in.

Folding maps each character to exactly one character, so an offset in the folded text is
the same offset in the customer's text: spans are found on the folded text and reported on
the original (``٠٥٠٣٨٤٢٧١٦`` is matched as ``0503842716`` and redacted as typed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    # Arabic-Indic (phones in the Gulf), extended Arabic-Indic (Persian, Urdu keyboards) and
    # full-width digits (a Japanese or Chinese IME).
    for zero in (0x0660, 0x06F0, 0xFF10):
        for i in range(10):
            table[zero + i] = str(i)
    for i in range(26):
        table[0xFF21 + i] = chr(ord("A") + i)
        table[0xFF41 + i] = chr(ord("a") + i)
    pairs = {
        "＠": "@", "＋": "+", "－": "-", "．": ".", "（": "(", "）": ")", "／": "/", "：": ":",
        "，": ",", "＃": "#", "\u3000": " ", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
        "\u2007": " ", "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-",
        "\u066c": ",", "\u066b": ".",  # Arabic thousands and decimal separators
    }
    table.update({ord(k): v for k, v in pairs.items()})
    return table


FOLD = _fold_table()
# Known identifiers are blanked with this before the detectors run: neither a digit, a
# letter nor a separator, so nothing can match across or into it.
MASK = "\u2592"


def fold(text: str) -> str:
    return text.translate(FOLD)


def mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = MASK * (end - start)
    return "".join(chars)


def _trie(words: list[str]) -> str:
    """An alternation of ``words`` as a prefix tree: the regex engine tries one branch per
    distinct first character instead of every word at every position of the text."""
    tree: dict[str, dict[str, object]] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})  # type: ignore[assignment]
        node[""] = {}

    def emit(node: dict[str, object]) -> str:
        branches, optional = [], False
        for ch, child in sorted(node.items()):
            if ch == "":
                optional = True
            else:
                branches.append(re.escape(ch) + emit(child))  # type: ignore[arg-type]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not optional else "(?:" + "|".join(branches) + ")"
        return body + "?" if optional else body

    return emit(tree)  # type: ignore[arg-type]


_SPACED_LETTER = r"[A-Za-z\u00C0-\u024F\u0400-\u04FF]"  # Latin and Cyrillic letters


def words_pattern(words: Iterable[str]) -> str:
    """A regex source matching any of ``words``, case-insensitive when compiled with re.I.

    Words may not start right after a Latin or Cyrillic letter (``ups`` is not found in
    "groups"). A word ending in ``*`` is a stem (``bestell*`` also matches
    "Bestellnummer"); a word ending in a Latin or Cyrillic letter may not be followed by
    one. Words in CJK, Hangul and Arabic are stems and may follow any letter: those scripts
    are written without spaces or with attached prefixes and suffixes (Arabic و "and",
    ي "my").
    """
    stems: list[str] = []
    whole: list[str] = []
    for w in words:
        word = w.rstrip("*").lower()
        (whole if not w.endswith("*") and re.match(_SPACED_LETTER, word[-1]) else stems).append(word)
    alternatives = []
    if stems:
        alternatives.append(_trie(stems))
    if whole:
        alternatives.append(_trie(whole) + "(?!" + _SPACED_LETTER + ")")
    return "(?<!" + _SPACED_LETTER + ")(?:" + "|".join(alternatives) + ")"


def words_regex(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile(words_pattern(words), re.IGNORECASE)


_SCRIPTS = {
    "arabic": re.compile(r"[\u0600-\u06FF]"),
    "kana": re.compile(r"[\u3040-\u30FF]"),
    "han": re.compile(r"[\u4E00-\u9FFF]"),
    "hangul": re.compile(r"[\uAC00-\uD7A3\u3130-\u318F]"),
    "cyrillic": re.compile(r"[\u0400-\u04FF]"),
    "latin": re.compile(r"[A-Za-z\u00C0-\u024F]"),
}


def scripts(text: str) -> frozenset[str]:
    return frozenset(name for name, pattern in _SCRIPTS.items() if pattern.search(text))


def near(pattern: re.Pattern[str], text: str, start: int, end: int, before: int, after: int) -> bool:
    """Whether ``pattern`` occurs within ``before`` characters before ``start`` or ``after``
    characters after ``end``."""
    return bool(pattern.search(text, max(0, start - before), start)
                or pattern.search(text, end, min(len(text), end + after)))
