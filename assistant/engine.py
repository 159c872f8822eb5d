"""The reply engine: understanding → retrieval → drafting → verification → decision.

One object per process, built from settings at the edge (``ReplyEngine.from_settings``) or
from explicit collaborators in tests. ``suggest`` is what an agent gets; ``auto_reply`` is
what the bot would send, or why it hands off.
"""

from __future__ import annotations

import datetime as dt
import queue
import re
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any, Protocol

import numpy as np

from assistant.decision.autoreply import AutoReplyPolicy, decide
from assistant.drafting.context import build_values
from assistant.drafting.guidance import agent_guidance
from assistant.drafting.offline import DraftRequest, OfflineDrafter
from assistant.drafting.packs import available_languages, load_guidance, load_pack, load_plans
from assistant.drafting.situation import situation_for
from assistant.index.knowledge import KnowledgeIndex
from assistant.index.retriever import Hit
from assistant.kb.facts import KnowledgeBase
from assistant.kb.loader import load_knowledge_base
from assistant.models import AutoReply, Draft, ReplyRequest, Source, Suggestion
from assistant.settings import Settings
from assistant.understanding.analyze import Analysis, Analyzer
from assistant.understanding.intent import IntentClassifier
from assistant.understanding.language import warm_up as warm_up_language
from assistant.understanding.lexicon import load_lexicons
from assistant.verification.verify import Verifier

SOURCE_TYPES = ["faq", "policy", "playbook"]


DeltaCallback = Callable[[int, str], None]


class LLMDrafter(Protocol):
    def draft(self, request: ReplyRequest, analysis: Analysis, hits: list[Hit], offline: list[Draft],
              kb: KnowledgeBase, on_delta: DeltaCallback | None = None) -> list[Draft | None]: ...


