"""The lexical half of hybrid retrieval: BM25 (bm25s) over the passages' embedded text.

Vectors carry meaning across languages; BM25 catches what vectors blur: order numbers,
SKUs, carrier names, exact policy terms (IOSS, DDP, A-to-z).
"""

from __future__ import annotations

import re
import threading

import bm25s
import numpy as np

from assistant.kb.chunking import Passage

# bm25s builds (disabled) tqdm bars, and tqdm's first bar creates a multiprocessing lock: a
# POSIX semaphore per API worker, reported as "leaked" at shutdown. A thread lock is enough.
try:
    from tqdm import tqdm

    tqdm.set_lock(threading.RLock())
except ImportError:  # bm25s runs without tqdm
    pass

# Keep identifiers such as NL-EL-1234 or LP00123456789012 whole, and split CJK runs into
# characters so a Chinese or Japanese query still shares tokens with CJK text.
TOKEN = re.compile(r"[A-Za-z]{1,4}-[A-Za-z]{2}-\d{4}|[\w][\w\-]*\w|\w", re.UNICODE)
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
STOPWORDS = frozenset(
    ["a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "i", "if", "in", "is", "it", "my", "of", "on", "or", "our", "the", "to", "we", "what", "when", "where", "which", "will", "with", "you", "your"]
)


def tokenize(text: str) -> list[str]:
    tokens: list[str] = []
    for raw in TOKEN.findall(text.lower()):
        if CJK.search(raw):
            tokens.extend(ch for ch in raw if not ch.isspace())
        elif raw not in STOPWORDS:
            tokens.append(raw)
    return tokens


class LexicalIndex:
    """An immutable BM25 index over a snapshot of passages (rebuilt after each ingest)."""

    def __init__(self, passages: list[Passage]) -> None:
        self.passages = passages
        self._model: bm25s.BM25 | None = None
        if passages:
            corpus = [tokenize(p.embed_text) or ["_"] for p in passages]
            self._model = bm25s.BM25()
            self._model.index(corpus, show_progress=False)

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every passage (same order as ``self.passages``)."""
        if self._model is None:
            return np.zeros(0, dtype=np.float32)
        tokens = tokenize(query)
        if not tokens:
            return np.zeros(len(self.passages), dtype=np.float32)
        return np.asarray(self._model.get_scores(tokens), dtype=np.float32)
