"""The knowledge base as facts: which value holds for a market, and which document says so.

Facts live in the front matter of the one document that owns them (``facts:``), scoped by
that document's markets. A market-specific document wins over an ``ALL`` one. Every value
carries its source, so a draft that uses a number can cite where it comes from.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from assistant.kb.schema import Document
from assistant.taxonomy import ALL_MARKETS

FORMALITY = re.compile(r"Formality:\s*(formal|informal)", re.IGNORECASE)


class Fact(BaseModel):
    model_config = ConfigDict(frozen=True)  # memoised: shared by every request

    key: str
    value: str
    doc_id: str


class KnowledgeBase:
    """In-memory view of the validated documents (for facts, citations and grounding)."""

    def __init__(self, docs: list[Document]) -> None:
        self.docs = {d.meta.id: d for d in docs}
        self._owners: dict[str, list[Document]] = {}
        for doc in docs:
            for key in doc.meta.facts:
                self._owners.setdefault(key, []).append(doc)
        # The documents never change after construction (a re-ingest builds a new instance),
        # and a draft asks ~30 facts: answer each (key, market) once.
        self.fact = lru_cache(maxsize=8192)(self._fact)
        self.formality = lru_cache(maxsize=256)(self._formality)

    def _fact(self, key: str, market: str | None) -> Fact | None:
        general: Fact | None = None
        for doc in self._owners.get(key, []):
            fact = Fact(key=key, value=str(doc.meta.facts[key]), doc_id=doc.meta.id)
            if market and market in doc.meta.markets:
                return fact
            if ALL_MARKETS in doc.meta.markets or market is None:
                general = general or fact
        return general

    def text(self, doc_id: str) -> str:
        doc = self.docs.get(doc_id)
        return f"{doc.meta.title}\n{doc.body}" if doc else ""

    def culture(self, market: str) -> Document | None:
        for doc in self.docs.values():
            if doc.meta.doc_type == "culture" and market in doc.meta.markets:
                return doc
        return None

    def _formality(self, market: str) -> str:
        doc = self.culture(market)
        match = FORMALITY.search(doc.body) if doc else None
        return match.group(1).lower() if match else "formal"

    def tone_docs(self) -> list[Document]:
        return [d for d in self.docs.values() if d.meta.doc_type == "tone"]
