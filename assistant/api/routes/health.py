"""Liveness, readiness and metrics: on the event loop (each is microseconds of work), so no
thread pool, however busy, stands between a probe and its answer."""

from __future__ import annotations

import os

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response

from assistant.api.deps import StateDep
from assistant.api.errors import error_body

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="Liveness: the process answers (and which worker process it is)")
async def healthz() -> dict[str, str | int]:
    return {"status": "ok", "pid": os.getpid()}


@router.get("/readyz", summary="Readiness: models and index loaded", responses={503: {"description": "still loading"}})
async def readyz(state: StateDep) -> JSONResponse:
    if state.ready.is_set() and state.engine is not None:
        status = state.engine.status()
        # Ready even with the LLM's circuit open: offline drafts are served meanwhile, and a
        # balancer taking every worker out for an LLM outage would serve nothing at all.
        return JSONResponse({"status": "ready", "passages": status.passages, "generator": status.generator,
                             "llm": state.engine.llm_state})
    message = state.load_error or "loading models and index"
    return JSONResponse(error_body("not_ready", message), status_code=503, headers={"Retry-After": "5"})


@router.get("/metrics", summary="Prometheus metrics", response_class=Response)
async def metrics(state: StateDep) -> Response:
    if state.engine is not None:
        state.metrics.llm_circuit_open.set(int(state.engine.llm_state == "circuit_open"))
    return Response(state.metrics.render(), media_type="text/plain; version=0.0.4")
