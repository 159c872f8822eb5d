"""The reply engine: understanding → retrieval → drafting → verification → decision.

Built by ``assistant.wiring.build_engine`` (the one place that names concrete classes).
Its public surface is all that the API, the CLI, the evaluation and the benches use:

- ``suggest`` / ``suggest_stream``: what an agent gets; ``auto_reply``: what the bot would
  send, which is ``decide(suggest(...))`` with one draft; ``decide`` is pure;
- ``search``, ``reingest`` (ingest and reload the facts in one call), ``status``;
- serving helpers: ``warm_up``, and for requests that arrive together ``embedding_inputs``,
  ``embed_ahead``, ``is_embedded`` and ``prepare``; ``waits_on_network``, ``llm_state``;
- the detectors the evaluation scores on their own: ``classify_intents``,
  ``detect_language``, ``find_personal_data``.
Collaborators are private.
"""

from __future__ import annotations

import datetime as dt
import logging
import queue
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from assistant.decision.autoreply import AutoReplyPolicy
from assistant.decision.autoreply import decide as decide_action
from assistant.drafting.guard import GuardedDrafter, LLMUnavailable
from assistant.drafting.guidance import agent_guidance
from assistant.drafting.offline import OfflineDrafter
from assistant.drafting.packs import Guidance, PackLibrary
from assistant.drafting.plan import grounding_context, plan_offline
from assistant.index.knowledge import KnowledgeIndex
from assistant.index.retriever import Hit
from assistant.kb.facts import KnowledgeBase
from assistant.models import (
    AutoReply,
    Draft,
    DraftCheck,
    DraftIssue,
    EngineStatus,
    IngestReport,
    IntentGuess,
    LanguageGuess,
    PiiItem,
    ReplyRequest,
    SearchResult,
    Source,
    Suggestion,
)
from assistant.settings import Settings
from assistant.taxonomy import DEFAULT_MARKET_FOR_LANGUAGE, DocType
from assistant.understanding.analyze import Analysis, Analyzer
from assistant.understanding.language import detect_language
from assistant.understanding.language import warm_up as warm_up_language
from assistant.understanding.pii import find_pii, redact
from assistant.verification.verify import Verifier

SOURCE_TYPES: list[str] = ["faq", "policy", "playbook"]
PROGRESS_EVERY = 200  # characters of LLM output between two progress events
INTENT_BATCH = 64

log = logging.getLogger("assistant.llm")

DeltaCallback = Callable[[int, str], None]
StreamEvent = tuple[str, Any]  # ("progress", {"stage", "draft", "chars"}) | ("final", Suggestion)


class LLMDrafter(Protocol):
    def draft(self, request: ReplyRequest, analysis: Analysis, hits: list[Hit], offline: list[Draft],
              kb: KnowledgeBase, on_delta: DeltaCallback | None = None) -> list[Draft | None]: ...


@dataclass(frozen=True)
class Knowledge:
    """What an ingest changes: the shop's facts and the verifier that checks drafts on them."""

    kb: KnowledgeBase
    verifier: Verifier


