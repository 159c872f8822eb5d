"""The one-pass phrase matcher agrees with the per-list regexes it replaced."""

import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.understanding.lexicon import (
    ANYWHERE_LANGS,
    Lexicons,
    load_lexicons,
    normalize,
    union_pattern,
)
from assistant.understanding.ngram import CueMatcher
from assistant.understanding.phrases import PhraseMatcher

ROOT = Path(__file__).resolve().parents[1]
LEXICONS = ROOT / "prompts" / "lexicons"


def _corpus() -> list[str]:
    texts = []
    for path in sorted((ROOT / "eval" / "intents").glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for path in sorted((ROOT / "prompts" / "intents").glob("*.yaml")):
        for examples in yaml.safe_load(path.read_text(encoding="utf-8"))["examples"].values():
            texts += examples
    return texts


@pytest.fixture(scope="module")
def lexicons() -> Lexicons:
    return load_lexicons(LEXICONS)


def _regex_labels(lexicons: Lexicons, norm: str, language: str) -> set[str]:
    return {key for lex in lexicons._for(language) for key in lex.entries if lex.has(key, norm, normalized=True)}


def _phrase_labels(lexicons: Lexicons, norm: str, language: str) -> set[str]:
    return {label for lex in lexicons._for(language) for label in lex.labels(norm)}


def test_same_labels_as_the_regexes_on_real_messages(lexicons: Lexicons) -> None:
    cues = CueMatcher.from_dir(LEXICONS)
    patterns = []
    for key in cues.keys:  # rebuild the per-key regexes the cue matcher used to search
        word_start, anywhere = set(), set()
        for lex in lexicons.by_language.values():
            entries = lex.entries.get(key, [])
            (anywhere if lex.language in ANYWHERE_LANGS else word_start).update(entries)
        patterns.append(union_pattern(word_start, anywhere))
    texts = _corpus()
    assert len(texts) > 3000
    for text in texts:
        norm = normalize(text)
        expected = [bool(p and p.search(norm)) for p in patterns]
        assert list(cues.vector(text).astype(bool)) == expected, text
        for language in ("en", "de", "ja", "ar", "zh", "tr"):
            assert _phrase_labels(lexicons, norm, language) == _regex_labels(lexicons, norm, language), (text, language)


def test_entries_inside_words_and_at_edges() -> None:
    m = PhraseMatcher({"refund": ["refund", "money back"], "track": ["where is"]}, {"ja": ["返金"]})
    assert m.labels("refunded please") == {"refund"}
    assert m.labels("nonrefund") == set()  # word start only
    assert m.labels("x-refund") == {"refund"}  # after a non-word character
    assert m.labels("where is my money back?") == {"refund", "track"}
    assert m.labels("全額返金してください") == {"ja"}  # anywhere
    assert m.labels("") == set()


_ALPHABET = "abcdefgh ïé-_.!?\n返金の1"


@settings(max_examples=300, deadline=None)
@given(entries=st.lists(st.text(alphabet=_ALPHABET, min_size=1, max_size=5), min_size=1, max_size=8),
       text=st.text(alphabet=_ALPHABET, max_size=40))
def test_agrees_with_the_regex_on_random_text(entries: list[str], text: str) -> None:
    half = len(entries) // 2
    lists = {"a": entries[:half] or entries, "b": entries[half:]}
    word_start = PhraseMatcher(lists)
    anywhere = PhraseMatcher({}, lists)
    for label, items in lists.items():
        ws = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, items))})") if items else None
        aw = re.compile("|".join(map(re.escape, items))) if items else None
        assert (label in word_start.labels(text)) == bool(ws and ws.search(text))
        assert (label in anywhere.labels(text)) == bool(aw and aw.search(text))
