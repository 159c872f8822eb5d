"""``feedback export`` (as an eval suite file) and ``feedback stats`` (after-sale review)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from assistant.cli.output import emit_json
from assistant.feedback.store import FeedbackStore, export_jsonl, stats
from assistant.settings import get_settings

app = typer.Typer(help="Agents' feedback on suggestions: export it as eval cases, or count it.", no_args_is_help=True)
SinceOpt = Annotated[dt.datetime | None, typer.Option("--since", formats=["%Y-%m-%d"], help="From this day.")]
UntilOpt = Annotated[dt.datetime | None, typer.Option("--until", formats=["%Y-%m-%d"], help="Up to this day.")]


def _store() -> FeedbackStore:
    return FeedbackStore(get_settings().data_dir / "feedback.sqlite3")


@app.command("export")
def export(
    out: Annotated[Path, typer.Option("--out", help="JSONL file of reply-suite cases.")] = Path("eval/replies/feedback.jsonl"),
    since: SinceOpt = None, until: UntilOpt = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Write feedback as reply-suite cases (messages are stored redacted)."""
    rows = _store().rows(since.date() if since else None, until.date() if until else None)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(export_jsonl(rows), encoding="utf-8")
    if as_json:
        emit_json({"cases": len(rows), "out": str(out)})
    else:
        typer.echo(f"exported {len(rows)} cases to {out}")


@app.command("stats")
def show_stats(since: SinceOpt = None, until: UntilOpt = None,
               as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Counts by intent, language, market, escalation; acceptance rate; after-sale problem categories."""
    result = stats(_store().rows(since.date() if since else None, until.date() if until else None))
    if as_json:
        emit_json(result)
        return
    typer.echo(f"{result['total']} feedback items; accepted {result['acceptance_rate']}, edited {result['edit_rate']}, "
               f"rejected {result['rejection_rate']}")
    for key in ("by_intent", "by_language", "by_market", "by_escalation", "aftersale_problems"):
        typer.echo(f"{key}: {result[key]}")
