"""Retrieval runner: each query through the knowledge index (or the naive store), ranked doc ids.

The query goes in as written with its market, like ``support-assistant search``: every
document type is searchable, since culture and tone notes are valid answers too.
"""

from __future__ import annotations

import time

from assistant.evaluation.cases import RetrievalCase
from assistant.evaluation.observations import RetrievalObs
from assistant.evaluation.parallel import ordered_map
from assistant.evaluation.runtime import Runtime

DEPTH = 10  # deep enough for MRR and recall@10


def _obs(case: RetrievalCase, ranked: list[str], ms: float) -> RetrievalObs:
    return RetrievalObs(case_id=case.id, query=case.query, language=case.language, market=case.market,
                        relevant=case.relevant, ranked=ranked, timings={"retrieve_ms": round(ms, 2)})


def observe(cases: list[RetrievalCase], rt: Runtime, label: str) -> list[RetrievalObs]:
    engine = rt.engine()

    def one(case: RetrievalCase) -> RetrievalObs:
        t0 = time.perf_counter()
        hits = engine.search(case.query, k=DEPTH, market=case.market)
        return _obs(case, [h.doc_id for h in hits], (time.perf_counter() - t0) * 1000)

    with rt.progress(label) as progress:
        return ordered_map(one, cases, rt.workers, progress)


def observe_peer(cases: list[RetrievalCase], rt: Runtime, label: str) -> list[RetrievalObs]:
    naive = rt.naive()

    def one(case: RetrievalCase) -> RetrievalObs:
        t0 = time.perf_counter()
        ranked = [doc_id for doc_id, _ in naive.search(case.query, k=DEPTH)]
        return _obs(case, ranked, (time.perf_counter() - t0) * 1000)

    with rt.progress(label) as progress:
        return ordered_map(one, cases, rt.workers, progress)
