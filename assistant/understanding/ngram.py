"""Surface features for the intent classifier: character n-grams and lexicon cues.

The sentence embedder is good at meaning but blurs words that decide a shop intent
("refund" vs "return", "invoice" vs "receipt"). Two cheap text models sit beside it:

- ``NgramNaiveBayes``: a multinomial naive Bayes over hashed character n-grams (2-4
  characters inside a word, with ``<``/``>`` marking the word's edges, plus the whole
  word; Chinese and Japanese runs as character unigrams and bigrams), tf-idf weighted.
  Naive Bayes trains in one pass (a count per class and feature), which keeps first start
  fast; in cross-validation it matched a softmax regression on the same features.
- ``CueMatcher``: the ``cues:`` and signal lists of ``prompts/lexicons/*.yaml`` as binary
  features, matched in every language at once (the message language is not known here).

Both are deterministic (``zlib.crc32``, not Python's salted ``hash``), so what is cached
on disk stays valid across processes.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from numpy.typing import NDArray
from pydantic import ValidationError

from assistant.core.yamlio import load_yaml
from assistant.errors import PromptError
from assistant.understanding.lexicon import (
    ANYWHERE_LANGS,
    CUE_KEYS,
    LexiconFile,
    normalize,
    union_source,
)
from assistant.understanding.phrases import PhraseMatcher

HASH_BITS = 20
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_DIGIT = re.compile(r"\d")


def char_ngrams(text: str, nmin: int = 2, nmax: int = 4) -> list[str]:
    """Within-word character n-grams; digits fold to ``0`` (order numbers say nothing)."""
    out: list[str] = []
    for token in _tokens(text):
        out.extend(_token_ngrams(token, nmin, nmax))
    return out


def _tokens(text: str) -> list[str]:
    return _WORD.findall(_DIGIT.sub("0", normalize(text)))


def _token_ngrams(token: str, nmin: int = 2, nmax: int = 4) -> list[str]:
    if _CJK.search(token):  # no spaces between words: character unigrams and bigrams
        return [*token, *(token[i:i + 2] for i in range(len(token) - 1))]
    word = f"<{token}>"
    return ["w" + token, *(word[i:i + n] for n in range(nmin, nmax + 1) for i in range(len(word) - n + 1))]


def _hash(grams: list[str]) -> np.ndarray:
    mask = (1 << HASH_BITS) - 1
    return np.fromiter((zlib.crc32(g.encode()) & mask for g in grams), np.int64, len(grams))


def hashed_features(text: str) -> np.ndarray:
    """Sorted, unique feature ids of ``text`` (binary bag of n-grams)."""
    return np.unique(_hash(char_ngrams(text)))


class NgramNaiveBayes:
    """Multinomial naive Bayes over L2-normalised tf-idf n-gram vectors."""

    def __init__(self, vocab: NDArray[np.int64], idf: NDArray[np.float32],
                 log_prob: NDArray[np.float32]) -> None:
        self.vocab, self.idf, self.log_prob = vocab, idf, log_prob  # log_prob: (features, classes)
        # A message's features are the union of its words' (each word's n-grams stay inside
        # it), and words recur from message to message: each word's known features are kept.
        # Building and hashing ~120 n-grams was 0.16 of a 0.26 ms score; a union of cached
        # sets is a few microseconds.
        self._word_rows = lru_cache(maxsize=1 << 14)(self._rows_of_word)  # at most ~20 MB

    @classmethod
    def fit(cls, texts: list[str], y: np.ndarray, classes: int,
            alpha: float = 0.1) -> NgramNaiveBayes:
        feats = [hashed_features(t) for t in texts]
        rows = np.repeat(np.arange(len(feats)), [len(f) for f in feats])
        vocab, cols = np.unique(np.concatenate(feats), return_inverse=True)
        df = np.bincount(cols, minlength=len(vocab))
        idf = (np.log((1 + len(texts)) / (1 + df)) + 1).astype(np.float32)
        vals: NDArray[np.floating[Any]] = idf[cols]  # float32, then float64 once normalised
        norms = np.sqrt(np.bincount(rows, weights=vals.astype(np.float64) ** 2,
                                    minlength=len(feats)))
        vals = vals / np.maximum(norms[rows], 1e-12)
        # numpy's stub types bincount as intp whatever the weights; with weights it is float64.
        counts: NDArray[np.float64] = np.bincount(  # type: ignore[assignment]
            cols * classes + y[rows], weights=vals, minlength=len(vocab) * classes)
        counts = counts.reshape(len(vocab), classes) + alpha
        log_prob = np.log(counts / counts.sum(axis=0, keepdims=True)).astype(np.float32)
        return cls(vocab, idf, log_prob)

    def _rows_of_word(self, token: str) -> frozenset[int]:
        """Rows of ``vocab`` for the features of one word (features unseen in training carry
        no weight in the model)."""
        feats = _hash(_token_ngrams(token))
        idx = np.minimum(np.searchsorted(self.vocab, feats), len(self.vocab) - 1)
        return frozenset(idx[self.vocab[idx] == feats].tolist())

    def rows(self, text: str) -> NDArray[np.int64]:
        """Sorted rows of ``vocab`` for the text's features (the binary bag, as in training)."""
        found: set[int] = set()
        for token in _tokens(text):
            found.update(self._word_rows(token))
        return np.array(sorted(found), dtype=np.int64)

    def scores(self, text: str) -> NDArray[np.float32]:
        """Per-class log-likelihood of the text's (normalised) n-gram vector."""
        idx = self.rows(text)
        if not len(idx):
            return np.zeros(self.log_prob.shape[1], dtype=np.float32)
        weights = self.idf[idx] / np.linalg.norm(self.idf[idx])
        return weights @ self.log_prob[idx]


