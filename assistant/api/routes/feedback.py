"""Agents' verdicts on suggestions, and the after-sale analytics built from them."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import anyio
from fastapi import APIRouter, Query

from assistant.api.deps import ClientDep, StateDep
from assistant.feedback.store import FeedbackIn, stats

router = APIRouter(prefix="/v1/feedback", tags=["feedback"])


@router.post("", status_code=201, summary="Record accepted / edited / rejected")
async def add_feedback(body: FeedbackIn, state: StateDep, _: ClientDep) -> dict[str, object]:
    # On threads of its own, never those of requests waiting on an LLM.
    row_id = await anyio.to_thread.run_sync(state.feedback.add, body, limiter=state.work_limiter)
    return {"id": row_id, "stored": True}


@router.get("/stats", summary="Counts by intent, language, market, escalation; acceptance rate; after-sale problems")
async def feedback_stats(
    state: StateDep, _: ClientDep,
    since: Annotated[dt.date | None, Query()] = None, until: Annotated[dt.date | None, Query()] = None,
) -> dict[str, object]:
    rows = await anyio.to_thread.run_sync(state.feedback.rows, since, until, limiter=state.work_limiter)
    return {"since": since, "until": until, **stats(rows)}
