"""Agents' verdicts on suggestions, and the after-sale analytics built from them."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool

from assistant.api.deps import ClientDep, StateDep
from assistant.feedback.store import FeedbackIn, stats

router = APIRouter(prefix="/v1/feedback", tags=["feedback"])


@router.post("", status_code=201, summary="Record accepted / edited / rejected")
async def add_feedback(body: FeedbackIn, state: StateDep, _: ClientDep) -> dict[str, object]:
    row_id = await run_in_threadpool(state.feedback.add, body)
    return {"id": row_id, "stored": True}


@router.get("/stats", summary="Counts by intent, language, market, escalation; acceptance rate; after-sale problems")
async def feedback_stats(
    state: StateDep, _: ClientDep,
    since: Annotated[dt.date | None, Query()] = None, until: Annotated[dt.date | None, Query()] = None,
) -> dict[str, object]:
    rows = await run_in_threadpool(state.feedback.rows, since, until)
    return {"since": since, "until": until, **stats(rows)}
