"""Finding suite files, reading them, and resolving their cases.

Case paths in a suite are relative to the suite file's directory or to the repository
root (so ``eval/replies/cases.jsonl`` works from ``eval/suites/reply.yaml`` and an imported
``NAME.cases.jsonl`` sits next to its suite). Globs read every match in sorted order.
"""

from __future__ import annotations

import glob
from collections import Counter
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from assistant.core.yamlio import load_yaml
from assistant.errors import InputError
from assistant.evaluation.cases import CASE_MODELS, parse_rows, read_jsonl
from assistant.evaluation.suite_spec import SuiteFilter, SuiteSpec
from assistant.paths import bundled_dir


class LoadedSuite(BaseModel):
    spec: SuiteSpec
    path: Path | None = None
    cases: list[Any] = []


def default_suites_dir() -> Path:
    """``eval/suites`` under the working directory, else the source checkout's."""
    local = Path("eval") / "suites"
    return local if local.is_dir() else bundled_dir("eval") / "suites"


def repo_root(start: Path) -> Path:
    for parent in [start, *start.parents]:
        if (parent / "pyproject.toml").exists() or (parent / ".git").exists():
            return parent
    return Path.cwd()


def read_spec(path: Path) -> SuiteSpec:
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: cannot read suite: {exc}") from None
    try:
        return SuiteSpec.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "suite"
        raise InputError(f"{path}: field '{field}': {first['msg']}") from None


def discover(directory: Path) -> dict[str, Path]:
    """Suite name → file, for every ``*.yaml`` in ``directory`` (name from the file's content)."""
    found: dict[str, Path] = {}
    for file in sorted(directory.glob("*.yaml")):
        spec = read_spec(file)
        if spec.name in found:
            raise InputError(f"{file}: suite name '{spec.name}' is already used by {found[spec.name]}")
        found[spec.name] = file
    return found


def select(names: list[str], directory: Path) -> list[Path]:
    """The files for the requested names or paths; all ``default: true`` suites when none given."""
    available = discover(directory) if directory.is_dir() else {}
    if not names:
        specs = {p: read_spec(p) for p in available.values()}
        chosen = sorted((p for p, s in specs.items() if s.default), key=lambda p: (specs[p].order, specs[p].name))
        if not chosen:
            raise InputError(f"no default suites in {directory}")
        return chosen
    out = []
    for name in names:
        if name.endswith((".yaml", ".yml")) and Path(name).exists():
            out.append(Path(name))
        elif name in available:
            out.append(available[name])
        else:
            known = ", ".join(sorted(available)) or "none"
            raise InputError(f"unknown suite '{name}' (suites in {directory}: {known})")
    return out


def _resolve_paths(pattern: str, base: Path) -> list[Path]:
    for root in (base, repo_root(base), Path.cwd()):
        matches = sorted(glob.glob(str(root / pattern)))
        if matches:
            return [Path(m) for m in matches]
    raise InputError(f"cases '{pattern}': no such file (looked next to the suite and in the repository)")


def _raw_rows(spec: SuiteSpec, base: Path) -> list[tuple[str, dict[str, Any]]]:
    cases = spec.cases
    if isinstance(cases, str):
        cases = [cases]
    if cases and isinstance(cases[0], dict):
        return [(f"{spec.name}:{i}", row) for i, row in enumerate(cases, 1)]
    rows: list[tuple[str, dict[str, Any]]] = []
    for pattern in cases:
        for path in _resolve_paths(str(pattern), base):
            rows.extend(read_jsonl(path))
    return rows


def _field(case: Any, dotted: str) -> Any:
    value = case
    for part in dotted.split("."):
        value = getattr(value, part, None) if not isinstance(value, dict) else value.get(part)
        if value is None:
            return None
    return value


def keep(case: Any, f: SuiteFilter) -> bool:
    tags = set(getattr(case, "tags", []) or [])
    if f.exclude_tags and tags & set(f.exclude_tags):
        return False
    if f.tags_all and not set(f.tags_all) <= tags:
        return False
    if f.languages:
        language = getattr(case, "language", None)
        if language not in f.languages:
            return False
    by_tag = bool(tags & set(f.tags)) if f.tags else None
    by_field = any(_field(case, d) not in (None, [], {}, "") for d in f.has) if f.has else None
    checks = [c for c in (by_tag, by_field) if c is not None]
    if not checks:
        return True
    return any(checks) if f.any_of else all(checks)


def load_suite(path: Path | None, spec: SuiteSpec | None = None) -> LoadedSuite:
    """Read a suite file (or take a spec built in code) and its filtered, validated cases."""
    if spec is None:
        assert path is not None
        spec = read_spec(path)
    base = path.parent if path else Path.cwd()
    model = CASE_MODELS[spec.kind]
    where = str(path or spec.name)
    cases = [c for c in parse_rows(_raw_rows(spec, base), model, where) if keep(c, spec.filter)]
    counts = Counter(c.id for c in cases)
    dupes = sorted(i for i, n in counts.items() if n > 1)[:5]
    if dupes:
        raise InputError(f"{where}: duplicate case ids {dupes}")
    if spec.limit:
        cases = cases[: spec.limit]
    return LoadedSuite(spec=spec, path=path, cases=cases)
