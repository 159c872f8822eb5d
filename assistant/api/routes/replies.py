"""Suggestions for agents, auto-replies for the bot (and a streaming variant for the console)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any, TypeVar

import anyio
from fastapi import APIRouter
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel

from assistant.api.deps import ClientDep, EngineDep, StateDep
from assistant.api.errors import ApiError
from assistant.api.state import AppState
from assistant.engine import ReplyEngine
from assistant.models import AutoReply, ReplyRequest, Suggestion

T = TypeVar("T")

router = APIRouter(prefix="/v1", tags=["replies"])
ERRORS: dict[int | str, dict[str, Any]] = {401: {"description": "missing or invalid API key"}, 422: {"description": "invalid request"},
          429: {"description": "rate limited"}, 503: {"description": "still loading"}}


async def _run(engine: ReplyEngine, fn: Callable[[ReplyRequest], T], body: ReplyRequest,
               state: AppState) -> T:
    """Run the engine on the event loop when it only computes, in a thread when it waits.

    The offline path is pure CPU (~5-8 ms) under the GIL: threads add no throughput, only
    hand-offs of the GIL between the loop and a worker thread, which cost ~2 ms a request
    (measured, one core: 7.5 ms CPU a request inline vs 9.7 ms through the thread pool), and
    inline requests are served first come, first served (better tail latency). With an LLM
    configured a request waits on the network for up to the LLM deadline, so it goes to a
    thread of the LLM limiter: never anyio's shared pool, which health, readiness, search
    and feedback would then wait for.
    """
    if not engine.waits_on_network:
        if state.embedding_batches is not None:  # embed together with requests that came along
            await state.embedding_batches.embed(engine.embedding_inputs(body))
        return fn(body)
    return await anyio.to_thread.run_sync(fn, body, limiter=state.llm_limiter)


def _json(model: BaseModel) -> Response:
    """The engine's (already valid) model as JSON in one pydantic-core pass; returned as is,
    FastAPI would validate it again before serialising (``response_model`` stays for the docs)."""
    return Response(model.model_dump_json(), media_type="application/json")


def _check_size(request: ReplyRequest, state: AppState) -> None:
    limit = state.settings.max_message_chars
    if len(request.message) > limit:
        raise ApiError(422, "message_too_long", f"message has {len(request.message)} characters; the limit is {limit}")


@router.post("/suggestions", response_model=Suggestion, responses=ERRORS, summary="Suggested replies for an agent")
async def suggestions(body: ReplyRequest, engine: EngineDep, state: StateDep, _: ClientDep) -> Response:
    _check_size(body, state)
    result = await _run(engine, engine.suggest, body, state)
    state.metrics.observe_suggestion(result)
    return _json(result)


@router.post("/auto-replies", response_model=AutoReply, responses=ERRORS, summary="What the bot would send, or why it hands off")
async def auto_replies(body: ReplyRequest, engine: EngineDep, state: StateDep, _: ClientDep) -> Response:
    _check_size(body, state)
    result = await _run(engine, engine.auto_reply, body, state)
    state.metrics.observe_suggestion(result)
    state.metrics.autoreplies.labels(result.action).inc()
    if result.action == "handoff":
        state.metrics.handoffs.labels(result.reason.split(":")[0]).inc()
    return _json(result)


def _sse(event: str, data: object) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


@router.post("/suggestions/stream", responses=ERRORS, summary="Suggestions as server-sent events",
             response_class=StreamingResponse)
async def suggestions_stream(body: ReplyRequest, engine: EngineDep, state: StateDep, _: ClientDep) -> StreamingResponse:
    """Events: ``progress`` (while an LLM writes: how far, never the text), then ``final`` (the
    verified suggestion, the same object ``/v1/suggestions`` returns), or ``error``. No text
    is sent before verification."""
    _check_size(body, state)

    def events() -> Iterator[str]:
        try:
            for kind, payload in engine.suggest_stream(body):
                if kind == "final":
                    state.metrics.observe_suggestion(payload)
                    yield _sse("final", payload.model_dump(mode="json"))
                else:
                    yield _sse(kind, payload)
        except Exception as exc:  # noqa: BLE001 - the stream is already open: report, don't crash
            yield _sse("error", {"error": {"code": "internal_error", "message": type(exc).__name__}})

    async def threaded(sync: Iterator[str]) -> AsyncIterator[str]:
        # Each wait for the next event (an LLM call can take up to its deadline) holds a thread
        # of the LLM limiter, never anyio's shared pool that the other routes use.
        done = object()
        while (event := await anyio.to_thread.run_sync(next, sync, done, limiter=state.llm_limiter)) is not done:
            yield str(event)

    return StreamingResponse(threaded(events()), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})
