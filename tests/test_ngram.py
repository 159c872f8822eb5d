"""The n-gram model scores a message from its words' cached features exactly as from the
message's hashed n-grams (what it was trained on)."""

import json
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.understanding.ngram import NgramNaiveBayes, hashed_features

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [json.loads(line)["text"] for path in sorted((ROOT / "eval" / "intents").glob("*.jsonl"))
         for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _model() -> NgramNaiveBayes:
    half = TEXTS[::2]
    return NgramNaiveBayes.fit(half, np.arange(len(half)) % 5, 5)


MODEL = _model()


def _rows_from_hashes(model: NgramNaiveBayes, text: str) -> np.ndarray:
    feats = hashed_features(text)
    idx = np.minimum(np.searchsorted(model.vocab, feats), len(model.vocab) - 1)
    return idx[model.vocab[idx] == feats]


def test_cached_word_features_equal_the_hashed_bag_on_real_messages() -> None:
    for text in TEXTS:
        np.testing.assert_array_equal(MODEL.rows(text), _rows_from_hashes(MODEL, text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcdeéßł 0123456789-_.,!?你好日本語テスト한국")), max_size=60))
def test_cached_word_features_equal_the_hashed_bag_on_any_text(text: str) -> None:
    np.testing.assert_array_equal(MODEL.rows(text), _rows_from_hashes(MODEL, text))


def test_text_with_no_known_feature_scores_zero() -> None:
    assert not MODEL.scores("").any()
