"""Client-server mode against a real `chroma run` server started by the suite on loopback."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.errors import ChromaServerError
from assistant.index.chroma_server import ManagedChroma
from assistant.index.knowledge import KnowledgeIndex
from assistant.index.store import make_client
from assistant.settings import Settings

pytestmark = pytest.mark.chroma_server


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """A real `chroma run` on loopback, started the way `serve --workers N` starts it."""
    data = tmp_path_factory.mktemp("chroma-server")
    try:
        server = ManagedChroma(data / "chroma", log_file=data / "chroma.log").start()
    except ChromaServerError as exc:
        pytest.fail(f"chroma: {exc}")
    try:
        yield server.port
    finally:
        server.stop()
    assert server.proc is not None and server.proc.poll() is not None


def test_ingest_and_search_through_a_chroma_server(chroma_server: int, tmp_path: Path, fixture_kb: Path) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path, chroma_host="127.0.0.1", chroma_port=chroma_server,
                        collection="server-test")
    index = KnowledgeIndex.from_settings(settings)
    assert type(index.client).__name__ != "PersistentClient"
    assert not (tmp_path / "chroma").exists()  # nothing stored locally: the server holds the index
    report = index.ingest(fixture_kb)
    assert len(report.added) == 3
    again = index.ingest(fixture_kb)
    assert again.unchanged == 3 and again.passages_embedded == 0

    # A second client (another API worker) sees the same index.
    other = KnowledgeIndex(make_client(settings), index.embeddings, index.tokens, collection_name="server-test")
    hits = other.search("¿Cuántos días tengo para devolver un artículo?", k=2, market="FR")
    assert hits and hits[0].doc_id == "policy-returns-test"
    sku = other.search("NL-EL-1034", k=1)
    assert sku[0].doc_id == "faq-sku-test"


def test_a_worker_picks_up_an_ingest_made_by_another_process(chroma_server: int, tmp_path: Path,
                                                             fixture_kb: Path) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path, chroma_host="127.0.0.1", chroma_port=chroma_server,
                        collection="sync-test", index_sync_s=0.0)
    writer = KnowledgeIndex.from_settings(settings)
    writer.ingest(fixture_kb)
    reader = KnowledgeIndex.from_settings(settings)  # another API worker
    reloads: list[str] = []
    reader.listeners.append(lambda: reloads.append(reader.generation))
    assert reader.search("NL-EL-1034", k=1)[0].doc_id == "faq-sku-test"

    reader.sync(wait=True)  # nothing changed: no refresh, no reload
    assert reloads == []

    faq = fixture_kb / "faq" / "faq-sku-test.md"
    faq.write_text(faq.read_text(encoding="utf-8").replace("NL-EL-1034", "NL-EL-2077"), encoding="utf-8")
    report = writer.ingest(fixture_kb)
    assert report.updated == ["faq-sku-test"]
    assert reader.generation != writer.generation

    reader.sync(wait=True)
    assert reloads == [writer.generation]
    hit = reader.search("NL-EL-2077", k=1)[0]
    assert hit.doc_id == "faq-sku-test" and "NL-EL-2077" in hit.passage.text
