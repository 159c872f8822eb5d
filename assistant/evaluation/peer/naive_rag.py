"""The naive RAG pipeline we compare against: what a LangChain tutorial would build.

- fixed-size chunks (``fixed_size_chunks``: token windows, headings and sections ignored);
- vector-only retrieval in a LangChain ``InMemoryVectorStore`` with the same multilingual
  embeddings (so the comparison isolates chunking, hybrid scoring and market filtering,
  not the embedding model); no market filter, no document types;
- one generic prompt for every message; with no LLM configured it "drafts" by returning
  the top chunk's text, which is what such a pipeline shows an agent as "the answer".

It has no language handling, no culture notes, no grounding check and no escalation, so
the reply metrics side by side show what those layers add. The store is cached in the data
directory keyed by the knowledge base's content hash (embedding it takes ~15 s).
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.documents import Document as LCDocument
from langchain_core.vectorstores import InMemoryVectorStore
from pydantic import BaseModel

from assistant.core.embeddings import MultilingualEmbeddings
from assistant.kb.chunking import fixed_size_chunks
from assistant.kb.loader import load_knowledge_base
from assistant.settings import Settings

CHUNK_TOKENS = 200
GENERIC_PROMPT = (
    "You are a helpful customer support assistant. Answer the customer's question using the "
    "context below.\n\nContext:\n{context}\n\nQuestion: {question}\n\nAnswer:"
)


class _MatrixInMemoryStore(InMemoryVectorStore):
    """LangChain's in-memory store, scoring against one cached matrix.

    The stock store rebuilds a numpy array from its Python lists on every query (~10 ms at
    600 chunks, most of the naive pipeline's time); the ranking is the same cosine top-k.
    """

    _matrix: tuple[list[str], np.ndarray] | None = None

    def _similarity_search_with_score_by_vector(self, embedding: list[float], k: int = 4,
                                                filter: Any = None) -> list[tuple[LCDocument, float, list[float]]]:
        if filter is not None:
            return super()._similarity_search_with_score_by_vector(embedding, k, filter)
        if self._matrix is None or len(self._matrix[0]) != len(self.store):
            ids = list(self.store)
            vectors = np.asarray([self.store[i]["vector"] for i in ids], dtype=np.float32)
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12
            self._matrix = (ids, vectors)
        ids, vectors = self._matrix
        query = np.asarray(embedding, dtype=np.float32)
        sims = vectors @ (query / (np.linalg.norm(query) + 1e-12))
        top = np.argsort(-sims, kind="stable")[:k]
        out = []
        for i in top:
            doc = self.store[ids[i]]
            out.append((LCDocument(id=doc["id"], page_content=doc["text"], metadata=doc["metadata"]),
                        float(sims[i]), doc["vector"]))
        return out


class NaiveAnswer(BaseModel):
    text: str
    citations: list[str]
    ranked: list[str]
    tokens_in: int = 0
    tokens_out: int = 0
    generator: str = "offline"
    timings: dict[str, float] = {}


class NaiveRag:
    name = "naive_rag"
    description = (f"LangChain InMemoryVectorStore over fixed {CHUNK_TOKENS}-token chunks, vector-only, "
                   "no market filter, one generic prompt (offline: the top chunk is the answer)")

    def __init__(self, store: InMemoryVectorStore, embeddings: MultilingualEmbeddings,
                 count_tokens: Any, llm: Any = None) -> None:
        self.store = store
        self.embeddings = embeddings
        self.count_tokens = count_tokens
        self.llm = llm  # a LangChain chat model when an LLM is configured

    @classmethod
    def build(cls, settings: Settings, embeddings: MultilingualEmbeddings, count_tokens: Any) -> NaiveRag:
        docs = load_knowledge_base(settings.kb_dir)
        digest = hashlib.sha256("".join(d.content_hash for d in docs).encode()).hexdigest()[:16]
        cache = settings.data_dir / "eval-cache" / f"naive-rag-{CHUNK_TOKENS}-{digest}.json"
        if cache.exists():
            store = _MatrixInMemoryStore.load(str(cache), embeddings)
        else:
            chunks = [c for d in docs for c in fixed_size_chunks(d, CHUNK_TOKENS, count_tokens)]
            store = _MatrixInMemoryStore(embeddings)
            store.add_documents([LCDocument(page_content=c.text, metadata={"doc_id": c.doc_id}) for c in chunks],
                                ids=[c.id for c in chunks])
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(".tmp")
            store.dump(str(tmp))
            Path(tmp).replace(cache)
        llm = None
        if settings.llm_configured:
            from langchain_openai import ChatOpenAI

            llm = ChatOpenAI(model=settings.llm_model, base_url=settings.llm_base_url,
                             temperature=settings.llm_temperature, timeout=settings.llm_timeout_s,
                             max_retries=settings.llm_max_retries,
                             max_completion_tokens=settings.llm_max_output_tokens,
                             api_key=settings.llm_api_key.get_secret_value() if settings.llm_api_key else "not-needed")
        return cls(store, embeddings, count_tokens, llm)

    def search(self, query: str, k: int = 10) -> list[tuple[str, str]]:
        """(doc_id, chunk text) best first, one entry per document."""
        vector = self.embeddings.embed_query(query)
        hits = self.store.similarity_search_by_vector(vector, k=k * 4)
        seen: dict[str, str] = {}
        for doc in hits:
            seen.setdefault(doc.metadata["doc_id"], doc.page_content)
        return list(seen.items())[:k]

    def answer(self, message: str, k: int = 3) -> NaiveAnswer:
        t0 = time.perf_counter()
        hits = self.search(message, k=10)
        t1 = time.perf_counter()
        top = hits[:k]
        if self.llm is None:
            text = top[0][1] if top else ""
            out = NaiveAnswer(text=text, citations=[top[0][0]] if top else [], ranked=[d for d, _ in hits])
        else:
            prompt = GENERIC_PROMPT.format(context="\n\n".join(t for _, t in top), question=message)
            text = str(self.llm.invoke(prompt).content)
            out = NaiveAnswer(text=text, citations=[d for d, _ in top], ranked=[d for d, _ in hits],
                              tokens_in=self.count_tokens(prompt), tokens_out=self.count_tokens(text), generator="llm")
        t2 = time.perf_counter()
        out.timings = {"retrieve_ms": round((t1 - t0) * 1000, 2), "draft_ms": round((t2 - t1) * 1000, 2)}
        return out
