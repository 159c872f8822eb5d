"""Writing the three report files into the output directory (atomically, one by one)."""

from __future__ import annotations

from pathlib import Path

from assistant.evaluation.report import html, markdown
from assistant.evaluation.results import Report


def _write(path: Path, text: str) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def write_reports(report: Report, out_dir: Path) -> dict[str, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {"json": out_dir / "report.json", "markdown": out_dir / "summary.md", "html": out_dir / "report.html"}
    _write(paths["json"], report.model_dump_json(indent=2) + "\n")
    _write(paths["markdown"], markdown.render(report))
    _write(paths["html"], html.render(report))
    return paths
