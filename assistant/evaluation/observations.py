"""What a runner observed for one case: the product's answer, flattened for the metrics.

Metrics never call the product; they read observations. That keeps every metric testable
with hand-made inputs and lets the naive peer pipeline be scored by the very same code.
"""

from __future__ import annotations

from pydantic import BaseModel

from assistant.evaluation.cases import ReplyCase


class RetrievalObs(BaseModel):
    case_id: str
    query: str
    language: str
    market: str | None = None
    relevant: list[str]
    ranked: list[str]  # document ids, best first, one per document
    timings: dict[str, float] = {}


class LabelObs(BaseModel):
    """A predicted label against the expected one (intent or language)."""

    case_id: str
    text: str
    language: str | None = None  # the case's language (for breakdowns)
    market: str | None = None
    expected: str
    predicted: str
    accepted: list[str] = []  # other labels that count as correct (a reply case's alt_intents)
    confidence: float | None = None

    @property
    def correct(self) -> bool:
        return self.predicted == self.expected or self.predicted in self.accepted


class SpanObs(BaseModel):
    kind: str
    start: int
    end: int
    text: str = ""


class PiiDetectionObs(BaseModel):
    """What the personal-data detector reported on a message, beside what the case says is
    there (``expected``: to be covered by a report) and what is not personal data
    (``identifiers``: no report may overlap one)."""

    case_id: str
    message: str
    language: str | None = None
    expected: list[SpanObs] = []
    identifiers: list[SpanObs] = []
    found: list[SpanObs] = []
    timings: dict[str, float] = {}

    def covered(self, span: SpanObs) -> bool:
        return any(f.start <= span.start and span.end <= f.end for f in self.found)

    def overlapping(self, span: SpanObs) -> list[SpanObs]:
        return [f for f in self.found if f.start < span.end and span.start < f.end]


class DraftObs(BaseModel):
    text: str
    language: str | None = None  # what the drafter claims; metrics check independently
    citations: list[str] = []
    strategy: str = "answer"
    generator: str = "offline"


class AutoReplyObs(BaseModel):
    action: str  # reply | handoff
    reply: str | None = None
    reason: str = ""


class ReplyObs(BaseModel):
    case: ReplyCase
    language: str | None = None  # detected language of the customer's message
    intent: str | None = None
    intent_confidence: float | None = None
    escalation_level: str | None = None
    escalation_reasons: list[str] = []
    market: str | None = None
    drafts: list[DraftObs] = []
    sources: list[str] = []
    entities: dict[str, list[str]] = {}
    pii_kinds: list[str] = []  # what the PII detector found in the message
    pii_values: list[str] = []  # the raw personal data found (must never reach a draft)
    autoreply: AutoReplyObs | None = None
    generator: str = "offline"
    tokens_in: int = 0  # LLM prompt tokens (0 on the offline path)
    tokens_out: int = 0
    timings: dict[str, float] = {}
    error: str | None = None  # the product raised: counted as a failure, never dropped

    @property
    def case_id(self) -> str:
        return self.case.id

    @property
    def top_draft(self) -> DraftObs | None:
        return self.drafts[0] if self.drafts else None

    def intent_label(self) -> LabelObs | None:
        if self.case.expect.intent is None or self.intent is None:
            return None
        return LabelObs(case_id=self.case_id, text=self.case.message, language=self.case.expect.language,
                        market=self.case.market, expected=self.case.expect.intent, predicted=self.intent,
                        accepted=self.case.expect.alt_intents, confidence=self.intent_confidence)

    def language_label(self) -> LabelObs | None:
        if self.case.expect.language is None or self.language is None:
            return None
        return LabelObs(case_id=self.case_id, text=self.case.message, language=self.case.expect.language,
                        market=self.case.market, expected=self.case.expect.language, predicted=self.language)
