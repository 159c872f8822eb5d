"""Ingest throughput, re-ingest time and hybrid-search latency at the bundled KB's size and
with 10k / 100k passages.

    python bench/ingest_bench.py            # bundled KB, 10k and 100k passages (~20 min on 2 cores)
    python bench/ingest_bench.py --quick    # bundled KB and 10k passages
    python bench/ingest_bench.py --sizes 10000,50000

For each size a fresh temporary data dir is ingested through the real pipeline
(``KnowledgeIndex.ingest``: load + validate, chunk, embed both views of every passage,
write to embedded Chroma, rebuild the BM25 view), then the unchanged KB is ingested
again (the idempotent path), then 200 queries of eval/retrieval/queries.jsonl go through
``KnowledgeIndex.search`` exactly as the engine calls it (k=5, the query's market, doc
types faq/policy/playbook). The 10k/100k knowledge bases are the bundled KB plus
synthetic Markdown documents (valid front matter, sections built from real passages with
substitutions) written to a temp dir, so the queries still have their real answers.
Temp dirs are removed at the end (``--keep`` keeps them).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import tempfile
import time
from pathlib import Path

from _common import ROOT, loadavg, machine, percentile, save, self_peak_rss_mb, table

from assistant.core.tokens import TokenCounter
from assistant.kb.chunking import SENTENCE_END, Passage, chunk_document
from assistant.kb.loader import load_knowledge_base, parse_document
from assistant.settings import Settings
from assistant.taxonomy import MARKETS
from assistant.wiring import build_index

KB = ROOT / "knowledge_base"
QUERIES = ROOT / "eval" / "retrieval" / "queries.jsonl"
SOURCE_TYPES = ["faq", "policy", "playbook"]  # what ReplyEngine.suggest searches

# --- synthetic knowledge base ---------------------------------------------------------------
SUBSTITUTIONS: dict[str, list[str]] = {
    r"\bparcels?\b": ["parcel", "package", "shipment", "delivery", "box"],
    r"\border(s)?\b": ["order", "purchase", "order", "checkout"],
    r"\bcustomers?\b": ["customer", "buyer", "shopper", "client"],
    r"\brefund(s)?\b": ["refund", "reimbursement", "money-back payment", "refund"],
    r"\bjacket\b": ["jacket", "rain coat", "hoodie", "parka", "blazer"],
    r"\bsneakers\b": ["sneakers", "running shoes", "boots", "sandals", "loafers"],
    r"\bsmartwatch\b": ["smartwatch", "fitness band", "e-reader", "headset", "action camera"],
    r"\b(DHL|UPS|FedEx|Cainiao|USPS|Royal Mail|Canada Post|PostNL|DPD|GLS)\b":
        ["DHL", "UPS", "FedEx", "Cainiao", "YunExpress", "PostNL", "DPD", "GLS", "Correos", "La Poste", "Japan Post"],
    r"\b(AliExpress|Amazon|eBay)\b": ["AliExpress", "Amazon", "eBay", "Shopify", "Allegro", "Zalando", "Etsy"],
    r"\b(Germany|France|Spain|Italy|Poland|Brazil|Japan|Canada|Australia)\b":
        ["Germany", "France", "Spain", "Italy", "Poland", "Brazil", "Japan", "Canada", "Australia", "Mexico", "Sweden"],
    r"\bdays\b": ["days", "business days", "working days", "calendar days"],
    r"\bquickly\b": ["quickly", "promptly", "fast", "as soon as possible"],
    r"\bplease\b": ["please", "kindly", "please"],
}
PRODUCT_LINES = ["Aurora", "Basalt", "Cedar", "Dune", "Ember", "Fjord", "Granite", "Harbor", "Iris", "Juniper",
                 "Kestrel", "Lumen", "Meridian", "Nimbus", "Orchid", "Pioneer", "Quartz", "Ridge", "Sierra", "Tundra"]
CATEGORIES = ["outdoor gear", "kitchenware", "phone accessories", "kids' clothing", "home textiles", "audio",
              "sportswear", "garden tools", "pet supplies", "beauty", "lighting", "luggage", "stationery"]


def _vary(text: str, rng: random.Random) -> str:
    for pattern, choices in SUBSTITUTIONS.items():
        if rng.random() < 0.7:
            text = re.sub(pattern, lambda _m, options=choices: rng.choice(options), text)
    # New figures of the same width (prices, day counts, thresholds, SKUs).
    return re.sub(r"\d+", lambda m: str(rng.randint(10 ** (len(m.group()) - 1) if len(m.group()) > 1 else 1,
                                                    10 ** len(m.group()) - 1)), text)


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    for line in text.splitlines():
        out.extend(s.strip() for s in SENTENCE_END.split(line) if s.strip())
    return out


def synthetic_kb(target: int, counter: TokenCounter, max_tokens: int, seed: int = 7) -> tuple[Path, int, int]:
    """Copy the bundled KB into a temp dir and add synthetic docs until ``target`` passages.

    Returns (kb dir, passages, documents). Passages are counted with the real chunker, so the
    number is what ingest will embed.
    """
    rng = random.Random(seed)
    root = Path(tempfile.mkdtemp(prefix="bench-kb-")) / "knowledge_base"
    shutil.copytree(KB, root)
    docs = load_knowledge_base(root)
    passages: list[Passage] = [p for d in docs for p in chunk_document(d, max_tokens, counter.count)]
    by_type: dict[str, list[Passage]] = {}
    for p in passages:
        by_type.setdefault(p.doc_type, []).append(p)
    total, n_docs = len(passages), len(docs)
    out_dir = root / "synthetic"
    out_dir.mkdir()
    i = 0
    while total < target:
        base = rng.choice(docs)
        line = rng.choice(PRODUCT_LINES)
        category = rng.choice(CATEGORIES)
        doc_id = f"syn-{i:06d}-{base.meta.id}"[:80].rstrip("-")
        title = f"{_vary(base.meta.title, rng)} ({line} {category})"[:200]
        markets = ["ALL"] if rng.random() < 0.3 else sorted(rng.sample(MARKETS, rng.randint(1, 3)))
        sections = rng.randint(3, 7)
        body = [f"# {title}", ""]
        for _ in range(sections):
            a, b = rng.choice(by_type[base.meta.doc_type]), rng.choice(passages)
            sa, sb = _sentences(a.text), _sentences(b.text)
            picked = sa[: rng.randint(2, max(2, len(sa)))] + rng.sample(sb, min(len(sb), rng.randint(0, 2)))
            heading = a.heading if a.heading != a.title else rng.choice(["Overview", "Details", "What to do", "Good to know"])
            text = _vary(" ".join(picked), rng)[:900]
            if len(text) < 60:
                text += f" This applies to {line} {category} orders shipped to every listed market."
            body += [f"## {_vary(heading, rng)} — {line}", "", text, ""]
        front = {
            "id": doc_id, "doc_type": base.meta.doc_type, "title": title, "markets": markets,
            "intents": list(base.meta.intents), "language": base.meta.language,
            "updated": f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}",
        }
        text = "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front.items())
        text += "---\n" + "\n".join(body) + "\n"
        path = out_dir / f"{doc_id}.md"
        doc = parse_document(text, str(path))  # same validation ingest applies
        total += len(chunk_document(doc, max_tokens, counter.count))
        path.write_text(text, encoding="utf-8")
        n_docs += 1
        i += 1
    return root, total, n_docs


# --- measurement -------------------------------------------------------------------------------
def load_queries(n: int) -> list[dict]:
    rows = [json.loads(line) for line in QUERIES.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[:n]


def measure_size(label: str, kb_dir: Path, n_docs: int, queries: list[dict], keep: bool) -> dict:
    data_dir = Path(tempfile.mkdtemp(prefix="bench-data-"))
    try:
        settings = Settings(_env_file=None, data_dir=data_dir, kb_dir=kb_dir, prompts_dir=ROOT / "prompts")
        index = build_index(settings)
        index.embeddings.encode(["warm up the model"])  # model load is not ingest time

        marks: list[float] = []
        t0 = time.perf_counter()
        report = index.ingest(kb_dir, lambda done, total: marks.append(time.perf_counter()))
        ingest_s = time.perf_counter() - t0
        # The last progress call comes when the last vector is embedded: before it load,
        # validate, chunk and embed; after it the Chroma writes and the BM25 rebuild.
        embed_done_s = (marks[-1] - t0) if marks else float("nan")
        passages = report.passages_embedded
        print(f"  {label}: ingested {passages} passages in {ingest_s:.1f}s "
              f"({passages / ingest_s:.1f} passages/s; load+chunk+embed {embed_done_s:.1f}s)", flush=True)
        # A failure of the idempotent path is a finding, not a reason to lose the other figures.
        reingest_s: float | None = None
        reingest_error: str | None = None
        t0 = time.perf_counter()
        try:
            again = index.ingest(kb_dir)
            reingest_s = time.perf_counter() - t0
            if again.passages_embedded:
                reingest_error = f"re-embedded {again.passages_embedded} passages of an unchanged KB"
        except Exception as exc:  # noqa: BLE001 - reported in the results
            reingest_error = f"{type(exc).__name__} after {time.perf_counter() - t0:.1f}s: {str(exc)[:300]}"
            print(f"  {label}: re-ingest FAILED: {reingest_error}", flush=True)

        for q in queries[:5]:  # warm-up (first query pays for lazy init)
            index.search(q["query"], k=5, market=q.get("market"), doc_types=SOURCE_TYPES)
        latencies, hits = [], 0
        for q in queries:
            t0 = time.perf_counter()
            found = index.search(q["query"], k=5, market=q.get("market"), doc_types=SOURCE_TYPES)
            latencies.append((time.perf_counter() - t0) * 1000)
            hits += bool({h.doc_id for h in found} & set(q.get("relevant", [])))
        row = {
            "size": label, "documents": n_docs, "passages": passages, "vectors": 2 * passages,
            "ingest_s": round(ingest_s, 2), "ingest_core_s": round(report.seconds, 2),
            "load_chunk_embed_s": round(embed_done_s, 2), "write_and_bm25_s": round(ingest_s - embed_done_s, 2),
            "ingest_passages_per_s": round(passages / ingest_s, 1),
            "reingest_unchanged_s": None if reingest_s is None else round(reingest_s, 3),
            "reingest_error": reingest_error,
            "query_n": len(latencies),
            "query_p50_ms": round(percentile(latencies, 50), 1),
            "query_p95_ms": round(percentile(latencies, 95), 1),
            "query_mean_ms": round(sum(latencies) / len(latencies), 1),
            "hit_at_5": round(hits / len(queries), 3),
            "loadavg": loadavg(),
            "bench_peak_rss_mb": self_peak_rss_mb(),
        }
        print(f"  {label}: {row}", flush=True)
        return row
    finally:
        if not keep:
            shutil.rmtree(data_dir, ignore_errors=True)
        else:
            print(f"  kept data dir {data_dir}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="bundled KB and 10k passages only")
    ap.add_argument("--sizes", help="comma-separated synthetic sizes in passages (default 10000,100000)")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--keep", action="store_true", help="keep the temp KB and data dirs")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else ([10_000] if args.quick else [10_000, 100_000])
    mode = "quick" if args.quick else "full"

    info = machine()
    print(f"ingest_bench ({mode}) load average {info['loadavg_start']}", flush=True)
    queries = load_queries(args.queries)
    settings = Settings(_env_file=None)
    counter = TokenCounter(settings.tokenizer_encoding, Path(tempfile.gettempdir()) / "bench-tiktoken")

    rows = [measure_size("bundled KB", KB, len(load_knowledge_base(KB)), queries, args.keep)]
    for size in sizes:
        t0 = time.perf_counter()
        kb_dir, total, n_docs = synthetic_kb(size, counter, settings.chunk_max_tokens)
        print(f"  generated {n_docs} documents / {total} passages in {time.perf_counter() - t0:.1f}s ({kb_dir})", flush=True)
        try:
            rows.append(measure_size(f"{size / 1000:g}k", kb_dir, n_docs, queries, args.keep))
        finally:
            if not args.keep:
                shutil.rmtree(kb_dir.parent, ignore_errors=True)

    print()
    print(table(
        ["size", "docs", "passages", "ingest s", "(embed s)", "passages/s", "re-ingest s", "q p50 ms", "q p95 ms", "hit@5", "load avg"],
        [[r["size"], r["documents"], r["passages"], r["ingest_s"], r["load_chunk_embed_s"], r["ingest_passages_per_s"],
          "FAILED" if r["reingest_error"] else r["reingest_unchanged_s"], r["query_p50_ms"], r["query_p95_ms"], r["hit_at_5"],
          " ".join(f"{x:.2f}" for x in r["loadavg"])] for r in rows],
    ))
    path = save("ingest_bench", mode, {**info, "queries": len(queries), "rows": rows})
    print(f"\nwrote {path}")


if __name__ == "__main__":
    main()
