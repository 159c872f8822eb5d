"""Knowledge-base search and (admin) re-ingest while serving."""

from __future__ import annotations

from typing import Annotated, Literal

import anyio
from fastapi import APIRouter, Query
from pydantic import BaseModel

from assistant.api.deps import AdminDep, ClientDep, EngineDep, StateDep
from assistant.api.errors import ApiError
from assistant.models import IngestReport, SearchResult, normalize_market

router = APIRouter(prefix="/v1/kb", tags=["knowledge base"])


class SearchResponse(BaseModel):
    query: str
    market: str | None
    results: list[SearchResult]


@router.get("/search", summary="Hybrid retrieval over the knowledge base")
async def search(
    engine: EngineDep, state: StateDep, _: ClientDep,
    q: Annotated[str, Query(min_length=1, max_length=2000, description="Query in any language")],
    k: Annotated[int, Query(ge=1, le=50)] = 5,
    market: Annotated[str | None, Query(max_length=3)] = None,
    type: Annotated[Literal["faq", "policy", "playbook", "culture", "tone"] | None, Query()] = None,
) -> SearchResponse:
    if market is not None:
        try:
            market = normalize_market(market)
        except ValueError as exc:
            raise ApiError(422, "invalid_request", f"market: {exc}") from None
    # On threads of its own, never those of requests waiting on an LLM.
    results = await anyio.to_thread.run_sync(engine.search, q, k, market, [type] if type else None,
                                             limiter=state.work_limiter)
    return SearchResponse(query=q, market=market, results=results)


@router.post("/ingest", response_model=IngestReport, summary="Re-index the configured knowledge base (admin)")
async def ingest(engine: EngineDep, state: StateDep, _: AdminDep) -> IngestReport:
    """Validates every file first: a bad file answers 422 naming the file and field, and the
    index stays as it was. Queries keep being served while this runs."""
    return await anyio.to_thread.run_sync(engine.reingest, limiter=state.work_limiter)
