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
    out: list[str] = []
    last = 0
    for span_start, end in sorted(spans):
        start = max(span_start, last)
        if end > start:
            out += (text[last:start], MASK * (end - start))
            last = end
    out.append(text[last:])
    return "".join(out)


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

    The pattern opens with the set of first letters (both cases, case-sensitive), then
    checks the letter before and branches on the first letter with a look-behind: the regex
    engine skips in C every position whose character starts no word, where a pattern that
    opened with the look-behind or an alternation would be tried at each one.
    """
    stems: list[str] = []
    whole: list[str] = []
    for w in words:
        word = w.rstrip("*").lower()
        (whole if not w.endswith("*") and re.match(_SPACED_LETTER, word[-1]) else stems).append(word)
    firsts = sorted({w[0] for w in stems + whole})
    branches = []
    for first in firsts:
        rests = []
        if any(w[0] == first for w in stems):
            rests.append(_trie([w[1:] for w in stems if w[0] == first]))
        if any(w[0] == first for w in whole):
            rests.append(_trie([w[1:] for w in whole if w[0] == first]) + "(?!" + _SPACED_LETTER + ")")
        branches.append("(?<=" + re.escape(first) + ")(?:" + "|".join(rests) + ")")
    cases = sorted({c for f in firsts for c in (f, f.upper()) if len(c) == 1})
    return ("(?-i:[" + "".join(re.escape(c) for c in cases) + "])(?<!" + _SPACED_LETTER + ".)(?:"
            + "|".join(branches) + ")")


def words_regex(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile(words_pattern(words), re.IGNORECASE)


class Words:
    """A word list as a regex (``regex``) and as plain substrings: ``present`` asks, in C
    substring searches on the lower-cased text, whether any word can occur at all, and
    ``positions`` where. A regex over many words is tried at most positions of a text (a
    quarter of a millisecond and more on 8000 characters); a substring search is a hundred
    times cheaper, so the regex runs only around the words found."""

    def __init__(self, words: Iterable[str]) -> None:
        listed = list(words)
        self.regex = words_regex(listed)
        self.plain = tuple(dict.fromkeys(w.rstrip("*").lower() for w in listed))
        self._whole = frozenset(
            w.lower() for w in listed if not w.endswith("*") and re.match(_SPACED_LETTER, w[-1].lower()))

    def present(self, lower: str) -> bool:
        return any(w in lower for w in self.plain)

    def positions(self, lower: str, limit: int) -> list[int]:
        """Where the words occur as words in ``lower`` (offsets of the lower-cased text,
        which may be a character off the original's after a letter such as İ), the first
        ``limit`` of them."""
        found: list[int] = []
        for w in self.plain:
            at, seen = lower.find(w), 0
            while at >= 0 and seen < 4 * limit:
                seen += 1
                before = lower[at - 1] if at else " "
                after = lower[at + len(w)] if at + len(w) < len(lower) else " "
                if not _SPACED.match(before) and (w not in self._whole or not _SPACED.match(after)):
                    found.append(at)
                at = lower.find(w, at + 1)
        return sorted(found)[:limit]


_SPACED = re.compile(_SPACED_LETTER)


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
