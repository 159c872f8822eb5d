"""An ingest killed with SIGKILL at any moment leaves the old index or the new one, never an
empty or mixed one, and the next ingest completes it.

A small knowledge base (the fixture KB and five bundled FAQs) is ingested; an update (two
documents changed, one removed, one added) is then ingested in a forked child and killed at
100 points: after each of its Chroma write calls (every state between two writes), inside
each write call, twice in a row (the second ingest cleaning up after the first), and at
uniform random wall-clock moments. A fresh process then opens each data directory.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from assistant.kb.loader import load_knowledge_base
from tests.conftest import FIXTURES, ROOT

pytestmark = pytest.mark.slow

WORKER = Path(__file__).with_name("ingest_kill_worker.py")
POINTS = 100
EXTRA_FAQS = ["faq-cant-log-in", "faq-change-email", "faq-delete-account", "faq-reset-password", "faq-stop-sms"]
ADDED_FAQ = "faq-too-many-emails"
QUERY = "Is the power bank allowed in my cabin bag?"


def _copy_bundled(doc_id: str, target: Path) -> None:
    """A bundled FAQ without its links (the documents they name are not in this KB)."""
    text = next((ROOT / "knowledge_base").rglob(f"{doc_id}.md")).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith("related:")]
    (target / f"{doc_id}.md").write_text("".join(lines), encoding="utf-8")


def _knowledge_bases(tmp: Path) -> tuple[Path, Path]:
    old = tmp / "kb-old"
    shutil.copytree(FIXTURES / "kb", old)
    for doc_id in EXTRA_FAQS:
        _copy_bundled(doc_id, old / "faq")
    new = tmp / "kb-new"
    shutil.copytree(old, new)
    for changed in [new / "policies" / "policy-shipping-test.md", new / "faq" / "faq-reset-password.md"]:
        changed.write_text(changed.read_text(encoding="utf-8") + "\n\n## Updated\n\nChanged for the kill test: "
                           "the new version of this document.\n", encoding="utf-8")
    (new / "faq" / "faq-cant-log-in.md").unlink()
    _copy_bundled(ADDED_FAQ, new / "faq")
    return old, new


def _run(mode: str, jobs: list[dict[str, Any]], tmp: Path, name: str) -> list[dict[str, Any]]:
    spec = tmp / f"{name}.json"
    spec.write_text(json.dumps(jobs))
    done = subprocess.run([sys.executable, str(WORKER), mode, str(spec)], cwd=ROOT, capture_output=True, check=False,
                          text=True, timeout=600, env={**os.environ, "ANONYMIZED_TELEMETRY": "False"})
    assert done.returncode == 0, done.stderr[-3000:]
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def _in_parallel(mode: str, jobs: list[dict[str, Any]], tmp: Path) -> list[dict[str, Any]]:
    """Two worker processes (CI has two cores), each on every other job."""
    halves = [jobs[0::2], jobs[1::2]]
    with ThreadPoolExecutor(2) as pool:
        parts = list(pool.map(lambda i: _run(mode, halves[i], tmp, f"{mode}-{i}"), range(2)))
    return parts[0] + parts[1]


def _points(writes: int, durations: list[float], seconds: float, rng: random.Random) -> list[dict[str, Any]]:
    points: list[dict[str, Any]] = [
        {"kind": "after write", "stages": [{"kill_after_writes": n}]} for n in range(writes + 1)]
    for n in range(writes):  # inside each write call, twice
        points += [{"kind": "inside write", "stages": [{"signal_at_write": n, "delay_s": rng.uniform(0, durations[n])}]}
                   for _ in range(2)]
    for _ in range(12):  # killed, then the ingest that cleans up is killed too
        first, second = rng.randrange(1, writes), rng.randrange(0, writes + 4)
        points.append({"kind": "twice", "stages": [{"kill_after_writes": first}, {"kill_after_writes": second}]})
    while len(points) < POINTS:  # anywhere in the ingest, chosen by the clock
        points.append({"kind": "clock", "stages": [{"delay_s": rng.uniform(0, seconds)}]})
    return points[:POINTS]


def test_a_kill_9_at_any_point_of_an_ingest_leaves_the_old_or_the_new_index(tmp_path: Path) -> None:
    old_kb, new_kb = _knowledge_bases(tmp_path)
    old_docs = {d.meta.id: d.content_hash for d in load_knowledge_base(old_kb)}
    new_docs = {d.meta.id: d.content_hash for d in load_knowledge_base(new_kb)}
    template, reference = tmp_path / "old-index", tmp_path / "new-index"

    # The old index, then one uninterrupted update of a copy: its writes and their durations.
    [built] = _run("kill", [{"name": "old", "data": str(template), "kb": str(old_kb)}], tmp_path, "build")
    shutil.copytree(template, reference)
    [calibration] = _run("kill", [{"name": "new", "data": str(reference), "kb": str(new_kb)}], tmp_path, "calibrate")
    run = calibration["stages"][0]
    assert not run["killed"] and run["exit"] == 0 and run["embedded"] > 0, calibration
    writes = run["writes"]
    assert writes >= 8  # small write batches: many points between writes

    jobs = []
    for i, point in enumerate(_points(writes, run["durations"], run["seconds"], random.Random(20261120))):
        data = tmp_path / f"point-{i:03d}"
        shutil.copytree(template, data)
        jobs.append({"name": f"point-{i:03d}", "data": str(data), "kb": str(new_kb), **point})
    killed = {r["name"]: r for r in _in_parallel("kill", jobs, tmp_path)}
    assert len(killed) == POINTS
    assert all(not s["killed"] or s["exit"] is None for r in killed.values() for s in r["stages"])
    assert all(s["exit"] in (None, 0) for r in killed.values() for s in r["stages"]), killed

    references = [{"name": "old", "data": str(tmp_path / "old-check"), "kb": str(new_kb), "query": QUERY},
                  {"name": "new", "data": str(reference), "kb": str(new_kb), "query": QUERY}]
    shutil.copytree(template, references[0]["data"])
    checks = _in_parallel("verify", [{**job, "query": QUERY} for job in jobs] + references, tmp_path)
    by_name = {c["name"]: c for c in checks}
    old_set, new_set = by_name.pop("old")["seen"], by_name.pop("new")["seen"]
    assert {p.partition("#")[0] for p in old_set} == set(old_docs) and set(old_set.values()) == set(old_docs.values())
    assert {p.partition("#")[0] for p in new_set} == set(new_docs) and set(new_set.values()) == set(new_docs.values())

    outcomes: Counter[str] = Counter()
    by_kind: Counter[str] = Counter()
    kinds = {job["name"]: job["kind"] for job in jobs}
    for name, check in sorted(by_name.items()):
        seen = check["seen"]
        outcome = "old" if seen == old_set else "new" if seen == new_set else "other"
        outcomes[outcome] += 1
        by_kind[f"{kinds[name]}: {outcome}"] += 1
        assert outcome != "other", (name, killed[name], sorted(seen.items()))
        assert check["hits"] and check["hits"][0] == "faq-sku-test", (name, check["hits"])
        assert check["ann_hits"] and check["ann_hits"][0] == "faq-sku-test", (name, check["ann_hits"])
        # The next ingest completes the update and leaves no record of any other generation.
        assert check["after"] == new_set, name
        assert check["records_after"] == 2 * len(new_set), name
        assert check["embedded_after"] == (0 if outcome == "new" else run["embedded"]), name
    kills = sum(s["killed"] for r in killed.values() for s in r["stages"])
    summary = {"points": POINTS, "kills": kills, "writes_per_ingest": writes, **outcomes,
               "by_kind": dict(sorted(by_kind.items())), "update_ingest_s": round(run["seconds"], 2),
               "old_index_built_in_s": round(built["stages"][0]["seconds"], 2)}
    print("kill test:", json.dumps(summary))
    assert outcomes["old"] >= 5 and outcomes["new"] >= 5  # the points did spread over the ingest
