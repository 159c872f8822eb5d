"""One ingest at a time across the processes of a host (``ingest.lock`` in the data dir)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.errors import AssistantError
from assistant.index.chroma_server import ManagedChroma
from assistant.index.knowledge import KnowledgeIndex
from assistant.index.lock import FileLock, IngestLockTimeout
from assistant.settings import Settings
from tests.conftest import ROOT


def test_an_ingest_that_cannot_get_the_lock_fails_naming_the_lock_file_and_writes_nothing(
    settings: Settings, fixture_kb: Path
) -> None:
    index = KnowledgeIndex.from_settings(settings)
    index.ingest(fixture_kb)
    before = index.collection.get(include=["metadatas", "documents"])
    doc = fixture_kb / "faq" / "faq-sku-test.md"
    doc.write_text(doc.read_text(encoding="utf-8") + "\nA pending change.\n", encoding="utf-8")
    lock_file = settings.data_dir / "ingest.lock"
    index.lock = FileLock(lock_file, timeout_s=0.3)
    with FileLock(lock_file).hold():  # another process's ingest, as flock sees it
        started = time.monotonic()
        with pytest.raises(IngestLockTimeout) as err:
            index.ingest(fixture_kb)
    assert 0.3 <= time.monotonic() - started < 5
    assert isinstance(err.value, AssistantError)  # the CLI and the API report it as such
    assert str(lock_file) in str(err.value) and "retry" in str(err.value)
    assert index.collection.get(include=["metadatas", "documents"]) == before
    assert index.ingest(fixture_kb).updated == ["faq-sku-test"]  # released: the next one runs


def test_the_lock_is_released_when_its_holder_is_killed(tmp_path: Path) -> None:
    lock_file = tmp_path / "ingest.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, sys, time; f = open(sys.argv[1], 'w'); "
         "fcntl.flock(f, fcntl.LOCK_EX); print('held', flush=True); time.sleep(60)", str(lock_file)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(IngestLockTimeout), FileLock(lock_file, timeout_s=0.2).hold():
            pass
        holder.kill()
        holder.wait(timeout=10)
        with FileLock(lock_file, timeout_s=5).hold():  # no stale lock file to delete by hand
            pass
    finally:
        holder.kill()
        holder.wait(timeout=10)


@pytest.fixture
def chroma_port(tmp_path: Path) -> Iterator[int]:
    server = ManagedChroma(tmp_path / "chroma-server", log_file=tmp_path / "chroma.log").start()
    try:
        yield server.port
    finally:
        server.stop()


def _holds_open(pid: int, path: Path) -> bool:
    """Whether process ``pid`` has ``path`` open (it is then waiting for the lock in it)."""
    try:
        return any(os.readlink(fd) == str(path) for fd in Path(f"/proc/{pid}/fd").iterdir())
    except (FileNotFoundError, PermissionError):
        return False


@pytest.mark.chroma_server
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to see who waits")
def test_two_processes_ingesting_at_once_embed_once_and_the_second_embeds_nothing(
    chroma_port: int, tmp_path: Path, fixture_kb: Path
) -> None:
    """Two CLI ingests against one Chroma server with one data directory, as beside
    `serve --workers 2`: both wait for the lock; the one that gets it first embeds, the
    other then finds the index at the content it would write."""
    data = tmp_path / "data"
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data), "ASSISTANT_CHROMA_HOST": "127.0.0.1",
           "ASSISTANT_CHROMA_PORT": str(chroma_port), "ASSISTANT_COLLECTION": "lock-test",
           "ANONYMIZED_TELEMETRY": "False"}
    settings = Settings(_env_file=None, data_dir=data, chroma_host="127.0.0.1", chroma_port=chroma_port,
                        collection="lock-test")
    index = KnowledgeIndex.from_settings(settings)  # creates the collection both will open
    cli = str(Path(sys.executable).with_name("support-assistant"))
    lock_file = data / "ingest.lock"
    with FileLock(lock_file).hold():  # both start while an ingest is running
        procs = [subprocess.Popen([cli, "ingest", str(fixture_kb), "--json"], cwd=ROOT, env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        deadline = time.monotonic() + 120
        while not all(_holds_open(p.pid, lock_file) for p in procs):
            assert time.monotonic() < deadline and all(p.poll() is None for p in procs), \
                [p.communicate() for p in procs if p.poll() is not None]
            time.sleep(0.05)
    reports = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err[-2000:]
        reports.append(json.loads(out))
    reports.sort(key=lambda r: r["passages_embedded"])
    waited, embedded = reports
    assert embedded["passages_embedded"] == embedded["passages_total"] > 0
    assert len(embedded["added"]) == 3
    assert waited["passages_embedded"] == 0 and waited["unchanged"] == 3 and not waited["added"]
    assert waited["passages_total"] == embedded["passages_total"]
    assert index.collection.count() == 2 * embedded["passages_total"]  # published once, nothing doubled
