"""Running suites end to end: cases → observations → metrics → gates (→ peer side by side).

The harness is what the CLI calls and what tests call with a small suite and a fake engine;
it knows nothing about terminals or files (the CLI and ``report/`` do).
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path
from typing import Any

from assistant.errors import AssistantError
from assistant.evaluation import gates, runners
from assistant.evaluation.metrics import registry
from assistant.evaluation.metrics.base import MetricContext
from assistant.evaluation.observations import ReplyObs
from assistant.evaluation.results import Failure, MetricResult, PeerResult, Report, SuiteResult
from assistant.evaluation.runtime import Runtime
from assistant.evaluation.suite_spec import MetricSpec
from assistant.evaluation.suites import LoadedSuite, load_suite


def compute_metrics(specs: list[MetricSpec], observations: list[Any], ctx: MetricContext,
                    peer_only: bool = False) -> list[MetricResult]:
    out = []
    for spec in specs:
        definition = registry.get(spec.name)
        if peer_only and not definition.peer:
            continue
        try:
            out.append(registry.compute(spec.name, observations, spec.params, ctx))
        except AssistantError:
            raise  # a suite that asks for a metric on the wrong kind of cases: the user's to fix
        except Exception as exc:  # noqa: BLE001 - one broken metric must not hide all the others
            print(f"eval: metric {spec.name} failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            out.append(MetricResult(name=spec.name, value=None, reason=f"error: {type(exc).__name__}: {exc}"))
    return out


def _errors(observations: list[Any]) -> tuple[list[str], list[Failure]]:
    errors, failures = [], []
    for o in observations:
        if isinstance(o, ReplyObs) and o.error:
            errors.append(f"{o.case_id}: {o.error}")
            failures.append(Failure(case_id=o.case_id, metric="engine", message=o.case.message, why=o.error))
    return errors, failures


def run_suite(suite: LoadedSuite, rt: Runtime) -> SuiteResult:
    spec = suite.spec
    t0 = time.perf_counter()
    # A suite of LLM-only metrics (the judge) has nothing to do offline: skip the engine calls.
    llm_only = all(registry.get(m.name).needs_llm for m in spec.metrics)
    observations = [] if llm_only and not rt.settings.llm_configured else runners.observe(suite, rt)
    ctx = rt.metric_context()
    metrics = compute_metrics(spec.metrics, observations, ctx)
    errors, failures = _errors(observations)
    for m in metrics:
        failures.extend(m.failures)
    peer = None
    if spec.peer:
        peer_obs = runners.observe_peer(suite, rt)
        naive = rt.naive()
        peer = PeerResult(name=naive.name, description=naive.description,
                          metrics=compute_metrics(spec.metrics, peer_obs, ctx, peer_only=True))
    return SuiteResult(
        name=spec.name, kind=spec.kind, description=spec.description, cases=len(suite.cases),
        duration_s=round(time.perf_counter() - t0, 2), metrics=metrics, gates=gates.check(spec.gates, metrics),
        failures=failures, peer=peer, errors=errors,
    )


def run(paths: list[Path], rt: Runtime) -> Report:
    """Load every suite first (a typo in the last file fails before minutes of work), then run."""
    started = dt.datetime.now(dt.UTC)
    t0 = time.perf_counter()
    suites = [load_suite(p) for p in paths]
    for suite in suites:
        for gate in suite.spec.gates.values():
            gates.parse_threshold(gate)
        for m in suite.spec.metrics:
            registry.get(m.name)
    results = [run_suite(s, rt) for s in suites]
    generator = "llm" if rt.settings.llm_configured else "offline"
    return Report(started_at=started.isoformat(timespec="seconds"), duration_s=round(time.perf_counter() - t0, 2),
                  generator=generator, eval_date=rt.today.isoformat(), suites=results)
