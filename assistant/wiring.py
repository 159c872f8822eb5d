"""Wiring: the one place that names the concrete classes and puts an engine together.

Everything else receives what it needs: the API, the CLI, the evaluation and the benches
call ``build_engine`` and then use the engine's public surface (``assistant/engine.py``).
Tests pass a prepared ``index``, a fake ``llm`` or a fixed ``clock``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from assistant.core.embeddings import MultilingualEmbeddings
from assistant.core.tokens import TokenCounter
from assistant.decision.autoreply import AutoReplyPolicy
from assistant.drafting.guard import GuardedDrafter, client_settings
from assistant.drafting.llm_prompt import load_prompt
from assistant.drafting.offline import OfflineDrafter
from assistant.drafting.packs import PackLibrary, load_guidance, load_plans
from assistant.engine import Knowledge, LLMDrafter, ReplyEngine
from assistant.index.knowledge import KnowledgeIndex
from assistant.kb.facts import KnowledgeBase
from assistant.kb.loader import load_knowledge_base
from assistant.models import LanguageGuess
from assistant.settings import Settings
from assistant.understanding.analyze import Analyzer
from assistant.understanding.intent import IntentClassifier
from assistant.understanding.language import detect_language as _detect_language
from assistant.understanding.lexicon import Lexicons, load_lexicons
from assistant.verification.content import PromptEcho, link_domains
from assistant.verification.verify import Verifier
from assistant.verification.verify import ungrounded_numbers as _ungrounded_numbers

DEFAULT_HIGH_VALUE_MIN = 12  # RFM total, when the knowledge base has no `vip_rfm_min` fact


def build_index(settings: Settings, *, embedder: MultilingualEmbeddings | None = None) -> KnowledgeIndex:
    """The knowledge index alone (``ingest`` and ``search`` commands need no models)."""
    return KnowledgeIndex.from_settings(settings, embeddings=embedder)


def build_engine(
    settings: Settings,
    *,
    index: KnowledgeIndex | None = None,
    llm: LLMDrafter | None = None,
    embedder: MultilingualEmbeddings | None = None,
    clock: Callable[[], dt.date] = dt.date.today,
) -> ReplyEngine:
    """An engine from settings: opens (and on a fresh machine builds) the index, loads or
    trains the intent model, loads the prompts, and connects the LLM when one is configured."""
    index = index or build_index(settings, embedder=embedder)
    if index.is_empty:  # first start on a fresh machine: index the bundled knowledge base
        index.ingest(settings.kb_dir)
    lexicons = load_lexicons(settings.prompts_dir / "lexicons")
    kb = load_kb(settings)
    classifier = IntentClassifier.from_dir(
        index.embeddings.encode, settings.prompts_dir / "intents", settings.data_dir / "models"
    )
    high = kb.fact("vip_rfm_min", None)
    analyzer = Analyzer(classifier, lexicons, high_value_min=int(high.value) if high else DEFAULT_HIGH_VALUE_MIN)
    packs = PackLibrary(settings.prompts_dir)
    if llm is None and settings.llm_configured:
        from assistant.drafting.llm import ChainDrafter  # langchain-openai loads only when used

        llm = ChainDrafter.from_settings(client_settings(settings))
    if llm is not None and not isinstance(llm, GuardedDrafter):
        # Every LLM, configured or passed in, gets the deadline, its own threads and the
        # circuit breaker: none can hold a request, or the service, longer than the deadline.
        llm = GuardedDrafter.from_settings(llm, settings)

    first = [kb]

    prompt = load_prompt(settings.prompts_dir)

    def load_knowledge() -> Knowledge:
        facts = first.pop() if first else load_kb(settings)
        texts = [facts.text(doc_id) for doc_id in facts.docs]
        domains = set().union(*(link_domains(t) for t in texts)) | {d.lower() for d in settings.allowed_link_domains}
        echo = PromptEcho(prompt.system + "\n" + prompt.user, public_texts=texts)
        return Knowledge(kb=facts, verifier=Verifier(facts, lexicons, frozenset(domains), echo))

    engine = ReplyEngine(
        settings,
        index=index,
        analyzer=analyzer,
        offline=OfflineDrafter(load_plans(settings.prompts_dir), packs),
        packs=packs,
        guidance=load_guidance(settings.prompts_dir, settings.agent_language),
        policy=AutoReplyPolicy(
            allowed_intents=settings.autoreply_intents,
            min_intent_confidence=settings.autoreply_min_intent_confidence,
            min_retrieval_score=settings.autoreply_min_retrieval_score,
        ),
        load_knowledge=load_knowledge,
        llm=llm,
        clock=clock,
    )
    index.listeners.append(engine.reload_knowledge)  # another process ingested (Chroma server)
    return engine


def load_kb(settings: Settings) -> KnowledgeBase:
    """The shop's facts from the knowledge base (validated)."""
    return KnowledgeBase(load_knowledge_base(settings.kb_dir))


def lexicons(settings: Settings) -> Lexicons:
    return load_lexicons(settings.prompts_dir / "lexicons")


def token_counter(settings: Settings) -> TokenCounter:
    return TokenCounter(settings.tokenizer_encoding, settings.tiktoken_cache_dir)


def embedder() -> MultilingualEmbeddings:
    """A sentence encoder of its own (cache and batcher; the model's weights are shared)."""
    return MultilingualEmbeddings()


# What evaluation metrics read and check with, named here so that nothing outside the stages
# imports them from the stages.
Facts = KnowledgeBase
LexiconSet = Lexicons


def detect_language(text: str) -> LanguageGuess:
    """Language of a text with no hint (how the evaluation reads a draft)."""
    return _detect_language(text)


def ungrounded_numbers(text: str, evidence: str) -> list[str]:
    """Numbers in ``text`` that ``evidence`` does not contain (the verifier's own check)."""
    return _ungrounded_numbers(text, evidence)
