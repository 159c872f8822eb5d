"""The app factory: settings and collaborators in, a FastAPI app out.

Tests pass an engine built on fakes or a prepared index; ``support-assistant serve`` passes
nothing and the engine is built from settings in the background (index built on first
start if empty), with ``/readyz`` answering 503 until it is ready.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from assistant import __version__
from assistant.api.errors import install_error_handlers
from assistant.api.middleware import ServiceMiddleware
from assistant.api.routes import console, feedback, health, kb, replies
from assistant.api.routes.console import STATIC
from assistant.api.security import SharedBuckets
from assistant.api.state import AppState
from assistant.engine import ReplyEngine
from assistant.feedback.store import FeedbackStore
from assistant.settings import Settings
from assistant.wiring import build_engine

DESCRIPTION = """Suggested replies for support agents, auto-replies for the bot, knowledge-base
search, feedback. Every error is JSON `{"error": {"code", "message"}}`. When
`ASSISTANT_API_KEYS` is set, `/v1/` routes need `Authorization: Bearer KEY` or `X-API-Key: KEY`."""


def create_app(
    settings: Settings,
    engine: ReplyEngine | None = None,
    engine_factory: Callable[[Settings], ReplyEngine] = build_engine,
    feedback_store: FeedbackStore | None = None,
    load_in_background: bool = True,
    shared_limits: tuple[SharedBuckets, SharedBuckets] | None = None,
) -> FastAPI:
    """``shared_limits``: rate-limit buckets shared with the other workers of a ``serve``."""
    state = AppState(settings, engine, engine_factory, feedback_store, shared_limits)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if load_in_background:
            state.start_loading()
        else:
            state.load()
        yield

    app = FastAPI(title="support-reply-assistant", version=__version__, description=DESCRIPTION, lifespan=lifespan)
    app.state.assistant = state
    install_error_handlers(app)
    for module in (health, replies, kb, feedback, console):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "X-API-Key", "Content-Type"])
    app.add_middleware(ServiceMiddleware, metrics=state.metrics, max_body_bytes=settings.max_body_bytes,
                       body_timeout_s=settings.body_timeout_s)
    return app
