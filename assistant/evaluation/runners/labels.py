"""Label runners: intent classification and language identification of single utterances.

Both go through the same steps as the analyzer for a message without thread context:
personal data is redacted first, the market (when the case has one) is the language hint.
Intents are embedded in batches (one matmul per 64 texts instead of one per text) and
scored with the classifier's own ``predict_vector``, which is what ``predict`` does.
"""

from __future__ import annotations

import numpy as np

from assistant.evaluation.cases import LabelledCase
from assistant.evaluation.observations import LabelObs
from assistant.evaluation.parallel import ordered_map
from assistant.evaluation.runtime import Runtime
from assistant.taxonomy import DEFAULT_MARKET_FOR_LANGUAGE
from assistant.understanding.language import detect_language
from assistant.understanding.pii import redact

BATCH = 64


def _hint(market: str | None) -> str | None:
    return next((lang for lang, m in DEFAULT_MARKET_FOR_LANGUAGE.items() if m == market), None) if market else None


def observe_intents(cases: list[LabelledCase], rt: Runtime, label: str) -> list[LabelObs]:
    engine = rt.engine()
    classifier = engine.analyzer.classifier
    cases = [c for c in cases if c.intent]
    out: list[LabelObs] = []
    with rt.progress(label) as progress:
        for start in range(0, len(cases), BATCH):
            batch = cases[start:start + BATCH]
            vectors = np.asarray(engine.index.embeddings.encode([redact(c.text) for c in batch]), dtype=np.float32)
            for case, vec in zip(batch, vectors, strict=True):
                p = classifier.predict_vector(vec, redact(case.text))
                out.append(LabelObs(case_id=case.id, text=case.text, language=case.language, market=case.market,
                                    expected=case.intent or "", predicted=p.intent, confidence=p.confidence))
            if progress:
                progress(len(out), len(cases))
    return out


def observe_languages(cases: list[LabelledCase], rt: Runtime, label: str) -> list[LabelObs]:
    votes = rt.engine().analyzer.lexicons.politeness_votes
    cases = [c for c in cases if c.language]

    def one(case: LabelledCase) -> LabelObs:
        guess = detect_language(redact(case.text), hint=_hint(case.market), cue_votes=votes)
        return LabelObs(case_id=case.id, text=case.text, language=case.language, market=case.market,
                        expected=case.language or "", predicted=guess.language, confidence=guess.confidence)

    with rt.progress(label) as progress:
        return ordered_map(one, cases, rt.workers, progress)
