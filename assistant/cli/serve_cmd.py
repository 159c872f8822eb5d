"""``serve``: the HTTP API and the agent console (uvicorn), in one or several worker processes."""

from __future__ import annotations

import multiprocessing
import os
from typing import TYPE_CHECKING, Annotated

import typer

from assistant.errors import ChromaServerError
from assistant.settings import Settings, get_settings

if TYPE_CHECKING:
    from assistant.index.chroma_server import ManagedChroma


def _prepare(settings: Settings) -> None:
    """Build what every worker needs once (index if empty, intent model cache), then exit."""
    from assistant.wiring import build_engine

    build_engine(settings)


def serve(
    host: Annotated[str, typer.Option("--host", help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8080,
    workers: Annotated[int, typer.Option(
        "--workers", min=1,
        help="Worker processes (one per core is right: a worker is CPU-bound). With more than one "
             "and no ASSISTANT_CHROMA_HOST, a `chroma run` server over the data directory is "
             "started on loopback for them.")] = 1,
) -> None:
    """Serve the API and the agent console; builds the index on first start if it is empty."""
    import uvicorn

    from assistant.api.logging_setup import configure_logging

    settings = get_settings()
    configure_logging(settings.log_level)
    chroma = None
    if workers > 1 and not settings.chroma_host:
        try:
            settings, chroma = _start_chroma(settings)
        except ChromaServerError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from None
    try:
        if workers > 1:
            # Once, before the workers start, so they don't all build the index or train the
            # intent model at the same time. In a child process: the parent stays small.
            typer.echo("preparing the index and models for the workers…", err=True)
            child = multiprocessing.get_context("spawn").Process(target=_prepare, name="prepare",
                                                                     args=(settings,))
            child.start()
            child.join()
            if child.exitcode != 0:
                raise typer.Exit(1)
        typer.echo(f"support-assistant on http://{host}:{port}/ (console), API docs at /docs; "
                   f"{workers} worker(s); loading models…", err=True)
        from assistant.api import dispatcher

        if workers > 1 and dispatcher.available():
            try:
                front = dispatcher.Dispatcher(host, port, workers, settings)
            except OSError as exc:
                typer.echo(f"error: cannot listen on {host}:{port}: {exc.strerror or exc}", err=True)
                raise typer.Exit(1) from None
            front.run()
        elif workers == 1:
            from assistant.api.app import create_app
            from assistant.api.workers import http_protocol

            uvicorn.run(create_app(settings), host=host, port=port, log_config=None, access_log=False,
                        http=http_protocol(settings))
        else:
            # No descriptor passing on this platform: uvicorn's own workers import the app,
            # which reads its settings from the environment (assistant/api/main.py).
            _export(settings)
            uvicorn.run("assistant.api.main:app", host=host, port=port, workers=workers, log_config=None,
                        access_log=False)
    finally:
        if chroma is not None:
            chroma.stop()


def _start_chroma(settings: Settings) -> tuple[Settings, ManagedChroma]:
    from assistant.index.chroma_server import ManagedChroma

    chroma = ManagedChroma(settings.chroma_dir, log_file=settings.data_dir / "chroma-server.log").start()
    typer.echo(f"Chroma server for the workers on {chroma.url} (store {settings.chroma_dir})", err=True)
    return settings.model_copy(update={"chroma_host": "127.0.0.1", "chroma_port": chroma.port}), chroma


def _export(settings: Settings) -> None:
    """For uvicorn's import-string workers only: the one setting serve changes at run time."""
    if settings.chroma_host:
        os.environ["ASSISTANT_CHROMA_HOST"] = settings.chroma_host
        os.environ["ASSISTANT_CHROMA_PORT"] = str(settings.chroma_port)
