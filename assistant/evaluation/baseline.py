"""Baselines: the metric values of a known-good run, and deltas of a new run against them.

A baseline file has the shape of ``report.json`` reduced to metric values
(``suites[{name, metrics[{name, value}], peer[...]}]``), so a full ``report.json`` can be
used as a baseline too. It is written only on ``--update-baseline``: moving the bar is a
reviewed change, never a side effect of running the suite.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from assistant.errors import InputError
from assistant.evaluation.results import REPORT_VERSION, MetricDelta, MetricResult, Report

DEFAULT_BASELINE = Path("eval") / "baselines" / "default.json"


class BaselineMetric(BaseModel):
    model_config = ConfigDict(extra="ignore")

    name: str
    value: float | None


class BaselineSuite(BaseModel):
    model_config = ConfigDict(extra="ignore")

    name: str
    metrics: list[BaselineMetric] = []


class Baseline(BaseModel):
    model_config = ConfigDict(extra="ignore")

    version: int = REPORT_VERSION
    created_at: str = ""
    eval_date: str = ""
    generator: str = "offline"
    suites: list[BaselineSuite] = []

    def values(self) -> dict[tuple[str, str], float]:
        return {(s.name, m.name): m.value for s in self.suites for m in s.metrics if m.value is not None}


def load(path: Path) -> Baseline:
    try:
        return Baseline.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError, ValidationError) as exc:
        raise InputError(f"baseline {path}: {exc}") from None


def from_report(report: Report) -> Baseline:
    return Baseline(
        created_at=report.started_at, eval_date=report.eval_date, generator=report.generator,
        suites=[BaselineSuite(name=s.name, metrics=[BaselineMetric(name=m.name, value=m.value) for m in s.metrics])
                for s in report.suites],
    )


def write(path: Path, report: Report) -> Path:
    """Merge this run's suites into the baseline (suites not run keep their old values)."""
    current = load(path) if path.exists() else Baseline()
    new = from_report(report)
    kept = [s for s in current.suites if s.name not in {n.name for n in new.suites}]
    merged = new.model_copy(update={"suites": sorted(kept + new.suites, key=lambda s: s.name),
                                    "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")})
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(merged.model_dump_json(indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


def tolerance(metric: MetricResult, baseline: float) -> float:
    """How far a value may move before it is a regression: half a point on ratios, half the
    value on noisy wall-clock metrics (a busy machine is not a regression)."""
    if metric.noisy:
        return 0.5 * abs(baseline)
    return max(0.005, 0.01 * abs(baseline))


def compare(report: Report, baseline: Baseline) -> None:
    """Fill every suite's ``deltas`` (metrics missing from the baseline are new, not compared)."""
    values = baseline.values()
    for suite in report.suites:
        deltas = []
        for m in suite.metrics:
            base = values.get((suite.name, m.name))
            if base is None:
                continue
            delta = None if m.value is None else round(m.value - base, 4)
            worse = delta is None or (  # None exactly when the metric has no value
                (delta < -tolerance(m, base)) if m.higher_is_better else (delta > tolerance(m, base))
            )
            deltas.append(MetricDelta(metric=m.name, baseline=base, value=m.value, delta=delta, regression=worse))
        suite.deltas = deltas
