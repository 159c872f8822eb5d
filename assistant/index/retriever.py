"""Hybrid retrieval: Chroma vector similarity fused with BM25, filtered by market and type.

Each passage has two vectors (its text, and its heading line alone); its similarity is
0.6 · text + 0.4 · heading. Fusion adds the BM25 score normalised by the best lexical
score among the candidates, and a small boost for documents written for the requested
market (a Gulf return policy beats the generic FAQ for a customer in Dubai). The weights
were chosen on eval/retrieval (see eval/README.md for the measured grid). The lexical weight is small on purpose: for a
question in Japanese about an English passage BM25 has nothing to say (and its best
"match" is noise), while for an order number or SKU it decides the ranking.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
from chromadb.api.models.Collection import Collection
from pydantic import BaseModel

from assistant.index.lexical import LexicalIndex
from assistant.index.store import HEADING_VIEW, read_all, where_filter
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
        text = " ".join(self.passage.text.split())
        return text if len(text) <= length else text[: length - 1].rsplit(" ", 1)[0] + "…"


def _matches(p: Passage, market: str | None, doc_types: set[str] | None) -> bool:
    if doc_types and p.doc_type not in doc_types:
        return False
    return market is None or ALL_MARKETS in p.markets or market in p.markets


class HybridRetriever:
    def __init__(
        self,
        collection: Collection,
        embed: Callable[[list[str]], Any],
        candidates: int = 30,
        lexical_weight: float = 0.15,
        text_weight: float = 0.6,
        market_boost: float = 0.06,
    ) -> None:
        self.collection = collection
        self.embed = embed
        self.candidates = candidates
        self.lexical_weight = lexical_weight
        self.text_weight = text_weight
        self.market_boost = market_boost
        self._lock = threading.Lock()
        self._lexical = LexicalIndex([])
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the lexical view from the collection (after an ingest); swapped atomically."""
        lexical = LexicalIndex(read_all(self.collection))
        with self._lock:
            self._lexical = lexical

    @property
    def size(self) -> int:
        return len(self._lexical.passages)

    def _view_similarities(self, pids: list[str], qvec: np.ndarray) -> dict[str, tuple[float, float]]:
        if not pids:
            return {}
        got = self.collection.get(ids=pids + [p + HEADING_VIEW for p in pids], include=["embeddings"])
        emb = dict(zip(got["ids"], got["embeddings"], strict=True))
        out: dict[str, tuple[float, float]] = {}
        for pid in pids:
            if pid not in emb:
                continue
            text_sim = float(np.dot(qvec, np.asarray(emb[pid], dtype=np.float32)))
            head = emb.get(pid + HEADING_VIEW)
            heading_sim = float(np.dot(qvec, np.asarray(head, dtype=np.float32))) if head is not None else text_sim
            out[pid] = (text_sim, heading_sim)
        return out

    def search(
        self,
        query: str,
        k: int = 5,
        market: str | None = None,
        doc_types: Iterable[str] | None = None,
        one_per_doc: bool = True,
    ) -> list[Hit]:
        lexical = self._lexical
        if not lexical.passages or not query.strip():
            return []
        types = set(doc_types) if doc_types else None
        by_id = {p.id: i for i, p in enumerate(lexical.passages)}

        qvec = np.asarray(self.embed([query])[0], dtype=np.float32)
        res = self.collection.query(
            query_embeddings=[qvec.tolist()], n_results=min(2 * self.candidates, 2 * len(lexical.passages)),
            where=where_filter(market, types), include=[],
        )
        bm25 = lexical.scores(query)
        allowed = np.array([_matches(p, market, types) for p in lexical.passages])
        bm25 = np.where(allowed, bm25, 0.0)
        top_lex = np.argsort(-bm25)[: self.candidates]
        best = float(bm25[top_lex[0]]) if len(top_lex) and bm25[top_lex[0]] > 0 else 0.0

        # Candidates from either view of the vector search, plus the best lexical matches;
        # then score every candidate exactly on both views.
        candidates = {rid.removesuffix(HEADING_VIEW) for rid in res["ids"][0]}
        candidates |= {lexical.passages[i].id for i in top_lex if bm25[i] > 0}
        candidates = {pid for pid in candidates if pid in by_id}
        sims = self._view_similarities(sorted(candidates), qvec)

        hits: list[Hit] = []
        for pid, (text_sim, heading_sim) in sims.items():
            idx = by_id[pid]
            passage = lexical.passages[idx]
            v = self.text_weight * text_sim + (1 - self.text_weight) * heading_sim
            lex = float(bm25[idx]) / best if best else 0.0
            local = self.market_boost if market and market in passage.markets else 0.0
            hits.append(Hit(passage=passage, score=v + self.lexical_weight * lex + local,
                            vector_score=v, lexical_score=lex))
        hits.sort(key=lambda h: h.score, reverse=True)
        if one_per_doc:
            seen: set[str] = set()
            hits = [h for h in hits if not (h.doc_id in seen or seen.add(h.doc_id))]
        return hits[:k]
