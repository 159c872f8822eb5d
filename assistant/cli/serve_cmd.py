"""``serve``: the HTTP API and the agent console (uvicorn)."""

from __future__ import annotations

from typing import Annotated

import typer

from assistant.settings import get_settings


def serve(
    host: Annotated[str, typer.Option("--host", help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8080,
    workers: Annotated[int, typer.Option("--workers", min=1, help=">1 needs a Chroma server (ASSISTANT_CHROMA_HOST).")] = 1,
) -> None:
    """Serve the API and the agent console; builds the index on first start if it is empty."""
    import uvicorn

    from assistant.api.logging_setup import configure_logging

    settings = get_settings()
    if workers > 1 and not settings.chroma_host:
        raise typer.BadParameter(
            "several workers would share one embedded Chroma store, which is not safe across processes; "
            "run `chroma run` and set ASSISTANT_CHROMA_HOST (see README)"
        )
    configure_logging(settings.log_level)
    typer.echo(f"support-assistant on http://{host}:{port}/ (console), API docs at /docs; loading models…", err=True)
    uvicorn.run("assistant.api.main:app", host=host, port=port, workers=workers, log_config=None,
                access_log=False, factory=False)
