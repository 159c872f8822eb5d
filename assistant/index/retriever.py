"""Hybrid retrieval: vector similarity fused with BM25, filtered by market and document type.

Each passage has two vectors (its text, and its heading line alone); its similarity is
0.6 · text + 0.4 · heading. Fusion adds the BM25 score normalised by the best lexical
score among the candidates, and a small boost for documents written for the requested
market (a Gulf return policy beats the generic FAQ for a customer in Dubai). The weights
were chosen on eval/retrieval (see eval/README.md).

Where the vectors live: an index of up to ``exact_limit`` passages (a seller's knowledge
base is a few thousand) is searched exactly in memory, a few milliseconds a query with no
round trip to Chroma; a larger one is searched with Chroma's ANN index, and only its
candidates are scored exactly.

What a snapshot holds: the live generation's records only (``generations.py``), read whole
between two looks at the live pointer, so an ingest published meanwhile is read again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

import numpy as np
from chromadb.api.models.Collection import Collection
from pydantic import BaseModel

from assistant.index.lexical import LexicalIndex
from assistant.index.store import (
    HEADING_VIEW,
    LivePointer,
    LiveRecords,
    logical_id,
    pointer_of,
    read_all,
    where_filter,
)
from assistant.kb.chunking import Passage
from assistant.taxonomy import ALL_MARKETS


class Hit(BaseModel):
    """One retrieved passage; ``score`` is the fused score, ``vector_score`` the cosine."""

    passage: Passage
    score: float
    vector_score: float
    lexical_score: float

    @property
    def doc_id(self) -> str:
        return self.passage.doc_id

    def snippet(self, length: int = 240) -> str:
        return _snippet(self.passage.text, length)


@lru_cache(maxsize=4096)
def _snippet(text: str, length: int) -> str:
    """The passage's start on one line (the same few passages come back again and again)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1].rsplit(" ", 1)[0] + "…"


class Snapshot:
    """An immutable view of the index: passages, BM25, and (small indexes) the vectors.

    The similarity is linear in the query, ``w·(T @ q) + (1-w)·(H @ q) = (w·T + (1-w)·H) @ q``,
    so the two views are blended once here and a query costs one matrix-vector product.
    """

    def __init__(self, live: LiveRecords, pointer: LivePointer, text_weight: float = 0.6) -> None:
        passages, vectors = live.passages, live.vectors
        self.pointer = pointer
        self.records = live.records
        self.passages = passages
        self.by_id = {p.id: i for i, p in enumerate(passages)}
        self.lexical = LexicalIndex(passages)
        self.markets = [set(p.markets) for p in passages]
        self.types = np.array([p.doc_type for p in passages])
        self.vectors: np.ndarray | None = None
        if vectors and passages:
            text = np.vstack([vectors[p.id] for p in passages])
            head = np.vstack([vectors.get(p.id + HEADING_VIEW, vectors[p.id]) for p in passages])
            self.vectors = (text_weight * text + (1 - text_weight) * head).astype(np.float32)
        self._masks: dict[tuple[str | None, frozenset[str] | None], np.ndarray] = {}
        self.prepared: dict[bytes, np.ndarray] = {}  # see HybridRetriever.prepare
        self._in_market: dict[str, np.ndarray] = {}
        order = sorted(range(len(passages)), key=lambda i: passages[i].id)
        self.id_rank = np.empty(len(passages), dtype=np.int64)  # position of each passage id, sorted
        self.id_rank[order] = np.arange(len(passages))

    def in_market(self, market: str) -> np.ndarray:
        """Passages written for ``market`` itself (they get the market boost)."""
        cached = self._in_market.get(market)
        if cached is None:
            cached = np.array([market in m for m in self.markets], dtype=bool)
            if len(self._in_market) < 1024:
                self._in_market[market] = cached
        return cached

    def mask(self, market: str | None, types: set[str] | None) -> np.ndarray:
        """Passages allowed for a market and document types (a handful of combinations
        recur, so each is computed once per snapshot)."""
        key = (market, frozenset(types) if types else None)
        cached = self._masks.get(key)
        if cached is None:
            cached = np.ones(len(self.passages), dtype=bool)
            if types:
                cached &= np.isin(self.types, list(types))
            if market:
                cached &= np.array([ALL_MARKETS in m or market in m for m in self.markets], dtype=bool)
            cached.setflags(write=False)
            if len(self._masks) < 4096:  # bounded: markets × type sets, unless callers invent markets
                self._masks[key] = cached
        return cached


