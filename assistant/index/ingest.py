"""Incremental, idempotent ingestion: validate everything, embed what changed, then write.

Order matters for "loses nothing": the whole knowledge base is validated and every new
passage embedded *before* the first write, so a bad file or a crash in the embedder leaves
the index exactly as it was. Content hashes decide what to embed: an unchanged document
costs one metadata read; a removed document's passages leave the index.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import cast

from chromadb.api.models.Collection import Collection
from chromadb.api.types import PyEmbeddings, Where

from assistant.core.embeddings import MultilingualEmbeddings
from assistant.index.store import HEADING_VIEW, INDEX_SCHEMA, passage_metadata
from assistant.kb.chunking import Passage, chunk_document
from assistant.kb.loader import load_knowledge_base
from assistant.kb.schema import Document
from assistant.models import IngestReport

Progress = Callable[[int, int], None]  # (done, total) passages embedded


def stored_doc_hashes(collection: Collection, page: int = 5000) -> dict[str, str]:
    """doc id → content hash of what is indexed. Paged: one unbounded get() fails past
    ~32k records ("too many SQL variables" in Chroma's SQLite layer)."""
    out: dict[str, str] = {}
    offset = 0
    while True:
        got = collection.get(include=["metadatas"], limit=page, offset=offset)
        for meta in got["metadatas"] or []:
            if meta:
                out[str(meta["doc_id"])] = str(meta.get("doc_hash", ""))
        if len(got["ids"]) < page:
            return out
        offset += page


def plan(docs: list[Document], stored: dict[str, str]) -> tuple[list[Document], list[Document], list[str], int]:
    """Split documents into (new, changed, removed ids, unchanged count). Pure."""
    current = {d.meta.id: d for d in docs}
    new = [d for d in docs if d.meta.id not in stored]
    changed = [d for d in docs if d.meta.id in stored and stored[d.meta.id] != d.content_hash]
    removed = sorted(set(stored) - set(current))
    return new, changed, removed, len(docs) - len(new) - len(changed)


def ingest_documents(
    collection: Collection,
    docs: list[Document],
    embeddings: MultilingualEmbeddings,
    count_tokens: Callable[[str], int],
    max_tokens: int,
    progress: Progress | None = None,
    batch_size: int = 256,
) -> IngestReport:
    started = time.perf_counter()
    rebuilt = (collection.metadata or {}).get("schema") != INDEX_SCHEMA
    stored = {} if rebuilt else stored_doc_hashes(collection)
    new, changed, removed, unchanged = plan(docs, stored)

    passages: list[Passage] = [p for d in new + changed for p in chunk_document(d, max_tokens, count_tokens)]
    records = [(p.id, p.embed_text, p.embed_text, p) for p in passages] + [
        (p.id + HEADING_VIEW, p.embed_text, p.heading_line, p) for p in passages
    ]
    vectors: PyEmbeddings = []  # lists of floats, as Chroma takes them
    for start in range(0, len(records), batch_size):
        batch = records[start : start + batch_size]
        vectors.extend(embeddings.encode([r[2] for r in batch]).tolist())
        if progress:
            progress(min(start + batch_size, len(records)), len(records))

    # --- writes start here ---------------------------------------------------------------
    # cast: mypy cannot pick, for a dict display, the member of Where's union of operator dicts.
    if rebuilt and collection.count():
        collection.delete(where=cast(Where, {"doc_id": {"$ne": ""}}))
    stale = [d.meta.id for d in changed] + removed
    if stale:
        collection.delete(where=cast(Where, {"doc_id": {"$in": stale}}))
    max_batch = 5000
    for start in range(0, len(records), max_batch):
        batch = records[start : start + max_batch]
        collection.add(
            ids=[r[0] for r in batch],
            documents=[r[1] for r in batch],
            embeddings=vectors[start : start + max_batch],
            metadatas=[passage_metadata(r[3]) for r in batch],
        )
    if rebuilt or records or stale:
        # A new generation tells other processes serving this collection to refresh.
        collection.modify(metadata={"schema": INDEX_SCHEMA, "generation": uuid.uuid4().hex})

    return IngestReport(
        added=[d.meta.id for d in new], updated=[d.meta.id for d in changed], removed=removed,
        unchanged=unchanged, passages_embedded=len(passages), passages_total=collection.count() // 2,
        rebuilt=rebuilt, seconds=time.perf_counter() - started,
    )


def ingest_path(
    collection: Collection, root: Path, embeddings: MultilingualEmbeddings,
    count_tokens: Callable[[str], int], max_tokens: int, progress: Progress | None = None,
) -> IngestReport:
    docs = load_knowledge_base(root)  # raises KnowledgeBaseError before any write
    return ingest_documents(collection, docs, embeddings, count_tokens, max_tokens, progress)
