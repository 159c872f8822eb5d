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
def readyz(state: StateDep) -> JSONResponse:
    if state.ready.is_set() and state.engine is not None:
        status = state.engine.status()
        return JSONResponse({"status": "ready", "passages": status.passages, "generator": status.generator})
    message = state.load_error or "loading models and index"
    return JSONResponse(error_body("not_ready", message), status_code=503, headers={"Retry-After": "5"})


@router.get("/metrics", summary="Prometheus metrics", response_class=Response)
def metrics(state: StateDep) -> Response:
    return Response(state.metrics.render(), media_type="text/plain; version=0.0.4")
