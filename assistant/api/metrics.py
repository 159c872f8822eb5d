"""Prometheus metrics, on a registry of the app's own (several apps in one test process)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from assistant.models import Suggestion


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.requests = Counter("assistant_http_requests_total", "HTTP requests", ["route", "method", "status"], registry=r)
        self.latency = Histogram("assistant_http_request_seconds", "HTTP request latency", ["route"], registry=r,
                                 buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30))
        self.drafts = Counter("assistant_drafts_total", "Drafts served, by generator", ["generator"], registry=r)
        # reason: llm_busy, llm_deadline, llm_circuit_open, llm_error, llm_unparseable_output, verification_failed
        self.fallbacks = Counter("assistant_llm_fallbacks_total", "LLM drafts replaced by offline ones", ["reason"], registry=r)
        self.llm_circuit_open = Gauge("assistant_llm_circuit_open", "1 while the LLM's circuit breaker is open", registry=r)
        self.handoffs = Counter("assistant_handoffs_total", "Auto-reply handoffs, by reason", ["reason"], registry=r)
        self.autoreplies = Counter("assistant_autoreplies_total", "Auto-reply decisions", ["action"], registry=r)
        self.intents = Counter("assistant_intents_total", "Intents seen", ["intent"], registry=r)
        self.languages = Counter("assistant_languages_total", "Languages seen", ["language"], registry=r)
        self.escalations = Counter("assistant_escalations_total", "Escalation levels seen", ["level"], registry=r)
        self.embedding_batch = Histogram("assistant_embedding_batch_size", "Messages embedded per batch", registry=r,
                                         buckets=(1, 2, 4, 8, 16, 32))

    def observe_suggestion(self, s: Suggestion) -> None:
        self.intents.labels(s.intent).inc()
        self.languages.labels(s.language).inc()
        self.escalations.labels(s.escalation.level).inc()
        for d in s.drafts:
            self.drafts.labels(d.generator).inc()
        if s.fallback_reason:
            for part in s.fallback_reason.split(";"):
                self.fallbacks.labels(part.split(":")[0]).inc()

    def render(self) -> bytes:
        return generate_latest(self.registry)
