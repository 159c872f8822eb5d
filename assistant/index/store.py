"""Chroma access: the client is made at the edge and injected; mapping helpers are pure.

Embedded ``PersistentClient`` by default (one writer per data directory: Chroma's
embedded store is not safe across processes), or an ``HttpClient`` to a ``chroma run``
server when ``ASSISTANT_CHROMA_HOST`` is set (use that for several API workers).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import chromadb
import numpy as np
from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection
from chromadb.api.types import Include
from chromadb.config import Settings as ChromaSettings

from assistant.core.embeddings import MODEL_NAME, MultilingualEmbeddings
from assistant.kb.chunking import Passage
from assistant.settings import Settings
from assistant.taxonomy import ALL_MARKETS

# Bump when chunking or metadata layout changes: a mismatch makes ingest rebuild everything.
INDEX_SCHEMA = f"v2:{MODEL_NAME}"

# Every passage is stored twice: its full text, and its heading line alone ("title —
# heading"). Short questions match short headings far better than they match a long
# passage's averaged embedding (a FAQ's title *is* the customer's question), so the
# retriever takes the better of the two similarities. Heading records carry this suffix.
HEADING_VIEW = "~h"


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


def passage_metadata(p: Passage) -> dict[str, Any]:
    """Flat metadata Chroma can filter on (markets become one boolean flag each)."""
    meta: dict[str, Any] = {
        "doc_id": p.doc_id, "doc_type": p.doc_type, "title": p.title, "heading": p.heading,
        "markets": ",".join(p.markets), "intents": ",".join(p.intents), "language": p.language,
        "position": p.position, "doc_hash": p.doc_hash, "content_hash": p.content_hash,
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


def where_filter(market: str | None, doc_types: Iterable[str] | None) -> dict[str, Any] | None:
    clauses: list[dict[str, Any]] = []
    if market:
        clauses.append({"$or": [{market_key(market): True}, {market_key(ALL_MARKETS): True}]})
    types = list(doc_types or [])
    if len(types) == 1:
        clauses.append({"doc_type": types[0]})
    elif types:
        clauses.append({"doc_type": {"$in": types}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def read_all(
    collection: Collection, page: int = 5000, with_vectors: bool = False
) -> tuple[list[Passage], dict[str, np.ndarray]]:
    """Every stored passage, and (optionally) every record's vector by record id."""
    out: list[Passage] = []
    vectors: dict[str, np.ndarray] = {}
    include: Include = ["documents", "metadatas", "embeddings"] if with_vectors else ["documents", "metadatas"]
    offset = 0
    while True:
        got = collection.get(include=include, limit=page, offset=offset)
        ids = got["ids"]
        embeddings = got.get("embeddings") if with_vectors else None
        for i, (pid, text, meta) in enumerate(zip(ids, got["documents"] or [], got["metadatas"] or [], strict=True)):
            if embeddings is not None:
                vectors[pid] = np.asarray(embeddings[i], dtype=np.float32)
            if pid.endswith(HEADING_VIEW):
                continue
            out.append(passage_from_record(pid, text or "", dict(meta or {})))
        if len(ids) < page:
            return out, vectors
        offset += page
