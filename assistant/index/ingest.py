"""Incremental, idempotent ingestion: validate everything, embed what changed, then publish.

Order matters for "loses nothing": the whole knowledge base is validated and every new
passage embedded *before* the first write, so a bad file or a crash in the embedder leaves
the index exactly as it was; the writes then become visible in one flip
(``generations.py``), so a kill during them leaves the old index. Content hashes decide what
to embed: an unchanged document costs one metadata read; a removed document's passages
leave the index. The caller holds the ingest lock (``lock.py``) and passes the pointer it
read under it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from chromadb.api.models.Collection import Collection
from chromadb.api.types import PyEmbeddings

from assistant.core.embeddings import MultilingualEmbeddings
from assistant.index.generations import ADOPTABLE, NewRecord, adopt, clean_up, publish
from assistant.index.store import HEADING_VIEW, INDEX_SCHEMA, LivePointer, live_where, pointer_of
from assistant.kb.chunking import Passage, chunk_document
from assistant.kb.schema import Document
from assistant.models import IngestReport

Progress = Callable[[int, int], None]  # (done, total) passages embedded


def stored_doc_hashes(collection: Collection, page: int = 5000, live: int | None = None) -> dict[str, str]:
    """doc id → content hash of what is live (``live``: the generation; by default the one
    in this collection object's metadata). Paged: one unbounded get() fails past ~32k
    records ("too many SQL variables" in Chroma's SQLite layer)."""
    if live is None:
        live = pointer_of(collection.metadata).live
    out: dict[str, str] = {}
    offset = 0
    while True:
        got = collection.get(where=live_where(live), include=["metadatas"], limit=page, offset=offset)
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
    pointer: LivePointer | None = None,
    write_batch: int = 5000,
) -> IngestReport:
    """``pointer``: the live pointer as read under the ingest lock (by default this
    collection object's metadata, right for the one process that writes)."""
    started = time.perf_counter()
    before = pointer or pointer_of(collection.metadata)
    if before.schema in ADOPTABLE:
        before = adopt(collection, write_batch)  # no re-embedding for the v2 layout
    rebuilt = before.schema != INDEX_SCHEMA
    stored = {} if rebuilt else stored_doc_hashes(collection, live=before.live)
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

    # --- writes start here: invisible to readers until ``publish`` flips the pointer ---------
    stale = [d.meta.id for d in changed] + removed
    if rebuilt or records or stale:
        publish(collection, before,
                [NewRecord(r[0], r[1], v, r[3]) for r, v in zip(records, vectors, strict=True)],
                None if rebuilt else stale, write_batch)
    else:
        clean_up(collection, before.live, write_batch)  # what a killed ingest left, if anything

    return IngestReport(
        added=[d.meta.id for d in new], updated=[d.meta.id for d in changed], removed=removed,
        unchanged=unchanged, passages_embedded=len(passages), passages_total=collection.count() // 2,
        rebuilt=rebuilt, seconds=time.perf_counter() - started,
    )
