"""Per-language cue lists (``prompts/lexicons/<lang>.yaml``) compiled into fast matchers.

Entries are lower-case stems or phrases. In space-delimited languages an entry matches at
the start of a word ("refund" matches "refunded"); in Japanese, Chinese and Arabic, where
words are not separated (or take attached prefixes), anywhere.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from assistant.core.yamlio import load_yaml
from assistant.errors import PromptError
from assistant.understanding.phrases import PhraseMatcher

ANYWHERE_LANGS = {"ja", "zh", "ar"}
_Trie = dict[str, "_Trie"]  # character → subtree ("" marks the end of an entry)
CUE_KEYS = (
    "anger", "insult", "profanity", "threat_chargeback", "threat_dispute", "threat_review",
    "threat_legal", "urgency", "repeated_contact", "human_request", "injection",
    "forbidden_phrases", "credential_requests", "prompt_talk", "politeness_markers", "empathy_markers",
)


class LexiconFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    language: str
    anger: list[str]
    insult: list[str]
    profanity: list[str]
    threat_chargeback: list[str]
    threat_dispute: list[str]
    threat_review: list[str]
    threat_legal: list[str]
    urgency: list[str]
    repeated_contact: list[str]
    human_request: list[str]
    injection: list[str]
    forbidden_phrases: list[str]
    credential_requests: list[str]  # a reply asking for card data, codes or passwords
    prompt_talk: list[str]  # a reply talking about the assistant's instructions or internals
    politeness_markers: list[str]
    empathy_markers: list[str]
    cues: dict[str, list[str]]
    # Short, frequent words of the language (Latin-script languages only): a long text's share
    # of them tells its language cheaply; see ``Lexicons.function_word_language``.
    function_words: list[str] = []


def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def _clean(entries: list[str]) -> list[str]:
    return sorted({normalize(e).strip() for e in entries if e and e.strip()}, key=len, reverse=True)


def trie_pattern(entries: set[str] | list[str]) -> str:
    """One regex for many literals, as a prefix tree: much faster than a flat alternation,
    which the regex engine tries entry by entry at every position.

    Only whether something matches is kept, so an entry that is a prefix of another ends
    its branch (matching the shorter one is enough): use it for "is there one", not "find all".
    """
    root: _Trie = {}
    for entry in entries:
        node = root
        for ch in entry:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        if "" in node:
            return ""
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items())]
        return alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"

    return build(root)


def union_source(word_start: set[str], anywhere: set[str]) -> str:
    """The source of ``union_pattern`` ("" when both sets are empty)."""
    parts = [rf"(?<!\w){trie_pattern(word_start)}"] if word_start else []
    parts += [trie_pattern(anywhere)] if anywhere else []
    return "|".join(parts)


def union_pattern(word_start: set[str], anywhere: set[str]) -> re.Pattern[str] | None:
    """Entries matching at the start of a word, and entries matching anywhere, as one regex."""
    source = union_source(word_start, anywhere)
    return re.compile(source) if source else None


def _compile(entries: list[str], anywhere: bool) -> re.Pattern[str] | None:
    cleaned = _clean(entries)
    if not cleaned:
        return None
    body = "|".join(re.escape(e) for e in cleaned)
    return re.compile(body if anywhere else rf"(?<!\w)(?:{body})")


_WORDS = re.compile(r"[^\W\d_]+")


class Lexicon:
    """Matchers for one language."""

    def __init__(self, data: LexiconFile) -> None:
        self.language = data.language
        self.function_words = frozenset(normalize(w).strip() for w in data.function_words if w.strip())
        self.anywhere = data.language in ANYWHERE_LANGS
        self.entries: dict[str, list[str]] = {key: _clean(getattr(data, key)) for key in CUE_KEYS}
        self.entries.update({f"cue:{cue}": _clean(entries) for cue, entries in data.cues.items()})
        self._patterns: dict[str, re.Pattern[str] | None] = {
            key: _compile(entries, self.anywhere) for key, entries in self.entries.items()
        }
        lists = (self.entries, None) if not self.anywhere else ({}, self.entries)
        self._matcher = PhraseMatcher(*lists)
        # A message is asked twice a request (cue names, escalation signals): remember the last few.
        self.labels = lru_cache(maxsize=16)(self._matcher.labels)

    def find(self, key: str, text: str, normalized: bool = False) -> list[str]:
        pattern = self._patterns.get(key)
        return pattern.findall(text if normalized else normalize(text)) if pattern else []

    def has(self, key: str, text: str, normalized: bool = False) -> bool:
        """``normalized``: ``text`` went through ``normalize`` already (callers asking many
        questions of one text normalise it once)."""
        pattern = self._patterns.get(key)
        return bool(pattern and pattern.search(text if normalized else normalize(text)))

    @property
    def cue_names(self) -> list[str]:
        return [k[4:] for k in self._patterns if k.startswith("cue:")]


class Lexicons:
    """All languages' lexicons; lookups combine the message language with English,
    because customers everywhere mix in English words ("refund", "scam", "chargeback")."""

    def __init__(self, by_language: dict[str, Lexicon]) -> None:
        self.by_language = by_language
        self._any: dict[str, re.Pattern[str] | None] = {}
        self.function_words = {lang: lex.function_words for lang, lex in by_language.items() if lex.function_words}
        # word -> the languages it is a function word of: one dict lookup a word, not one a language
        self._function_word_index: dict[str, tuple[str, ...]] = {}
        for lang, words in self.function_words.items():
            for word in words:
                self._function_word_index[word] = (*self._function_word_index.get(word, ()), lang)

    def function_word_language(self, text: str, min_hits: int = 8, margin: float = 2.5) -> str | None:
        """The language whose function words a long text is full of, or None when unsure.

        A classic stop-word profile: on a clean paragraph (a draft) it is decisive and costs
        a few microseconds, where a statistical detector costs ~1 µs a character. Short or
        mixed texts fall below ``min_hits`` or the ``margin`` over the runner-up: None.
        """
        hits = dict.fromkeys(self.function_words, 0)
        index = self._function_word_index
        for word in _WORDS.findall(normalize(text)):
            for lang in index.get(word, ()):
                hits[lang] += 1
        counts = sorted(((n, lang) for lang, n in hits.items()), reverse=True)
        if not counts or counts[0][0] < min_hits:
            return None
        runner_up = counts[1][0] if len(counts) > 1 else 0
        return counts[0][1] if counts[0][0] >= margin * max(runner_up, 1) else None

    def _for(self, language: str) -> list[Lexicon]:
        out = [self.by_language[language]] if language in self.by_language else []
        if language != "en" and "en" in self.by_language:
            out.append(self.by_language["en"])
        return out

    def find(self, key: str, text: str, language: str) -> list[str]:
        norm = normalize(text)
        return [hit for lex in self._for(language) for hit in lex.find(key, norm, normalized=True)]

    def has(self, key: str, text: str, language: str) -> bool:
        norm = normalize(text)
        return any(lex.has(key, norm, normalized=True) for lex in self._for(language))

    def matching(self, keys: Iterable[str], text: str, language: str) -> list[str]:
        """Which of ``keys`` match ``text`` (one pass over the text for all of them)."""
        norm = normalize(text)
        found: set[str] = set()
        for lex in self._for(language):
            found |= lex.labels(norm)
        return [k for k in keys if k in found]

    def _any_language(self, key: str) -> re.Pattern[str] | None:
        """All languages' ``key`` patterns as one: a single search answers "none" (the usual
        answer) instead of one search per language."""
        if key not in self._any:
            word_start: set[str] = set()
            anywhere: set[str] = set()
            for lex in self.by_language.values():
                (anywhere if lex.anywhere else word_start).update(lex.entries.get(key, []))
            self._any[key] = union_pattern(word_start, anywhere)
        return self._any[key]

    def has_any_language(self, key: str, text: str) -> list[str]:
        """Languages whose ``key`` list matches ``text`` (used for forbidden phrases)."""
        norm = normalize(text)
        union = self._any_language(key)
        if union is None or not union.search(norm):
            return []
        return [lang for lang, lex in self.by_language.items() if lex.has(key, norm, normalized=True)]

    def cues(self, text: str, language: str) -> set[str]:
        norm = normalize(text)
        found: set[str] = set()
        for lex in self._for(language):
            found.update(label[4:] for label in lex.labels(norm) if label.startswith("cue:"))
        return found

    def politeness_votes(self, text: str) -> dict[str, int]:
        """Which languages' polite words appear (helps language ID on 'danke' / 'bedankt')."""
        norm = normalize(text)
        union = self._any_language("politeness_markers")
        if union is None or not union.search(norm):
            return {}
        votes = {lang: len(lex.find("politeness_markers", norm, normalized=True))
                 for lang, lex in self.by_language.items()}
        return {lang: n for lang, n in votes.items() if n}


def load_lexicons(directory: Path) -> Lexicons:
    by_language: dict[str, Lexicon] = {}
    for file in sorted(directory.glob("*.yaml")):
        try:
            data = LexiconFile.model_validate(load_yaml(file.read_text(encoding="utf-8")))
        except (yaml.YAMLError, ValidationError) as exc:
            raise PromptError(f"{file}: invalid lexicon file: {exc}") from None
        if data.language != file.stem:
            raise PromptError(f"{file}: field 'language' must equal the file name")
        by_language[data.language] = Lexicon(data)
    if "en" not in by_language:
        raise PromptError(f"{directory}: the English lexicon (en.yaml) is required")
    return Lexicons(by_language)
