"""Many named phrase lists matched against one text in a single pass.

Understanding asks of every message which cue lists it hits: the intent model's ~40 cue
flags, the escalation signals, the cue names, for the message language and English. As one
regex search per list that was ~10% of a request's CPU (py-spy, under load): each search
tries its pattern at every position of the text. Here all entries share one prefix tree,
walked from the positions where an entry may start, and a walk yields every list whose
entry ends on its path.

Same semantics as the regexes in ``lexicon.py`` (and tested against them): a word-start
entry matches where ``(?<!\\w)entry`` does, an anywhere entry (Japanese, Chinese, Arabic)
wherever it occurs. Texts are expected normalised (``lexicon.normalize``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

_END = ""  # a node's labels live under the empty key (no entry character is empty)
# A character key holds a child node, the _END key a label set: a dict type cannot say which
# key holds which, hence the targeted ignores where a node is read (a class per node would
# cost an attribute lookup a character in the walk).
Node = dict[str, "Node | frozenset[str]"]


def _trie(lists: Mapping[str, Iterable[str]]) -> tuple[Node, int]:
    root: Node = {}
    longest = 0
    for label, entries in lists.items():
        for entry in entries:
            if not entry:
                continue
            node = root
            for ch in entry:
                node = node.setdefault(ch, {})  # type: ignore[assignment]  # a character: a node
            node[_END] = frozenset({label}) | node.get(_END, frozenset())  # type: ignore[operator]  # _END: labels
            longest = max(longest, len(entry))
    return root, longest


def _char_class(chars: Iterable[str]) -> str:
    return "[" + "".join("\\" + c if c in "\\]^-[" else c for c in sorted(chars)) + "]"


class PhraseMatcher:
    def __init__(self, word_start: Mapping[str, Iterable[str]], anywhere: Mapping[str, Iterable[str]] | None = None) -> None:
        self._ws, self._ws_len = _trie(word_start)
        self._aw, self._aw_len = _trie(anywhere or {})
        # Where a word-start entry may begin: not after a word character, on a first character.
        self._ws_starts = re.compile(rf"(?<!\w){_char_class(self._ws)}") if self._ws else None
        self._aw_first = frozenset(self._aw)

    def labels(self, text: str) -> set[str]:
        """The labels of every list with an entry in ``text``."""
        found: set[str] = set()
        if self._ws_starts is not None:
            for m in self._ws_starts.finditer(text):
                _walk(self._ws, text, m.start(), self._ws_len, found)
        if self._aw_first and not self._aw_first.isdisjoint(text):
            for pos, ch in enumerate(text):
                if ch in self._aw_first:
                    _walk(self._aw, text, pos, self._aw_len, found)
        return found


def _walk(node: Node, text: str, pos: int, longest: int, found: set[str]) -> None:
    for ch in text[pos:pos + longest]:
        child = node.get(ch)
        if child is None:
            return
        node = child  # type: ignore[assignment]  # a character: a node
        labels = node.get(_END)
        if labels:
            found.update(labels)
