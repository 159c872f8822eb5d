"""Dependencies: the app state, the engine once ready, key checks and rate limiting.

All are ``async def`` although none awaits: they are cheap and never block, and FastAPI runs
a plain ``def`` dependency in the thread pool, one thread hop each (measured: 6 % of the
server's CPU under load went to those hops).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from pydantic import SecretStr

from assistant.api.errors import ApiError
from assistant.api.security import key_id, presented_key, require_key
from assistant.api.state import AppState
from assistant.engine import ReplyEngine


async def get_state(request: Request) -> AppState:
    return request.app.state.assistant  # type: ignore[no-any-return]


StateDep = Annotated[AppState, Depends(get_state)]


async def get_engine(state: StateDep) -> ReplyEngine:
    if not state.ready.is_set() or state.engine is None:
        detail = f" ({state.load_error})" if state.load_error else ""
        raise ApiError(503, "not_ready", f"the assistant is still loading its models and index{detail}",
                       headers={"Retry-After": "5"})
    return state.engine


EngineDep = Annotated[ReplyEngine, Depends(get_engine)]


def _client_host(request: Request) -> str:
    return request.client.host if request.client else "anonymous"


def _authenticate(request: Request, state: AppState, allowed: list[SecretStr], admin: bool = False) -> None:
    """Check the key; a caller whose keys keep failing is slowed down before it can guess more
    (its address's bucket of failures, separate from any key's request budget)."""
    try:
        require_key(request, allowed, admin=admin)
    except ApiError:
        state.auth_failures.check(_client_host(request))
        raise


async def client_key(request: Request, state: StateDep) -> str:
    """Authenticate a /v1/ call and charge it to its key's rate-limit bucket."""
    _authenticate(request, state, state.settings.api_keys + state.settings.admin_api_keys)
    who = key_id(presented_key(request), _client_host(request))
    state.limiter.check(who)
    return who


async def admin_key(request: Request, state: StateDep) -> str:
    """Re-indexing changes what every reply says: closed unless admin keys are configured."""
    if not state.settings.admin_api_keys:
        state.auth_failures.check(_client_host(request))
        raise ApiError(403, "forbidden", "ingest over HTTP is closed: set ASSISTANT_ADMIN_API_KEYS and send an "
                                         "admin key, or run `support-assistant ingest` on the host")
    _authenticate(request, state, state.settings.admin_api_keys, admin=True)
    return key_id(presented_key(request), "admin")


ClientDep = Annotated[str, Depends(client_key)]
AdminDep = Annotated[str, Depends(admin_key)]
