"""Client-server mode against a real `chroma run` server started by the suite on loopback."""

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.index.knowledge import KnowledgeIndex
from assistant.index.store import make_client
from assistant.settings import Settings
from tests.servers import free_port, wait_until_up

pytestmark = pytest.mark.chroma_server


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    binary = shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which("chroma")
    if binary is None:
        pytest.fail("the `chroma` CLI (from the chromadb package) is not installed")
    port = free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    proc = subprocess.Popen([binary, "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        problem = wait_until_up(f"http://127.0.0.1:{port}/api/v2/heartbeat", proc, 60)
        if problem:
            pytest.fail(f"chroma: {problem}")
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=20)


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
