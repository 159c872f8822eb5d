"""Chroma access: the client is made at the edge and injected; mapping helpers are pure.

Embedded ``PersistentClient`` by default (one writer per data directory: Chroma's
embedded store is not safe across processes), or an ``HttpClient`` to a ``chroma run``
server when ``ASSISTANT_CHROMA_HOST`` is set (use that for several API workers).

What is live: records carry the generation that wrote them (``added``) and the one that
superseded them (``retired``); the collection's metadata names the live generation (see
``generations.py``). Every reader here reads only the live records, through ``live_where``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, cast

import chromadb
import numpy as np
from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection
from chromadb.api.types import Include, Where
from chromadb.config import Settings as ChromaSettings

from assistant.core.embeddings import MODEL_NAME, MultilingualEmbeddings
from assistant.kb.chunking import Passage
from assistant.settings import Settings
from assistant.taxonomy import ALL_MARKETS

# Bump when chunking or metadata layout changes: a mismatch makes ingest rebuild everything
# (and, until it has, readers see no index: v3 added generations to the records).
INDEX_SCHEMA = f"v3:{MODEL_NAME}"

# ``retired`` of a record that no generation has superseded (Chroma's where clauses cannot
# test for a missing key, so the key is always there).
NEVER = 2**31 - 1

# Every passage is stored twice: its full text, and its heading line alone ("title —
# heading"). Short questions match short headings far better than they match a long
# passage's averaged embedding (a FAQ's title *is* the customer's question), so the
# retriever takes the better of the two similarities. Heading records carry this suffix.
HEADING_VIEW = "~h"


@dataclass(frozen=True)
class LivePointer:
    """What the collection's metadata says is live: one ``modify`` writes all three."""

    schema: str
    live: int  # the live generation; 0 before the first ingest has published
    generation: str  # a fresh stamp per publish: other processes compare it to refresh

    @property
    def current(self) -> bool:
        """False for an index written under another schema: nothing in it is served."""
        return self.schema == INDEX_SCHEMA and self.live > 0


def pointer_of(metadata: Mapping[str, Any] | None) -> LivePointer:
    meta = metadata or {}
    return LivePointer(str(meta.get("schema", "")), int(meta.get("live", 0)), str(meta.get("generation", "")))


def live_clauses(live: int) -> list[dict[str, Any]]:
    """Records visible at generation ``live``: written by it or before, not superseded by it."""
    return [{"added": {"$lte": live}}, {"retired": {"$gt": live}}]


def live_where(live: int) -> Where:
    # cast: mypy cannot pick, for a dict display, the member of Where's union of operator dicts.
    return cast(Where, {"$and": live_clauses(live)})


def record_id(logical: str, generation: int) -> str:
    """A record's id: a new version of a passage gets a new id, so it can be written beside
    the live one before the flip."""
    return f"{logical}@g{generation}"


def logical_id(record: str) -> str:
    """Inverse of ``record_id``: the passage id (+ ``HEADING_VIEW`` for a heading record)."""
    return record.rpartition("@g")[0] or record


def make_client(settings: Settings) -> ClientAPI:
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        return chromadb.HttpClient(
            host=settings.chroma_host, port=settings.chroma_port, ssl=settings.chroma_ssl,
            settings=chroma_settings,
        )
    settings.chroma_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)


def open_collection(
    client: ClientAPI, name: str, embeddings: MultilingualEmbeddings, schema: str = INDEX_SCHEMA
) -> Collection:
    return client.get_or_create_collection(
        name,
        # Always ours: Chroma's default would download a model. Chroma types the parameter as a
        # function of documents *and* images, which no text-only one is (chroma-core/chroma#5241).
        embedding_function=embeddings,  # type: ignore[arg-type]
        configuration={"hnsw": {"space": "cosine"}},
        metadata={"schema": schema},
    )


def market_key(market: str) -> str:
    return f"m_{market}"


def passage_metadata(p: Passage, generation: int) -> dict[str, Any]:
    """Flat metadata Chroma can filter on (markets become one boolean flag each)."""
    meta: dict[str, Any] = {
        "doc_id": p.doc_id, "doc_type": p.doc_type, "title": p.title, "heading": p.heading,
        "markets": ",".join(p.markets), "intents": ",".join(p.intents), "language": p.language,
        "position": p.position, "doc_hash": p.doc_hash, "content_hash": p.content_hash,
        "added": generation, "retired": NEVER,
    }
    for market in p.markets:
        meta[market_key(market)] = True
    return meta


def passage_from_record(pid: str, text: str, meta: dict[str, Any]) -> Passage:
    """Inverse of ``passage_metadata`` (+ the stored text); ``text`` is the embedded text."""
    title, heading = str(meta.get("title", "")), str(meta.get("heading", ""))
    prefix = f"{title} — {heading}\n" if heading and heading != title else f"{title}\n"
    body = text.removeprefix(prefix)
    return Passage(
        id=pid, doc_id=str(meta["doc_id"]), doc_type=str(meta["doc_type"]), title=title,
        heading=heading, text=body,
        markets=tuple(m for m in str(meta.get("markets", "")).split(",") if m),
        intents=tuple(i for i in str(meta.get("intents", "")).split(",") if i),
        language=str(meta.get("language", "en")), position=int(meta.get("position", 0)),
        doc_hash=str(meta.get("doc_hash", "")),
    )


def where_filter(market: str | None, doc_types: Iterable[str] | None, live: int) -> Where:
    """The live records allowed for a market and document types."""
    clauses = live_clauses(live)
    if market:
        clauses.append({"$or": [{market_key(market): True}, {market_key(ALL_MARKETS): True}]})
    types = list(doc_types or [])
    if len(types) == 1:
        clauses.append({"doc_type": types[0]})
    elif types:
        clauses.append({"doc_type": {"$in": types}})
    return cast(Where, {"$and": clauses})


@dataclass
class LiveRecords:
    """The live passages; vectors and record ids are keyed by logical id (``logical_id``)."""

    passages: list[Passage]
    vectors: dict[str, np.ndarray]
    records: dict[str, str]  # logical id → record id (for Chroma lookups)


def read_all(
    collection: Collection, pointer: LivePointer, page: int = 5000, with_vectors: bool = False
) -> LiveRecords:
    """Every live passage, and (optionally) every live record's vector. Nothing for an index
    of another schema. Paged by a filter whose result set only a publish changes, so the
    caller compares the pointer before and after (``HybridRetriever.refresh``)."""
    out = LiveRecords([], {}, {})
    if not pointer.current:
        return out
    include: Include = ["documents", "metadatas", "embeddings"] if with_vectors else ["documents", "metadatas"]
    offset = 0
    while True:
        got = collection.get(where=live_where(pointer.live), include=include, limit=page, offset=offset)
        ids = got["ids"]
        embeddings = got.get("embeddings") if with_vectors else None
        for i, (rid, text, meta) in enumerate(zip(ids, got["documents"] or [], got["metadatas"] or [], strict=True)):
            pid = logical_id(rid)
            if embeddings is not None:
                out.vectors[pid] = np.asarray(embeddings[i], dtype=np.float32)
            out.records[pid] = rid
            if pid.endswith(HEADING_VIEW):
                continue
            out.passages.append(passage_from_record(pid, text or "", dict(meta or {})))
        if len(ids) < page:
            return out
        offset += page
