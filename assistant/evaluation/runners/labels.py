"""Label runners: intent classification and language identification of single utterances.

Both go through the engine's detectors, which take the same steps as ``suggest`` for a
message without thread context: personal data is redacted first, the market (when the
case has one) is the language hint. Intents are classified in batches.
"""

from __future__ import annotations

from assistant.evaluation.cases import LabelledCase
from assistant.evaluation.observations import LabelObs
from assistant.evaluation.parallel import ordered_map
from assistant.evaluation.runtime import Runtime

BATCH = 64


def observe_intents(cases: list[LabelledCase], rt: Runtime, label: str) -> list[LabelObs]:
    engine = rt.engine()
    cases = [c for c in cases if c.intent]
    out: list[LabelObs] = []
    with rt.progress(label) as progress:
        for start in range(0, len(cases), BATCH):
            batch = cases[start:start + BATCH]
            for case, p in zip(batch, engine.classify_intents([c.text for c in batch]), strict=True):
                out.append(LabelObs(case_id=case.id, text=case.text, language=case.language, market=case.market,
                                    expected=case.intent or "", predicted=p.intent, confidence=p.confidence))
            if progress:
                progress(len(out), len(cases))
    return out


def observe_languages(cases: list[LabelledCase], rt: Runtime, label: str) -> list[LabelObs]:
    engine = rt.engine()
    cases = [c for c in cases if c.language]

    def one(case: LabelledCase) -> LabelObs:
        guess = engine.detect_language(case.text, case.market)
        return LabelObs(case_id=case.id, text=case.text, language=case.language, market=case.market,
                        expected=case.language or "", predicted=guess.language, confidence=guess.confidence)

    with rt.progress(label) as progress:
        return ordered_map(one, cases, rt.workers, progress)
