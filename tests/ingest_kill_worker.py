"""Helper processes of tests/test_atomic_ingest.py (not a test module).

``kill JOBS.json``: loads the embedding model once, then for each job forks a child that
ingests a knowledge base into the job's data directory and is killed with SIGKILL at the
job's point: after its Nth Chroma write call, during a given write call, or after a
wall-clock delay. Forking keeps the model load (2-3 s) out of every one of the hundred
points; the child opens Chroma itself, as a fresh process would. Writes one JSON line per
job on stdout.

``verify JOBS.json``: a process that did not write opens each data directory afresh and
reports the live passages, a search, and what a following ingest leaves.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chromadb.api.models.Collection import Collection

from assistant.core.embeddings import MultilingualEmbeddings
from assistant.index.knowledge import KnowledgeIndex
from assistant.index.retriever import HybridRetriever
from assistant.index.store import HEADING_VIEW, read_all
from assistant.settings import Settings

WRITES = ("add", "update", "delete", "modify")
WRITE_BATCH = 4  # records per write call: more calls, more points between them


def _index(data: Path) -> KnowledgeIndex:
    settings = Settings(_env_file=None, data_dir=data)
    index = KnowledgeIndex.from_settings(settings, embeddings=MultilingualEmbeddings())
    index.write_batch = WRITE_BATCH
    return index


def _hook_writes(before: Callable[[int], None], after: Callable[[int], None]) -> list[float]:
    """Wrap Chroma's write calls: ``before(n)`` / ``after(n)`` around the nth (0-based)."""
    durations: list[float] = []
    for name in WRITES:
        original = getattr(Collection, name)

        def wrapped(self: Collection, *args: Any, _original: Any = original, **kwargs: Any) -> Any:
            n = len(durations)
            before(n)
            started = time.perf_counter()
            result = _original(self, *args, **kwargs)
            durations.append(time.perf_counter() - started)
            after(n + 1)
            return result

        setattr(Collection, name, wrapped)
    return durations


def _child(job: dict[str, Any], notify: int) -> None:
    """The ingest in the forked child. Never returns."""
    try:
        me = os.getpid()
        kill_after = job.get("kill_after_writes")
        signal_at = job.get("signal_at_write")

        def before(n: int) -> None:
            if n == signal_at:  # the parent kills this process while write n runs
                os.write(notify, b"w")
            if n == kill_after == 0:
                os.kill(me, signal.SIGKILL)

        def after(done: int) -> None:
            if done == kill_after:
                os.kill(me, signal.SIGKILL)

        durations = _hook_writes(before, after)
        os.write(notify, b"s")  # started: the wall-clock delay counts from here
        report = _index(Path(job["data"])).ingest(Path(job["kb"]))
        result = {"writes": len(durations), "durations": durations, "embedded": report.passages_embedded}
        Path(job["data"], "child.json").write_text(json.dumps(result))
        os._exit(0)
    except BaseException as exc:  # noqa: BLE001 - reported through the exit code and a file
        Path(job["data"], "child-error.txt").write_text(repr(exc))
        os._exit(3)


def run_killed(job: dict[str, Any]) -> dict[str, Any]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        _child(job, write_end)
    os.close(write_end)
    os.read(read_end, 1)  # the child is about to ingest
    started = time.perf_counter()
    if job.get("signal_at_write") is not None:
        if os.read(read_end, 1) == b"w":  # empty: the child ended before that write
            time.sleep(job["delay_s"])
            os.kill(pid, signal.SIGKILL)
    elif job.get("delay_s") is not None:
        time.sleep(job["delay_s"])
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    os.close(read_end)
    killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    out = {"killed": killed, "exit": None if killed else os.waitstatus_to_exitcode(status),
           "seconds": time.perf_counter() - started}
    done = Path(job["data"], "child.json")
    if done.exists():
        out.update(json.loads(done.read_text()))
        done.unlink()
    return out


def kill(jobs: list[dict[str, Any]]) -> None:
    MultilingualEmbeddings().encode(["warm up"])  # loaded once, shared by every forked child
    for job in jobs:
        stages = [run_killed({**job, **stage}) for stage in job.get("stages", [{}])]
        print(json.dumps({"name": job["name"], "stages": stages}), flush=True)


def live_set(index: KnowledgeIndex) -> dict[str, str]:
    """passage id → doc hash of what readers see (what the retriever's snapshot reads); a
    passage without its heading record is reported as such."""
    live = read_all(index.collection, index.pointer())
    out = {p.id: p.doc_hash for p in live.passages}
    for pid in out:
        if pid + HEADING_VIEW not in live.records:
            out[pid] = "missing heading record"
    return out


def verify(jobs: list[dict[str, Any]]) -> None:
    for job in jobs:
        index = _index(Path(job["data"]))
        seen = live_set(index)
        hits = index.search(job["query"], k=3) if seen else []
        ann = HybridRetriever(index.collection, index.embeddings.encode, exact_limit=1, pointer=index.pointer)
        ann_hits = ann.search(job["query"], k=3) if seen else []
        report = index.ingest(Path(job["kb"]))
        print(json.dumps({
            "name": job["name"], "seen": seen, "hits": [h.doc_id for h in hits],
            "ann_hits": [h.doc_id for h in ann_hits], "after": live_set(index),
            "records_after": index.collection.count(), "embedded_after": report.passages_embedded,
        }), flush=True)


if __name__ == "__main__":
    mode, path = sys.argv[1], Path(sys.argv[2])
    {"kill": kill, "verify": verify}[mode](json.loads(path.read_text()))
