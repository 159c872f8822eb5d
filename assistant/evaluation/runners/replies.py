"""Reply runner: each case through ``ReplyEngine.suggest``, and the bot's decision on it
through ``ReplyEngine.decide`` (or the naive peer).

``auto_reply(r)`` is ``decide(suggest(r))`` with one draft, and the first of three drafts is
the one draft (a test holds them equal on every eval case), so one ``suggest`` serves both.
Observations are cached per case content for the run, so the escalation, auto-reply, PII
and injection suites re-use the reply suite's calls. A case the engine raises on becomes an
observation with ``error`` set (scored as a failure), never a crash of the whole run.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable

from assistant.evaluation.cases import ReplyCase
from assistant.evaluation.observations import AutoReplyObs, DraftObs, ReplyObs
from assistant.evaluation.parallel import ordered_map
from assistant.evaluation.runtime import Runtime
from assistant.models import Entities, Suggestion


def _key(kind: str, case: ReplyCase) -> str:
    return kind + ":" + hashlib.sha256(case.model_dump_json().encode()).hexdigest()


def _pii(case: ReplyCase, rt: Runtime) -> tuple[list[str], list[str]]:
    items = rt.engine().find_personal_data(case.message)
    return sorted({p.kind for p in items}), [case.message[p.start:p.end] for p in items]


def _entities(entities: Entities) -> dict[str, list[str]]:
    """Entity lists as strings (amounts are objects: their text is what a case names)."""
    return {"order_numbers": list(entities.order_numbers), "tracking_numbers": list(entities.tracking_numbers),
            "amounts": [a.text for a in entities.amounts], "dates": list(entities.dates),
            "products": list(entities.products)}


def _estimate_tokens(case: ReplyCase, suggestion: Suggestion, count: Callable[[str], int],
                     budget: int) -> tuple[int, int]:
    """Prompt tokens are estimated from what the LLM drafter is given (message, thread,
    sources), capped at the prompt budget; completion tokens are the LLM drafts' own."""
    prompt = "\n".join([case.message, *(h.text for h in case.history), *(s.snippet for s in suggestion.sources)])
    out = sum(count(d.text) for d in suggestion.drafts if d.generator == "llm")
    return min(count(prompt), budget), out


def observe_one(case: ReplyCase, rt: Runtime) -> ReplyObs:
    engine = rt.engine()
    kinds, values = _pii(case, rt)
    base = ReplyObs(case=case, pii_kinds=kinds, pii_values=values)
    try:
        request = case.request()
        t0 = time.perf_counter()
        s = engine.suggest(request)
        total = (time.perf_counter() - t0) * 1000
        bot = engine.decide(s)
    except Exception as exc:  # noqa: BLE001 - one bad case is a scored failure, not a crashed run
        return base.model_copy(update={"error": f"{type(exc).__name__}: {exc}"})
    tokens_in, tokens_out = (0, 0)
    if s.generator == "llm":
        tokens_in, tokens_out = _estimate_tokens(case, s, rt.metric_context().tokens,
                                                 rt.settings.llm_prompt_token_budget)
    return base.model_copy(update={
        "language": s.language, "intent": s.intent, "intent_confidence": s.intent_confidence,
        "escalation_level": s.escalation.level, "escalation_reasons": s.escalation.reasons, "market": s.market,
        "drafts": [DraftObs(text=d.text, language=d.language, citations=d.citations, strategy=d.strategy,
                            generator=d.generator) for d in s.drafts],
        "sources": [src.doc_id for src in s.sources], "entities": _entities(s.entities),
        "autoreply": AutoReplyObs(action=bot.action, reply=bot.reply, reason=bot.reason),
        "generator": s.generator, "tokens_in": tokens_in, "tokens_out": tokens_out,
        "timings": {**s.timings, "total_ms": round(total, 2)},
    })


def observe(cases: list[ReplyCase], rt: Runtime, label: str) -> list[ReplyObs]:
    engine = rt.engine()  # build once, before the workers start
    todo = [c for c in cases if _key("ours", c) not in rt.observations]
    if todo:
        engine.warm_up()  # models and packs load now, not inside the first case's latency
    with rt.progress(label) as progress:
        for case, obs in zip(todo, ordered_map(lambda c: observe_one(c, rt), todo, rt.workers, progress), strict=True):
            rt.observations[_key("ours", case)] = obs
    return [rt.observations[_key("ours", c)] for c in cases]


def observe_peer_one(case: ReplyCase, rt: Runtime) -> ReplyObs:
    kinds, values = _pii(case, rt)
    answer = rt.naive().answer(case.message)
    return ReplyObs(
        case=case, pii_kinds=kinds, pii_values=values, market=case.market,
        drafts=[DraftObs(text=answer.text, citations=answer.citations, generator=answer.generator)] if answer.text else [],
        sources=answer.ranked, generator=answer.generator, tokens_in=answer.tokens_in, tokens_out=answer.tokens_out,
        timings={**answer.timings, "total_ms": round(sum(answer.timings.values()), 2)},
    )


def observe_peer(cases: list[ReplyCase], rt: Runtime, label: str) -> list[ReplyObs]:
    rt.naive()
    todo = [c for c in cases if _key("naive", c) not in rt.observations]
    with rt.progress(label) as progress:
        results = ordered_map(lambda c: observe_peer_one(c, rt), todo, rt.workers, progress)
        for case, obs in zip(todo, results, strict=True):
            rt.observations[_key("naive", case)] = obs
    return [rt.observations[_key("naive", c)] for c in cases]