# Lists that say nothing about what the customer wants (CV: no gain from them).
_NOT_INTENT_SIGNALS = ("forbidden_phrases", "injection", "politeness_markers", "empathy_markers")


class CueMatcher:
    """Which lexicon lists (any language) a text hits, as a 0/1 vector."""

    SIGNALS = tuple(k for k in CUE_KEYS if k not in _NOT_INTENT_SIGNALS)

    def __init__(self, files: list[LexiconFile]) -> None:
        cue_names = sorted({name for f in files for name in f.cues})
        self.keys = [*self.SIGNALS, *(f"cue:{name}" for name in cue_names)]
        sources: list[str] = []
        by_word_start: dict[str, set[str]] = {}
        by_anywhere: dict[str, set[str]] = {}
        for key in self.keys:
            word_start, anywhere = by_word_start.setdefault(key, set()), by_anywhere.setdefault(key, set())
            for f in files:
                entries = f.cues.get(key[4:], []) if key.startswith("cue:") else getattr(f, key)
                target = anywhere if f.language in ANYWHERE_LANGS else word_start
                target.update(e for e in (normalize(x).strip() for x in entries) if e)
            sources.append(union_source(word_start, anywhere))  # part of the model's cache key
        self.fingerprint = hashlib.sha256("\n".join(sources).encode()).hexdigest()[:16]
        self._matcher = PhraseMatcher(by_word_start, by_anywhere)  # one pass for every key

    @classmethod
    def from_dir(cls, directory: Path) -> CueMatcher:
        files = []
        for file in sorted(directory.glob("*.yaml")):
            try:
                text = file.read_text(encoding="utf-8")
                data = load_yaml(text)
                files.append(LexiconFile.model_validate(data))
            except (yaml.YAMLError, ValidationError) as exc:
                raise PromptError(f"{file}: invalid lexicon file: {exc}") from None
        return cls(files)

    def vector(self, text: str) -> np.ndarray:
        found = self._matcher.labels(normalize(text))
        return np.array([key in found for key in self.keys], dtype=np.float32)

    def matrix(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, len(self.keys)), dtype=np.float32)
        return np.stack([self.vector(t) for t in texts])
