"""``ingest`` and ``search``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assistant.cli.output import emit_json, fail, progress_bar
from assistant.errors import AssistantError
from assistant.models import normalize_market
from assistant.settings import get_settings
from assistant.taxonomy import DOC_TYPES
from assistant.wiring import build_index

JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable output on stdout.")]


def ingest(
    path: Annotated[Path | None, typer.Argument(help="Knowledge-base directory.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """(Re)index the knowledge base: incremental and idempotent."""
    settings = get_settings()
    root = path or settings.kb_dir
    try:
        index = build_index(settings)
        with progress_bar("embedding passages", not as_json) as progress:
            report = index.ingest(root, progress)
    except AssistantError as exc:
        fail(exc, as_json)
    if as_json:
        emit_json(report.model_dump())
    else:
        typer.echo(f"ingested {root}: {report.summary()}")


def search(
    query: Annotated[str, typer.Argument(help="What to look for, in any language.")],
    k: Annotated[int, typer.Option("--k", min=1, max=50)] = 5,
    market: Annotated[str | None, typer.Option("--market", help="Market code, e.g. DE.")] = None,
    doc_type: Annotated[str | None, typer.Option("--type", help=f"One of {', '.join(DOC_TYPES)}.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Retrieval only: the passages a reply would be grounded on."""
    if doc_type and doc_type not in DOC_TYPES:
        raise typer.BadParameter(f"--type must be one of {', '.join(DOC_TYPES)}")
    try:
        normalize_market(market)
    except ValueError as exc:
        raise typer.BadParameter(f"--market: {exc}") from None
    settings = get_settings()
    try:
        index = build_index(settings)
        hits = index.search(query, k, normalize_market(market), [doc_type] if doc_type else None)
    except AssistantError as exc:
        fail(exc, as_json)
    results = [
        {"doc_id": h.doc_id, "title": h.passage.title, "doc_type": h.passage.doc_type,
         "score": round(h.score, 4), "snippet": h.snippet(), "heading": h.passage.heading,
         "passage_id": h.passage.id, "text": h.passage.text}
        for h in hits
    ]
    if as_json:
        emit_json({"query": query, "market": market, "results": results})
        return
    for i, r in enumerate(results, 1):
        typer.echo(f"{i}. [{r['score']:.3f}] {r['doc_id']} ({r['doc_type']}) — {r['title']}")
        typer.echo(f"   {r['heading']}: {r['snippet']}")
