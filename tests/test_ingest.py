from pathlib import Path

import pytest

from assistant.errors import KnowledgeBaseError
from assistant.index.knowledge import KnowledgeIndex
from assistant.settings import Settings


@pytest.fixture
def index(settings: Settings) -> KnowledgeIndex:
    return KnowledgeIndex.from_settings(settings)


def test_first_ingest_adds_everything_then_is_idempotent(index: KnowledgeIndex, fixture_kb: Path) -> None:
    first = index.ingest(fixture_kb)
    assert sorted(first.added) == ["faq-sku-test", "policy-returns-test", "policy-shipping-test"]
    assert first.passages_embedded == first.passages_total > 0
    again = index.ingest(fixture_kb)
    assert (again.added, again.updated, again.removed) == ([], [], [])
    assert again.unchanged == 3 and again.passages_embedded == 0


def test_changed_and_removed_documents(index: KnowledgeIndex, fixture_kb: Path) -> None:
    index.ingest(fixture_kb)
    doc = fixture_kb / "policies" / "policy-shipping-test.md"
    doc.write_text(doc.read_text().replace("is faster", "is the fastest option"))
    (fixture_kb / "faq" / "faq-sku-test.md").unlink()
    report = index.ingest(fixture_kb)
    assert report.updated == ["policy-shipping-test"]
    assert report.removed == ["faq-sku-test"]
    assert report.unchanged == 1
    ids = {m["doc_id"] for m in index.collection.get(include=["metadatas"])["metadatas"]}
    assert ids == {"policy-returns-test", "policy-shipping-test"}


@pytest.mark.parametrize(
    ("mutation", "field"),
    [
        (lambda t: t.replace("doc_type: policy", "doc_type: memo"), "doc_type"),
        (lambda t: t.replace("markets: [DE, FR]", "markets: [XX]"), "markets"),
        (lambda t: t.replace("intents: [return_request, return_policy]", "intents: [refund_me]"), "intents.0"),
        (lambda t: t.replace("title: Returns in the test market\n", ""), "title"),
        (lambda t: t.replace("language: en", "language: en\ncolour: red"), "colour"),
        (lambda t: t.replace("return_window_days: 30", "return_window_days: 45"), "facts.return_window_days"),
        (lambda t: t.replace("id: policy-returns-test", "id: policy-returns-other"), "id"),
        (lambda t: t.replace("---\nid:", "---\nid: [", 1), "front matter"),
    ],
)
def test_bad_file_names_file_and_field_and_leaves_index_as_it_was(
    index: KnowledgeIndex, fixture_kb: Path, mutation, field: str
) -> None:
    index.ingest(fixture_kb)
    before = index.collection.get(include=["metadatas", "documents"])
    shipping = fixture_kb / "policies" / "policy-shipping-test.md"
    shipping.write_text(shipping.read_text().replace("is faster", "is much faster"))  # a pending change
    bad = fixture_kb / "policies" / "policy-returns-test.md"
    bad.write_text(mutation(bad.read_text()))
    with pytest.raises(KnowledgeBaseError) as err:
        index.ingest(fixture_kb)
    assert "policy-returns-test.md" in str(err.value)
    assert err.value.field == field
    after = index.collection.get(include=["metadatas", "documents"])
    assert after == before


def test_missing_directory_is_a_clear_error(index: KnowledgeIndex, tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="not found"):
        index.ingest(tmp_path / "nope")


def test_stored_hashes_are_read_page_by_page(index: KnowledgeIndex, fixture_kb: Path) -> None:
    from assistant.index.ingest import stored_doc_hashes

    index.ingest(fixture_kb)
    # Large indexes must be read in pages (one unbounded get() fails past ~32k records).
    assert stored_doc_hashes(index.collection, page=2) == stored_doc_hashes(index.collection)
    assert len(stored_doc_hashes(index.collection, page=2)) == 3
