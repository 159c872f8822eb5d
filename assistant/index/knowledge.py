"""The knowledge index as one object: Chroma collection + retriever + ingest, for one process.

This is the composition root of the index side; the API and CLI build it from settings,
tests build it with an in-memory or temporary client. Writes go through one lock, so an
ingest while serving never interleaves with another write, and readers keep using the
previous snapshot until the new one is swapped in. Across processes an ingest also holds
the ingest lock (``lock.py``: a file in the data directory) and publishes in one flip
(``generations.py``).

Several processes on one Chroma server (API workers, a CLI ingest): every ingest stamps a
new ``generation`` on the collection; with ``sync_interval_s`` set, a reader looks at it at
most that often and, when it changed, rebuilds its snapshot in a background thread (queries
keep the old one meanwhile) and then tells its listeners (the engine reloads its facts).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from chromadb.api import ClientAPI

from assistant.core.embeddings import MultilingualEmbeddings
from assistant.core.tokens import TokenCounter
from assistant.errors import IndexNotReadyError
from assistant.index.ingest import Progress, ingest_documents
from assistant.index.lock import FileLock, IngestLock, NoLock
from assistant.index.retriever import Hit, HybridRetriever
from assistant.index.store import (
    INDEX_SCHEMA,
    LivePointer,
    live_where,
    make_client,
    open_collection,
    pointer_of,
)
from assistant.kb.loader import load_knowledge_base
from assistant.models import IngestReport
from assistant.settings import Settings

log = logging.getLogger("assistant.index")


class KnowledgeIndex:
    def __init__(
        self,
        client: ClientAPI,
        embeddings: MultilingualEmbeddings,
        tokens: TokenCounter,
        collection_name: str = "knowledge_base",
        chunk_max_tokens: int = 220,
        candidates: int = 30,
        sync_interval_s: float | None = None,
        lock: IngestLock | None = None,
        write_batch: int = 5000,
    ) -> None:
        """``sync_interval_s``: None when this process is the only writer (embedded store).
        ``lock``: the ingest lock shared with other processes (none: this process is alone).
        ``write_batch``: records per Chroma write call (Chroma caps a call at ~5k)."""
        self.client = client
        self.embeddings = embeddings
        self.tokens = tokens
        self.chunk_max_tokens = chunk_max_tokens
        self.collection = open_collection(client, collection_name, embeddings)
        self.retriever = HybridRetriever(self.collection, embeddings.encode, candidates=candidates,
                                         pointer=self.pointer)
        self.lock: IngestLock = lock or NoLock()
        self.write_batch = write_batch
        self._write_lock = threading.Lock()  # this process's threads; ``lock`` is for the others
        self.sync_interval_s = sync_interval_s
        self.listeners: list[Callable[[], None]] = []  # called after another process's ingest
        self.generation = self.retriever.generation
        self._checked = time.monotonic()
        self._sync_lock = threading.Lock()  # one sync at a time; released by the sync thread

    @classmethod
    def from_settings(cls, settings: Settings, client: ClientAPI | None = None,
                      embeddings: MultilingualEmbeddings | None = None) -> KnowledgeIndex:
        return cls(
            client or make_client(settings),
            embeddings or MultilingualEmbeddings(),
            TokenCounter(settings.tokenizer_encoding, settings.tiktoken_cache_dir),
            collection_name=settings.collection,
            chunk_max_tokens=settings.chunk_max_tokens,
            candidates=settings.retrieval_candidates,
            sync_interval_s=settings.index_sync_s if settings.chroma_host else None,
            lock=FileLock(settings.data_dir / "ingest.lock"),
        )

    @property
    def is_empty(self) -> bool:
        """Nothing live: a fresh store, a first ingest killed before it published, or an
        index of an older schema (which is rebuilt, not served)."""
        pointer = self.pointer()
        if not pointer.current:
            return True
        return not self.collection.get(where=live_where(pointer.live), limit=1, include=[])["ids"]

    def ingest(self, root: Path, progress: Progress | None = None) -> IngestReport:
        with self._write_lock, self.lock.hold():
            # Read under the lock: another process may have just ingested these very files.
            docs = load_knowledge_base(root)  # raises KnowledgeBaseError before any write
            report = ingest_documents(
                self.collection, docs, self.embeddings, self.tokens.count, self.chunk_max_tokens,
                progress, pointer=self.pointer(), write_batch=self.write_batch,
            )
            if self.retriever.generation != self.pointer().generation or self.retriever.size == 0:
                self.retriever.refresh()
            self.generation = self.retriever.generation
            return report

    def pointer(self) -> LivePointer:
        """The live pointer as stored now (this process's collection object caches metadata)."""
        # Typed by Chroma as a function of documents and images (see store.open_collection).
        current = self.client.get_collection(self.collection.name,
                                             embedding_function=self.embeddings)  # type: ignore[arg-type]
        return pointer_of(current.metadata)

    # --- other writers -----------------------------------------------------------------
    def sync(self, wait: bool = False) -> None:
        """Pick up another process's ingest (cheap when nothing changed; see the module doc)."""
        if self.sync_interval_s is None:
            return
        now = time.monotonic()
        if not wait and now - self._checked < self.sync_interval_s:
            return
        if not self._sync_lock.acquire(blocking=wait):
            return
        self._checked = now
        thread = threading.Thread(target=self._sync, name="index-sync", daemon=True)
        thread.start()
        if wait:
            thread.join()

    def _sync(self) -> None:
        try:
            if self.pointer().generation == self.generation:
                return
            with self._write_lock:
                self.retriever.refresh()
                self.generation = self.retriever.generation
            for listener in self.listeners:
                listener()
            log.info("index refreshed after an ingest elsewhere", extra={"passages": self.retriever.size})
        except Exception as exc:  # noqa: BLE001 - the old snapshot keeps serving; retried later
            log.warning("index sync failed: %s", type(exc).__name__)
        finally:
            self._sync_lock.release()

    def search(
        self, query: str, k: int = 5, market: str | None = None,
        doc_types: list[str] | None = None, one_per_doc: bool = True,
    ) -> list[Hit]:
        self.sync()
        if self.retriever.size == 0:
            self.retriever.refresh()
            if self.retriever.size == 0:
                schema = self.pointer().schema
                why = (f"was built by another version (schema {schema!r}, this one reads {INDEX_SCHEMA!r})"
                       if schema and schema != INDEX_SCHEMA else "is empty")
                raise IndexNotReadyError(f"the knowledge index {why}; run `support-assistant ingest` first")
        return self.retriever.search(query, k, market, doc_types, one_per_doc)
