"""Language identification that holds up on one-word messages and mixed scripts.

Three layers, cheapest and surest first:
1. Script: Hangul is Korean, kana is Japanese, Han without kana is Chinese, Arabic script is
   Arabic, Cyrillic is Russian (the supported set has one language per script).
2. Latin script, four words or more: lingua, and when it is not sure, langdetect (seeded,
   so deterministic) votes with it.
3. Latin script, short text: lingua (built for short text) restricted to our languages,
   with a vote from the language packs' own cue words ("bedankt", "obrigado") because
   single polite words are where statistical detectors disagree most.
When nothing is confident, the caller's hint (the market's language) wins over a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from langdetect import DetectorFactory
from langdetect import detector_factory as _df
from langdetect.lang_detect_exception import LangDetectException

from assistant.models import LanguageGuess
from assistant.taxonomy import LANGUAGES

if TYPE_CHECKING:
    from lingua import LanguageDetector  # imported lazily at run time (see _lingua)

DetectorFactory.seed = 0  # langdetect is random without a seed

NOISE = re.compile(
    r"https?://\S{1,2048}|[^\s@]{1,64}@\S{1,255}|\b[A-Z]{2}\d{9}[A-Z]{2}\b|\bLP\d{14}\b|\bNL-[A-Z]{2}-\d{4}\b|\bNL\d{5}\b|[\d#№]+",
)
LATIN_LANGS = ("en", "es", "fr", "de", "it", "pt", "pl", "nl", "tr")
SHORT_WORDS = 3
MAX_CHARS = 2000
SURE_SHORT = 0.8  # a short follow-up leaves the conversation's language only past this confidence


# One character class per script: counting with the regex engine is ~3x faster than a
# Python loop over the characters, and drafts (~600 characters) are checked three a request.
_SCRIPTS = {
    "hangul": re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]"),
    "kana": re.compile(r"[\u3040-\u30ff\u31f0-\u31ff]"),
    "han": re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]"),
    "arabic": re.compile(r"[\u0600-\u06ff\u0750-\u077f]"),
    "cyrillic": re.compile(r"[\u0400-\u04ff]"),
    # ASCII letters, Latin-1 and Latin Extended-A/B letters (ä, ł, ş, ...)
    "latin": re.compile(r"[A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]"),
}


def _script_counts(text: str) -> dict[str, int]:
    return {name: len(pattern.findall(text)) for name, pattern in _SCRIPTS.items()}


def _by_script(counts: dict[str, int]) -> LanguageGuess | None:
    letters = sum(counts.values())
    if not letters:
        return None
    if counts["hangul"] and counts["hangul"] >= 0.3 * letters:
        return LanguageGuess(language="ko", confidence=0.99, method="script")
    if counts["kana"] and counts["kana"] + counts["han"] >= 0.3 * letters:
        return LanguageGuess(language="ja", confidence=0.99, method="script")
    if counts["han"] >= 0.3 * letters:
        return LanguageGuess(language="zh", confidence=0.97, method="script")
    if counts["arabic"] >= 0.3 * letters:
        return LanguageGuess(language="ar", confidence=0.99, method="script")
    if counts["cyrillic"] >= 0.4 * letters:
        return LanguageGuess(language="ru", confidence=0.95, method="script")
    return None


# lingua's high-accuracy mode scores n-grams of 1 to 5 characters, the low-accuracy mode
# trigrams only: built for short text, the first is needed there, and from about a sentence
# on the second does as well (on the 523 Latin-script held-out messages: 0.9885 correct with
# high accuracy throughout, 0.9904 with low accuracy from 60 characters on, at half the cost).
LOW_ACCURACY_FROM = 60
# lingua's confidence at which langdetect is not asked (0.9 before: the same accuracy on the
# held-out messages with 0.8, and langdetect, ~1 ms a call in pure Python, asked less often).
SURE = 0.8


@lru_cache(maxsize=2)
def _lingua(low_accuracy: bool = False) -> LanguageDetector:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in LATIN_LANGS]
    builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
    return (builder.with_low_accuracy_mode() if low_accuracy else builder).build()


def _lingua_scores(text: str) -> dict[str, float]:
    values = _lingua(len(text) >= LOW_ACCURACY_FROM).compute_language_confidence_values(text)
    return {v.language.iso_code_639_1.name.lower(): float(v.value) for v in values}


@lru_cache(maxsize=1)
def _langdetect_factory() -> DetectorFactory:
    """langdetect with only the Latin-script languages we tell apart: its cost is a pure-Python
    loop over the languages for every sampled n-gram, so 9 profiles instead of 55 make a
    call ~6x cheaper (it is asked on one message in seven; it cost 8 ms a call)."""
    factory = DetectorFactory()
    profiles = Path(_df.PROFILES_DIRECTORY)
    factory.load_json_profile([(profiles / lang).read_text(encoding="utf-8") for lang in LATIN_LANGS])
    return factory


def _langdetect_scores(text: str) -> dict[str, float]:
    try:
        detector = _langdetect_factory().create()  # own seeded Random per detector: thread-safe
        detector.n_trial = 3  # default 7; three random-walk trials are plenty for a vote
        detector.append(text)
        return {g.lang.split("-")[0]: float(g.prob) for g in detector.get_probabilities()}
    except LangDetectException:
        return {}


def detect_language(
    text: str,
    hint: str | None = None,
    cue_votes: Callable[[str], dict[str, int]] | None = None,
    fast: bool = False,
    conversation: str | None = None,
) -> LanguageGuess:
    """Detect the language of ``text`` (ISO 639-1, one of ``LANGUAGES``).

    ``hint``: the market's language, a tie-breaker. ``conversation``: the language of the
    customer's earlier messages, which a short follow-up keeps unless it clearly is another.
    ``fast`` skips langdetect (used to check our own drafts, which are long and clean).
    """
    # The opening of a long message tells its language as well as the whole, at a bounded cost.
    cleaned = NOISE.sub(" ", text[:MAX_CHARS])
    counts = _script_counts(cleaned)
    if (guess := _by_script(counts)) is not None:
        return guess
    fallback = hint if hint in LANGUAGES else "en"
    if counts["latin"] < 2:
        return LanguageGuess(language=fallback, confidence=0.0, method="hint" if hint else "default")

    words = re.findall(r"[^\W\d_]+", cleaned)
    lingua = _lingua_scores(cleaned)
    sure = max(lingua.values(), default=0.0) >= SURE
    if len(words) >= 4 and not sure and not fast:
        # Both detectors vote when lingua hesitates: langdetect alone confuses close pairs
        # (es/pt, nl/de) on one-sentence messages, lingua alone is weaker on long mixed
        # text. langdetect is pure Python (~1.5 ms a call on 9 languages), so it is asked only then.
        ld = {k: v for k, v in _langdetect_scores(cleaned).items() if k in LATIN_LANGS}
        scores = {k: 0.4 * ld.get(k, 0.0) + 0.6 * lingua.get(k, 0.0) for k in LATIN_LANGS}
        method = "langdetect+lingua"
    else:
        scores = lingua
        method = "lingua"
    if cue_votes is not None:
        for lang, votes in cue_votes(cleaned).items():
            if lang in scores:
                scores[lang] += 0.25 * votes
    if not scores:
        return LanguageGuess(language=fallback, confidence=0.0, method="default")
    best = max(scores, key=lambda k: scores[k])
    total = sum(scores.values()) or 1.0
    confidence = scores[best] / total
    if hint in LATIN_LANGS and confidence < 0.45 and scores.get(hint, 0) > 0.2 * scores[best]:
        return LanguageGuess(language=hint, confidence=round(confidence, 3), method="hint")
    # Two or three words ("Any news??") say little: the conversation's language stands
    # unless another is sure, the market's unless another clearly wins.
    if len(words) <= SHORT_WORDS:
        if conversation in LANGUAGES and conversation != best and confidence < SURE_SHORT:
            return LanguageGuess(language=conversation, confidence=round(confidence, 3), method="conversation")
        if hint in LATIN_LANGS and scores.get(hint, 0) >= 0.5 * scores[best]:
            return LanguageGuess(language=hint, confidence=round(scores[hint] / total, 3), method="hint")
    return LanguageGuess(language=best, confidence=round(confidence, 3), method=method)


def warm_up() -> None:
    """Load lingua's and langdetect's models now (~2.5 s on first use): a server calls this
    before it says it is ready, so that no customer's request pays for it."""
    detect_language("Hola, ¿dónde está mi pedido? Lo compré hace tres semanas y no llega.")
    _lingua_scores("gracias")
    _langdetect_scores("where is my order")