def _top(scores: np.ndarray, n: int) -> np.ndarray:
    """Indices of the ``n`` largest scores, best first (a partial sort: O(len) not O(len log len))."""
    if len(scores) > n:
        part = np.argpartition(-scores, n - 1)[:n]
        return part[np.argsort(-scores[part], kind="stable")]
    return np.argsort(-scores, kind="stable")


class HybridRetriever:
    def __init__(
        self,
        collection: Collection,
        embed: Callable[[list[str]], Any],
        candidates: int = 30,
        lexical_weight: float = 0.15,
        text_weight: float = 0.6,
        market_boost: float = 0.06,
        exact_limit: int = 20_000,
        pointer: Callable[[], LivePointer] | None = None,
    ) -> None:
        """``pointer``: reads the live pointer as stored now; by default from ``collection``'s
        metadata, which is current only in the process that publishes through it."""
        self.collection = collection
        self.pointer = pointer or (lambda: pointer_of(collection.metadata))
        self.embed = embed
        self.candidates = candidates
        self.lexical_weight = lexical_weight
        self.text_weight = text_weight
        self.market_boost = market_boost
        self.exact_limit = exact_limit
        self._lock = threading.Lock()
        self._snapshot = Snapshot(LiveRecords([], {}, {}), pointer_of(None))
        self.refresh()

    def refresh(self, attempts: int = 5) -> None:
        """Rebuild the snapshot from the live records (after an ingest); swapped atomically.

        A publish elsewhere during the read deletes what it superseded, so a read is kept
        only if the pointer did not move meanwhile (else read again; after ``attempts``
        moves, the last read, which is still one generation's records, if maybe partial)."""
        in_memory = self.collection.count() <= 2 * self.exact_limit  # two records per passage
        pointer = self.pointer()
        for _ in range(attempts):
            live = read_all(self.collection, pointer, with_vectors=in_memory)
            after = self.pointer()
            if after == pointer:
                break
            pointer = after
        snapshot = Snapshot(live, pointer, self.text_weight)
        with self._lock:
            self._snapshot = snapshot

    @property
    def generation(self) -> str:
        """The publish stamp of the generation this snapshot holds."""
        return self._snapshot.pointer.generation

    def prepare(self, queries: np.ndarray) -> None:
        """Similarities of a group of queries about to be searched, in one matrix product.

        Under load requests come in groups (``api/embedding_batches.py``); scanning the
        passage vectors (1.5 MB for the bundled knowledge base) is memory-bound, so a group
        costs about what one query did. Only the last group is kept, on its snapshot.
        """
        snap = self._snapshot
        if snap.vectors is None:
            return
        queries = np.asarray(queries, dtype=np.float32)
        sims = queries @ snap.vectors.T
        snap.prepared = {q.tobytes(): row for q, row in zip(queries, sims, strict=True)}  # swapped whole: thread-safe

    @property
    def size(self) -> int:
        return len(self._snapshot.passages)

    @property
    def in_memory(self) -> bool:
        """True when passage vectors are scored in memory (an index up to ``exact_limit``),
        False when Chroma's ANN index finds the candidates."""
        return self._snapshot.vectors is not None

    @property
    def prepared_queries(self) -> int:
        """How many queries of the last ``prepare`` group are waiting to be searched."""
        return len(self._snapshot.prepared)

    def search(
        self,
        query: str,
        k: int = 5,
        market: str | None = None,
        doc_types: Iterable[str] | None = None,
        one_per_doc: bool = True,
    ) -> list[Hit]:
        snap = self._snapshot
        if not snap.passages or not query.strip() or k <= 0:
            return []
        types = set(doc_types) if doc_types else None
        qvec = np.asarray(self.embed([query])[0], dtype=np.float32)
        allowed = snap.mask(market, types)

        bm25 = np.where(allowed, snap.lexical.scores(query), 0.0)
        top_lex = _top(bm25, self.candidates)
        best = float(bm25[top_lex[0]]) if len(top_lex) and bm25[top_lex[0]] > 0 else 0.0

        if snap.vectors is not None:
            sims = snap.prepared.get(qvec.tobytes()) if snap.prepared else None
            if sims is None:
                sims = snap.vectors @ qvec
            ranked = _top(np.where(allowed, sims, -np.inf), 2 * self.candidates)
            idx = np.union1d(ranked[allowed[ranked]], top_lex[bm25[top_lex] > 0])
            # Scored afresh: the same whether ``sims`` came from a group's matrix product or
            # this query's (they may differ in the last bits).
            v = (snap.vectors[idx] @ qvec).astype(np.float64)
        else:
            candidates, vector = self._ann_candidates(snap, qvec, market, types, top_lex, bm25)
            idx = np.fromiter(candidates, dtype=np.int64, count=len(candidates))
            v = np.array([vector[i] for i in idx], dtype=np.float64)

        if not len(idx):
            return []
        # Fusion over the candidates as arrays (a Python loop over ~70 of them was 3% of a
        # request); float64 as before, ties broken by passage id.
        lex = bm25[idx].astype(np.float64) / best if best else np.zeros(len(idx))
        score = v + self.lexical_weight * lex
        if market:
            score = score + np.where(snap.in_market(market)[idx], self.market_boost, 0.0)
        hits: list[Hit] = []
        seen: set[str] = set()
        for j in np.lexsort((snap.id_rank[idx], -score)):  # Hit objects only for what is returned
            passage = snap.passages[idx[j]]
            if one_per_doc and passage.doc_id in seen:
                continue
            seen.add(passage.doc_id)
            hits.append(Hit(passage=passage, score=float(score[j]), vector_score=float(v[j]), lexical_score=float(lex[j])))
            if len(hits) == k:
                break
        return hits

    def _ann_candidates(
        self, snap: Snapshot, qvec: np.ndarray, market: str | None, types: set[str] | None,
        top_lex: np.ndarray, bm25: np.ndarray,
    ) -> tuple[set[int], dict[int, float]]:
        """Large index: Chroma's ANN over both views, then exact scores for the candidates."""
        res = self.collection.query(
            query_embeddings=[qvec.tolist()], n_results=min(2 * self.candidates, 2 * len(snap.passages)),
            where=where_filter(market, types, snap.pointer.live), include=[],
        )
        ids = {logical_id(rid).removesuffix(HEADING_VIEW) for rid in res["ids"][0]}
        ids |= {snap.passages[i].id for i in top_lex if bm25[i] > 0}
        ids = {pid for pid in ids if pid in snap.by_id}
        if not ids:
            return set(), {}
        pids = sorted(ids)
        views = [snap.records[v] for p in pids for v in (p, p + HEADING_VIEW) if v in snap.records]
        got = self.collection.get(ids=views, include=["embeddings"])
        embeddings = got["embeddings"]
        assert embeddings is not None  # asked for in ``include``
        emb = {logical_id(rid): np.asarray(e, dtype=np.float32) for rid, e in zip(got["ids"], embeddings, strict=True)}
        vector: dict[int, float] = {}
        for pid in pids:
            if pid not in emb:  # deleted since the snapshot; gone at the next refresh
                continue
            text_sim = float(emb[pid] @ qvec)
            head = emb.get(pid + HEADING_VIEW)
            head_sim = float(head @ qvec) if head is not None else text_sim
            vector[snap.by_id[pid]] = self.text_weight * text_sim + (1 - self.text_weight) * head_sim
        return set(vector), vector