class ReplyEngine:
    def __init__(
        self,
        settings: Settings,
        *,
        index: KnowledgeIndex,
        analyzer: Analyzer,
        offline: OfflineDrafter,
        packs: PackLibrary,
        guidance: Guidance,
        policy: AutoReplyPolicy,
        load_knowledge: Callable[[], Knowledge],
        llm: LLMDrafter | None = None,
        clock: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._settings = settings
        self._index = index
        self._analyzer = analyzer
        self._offline = offline
        self._packs = packs
        self._guidance = guidance
        self._policy = policy
        self._load_knowledge = load_knowledge
        self._knowledge = load_knowledge()
        self._llm = llm
        self._clock = clock

    # --- what callers use ----------------------------------------------------------------
    def suggest(self, request: ReplyRequest) -> Suggestion:
        return self._suggest(request, None)

    def suggest_stream(self, request: ReplyRequest) -> Iterator[StreamEvent]:
        """``("progress", {"stage": "drafting", "draft": i, "chars": n})`` while an LLM writes,
        then ``("final", Suggestion)``. Never the text being written: nothing reaches the
        caller before verification has seen it."""
        events: queue.Queue[tuple[str, Any]] = queue.Queue()
        written: dict[int, int] = {}

        def progress(i: int, chunk: str) -> None:
            before = written.get(i, 0)
            written[i] = before + len(chunk)
            if before == 0 or written[i] // PROGRESS_EVERY > before // PROGRESS_EVERY:
                events.put(("progress", {"stage": "drafting", "draft": i, "chars": written[i]}))

        def work() -> None:
            try:
                result = self._suggest(request, progress)
                events.put(("final", result))
            except Exception as exc:  # noqa: BLE001 - re-raised in the consumer's thread
                events.put(("exception", exc))

        threading.Thread(target=work, daemon=True).start()
        while True:
            kind, payload = events.get()
            if kind == "exception":
                raise payload
            yield kind, payload
            if kind == "final":
                return

    def auto_reply(self, request: ReplyRequest) -> AutoReply:
        return self.decide(self.suggest(request.model_copy(update={"drafts": 1})))

    def decide(self, suggestion: Suggestion) -> AutoReply:
        """What the bot does with a suggestion: send its first draft, or hand off and say why.
        Pure: the same suggestion always gets the same decision."""
        top = max((s.score for s in suggestion.sources), default=0.0)
        verified = bool(suggestion.verification and suggestion.verification[0].passed)
        decision = decide_action(self._policy, suggestion.intent, suggestion.intent_confidence,
                                 suggestion.escalation.level, suggestion.escalation.reasons, top, verified,
                                 cues=set(suggestion.cues), situation=suggestion.situation,
                                 pii_kinds=set(suggestion.pii_kinds))
        reply = suggestion.drafts[0].text if decision.action == "reply" and suggestion.drafts else None
        return AutoReply(**dict(suggestion), action=decision.action, reply=reply, reason=decision.reason)

    def search(self, query: str, k: int = 5, market: str | None = None,
               doc_types: list[DocType] | None = None) -> list[SearchResult]:
        hits = self._index.search(query, k=k, market=market, doc_types=list(doc_types) if doc_types else None)
        return [SearchResult(doc_id=h.doc_id, title=h.passage.title, doc_type=h.passage.doc_type,
                             score=round(h.score, 4), snippet=h.snippet(), heading=h.passage.heading,
                             passage_id=h.passage.id, text=h.passage.text) for h in hits]

    def reingest(self, progress: Callable[[int, int], None] | None = None) -> IngestReport:
        """Index the configured knowledge base (incremental) and reload the facts drafts use."""
        report = self._index.ingest(self._settings.kb_dir, progress)
        self.reload_knowledge()
        return report

    def reload_knowledge(self) -> None:
        """Read the knowledge base's facts again (after an ingest here or in another process)."""
        self._knowledge = self._load_knowledge()

    def status(self) -> EngineStatus:
        return EngineStatus(passages=self._index.retriever.size, generator="llm" if self._llm else "offline",
                            languages=sorted(self._packs.languages))

    @property
    def waits_on_network(self) -> bool:
        """True when a request waits on an LLM endpoint (run it off the event loop)."""
        return self._llm is not None

    @property
    def llm_state(self) -> str:
        """``off`` (no LLM), ``ok``, or ``circuit_open`` while failures keep it out (drafts offline)."""
        if self._llm is None:
            return "off"
        return "circuit_open" if isinstance(self._llm, GuardedDrafter) and self._llm.circuit_state == "circuit_open" else "ok"

    # --- serving helpers -----------------------------------------------------------------
    def warm_up(self) -> None:
        """Load now what is otherwise loaded on first use, so that a server's first requests
        are not its slow ones: the sentence encoder (~2 s: its tokenizer is built on first
        use), the language detectors' models (~2.5 s) and the language packs."""
        self._index.embeddings.encode(["Where is my order?"])
        warm_up_language()
        self._packs.load_all()

    def embedding_inputs(self, request: ReplyRequest) -> list[str]:
        """The texts ``suggest`` will embed, for embedding ahead of it in a batch."""
        return self._analyzer.embedding_inputs(request)

    def embed_ahead(self, texts: list[str]) -> None:
        """Embed the texts not embedded recently in one batch (later calls find them cached)."""
        self._index.embeddings.prime(texts)

    def is_embedded(self, text: str) -> bool:
        return self._index.embeddings.is_cached(text)

    def prepare(self, messages: list[str]) -> None:
        """Score a group of (redacted) messages about to be answered against the intent
        examples and the passages, one matrix product each instead of one matrix-vector
        product per request. Those scans are memory-bound (3.4 MB a request), so a group of
        eight costs about what one request did; each request then finds its rows. Only the
        choice of candidates uses them (their scores are recomputed per request), and a
        group's product can differ from a single one in the last bits: that changes a
        candidate set only on a near-tie at its cut-off (none in 8,000 real queries)."""
        if len(messages) < 2:
            return
        vectors = np.vstack([self._index.embeddings.encode([m]) for m in messages])
        self._analyzer.classifier.prepare(vectors)
        self._index.retriever.prepare(vectors)

    # --- detectors, for evaluating each on its own ----------------------------------------
    def classify_intents(self, texts: list[str]) -> list[IntentGuess]:
        """Intent of single utterances with no thread, redacted first (as ``suggest`` does)."""
        out: list[IntentGuess] = []
        for start in range(0, len(texts), INTENT_BATCH):
            batch = [redact(t) for t in texts[start:start + INTENT_BATCH]]
            vectors = np.asarray(self._index.embeddings.encode(batch), dtype=np.float32)
            for text, vec in zip(batch, vectors, strict=True):
                p = self._analyzer.classifier.predict_vector(vec, text)
                out.append(IntentGuess(intent=p.intent, confidence=p.confidence))
        return out

    def detect_language(self, text: str, market: str | None = None) -> LanguageGuess:
        """Language of a customer's message (redacted first), the market as the hint."""
        hint = next((lang for lang, m in DEFAULT_MARKET_FOR_LANGUAGE.items() if m == market), None)
        return detect_language(redact(text), hint=hint, cue_votes=self._analyzer.lexicons.politeness_votes)

    def find_personal_data(self, text: str) -> list[PiiItem]:
        return find_pii(text)

    # --- the pipeline ----------------------------------------------------------------------
    def _suggest(self, request: ReplyRequest, on_delta: DeltaCallback | None) -> Suggestion:
        knowledge = self._knowledge  # one snapshot for the whole request
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        analysis = self._analyzer.analyze(request)
        timings["understand_ms"] = (time.perf_counter() - t0) * 1000
        language = analysis.language if analysis.language in self._packs.languages else "en"

        t1 = time.perf_counter()
        hits = self._index.search(analysis.redacted_message, k=self._settings.retrieval_k,
                                  market=analysis.market, doc_types=SOURCE_TYPES)
        timings["retrieve_ms"] = (time.perf_counter() - t1) * 1000

        t2 = time.perf_counter()
        planned = plan_offline(request, analysis, language, hits, knowledge.kb, self._clock(),
                               self._settings.default_drafts)
        offline, situation = self._offline.draft(planned.request), planned.request.situation
        context = grounding_context(request, analysis, planned.derived)
        drafts, generator, fallback = offline, "offline", None
        if self._llm is not None:
            drafts, generator, fallback = self._llm_drafts(analysis, hits, offline, request, context,
                                                           knowledge, on_delta)
        timings["draft_ms"] = (time.perf_counter() - t2) * 1000

        checks = []
        for d in drafts:
            verdict = knowledge.verifier.verify(d, language, context, analysis.pii_values)
            checks.append(DraftCheck(strategy=d.strategy, passed=verdict.passed,
                                     issues=[DraftIssue(code=i.code, detail=i.detail) for i in verdict.issues]))
        value = analysis.customer_value
        return Suggestion(
            language=analysis.language, language_confidence=analysis.language_confidence,
            intent=analysis.intent, intent_confidence=analysis.intent_confidence,
            escalation=analysis.escalation, drafts=drafts,
            guidance=agent_guidance(self._guidance, analysis.intent, situation, analysis.escalation,
                                    request.channel, bool(analysis.pii_kinds), bool(value and value.high_value),
                                    unsafe_fields=bool(planned.rejected)),
            sources=[Source(doc_id=h.doc_id, title=h.passage.title, doc_type=h.passage.doc_type,
                            score=round(h.score, 4), snippet=h.snippet()) for h in hits],
            pii_redacted=bool(analysis.pii_kinds), generator=generator,
            fallback_reason=fallback, market=analysis.market, situation=situation, cues=analysis.cues,
            pii_kinds=analysis.pii_kinds, entities=analysis.entities, customer_value=value,
            verification=checks, suggestion_id=uuid.uuid4().hex,
            timings={k: round(v, 2) for k, v in timings.items()},
        )

    def _llm_drafts(self, analysis: Analysis, hits: list[Hit], offline: list[Draft], request: ReplyRequest,
                    context: str, knowledge: Knowledge,
                    on_delta: DeltaCallback | None) -> tuple[list[Draft], str, str | None]:
        assert self._llm is not None
        try:
            candidates = self._llm.draft(request, analysis, hits, offline, knowledge.kb, on_delta)
        except LLMUnavailable as exc:  # the guard declined or gave up (and logged why)
            return offline, "offline", exc.reason
        except Exception as exc:  # noqa: BLE001 - an LLM failure must never reach the caller
            log.warning("llm fallback", extra={"reason": f"llm_error:{type(exc).__name__}"})
            return offline, "offline", f"llm_error:{type(exc).__name__}"
        language = analysis.language if analysis.language in self._packs.languages else "en"
        out, reasons = [], []
        for i, fallback in enumerate(offline):
            candidate = candidates[i] if i < len(candidates) else None
            if candidate is None:
                out.append(fallback)
                reasons.append("llm_unparseable_output")
                continue
            verdict = knowledge.verifier.verify(candidate, language, context, analysis.pii_values)
            if verdict.passed:
                out.append(candidate)
            else:
                out.append(fallback)
                reasons.append(f"verification_failed:{verdict.reason}")
        generator = "llm" if any(d.generator == "llm" for d in out) else "offline"
        reason = ";".join(dict.fromkeys(reasons)) or None
        if reason:  # one line per fallback; the reason names issue codes, never the text
            log.warning("llm fallback", extra={"reason": reason, "intent": analysis.intent, "language": language})
        return out, generator, reason
