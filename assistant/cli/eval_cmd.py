"""``support-assistant eval``: run evaluation suites (default) or import a help-desk export.

``eval [SUITE...]`` runs the named suites (all ``default: true`` suites when none are named),
writes report.json / summary.md / report.html and exits 1 when a gate fails (2 on a usage
error). ``eval import FILE ...`` turns a CSV/JSONL export into a suite.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from assistant.cli.output import emit_json, progress_bar
from assistant.errors import AssistantError


class _DefaultToRun(TyperGroup):
    """``eval`` with no subcommand (or with suite names) means ``eval run ...``."""

    # ctx: click's Context, which typer vendors under a private name in newer releases.
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h")):
            args = ["run", *args]
        return super().parse_args(ctx, args)


app = typer.Typer(cls=_DefaultToRun, add_completion=False,
                  help="Evaluate the assistant: `eval [SUITE...]` runs suites, `eval import` imports an export.")

JsonOpt = Annotated[bool, typer.Option("--json", help="Print report.json on stdout instead of a summary.")]


def _usage_error(exc: AssistantError, as_json: bool) -> None:
    if as_json:
        emit_json({"error": {"code": exc.code, "message": str(exc)}})
    else:
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code=2)


def _print_summary(report: Any, paths: dict[str, Path]) -> None:
    for suite in report.suites:
        mark = typer.style("PASS", fg=typer.colors.GREEN) if suite.passed else typer.style("FAIL", fg=typer.colors.RED)
        typer.echo(f"{mark} {suite.name} ({suite.cases} cases, {suite.duration_s:.1f} s)")
        peer = {m.name: m.value for m in suite.peer.metrics} if suite.peer else {}
        gates = {g.metric: g for g in suite.gates}
        for m in suite.metrics:
            value = "n/a" if m.value is None else f"{m.value:.3f}"
            extra = f"   naive {peer[m.name]:.3f}" if peer.get(m.name) is not None else ""
            gate = ""
            if m.name in gates:
                gate = f"   gate {gates[m.name].threshold} " + ("ok" if gates[m.name].passed else "FAILED")
            typer.echo(f"    {m.name:<26} {value:>9}{extra}{gate}")
        for g in suite.gates:
            if suite.metric(g.metric) is None:
                typer.echo(f"    {g.metric:<26} {'n/a':>9}   gate {g.threshold} FAILED (metric not computed)")
    typer.echo(f"reports: {paths['html']}  {paths['markdown']}  {paths['json']}  ({report.duration_s:.1f} s)")


@app.command("run")
def run(
    suites: Annotated[list[str] | None, typer.Argument(help="Suite names or YAML files (default: all default suites).")] = None,
    out: Annotated[Path, typer.Option("--out", help="Directory for report.json, summary.md, report.html.")] = Path("reports/eval"),
    baseline: Annotated[Path | None, typer.Option("--baseline", help="Compare against this baseline (default: eval/baselines/default.json when present).")] = None,
    update_baseline: Annotated[bool, typer.Option("--update-baseline", help="Write this run's values as the baseline.")] = False,
    as_json: JsonOpt = False,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Parallel workers over cases.")] = min(4, os.cpu_count() or 1),
    suites_dir: Annotated[Path | None, typer.Option("--suites-dir", help="Where suite YAML files live.")] = None,
    today: Annotated[str | None, typer.Option("--today", help="Evaluation date the engine runs with (YYYY-MM-DD).")] = None,
) -> None:
    """Run evaluation suites; exit 1 when a gate fails."""
    from assistant.evaluation import baseline as baselines
    from assistant.evaluation import harness
    from assistant.evaluation import suites as suite_files
    from assistant.evaluation.baseline import DEFAULT_BASELINE
    from assistant.evaluation.report.files import write_reports
    from assistant.evaluation.runtime import DEFAULT_EVAL_DATE, Runtime
    from assistant.settings import get_settings

    try:
        eval_date = dt.date.fromisoformat(today) if today else DEFAULT_EVAL_DATE
    except ValueError:
        _usage_error(AssistantError(f"--today {today!r}: use YYYY-MM-DD"), as_json)
    try:
        paths = suite_files.select(suites or [], suites_dir or suite_files.default_suites_dir())
        base_path = baseline or (DEFAULT_BASELINE if DEFAULT_BASELINE.exists() else None)
        if baseline is not None and not baseline.exists() and not update_baseline:
            raise AssistantError(f"baseline {baseline} does not exist (use --update-baseline to create it)")
        rt = Runtime(settings=get_settings(), today=eval_date, workers=workers,
                     progress=lambda label: progress_bar(label, not as_json))
        report = harness.run(paths, rt)
        if base_path is not None and base_path.exists():
            baselines.compare(report, baselines.load(base_path))
            report.baseline = str(base_path)
        if update_baseline:
            written = baselines.write(baseline or DEFAULT_BASELINE, report)
            if not as_json:
                typer.echo(f"baseline written: {written}")
        files = write_reports(report, out)
    except AssistantError as exc:
        _usage_error(exc, as_json)
    if as_json:
        emit_json(json.loads(report.model_dump_json()))
    else:
        _print_summary(report, files)
    if not report.passed:
        raise typer.Exit(code=1)


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="Help-desk export: .csv (any common delimiter) or .jsonl.")],
    text_col: Annotated[str, typer.Option("--text-col", help="Column with the customer's message.")],
    label_col: Annotated[str, typer.Option("--label-col", help="Column with the ticket's label.")],
    out: Annotated[Path, typer.Option("--out", help="Suite file to write, e.g. eval/suites/zendesk.yaml.")],
    lang_col: Annotated[str | None, typer.Option("--lang-col", help="Column with the language code.")] = None,
    market_col: Annotated[str | None, typer.Option("--market-col", help="Column with the market (country) code.")] = None,
    mapping: Annotated[Path | None, typer.Option("--map", help="YAML: their label → our intent (null drops it).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Import a CSV/JSONL export as an intent suite (+ cases JSONL next to it)."""
    from assistant.evaluation.importer import import_file

    try:
        result = import_file(file, out, text_col, label_col, lang_col, market_col, mapping)
    except AssistantError as exc:
        _usage_error(exc, as_json)
    if as_json:
        emit_json(result.model_dump())
        return
    typer.echo(f"imported {result.imported} of {result.rows} rows → {result.suite_path} + {result.cases_path}")
    if result.unmapped:
        skipped = ", ".join(f"{label!r} ×{n}" for label, n in result.unmapped.items())
        typer.secho(f"skipped (label not mapped to an intent; add it to --map): {skipped}", fg=typer.colors.YELLOW)
    for row in result.bad_rows:
        typer.secho(f"skipped line {row.line}: {row.problem}", fg=typer.colors.YELLOW)
    from assistant.evaluation.suites import default_suites_dir

    in_default = Path(result.suite_path).resolve().parent == default_suites_dir().resolve()
    typer.echo(f"run it: support-assistant eval {result.suite if in_default else result.suite_path}")