class ReplyEngine:
    def __init__(
        self,
        settings: Settings,
        index: KnowledgeIndex,
        kb: KnowledgeBase,
        analyzer: Analyzer,
        llm: LLMDrafter | None = None,
        clock: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self.settings = settings
        self.index = index
        self.kb = kb
        self.analyzer = analyzer
        self.llm = llm
        self.clock = clock
        prompts = settings.prompts_dir
        self.languages = set(available_languages(prompts))
        self.offline = OfflineDrafter(load_plans(prompts), lambda lang: load_pack(prompts, lang))
        self.verifier = Verifier(kb, analyzer.lexicons)
        self.guidance = load_guidance(prompts, settings.agent_language)
        self.policy = AutoReplyPolicy(
            allowed_intents=settings.autoreply_intents,
            min_intent_confidence=settings.autoreply_min_intent_confidence,
            min_retrieval_score=settings.autoreply_min_retrieval_score,
        )
        index.listeners.append(self.reload_knowledge)  # another process ingested (Chroma server)
        high = kb.fact("vip_rfm_min", None)
        self.analyzer.high_value_min = int(high.value) if high else 12

    @classmethod
    def from_settings(
        cls, settings: Settings, index: KnowledgeIndex | None = None, llm: LLMDrafter | None = None,
    ) -> ReplyEngine:
        index = index or KnowledgeIndex.from_settings(settings)
        kb = KnowledgeBase(load_knowledge_base(settings.kb_dir))
        if index.is_empty:  # first start on a fresh machine: index the bundled knowledge base
            index.ingest(settings.kb_dir)
        classifier = IntentClassifier.from_dir(
            index.embeddings.encode, settings.prompts_dir / "intents", settings.data_dir / "models"
        )
        analyzer = Analyzer(classifier, load_lexicons(settings.prompts_dir / "lexicons"))
        if llm is None and settings.llm_configured:
            from assistant.drafting.llm import ChainDrafter

            llm = ChainDrafter.from_settings(settings)
        return cls(settings, index, kb, analyzer, llm)

    def warm_up(self) -> None:
        """Load now what is otherwise loaded on first use, so that a server's first requests
        are not its slow ones: the sentence encoder (~2 s: its tokenizer is built on first
        use), the language detectors' models (~2.5 s) and the language packs."""
        self.index.embeddings.encode(["Where is my order?"])
        warm_up_language()
        for language in sorted(self.languages):
            load_pack(self.settings.prompts_dir, language)

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
        vectors = np.vstack([self.index.embeddings.encode([m]) for m in messages])
        self.analyzer.classifier.prepare(vectors)
        self.index.retriever.prepare(vectors)

    def reload_knowledge(self) -> None:
        self.kb = KnowledgeBase(load_knowledge_base(self.settings.kb_dir))
        self.verifier = Verifier(self.kb, self.analyzer.lexicons)

    # ------------------------------------------------------------------------------------
    def suggest_stream(self, request: ReplyRequest) -> Iterator[tuple[str, Any]]:
        """``("delta", {"draft": i, "text": chunk})`` while an LLM writes, then ``("final", Suggestion)``."""
        events: queue.Queue[tuple[str, Any]] = queue.Queue()

        def work() -> None:
            try:
                result = self.suggest(request, on_delta=lambda i, t: events.put(("delta", {"draft": i, "text": t})))
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

    def suggest(self, request: ReplyRequest, on_delta: DeltaCallback | None = None) -> Suggestion:
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        analysis = self.analyzer.analyze(request)
        timings["understand_ms"] = (time.perf_counter() - t0) * 1000
        language = analysis.language if analysis.language in self.languages else "en"

        t1 = time.perf_counter()
        hits = self.index.search(analysis.redacted_message, k=self.settings.retrieval_k,
                                 market=analysis.market, doc_types=SOURCE_TYPES)
        timings["retrieve_ms"] = (time.perf_counter() - t1) * 1000

        t2 = time.perf_counter()
        offline, situation, derived = self._offline_drafts(request, analysis, language, hits)
        context = self._grounding_context(request, analysis, derived)
        drafts, generator, fallback = offline, "offline", None
        if self.llm is not None:
            drafts, generator, fallback = self._llm_drafts(analysis, hits, offline, request, context, on_delta)
        timings["draft_ms"] = (time.perf_counter() - t2) * 1000

        verification = []
        for d in drafts:
            verdict = self.verifier.verify(d, language, context, analysis.pii_values)
            verification.append({"strategy": d.strategy, "passed": verdict.passed,
                                 "issues": [i.model_dump() for i in verdict.issues]})
        value = analysis.customer_value
        return Suggestion(
            language=analysis.language, language_confidence=analysis.language_confidence,
            intent=analysis.intent, intent_confidence=analysis.intent_confidence,
            escalation=analysis.escalation, drafts=drafts,
            guidance=agent_guidance(self.guidance, analysis.intent, situation, analysis.escalation,
                                    request.channel, bool(analysis.pii_kinds), bool(value and value.high_value)),
            sources=[Source(doc_id=h.doc_id, title=h.passage.title, doc_type=h.passage.doc_type,
                            score=round(h.score, 4), snippet=h.snippet()) for h in hits],
            pii_redacted=bool(analysis.pii_kinds), generator=generator, fallback_reason=fallback,
            market=analysis.market, situation=situation, cues=analysis.cues, pii_kinds=analysis.pii_kinds,
            entities=analysis.entities.model_dump(), customer_value=value,
            verification=verification, suggestion_id=uuid.uuid4().hex,
            timings={k: round(v, 2) for k, v in timings.items()},
        )

    def auto_reply(self, request: ReplyRequest) -> AutoReply:
        suggestion = self.suggest(request.model_copy(update={"drafts": 1}))
        top = max((s.score for s in suggestion.sources), default=0.0)
        verified = bool(suggestion.verification and suggestion.verification[0]["passed"])
        decision = decide(self.policy, suggestion.intent, suggestion.intent_confidence,
                          suggestion.escalation.level, suggestion.escalation.reasons, top, verified,
                          cues=set(suggestion.cues), situation=suggestion.situation,
                          pii_kinds=set(suggestion.pii_kinds))
        reply = suggestion.drafts[0].text if decision.action == "reply" and suggestion.drafts else None
        return AutoReply(**suggestion.model_dump(), action=decision.action, reply=reply, reason=decision.reason)

    # ------------------------------------------------------------------------------------
    def _offline_drafts(self, request: ReplyRequest, analysis: Analysis, language: str,
                        hits: list[Hit]) -> tuple[list[Draft], str, dict[str, str]]:
        values = build_values(self.kb, analysis.market, request, analysis.customer_value, self.clock())
        # Identifiers the customer wrote are known too (the order context wins when given).
        if analysis.entities.order_numbers:
            values.values.setdefault("order_number", analysis.entities.order_numbers[0])
        if analysis.entities.tracking_numbers:
            values.values.setdefault("tracking_number", analysis.entities.tracking_numbers[0])
        days = values.values.get("days_in_transit")
        method = request.order.shipping_method if request.order and request.order.shipping_method else "standard"
        limit = values.values.get(f"{method}_days", values.values.get("standard_days"))
        max_days = max((int(n) for n in re.findall(r"\d+", limit)), default=None) if limit else None
        cues = set(analysis.cues)
        situation = situation_for(analysis.intent, cues, request.order, analysis.market,
                                  int(days) if days else None, max_days)
        req = DraftRequest(
            language=language, intent=analysis.intent, situation=situation,
            escalation=analysis.escalation, formality=self.kb.formality(analysis.market),
            repeat_contact="repeated_contact" in analysis.escalation.reasons,
            follow_up="follow_up" in cues and analysis.intent in ("review_feedback", "other", "complaint"),
            values=values, retrieved=[h.doc_id for h in hits],
            drafts=request.drafts or self.settings.default_drafts,
            high_value=bool(analysis.customer_value and analysis.customer_value.high_value),
        )
        # Values computed from the order (days in transit) are grounded in the order too.
        derived = {k: v for k, v in values.values.items() if k not in values.sources}
        return self.offline.draft(req), situation, derived

    def _llm_drafts(self, analysis: Analysis, hits: list[Hit], offline: list[Draft], request: ReplyRequest,
                    context: str, on_delta: DeltaCallback | None = None) -> tuple[list[Draft], str, str | None]:
        assert self.llm is not None
        try:
            candidates = self.llm.draft(request, analysis, hits, offline, self.kb, on_delta)
        except Exception as exc:  # noqa: BLE001 - an LLM failure must never reach the caller
            return offline, "offline", f"llm_error:{type(exc).__name__}"
        language = analysis.language if analysis.language in self.languages else "en"
        out, reasons = [], []
        for i, fallback in enumerate(offline):
            candidate = candidates[i] if i < len(candidates) else None
            if candidate is None:
                out.append(fallback)
                reasons.append("llm_unparseable_output")
                continue
            verdict = self.verifier.verify(candidate, language, context, analysis.pii_values)
            if verdict.passed:
                out.append(candidate)
            else:
                out.append(fallback)
                reasons.append(f"verification_failed:{verdict.reason}")
        generator = "llm" if any(d.generator == "llm" for d in out) else "offline"
        reason = ";".join(dict.fromkeys(reasons)) or None
        return out, generator, reason

    def _grounding_context(self, request: ReplyRequest, analysis: Analysis, derived: dict[str, str]) -> str:
        parts = [analysis.redacted_message, " ".join(derived.values())]
        if request.order:
            parts.append(request.order.model_dump_json())
        return "\n".join(parts)
