"""Per-language cue lists (``prompts/lexicons/<lang>.yaml``) compiled into fast matchers.

Entries are lower-case stems or phrases. In space-delimited languages an entry matches at
the start of a word ("refund" matches "refunded"); in Japanese, Chinese and Arabic, where
words are not separated (or take attached prefixes), anywhere.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from assistant.errors import PromptError

ANYWHERE_LANGS = {"ja", "zh", "ar"}
CUE_KEYS = (
    "anger", "insult", "profanity", "threat_chargeback", "threat_dispute", "threat_review",
    "threat_legal", "urgency", "repeated_contact", "human_request", "injection",
    "forbidden_phrases", "politeness_markers", "empathy_markers",
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
    politeness_markers: list[str]
    empathy_markers: list[str]
    cues: dict[str, list[str]]


def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def _compile(entries: list[str], anywhere: bool) -> re.Pattern[str] | None:
    cleaned = sorted({normalize(e).strip() for e in entries if e and e.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    body = "|".join(re.escape(e) for e in cleaned)
    return re.compile(body if anywhere else rf"(?<!\w)(?:{body})")


class Lexicon:
    """Matchers for one language."""

    def __init__(self, data: LexiconFile) -> None:
        self.language = data.language
        anywhere = data.language in ANYWHERE_LANGS
        self._patterns: dict[str, re.Pattern[str] | None] = {
            key: _compile(getattr(data, key), anywhere) for key in CUE_KEYS
        }
        for cue, entries in data.cues.items():
            self._patterns[f"cue:{cue}"] = _compile(entries, anywhere)

    def find(self, key: str, text: str) -> list[str]:
        pattern = self._patterns.get(key)
        return pattern.findall(normalize(text)) if pattern else []

    def has(self, key: str, text: str) -> bool:
        pattern = self._patterns.get(key)
        return bool(pattern and pattern.search(normalize(text)))

    @property
    def cue_names(self) -> list[str]:
        return [k[4:] for k in self._patterns if k.startswith("cue:")]


class Lexicons:
    """All languages' lexicons; lookups combine the message language with English,
    because customers everywhere mix in English words ("refund", "scam", "chargeback")."""

    def __init__(self, by_language: dict[str, Lexicon]) -> None:
        self.by_language = by_language

    def _for(self, language: str) -> list[Lexicon]:
        out = [self.by_language[language]] if language in self.by_language else []
        if language != "en" and "en" in self.by_language:
            out.append(self.by_language["en"])
        return out

    def find(self, key: str, text: str, language: str) -> list[str]:
        return [hit for lex in self._for(language) for hit in lex.find(key, text)]

    def has(self, key: str, text: str, language: str) -> bool:
        return any(lex.has(key, text) for lex in self._for(language))

    def has_any_language(self, key: str, text: str) -> list[str]:
        """Languages whose ``key`` list matches ``text`` (used for forbidden phrases)."""
        return [lang for lang, lex in self.by_language.items() if lex.has(key, text)]

    def cues(self, text: str, language: str) -> set[str]:
        found: set[str] = set()
        for lex in self._for(language):
            found.update(c for c in lex.cue_names if lex.has(f"cue:{c}", text))
        return found

    def politeness_votes(self, text: str) -> dict[str, int]:
        """Which languages' polite words appear (helps language ID on 'danke' / 'bedankt')."""
        return {
            lang: len(lex.find("politeness_markers", text))
            for lang, lex in self.by_language.items()
            if lex.has("politeness_markers", text)
        }


@lru_cache(maxsize=4)
def load_lexicons(directory: Path) -> Lexicons:
    by_language: dict[str, Lexicon] = {}
    for file in sorted(directory.glob("*.yaml")):
        try:
            data = LexiconFile.model_validate(yaml.safe_load(file.read_text(encoding="utf-8")))
        except (yaml.YAMLError, ValidationError) as exc:
            raise PromptError(f"{file}: invalid lexicon file: {exc}") from None
        if data.language != file.stem:
            raise PromptError(f"{file}: field 'language' must equal the file name")
        by_language[data.language] = Lexicon(data)
    if "en" not in by_language:
        raise PromptError(f"{directory}: the English lexicon (en.yaml) is required")
    return Lexicons(by_language)
