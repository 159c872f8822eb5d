"""``eval import``: a help-desk export (CSV or JSONL) → an intent suite YAML + its cases JSONL.

Help desks label tickets in their own words ("Where is my order?", "WISMO", "Refund"), so a
mapping file translates their labels to our intents. Rows whose label does not map, and
bad rows (no text, an unsupported language or market), are reported and skipped: one odd
ticket must not cost QA the other ten thousand. A wrong *file* (missing column, unreadable
mapping) is an error, because nothing useful can come out of it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from assistant.core.yamlio import load_yaml
from assistant.errors import InputError
from assistant.taxonomy import INTENTS, LANGUAGES, MARKETS


class BadRow(BaseModel):
    line: int
    problem: str


class ImportResult(BaseModel):
    suite: str
    suite_path: str
    cases_path: str
    rows: int
    imported: int
    by_intent: dict[str, int]
    unmapped: dict[str, int]  # their label → rows skipped
    bad_rows: list[BadRow]


def load_mapping(path: Path | None) -> dict[str, str | None]:
    if path is None:
        return {}
    try:
        raw = load_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"mapping {path}: {exc}") from None
    if not isinstance(raw, dict):
        raise InputError(f"mapping {path}: must be a YAML mapping of their label → our intent")
    wrong = {str(k): v for k, v in raw.items() if v is not None and v not in INTENTS}
    if wrong:
        raise InputError(f"mapping {path}: unknown intents {sorted(set(map(str, wrong.values())))}; "
                         f"use one of: {', '.join(INTENTS)} (or null to drop a label)")
    return {str(k).strip(): v for k, v in raw.items()}


def read_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """``(line number, row)`` from a CSV (delimiter sniffed) or a JSONL file; a bad JSON line
    becomes a row with ``__error__`` so it is reported like any other bad row."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from None
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        rows: list[tuple[int, dict[str, Any]]] = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                rows.append((n, row if isinstance(row, dict) else {"__error__": "not a JSON object"}))
            except json.JSONDecodeError as exc:
                rows.append((n, {"__error__": f"invalid JSON: {exc.msg}"}))
        return rows
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    # DictReader's line_num counts physical lines, so a quoted multi-line ticket keeps the right number.
    return [(reader.line_num, row) for row in reader]


def _columns(rows: list[tuple[int, dict[str, Any]]], wanted: list[str | None]) -> None:
    present = set().union(*(r.keys() for _, r in rows if "__error__" not in r)) if rows else set()
    missing = [c for c in wanted if c and c not in present]
    if missing:
        raise InputError(f"column(s) {missing} not in the file; columns are: {sorted(present) or 'none'}")


def _language(value: str) -> str:
    code = value.strip().lower().replace("_", "-").split("-")[0]
    if code not in LANGUAGES:
        raise ValueError(f"unsupported language {value!r}")
    return code


def _market(value: str) -> str:
    code = value.strip().upper()
    code = "UK" if code == "GB" else code
    if code not in MARKETS:
        raise ValueError(f"unknown market {value!r}")
    return code


def suite_name(out: Path) -> str:
    name = re.sub(r"[^a-z0-9_-]+", "-", out.stem.lower()).strip("-_")
    if not name:
        raise InputError(f"--out {out}: cannot make a suite name from the file name")
    return name


def import_file(source: Path, out: Path, text_col: str, label_col: str, lang_col: str | None = None,
                market_col: str | None = None, mapping_path: Path | None = None) -> ImportResult:
    mapping = load_mapping(mapping_path)
    folded = {k.casefold(): v for k, v in mapping.items()}
    rows = read_rows(source)
    _columns(rows, [text_col, label_col, lang_col, market_col])
    name = suite_name(out)
    cases: list[dict[str, Any]] = []
    bad: list[BadRow] = []
    unmapped: Counter[str] = Counter()
    for line, row in rows:
        if "__error__" in row:
            bad.append(BadRow(line=line, problem=row["__error__"]))
            continue
        text = str(row.get(text_col) or "").strip()
        label = str(row.get(label_col) or "").strip()
        if not text:
            bad.append(BadRow(line=line, problem=f"empty '{text_col}'"))
            continue
        if not label:
            bad.append(BadRow(line=line, problem=f"empty '{label_col}'"))
            continue
        if label in mapping or label.casefold() in folded:
            intent = mapping[label] if label in mapping else folded[label.casefold()]
        else:
            intent = label if label in INTENTS else None
        if intent is None:
            unmapped[label] += 1
            continue
        case: dict[str, Any] = {"id": f"{name}-{line}", "text": text, "intent": intent, "source_label": label}
        try:
            if lang_col and str(row.get(lang_col) or "").strip():
                case["language"] = _language(str(row[lang_col]))
            if market_col and str(row.get(market_col) or "").strip():
                case["market"] = _market(str(row[market_col]))
        except ValueError as exc:
            bad.append(BadRow(line=line, problem=str(exc)))
            continue
        cases.append(case)
    if not cases:
        raise InputError(f"{source}: no importable rows ({len(bad)} bad, {sum(unmapped.values())} with unmapped labels)")
    cases_path = out.with_name(f"{name}.cases.jsonl")
    out.parent.mkdir(parents=True, exist_ok=True)
    cases_path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8")
    out.write_text(_suite_yaml(name, source, out, cases_path.name, len(cases), lang_col is not None), encoding="utf-8")
    return ImportResult(
        suite=name, suite_path=str(out), cases_path=str(cases_path), rows=len(rows), imported=len(cases),
        by_intent=dict(sorted(Counter(c["intent"] for c in cases).items())), unmapped=dict(unmapped.most_common()),
        bad_rows=bad,
    )


def _suite_yaml(name: str, source: Path, out: Path, cases_file: str, count: int, has_language: bool) -> str:
    today = dt.date.today().isoformat()
    return (
        f"# Imported from {source.name} on {today} by `support-assistant eval import` ({count} cases).\n"
        f"# Run it with: support-assistant eval {name}   (from the suites directory) or: support-assistant eval {out}\n"
        f"name: {name}\n"
        "kind: intent\n"
        f"description: Intent accuracy on help-desk tickets imported from {source.name}\n"
        "default: false\n"
        f"cases: {cases_file}\n"
        "metrics:\n"
        "  - intent_accuracy\n"
        "  - macro_f1\n"
        "# Add a gate once you have seen the first numbers, e.g.\n"
        "# gates:\n"
        "#   intent_accuracy: \">= 0.85\"\n"
        + ("" if has_language else "# (no language column: the report has no per-language breakdown)\n")
    )
