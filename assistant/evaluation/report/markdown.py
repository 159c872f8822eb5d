"""``summary.md``: what a pull request shows. One table per suite, gates ✅/❌, deltas.

Short on purpose: a reviewer reads the overall verdict, the gates and the regressions;
everything else (breakdowns, failed cases, plots) is in the HTML report.
"""

from __future__ import annotations

from assistant.evaluation.results import MetricDelta, Report, SuiteResult


def _num(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.3f}" if abs(value) < 100 else f"{value:.0f}"


def _delta(d: MetricDelta | None) -> str:
    if d is None or d.delta is None:
        return ""
    arrow = "🔻 " if d.regression else ""
    return f"{arrow}{d.delta:+.3f}" if abs(d.delta) < 100 else f"{arrow}{d.delta:+.0f}"


def suite_table(suite: SuiteResult) -> list[str]:
    gates = {g.metric: g for g in suite.gates}
    deltas = {d.metric: d for d in suite.deltas}
    peer = {m.name: m for m in suite.peer.metrics} if suite.peer else {}
    head = "| metric | value | gate |" + (" naive |" if peer else "") + (" Δ baseline |" if deltas else "")
    sep = "|---|---:|---|" + ("---:|" if peer else "") + ("---:|" if deltas else "")
    rows = [head, sep]
    for m in suite.metrics:
        g = gates.get(m.name)
        gate = "" if g is None else f"{'✅' if g.passed else '❌'} {g.threshold}"
        row = f"| {m.name} | {_num(m.value)} | {gate} |"
        if peer:
            row += f" {_num(peer[m.name].value) if m.name in peer else ''} |"
        if deltas:
            row += f" {_delta(deltas.get(m.name))} |"
        rows.append(row)
    # A gate on a metric the suite did not produce is still shown (and failed).
    rows.extend(f"| {g.metric} | — | ❌ {g.threshold} (metric not computed) |" + (" |" if peer else "")
                + (" |" if deltas else "") for g in suite.gates if suite.metric(g.metric) is None)
    return rows


def render(report: Report) -> str:
    failed = [s.name for s in report.suites if not s.passed]
    verdict = "✅ all gates passed" if not failed else f"❌ gates failed in: {', '.join(failed)}"
    lines = [
        "# Evaluation summary", "",
        f"{verdict} · {len(report.suites)} suites · {report.duration_s:.1f} s · drafts: {report.generator}"
        f" · eval date {report.eval_date}" + (f" · baseline `{report.baseline}`" if report.baseline else ""), "",
    ]
    regressions = [(s.name, d) for s in report.suites for d in s.deltas if d.regression]
    if regressions:
        lines += ["**Regressions vs baseline:** " + ", ".join(
            f"{name}/{d.metric} {_num(d.baseline)} → {_num(d.value)}" for name, d in regressions), ""]
    for suite in report.suites:
        mark = "✅" if suite.passed else "❌"
        lines += [f"## {mark} {suite.name} ({suite.kind}, {suite.cases} cases, {suite.duration_s:.1f} s)", ""]
        lines += suite_table(suite)
        notes = []
        if suite.failures:
            notes.append(f"{len(suite.failures)} failed checks (see report.html)")
        if suite.errors:
            notes.append(f"⚠️ {len(suite.errors)} cases raised an error")
        lines += ["", "; ".join(notes), ""] if notes else [""]
    return "\n".join(lines).rstrip() + "\n"
