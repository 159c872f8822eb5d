"""Offline reply batch throughput: ``ReplyEngine.suggest`` on held-out customer messages.

    python bench/batch_bench.py            # 300 messages, 1 thread then a 2-thread pool
    python bench/batch_bench.py --quick    # 100 messages
    python bench/batch_bench.py --threads 1,2,4

The engine is built from settings on a fresh temporary data dir (the bundled KB is
ingested there first; that and model loading are setup, not measured), with no LLM
configured, so every draft comes from the offline drafter, as in `support-assistant
suggest --jsonl`. Messages are a fixed-seed sample of eval/intents/heldout-*.jsonl (the
message text only: no market, order or customer context). Ten messages warm up first;
each pool size makes 3 passes over the messages (1 with --quick) and the median pass is
reported (a 300-message pass takes only a few seconds, so one pass is noisy).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from _common import ROOT, loadavg, machine, percentile, save, self_peak_rss_mb, table

from assistant.engine import ReplyEngine
from assistant.models import ReplyRequest, Suggestion
from assistant.settings import Settings
from assistant.wiring import build_engine


def load_messages(n: int, seed: int = 0) -> list[str]:
    rows = []
    for path in sorted((ROOT / "eval" / "intents").glob("heldout-*.jsonl")):
        rows += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if n >= len(rows):
        return rows
    picked = sorted(random.Random(seed).sample(range(len(rows)), n))
    return [rows[i] for i in picked]


def run(engine: ReplyEngine, messages: list[str], threads: int) -> dict:
    latencies: list[float] = []
    stages: Counter[str] = Counter()

    def one(text: str) -> Suggestion:
        t0 = time.perf_counter()
        s = engine.suggest(ReplyRequest(message=text))
        latencies.append((time.perf_counter() - t0) * 1000)
        return s

    t0 = time.perf_counter()
    if threads == 1:
        results = [one(m) for m in messages]
    else:
        with ThreadPoolExecutor(max_workers=threads) as pool:
            results = list(pool.map(one, messages))
    wall = time.perf_counter() - t0
    for s in results:
        stages.update(s.timings)
    n = len(results)
    return {
        "threads": threads, "messages": n, "seconds": round(wall, 2),
        "messages_per_s": round(n / wall, 2),
        "latency_p50_ms": round(percentile(latencies, 50), 1),
        "latency_p95_ms": round(percentile(latencies, 95), 1),
        "mean_stage_ms": {k: round(v / n, 1) for k, v in stages.items()},
        "generators": dict(Counter(s.generator for s in results)),
        "loadavg": loadavg(),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="100 messages instead of 300")
    ap.add_argument("--messages", type=int, help="how many held-out messages (default 300, --quick 100)")
    ap.add_argument("--threads", default="1,2", help="comma-separated pool sizes (default 1,2)")
    ap.add_argument("--repeat", type=int, help="passes per pool size, the median pass is reported (default 3, --quick 1)")
    args = ap.parse_args()
    mode = "quick" if args.quick else "full"
    n = args.messages or (100 if args.quick else 300)
    info = machine()
    print(f"batch_bench ({mode}) load average {info['loadavg_start']}", flush=True)

    messages = load_messages(n)
    data_dir = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    try:
        settings = Settings(_env_file=None, data_dir=data_dir, kb_dir=ROOT / "knowledge_base",
                            prompts_dir=ROOT / "prompts", llm_base_url=None, llm_api_key=None)
        t0 = time.perf_counter()
        engine = build_engine(settings)  # ingests the bundled KB into the empty data dir
        setup_s = time.perf_counter() - t0
        assert not engine.waits_on_network, "an LLM is configured; this benchmark measures the offline drafter"
        for m in messages[:10]:
            engine.suggest(ReplyRequest(message=m))
        print(f"  engine ready in {setup_s:.1f}s (ingest + models); {len(messages)} messages", flush=True)

        rows = []
        repeat = args.repeat or (1 if args.quick else 3)
        for threads in (int(t) for t in args.threads.split(",")):
            passes = []
            for _ in range(repeat):
                passes.append(run(engine, messages, threads))
                print(f"  {passes[-1]}", flush=True)
            row = sorted(passes, key=lambda r: r["messages_per_s"])[len(passes) // 2]  # the median pass
            row["messages_per_s_all_passes"] = [r["messages_per_s"] for r in passes]
            rows.append(row)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)

    print()
    print(table(
        ["threads", "messages", "seconds", "messages/s", "(all passes)", "p50 ms", "p95 ms", "understand/retrieve/draft ms", "load avg"],
        [[r["threads"], r["messages"], r["seconds"], r["messages_per_s"],
          " ".join(f"{x:.1f}" for x in r["messages_per_s_all_passes"]), r["latency_p50_ms"], r["latency_p95_ms"],
          "/".join(f"{r['mean_stage_ms'].get(k, 0):.0f}" for k in ("understand_ms", "retrieve_ms", "draft_ms")),
          " ".join(f"{x:.2f}" for x in r["loadavg"])] for r in rows],
    ))
    path = save("batch_bench", mode, {**info, "engine_setup_s": round(setup_s, 1),
                                      "bench_peak_rss_mb": self_peak_rss_mb(), "rows": rows})
    print(f"\nwrote {path}")


if __name__ == "__main__":
    main()
