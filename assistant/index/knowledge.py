"""The knowledge index as one object: Chroma collection + retriever + ingest, for one process.

This is the composition root of the index side; the API and CLI build it from settings,
tests build it with an in-memory or temporary client. Writes go through one lock, so an
ingest while serving never interleaves with another write, and readers keep using the
previous lexical snapshot until the new one is swapped in.
"""

from __future__ import annotations

import threading
from pathlib import Path

from chromadb.api import ClientAPI

from assistant.core.embeddings import MultilingualEmbeddings
from assistant.core.tokens import TokenCounter
from assistant.errors import IndexNotReadyError
from assistant.index.ingest import IngestReport, Progress, ingest_path
from assistant.index.retriever import Hit, HybridRetriever
from assistant.index.store import make_client, open_collection
from assistant.settings import Settings


class KnowledgeIndex:
    def __init__(
        self,
        client: ClientAPI,
        embeddings: MultilingualEmbeddings,
        tokens: TokenCounter,
        collection_name: str = "knowledge_base",
        chunk_max_tokens: int = 220,
        candidates: int = 30,
    ) -> None:
        self.client = client
        self.embeddings = embeddings
        self.tokens = tokens
        self.chunk_max_tokens = chunk_max_tokens
        self.collection = open_collection(client, collection_name, embeddings)
        self.retriever = HybridRetriever(self.collection, embeddings.encode, candidates=candidates)
        self._write_lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings, client: ClientAPI | None = None) -> KnowledgeIndex:
        return cls(
            client or make_client(settings),
            MultilingualEmbeddings(),
            TokenCounter(settings.tokenizer_encoding, settings.tiktoken_cache_dir),
            collection_name=settings.collection,
            chunk_max_tokens=settings.chunk_max_tokens,
            candidates=settings.retrieval_candidates,
        )

    @property
    def is_empty(self) -> bool:
        return self.collection.count() == 0

    def ingest(self, root: Path, progress: Progress | None = None) -> IngestReport:
        with self._write_lock:
            report = ingest_path(
                self.collection, root, self.embeddings, self.tokens.count,
                self.chunk_max_tokens, progress,
            )
            if report.passages_embedded or report.removed or self.retriever.size == 0:
                self.retriever.refresh()
            return report

    def search(
        self, query: str, k: int = 5, market: str | None = None,
        doc_types: list[str] | None = None, one_per_doc: bool = True,
    ) -> list[Hit]:
        if self.retriever.size == 0:
            self.retriever.refresh()
            if self.retriever.size == 0:
                raise IndexNotReadyError(
                    "the knowledge index is empty; run `support-assistant ingest` first"
                )
        return self.retriever.search(query, k, market, doc_types, one_per_doc)
