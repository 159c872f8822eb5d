"""Ingest while serving: queries keep working and the index ends up consistent."""

import shutil
import threading
from pathlib import Path

from assistant.index.knowledge import KnowledgeIndex
from assistant.settings import Settings
from tests.conftest import ROOT


def test_queries_never_fail_during_reingest(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    shutil.copytree(ROOT / "knowledge_base", kb)
    settings = Settings(_env_file=None, data_dir=tmp_path / "data")
    index = KnowledgeIndex.from_settings(settings)
    index.ingest(kb)
    before = index.retriever.size

    errors: list[BaseException] = []
    results: list[int] = []
    stop = threading.Event()

    def query_loop() -> None:
        while not stop.is_set():
            try:
                results.append(len(index.search("return window in Germany", k=3, market="DE")))
            except BaseException as exc:  # noqa: BLE001 - collected and asserted below
                errors.append(exc)

    readers = [threading.Thread(target=query_loop) for _ in range(2)]
    for t in readers:
        t.start()
    try:
        # Change every policy, then remove half of the FAQs, while the readers run.
        for doc in sorted((kb / "policies").glob("*.md"))[:6]:
            doc.write_text(doc.read_text(encoding="utf-8") + "\n\nUpdated for the test.\n", encoding="utf-8")
        index.ingest(kb)
        for doc in sorted((kb / "faq").rglob("*.md"))[::2]:
            doc.unlink()
        report = index.ingest(kb)
    finally:
        stop.set()
        for t in readers:
            t.join()
    assert not errors, errors[:3]
    assert results and min(results) >= 1
    assert report.removed and index.retriever.size < before
    stored = {m["doc_id"] for m in index.collection.get(include=["metadatas"])["metadatas"]}
    assert stored == {p.stem for p in kb.rglob("*.md")}
