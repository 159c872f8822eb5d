"""Verification of a draft, whoever wrote it (offline drafter or LLM).

A draft passes when it is
- written in the customer's language (independent language ID on the draft);
- grounded: every number, duration, amount and percentage appears in a cited source, the
  order context or the customer's own message;
- free of the tone guide's forbidden phrases, in every language;
- free of prompt internals (template placeholders, internal notes, talk about its own
  instructions in any language, the prompt's rules in other words);
- free of links outside the shop's domains and of markup (see content.py);
- never asking for card data, codes or passwords (in any language);
- free of personal data (nothing the detector finds, no redaction placeholder echoed);
- citing only documents that exist.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from assistant.kb.facts import KnowledgeBase
from assistant.models import Draft
from assistant.understanding.language import detect_language
from assistant.understanding.lexicon import Lexicons
from assistant.understanding.pii import PLACEHOLDER, find_pii
from assistant.verification.content import PromptEcho, foreign_links, has_markup

NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")
INTERNAL_MARKERS = re.compile(
    r"(?i)system prompt|internal note|guardrail|<\|?(?:system|im_start|im_end)|\{[a-z_]+\}|###\s*(?:context|sources)"
)


class Issue(BaseModel):
    model_config = ConfigDict(frozen=True)  # memoised issues are shared between verdicts

    code: str
    detail: str


class Verdict(BaseModel):
    passed: bool
    issues: list[Issue] = []

    @property
    def reason(self) -> str | None:
        return ",".join(sorted({i.code for i in self.issues})) or None


def numbers_in(text: str) -> set[str]:
    """Every number in ``text``, as written and without separators ("1,299" and "1299")."""
    out = set()
    for raw in NUMBER.findall(text):
        out.add(raw)
        out.add(re.sub(r"[.,]", "", raw))
    return out


def ungrounded_numbers(draft: str, grounding: str | set[str]) -> list[str]:
    """Numbers of ``draft`` found neither in the ``grounding`` text nor in a set from ``numbers_in``."""
    available = numbers_in(grounding) if isinstance(grounding, str) else grounding
    return [raw for raw in NUMBER.findall(draft)
            if raw not in available and re.sub(r"[.,]", "", raw) not in available]


class Verifier:
    def __init__(self, kb: KnowledgeBase, lexicons: Lexicons, allowed_domains: frozenset[str] = frozenset(),
                 prompt_echo: PromptEcho | None = None) -> None:
        """``allowed_domains``: links a reply may carry (the shop's; subdomains included);
        ``prompt_echo``: the LLM prompt's rules, to catch a draft repeating them."""
        self.kb = kb
        self.lexicons = lexicons
        self.allowed_domains = allowed_domains
        self.prompt_echo = prompt_echo
        # The numbers of each document, found once: a policy is a few kilobytes and every
        # draft cites one or two (measured: 0.7 of 2.2 ms a draft went to re-reading them).
        self._doc_numbers: dict[str, frozenset[str]] = {}
        self._context: tuple[str, frozenset[str]] = ("", frozenset())
        self._text_checks = lru_cache(maxsize=4096)(self._check_text)

    def _grounding(self, citations: list[str], context_text: str) -> set[str]:
        available: set[str] = set()
        for doc_id in citations:
            if doc_id in self.kb.docs:
                if doc_id not in self._doc_numbers:
                    self._doc_numbers[doc_id] = frozenset(numbers_in(self.kb.text(doc_id)))
                available |= self._doc_numbers[doc_id]
        context, numbers = self._context  # one request's drafts share its context
        if context != context_text:
            numbers = frozenset(numbers_in(context_text))
            self._context = (context_text, numbers)
        return available | numbers

    def verify(self, draft: Draft, language: str, context_text: str, redacted_values: list[str]) -> Verdict:
        issues: list[Issue] = []
        text = draft.text
        unknown = [c for c in draft.citations if c not in self.kb.docs]
        if unknown:
            issues.append(Issue(code="invalid_citation", detail=f"unknown documents {unknown}"))
        wrong_language, forbidden, leak, personal, empty, content = self._text_checks(
            text, language, draft.generator == "llm")
        if wrong_language:
            issues.append(wrong_language)
        missing = ungrounded_numbers(text, self._grounding(draft.citations, context_text))
        if missing:
            issues.append(Issue(code="ungrounded_number", detail=f"not in a cited source or the order: {missing[:5]}"))
        issues += [i for i in (forbidden, leak, *content) if i]
        if personal or any(v and v in text for v in redacted_values):
            issues.append(Issue(code="personal_data", detail="draft contains personal data"))
        if empty:
            issues.append(empty)
        return Verdict(passed=not issues, issues=issues)

    def _check_text(self, text: str, language: str, llm: bool) -> tuple[
            Issue | None, Issue | None, Issue | None, bool, Issue | None, tuple[Issue, ...]]:
        """The checks that depend on the draft's text alone (memoised per Verifier: the offline
        drafter writes the very same text for every customer with the same question, and these
        checks were 0.5 ms of a draft): language, forbidden phrases, prompt internals,
        personal data the detector finds, emptiness, links, markup, credential requests.
        ``llm``: an LLM wrote it (only an LLM has seen the prompt, so only its drafts are
        compared with the prompt's rules)."""
        wrong_language = None
        body = _body_only(text)
        if len(re.findall(r"\w+", body)) >= 3:
            # Function words first (decisive on a paragraph, microseconds), the detector when unsure.
            read_as = self.lexicons.function_word_language(body) or detect_language(
                _ends(body), hint=language, fast=True).language
            if read_as != language:
                wrong_language = Issue(code="wrong_language", detail=f"draft reads as {read_as}, expected {language}")
        languages = self.lexicons.has_any_language("forbidden_phrases", text)
        forbidden = Issue(code="forbidden_phrase", detail=f"tone-guide forbidden phrase ({', '.join(languages)})") \
            if languages else None
        leak = None
        if _may_leak(text) and INTERNAL_MARKERS.search(text):
            leak = Issue(code="prompt_leak", detail="draft contains prompt internals or template markers")
        elif talk := self.lexicons.has_any_language("prompt_talk", text):
            leak = Issue(code="prompt_leak", detail=f"draft talks about its instructions ({', '.join(talk)})")
        elif llm and self.prompt_echo is not None and (echo := self.prompt_echo.echoes(text)):
            leak = Issue(code="prompt_leak", detail=f"draft repeats the prompt's rules: {echo[0][:80]!r}")
        personal = bool(find_pii(text)) or any(p in text for p in PLACEHOLDER.values())
        empty = None if text.strip() else Issue(code="empty", detail="draft is empty")
        return wrong_language, forbidden, leak, personal, empty, self._content(text)

    def _content(self, text: str) -> tuple[Issue, ...]:
        issues = []
        links = foreign_links(text, self.allowed_domains)
        if links:
            issues.append(Issue(code="link", detail=f"links outside the shop's domains: {links[:3]}"))
        if has_markup(text):
            issues.append(Issue(code="markup", detail="draft contains markup (HTML, entities or Markdown links)"))
        if asks := self.lexicons.has_any_language("credential_requests", text):
            issues.append(Issue(code="credential_request",
                                detail=f"draft asks for card data, a code or a password ({', '.join(asks)})"))
        return tuple(issues)


# The regex engine's case-insensitive matching also equates these with "i" and "s"
# ("İnternal note" in a Turkish draft); str.lower() does not.
_REGEX_FOLDS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def _may_leak(text: str) -> bool:
    """Whether ``INTERNAL_MARKERS`` can match: each of its alternatives contains one of these
    (a case-insensitive alternation is tried at every position: 0.05 ms a draft)."""
    if "<" in text or "{" in text or "###" in text:
        return True
    lower = text.translate(_REGEX_FOLDS).lower()
    return any(word in lower for word in ("system prompt", "internal note", "guardrail"))


def _ends(text: str, each: int = 120) -> str:
    """The opening and the close of a long text: language ID costs ~1.2 µs a character and a
    whole-text vote would not flag one foreign sentence in the middle anyway."""
    return text if len(text) <= 2 * each else text[:each] + "\n" + text[-each:]


def _body_only(text: str) -> str:
    """Greeting and sign-off lines carry names and brand; language ID reads the middle."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    core = paragraphs[1:-1] if len(paragraphs) > 2 else paragraphs
    return "\n".join(core)
