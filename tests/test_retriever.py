"""The two places passage vectors can live give the same answers: in memory (a seller's
knowledge base) and Chroma's ANN index (past ``exact_limit``), and a group's prepared
similarities change nothing."""

import numpy as np
import pytest

from assistant.index.retriever import HybridRetriever

QUERIES = [("where is my parcel", "DE"), ("¿puedo devolver el producto?", "ES"),
           ("chargeback dispute", None), ("配送にどのくらいかかりますか", "JP")]


@pytest.fixture(scope="module")
def exact(kb_index):  # type: ignore[no-untyped-def]
    return kb_index.retriever


def test_ann_search_agrees_with_the_in_memory_one(exact) -> None:  # type: ignore[no-untyped-def]
    """Approximate by design (its candidates are Chroma's nearest records of either view):
    the best hit and most of the rest agree."""
    ann = HybridRetriever(exact.collection, exact.embed, exact_limit=1)
    assert not ann.in_memory  # the ANN path
    for query, market in QUERIES:
        got = [h.doc_id for h in ann.search(query, k=5, market=market)]
        want = [h.doc_id for h in exact.search(query, k=5, market=market)]
        assert got[0] == want[0] and len(set(got) & set(want)) >= 4, (query, got, want)


def test_a_prepared_group_changes_no_hit(exact) -> None:  # type: ignore[no-untyped-def]
    alone = [exact.search(q, k=5, market=m) for q, m in QUERIES]
    exact.prepare(np.vstack([np.asarray(exact.embed([q])[0], dtype=np.float32) for q, _ in QUERIES]))
    assert exact.prepared_queries == len(QUERIES)
    assert [exact.search(q, k=5, market=m) for q, m in QUERIES] == alone
