"""Personal-data runner: each message of eval/safety/ through the engine's detector
(``find_personal_data``, what ``suggest`` redacts with), its reports beside the case's
expected items and non-personal identifiers."""

from __future__ import annotations

import time

from assistant.evaluation.cases import PiiDetectionCase, PiiSpan
from assistant.evaluation.observations import PiiDetectionObs, SpanObs
from assistant.evaluation.parallel import ordered_map
from assistant.evaluation.runtime import Runtime


def _spans(message: str, values: list[PiiSpan]) -> list[SpanObs]:
    """Where each value is in the message (values are exact substrings; a value the
    message does not contain is kept at -1, so it can never count as found)."""
    out = []
    for v in values:
        start = message.find(v.value)
        out.append(SpanObs(kind=v.kind, start=start, end=start + len(v.value) if start >= 0 else -1, text=v.value))
    return out


def observe(cases: list[PiiDetectionCase], rt: Runtime, label: str) -> list[PiiDetectionObs]:
    engine = rt.engine()

    def one(case: PiiDetectionCase) -> PiiDetectionObs:
        t0 = time.perf_counter()
        items = engine.find_personal_data(case.message)
        ms = (time.perf_counter() - t0) * 1000
        return PiiDetectionObs(
            case_id=case.id, message=case.message, language=case.language,
            expected=_spans(case.message, case.items), identifiers=_spans(case.message, case.identifiers),
            found=[SpanObs(kind=i.kind, start=i.start, end=i.end, text=case.message[i.start:i.end]) for i in items],
            timings={"detect_ms": round(ms, 3)},
        )

    with rt.progress(label) as progress:
        return ordered_map(one, cases, rt.workers, progress)
