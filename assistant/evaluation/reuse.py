"""Share analysis and retrieval between the two engine calls a reply case makes.

Each reply case goes through ``suggest`` (the agent's three drafts) and then ``auto_reply``
(the bot's decision), and ``auto_reply`` starts by running ``suggest`` again with one
draft: the same analysis and the same retrieval, recomputed. Both are pure functions of
their inputs, so the eval engine remembers, per worker thread, the last result of each and
hands it back to the second call. The bot's decision still comes from the engine's own
``auto_reply``; only the duplicated work is skipped (about a third of a case's time).

Only the evaluation's private engine is wrapped, never one that serves requests.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from assistant.models import ReplyRequest


def _remember_last(fn: Callable[..., Any], key: Callable[..., str]) -> Callable[..., Any]:
    local = threading.local()

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        k = key(*args, **kwargs)
        last = getattr(local, "last", None)
        if last is not None and last[0] == k:
            return last[1].model_copy() if hasattr(last[1], "model_copy") else list(last[1])
        result = fn(*args, **kwargs)
        local.last = (k, result)
        return result

    return wrapper


def _request_key(request: ReplyRequest) -> str:
    # ``drafts`` does not change the analysis (auto_reply asks for one draft, suggest for three).
    return request.model_dump_json(exclude={"drafts"})


def _search_key(query: str, k: int = 5, market: str | None = None, doc_types: list[str] | None = None,
                one_per_doc: bool = True) -> str:
    return repr((query, k, market, tuple(doc_types or ()), one_per_doc))


def share_between_calls(engine: Any) -> None:
    """Wrap ``engine.analyzer.analyze`` and ``engine.index.search`` on this engine instance
    (whichever it has: a test double may have neither)."""
    analyzer, index = getattr(engine, "analyzer", None), getattr(engine, "index", None)
    if callable(getattr(analyzer, "analyze", None)):
        analyzer.analyze = _remember_last(analyzer.analyze, _request_key)
    if callable(getattr(index, "search", None)):
        index.search = _remember_last(index.search, _search_key)
