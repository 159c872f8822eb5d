"""``report.html``: one self-contained file (inline CSS, inline SVG, no scripts) for QA.

Per suite: the metrics next to the naive pipeline and the baseline, the gates, per-language
bar charts, the confusion heat map, the latency histogram, every breakdown, and the failed
cases with the message, what we produced and why it failed. Collapsible parts use
``<details>``, which needs no JavaScript.
"""

from __future__ import annotations

from html import escape

from assistant.evaluation.report import svg
from assistant.evaluation.results import MetricResult, Report, SuiteResult

MAX_FAILURES = 400  # per suite; the JSON report has all of them
CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px auto;max-width:1200px;color:#1d2330;padding:0 16px}
h1{font-size:22px}h2{font-size:18px;margin-top:36px;border-bottom:1px solid #e3e6eb;padding-bottom:4px}
table{border-collapse:collapse;margin:8px 0}th,td{border-bottom:1px solid #e3e6eb;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f5f7fa;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.pass{color:#1e7e34}.fail{color:#c82333;font-weight:600}.reg{background:#fdecea}.muted{color:#6b7280}
.plots{display:flex;flex-wrap:wrap;gap:18px;margin:10px 0}.plot{background:#fff;border:1px solid #eef0f3;border-radius:4px}
pre{white-space:pre-wrap;margin:0;font:12px/1.4 ui-monospace,Menlo,Consolas,monospace;max-height:220px;overflow:auto}
details{margin:8px 0}summary{cursor:pointer;font-weight:600}.badge{padding:1px 6px;border-radius:8px;font-size:12px}
.badge.pass{background:#e6f4ea}.badge.fail{background:#fdecea}
"""


def _num(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.3f}" if abs(value) < 100 else f"{value:.0f}"


def _metrics_table(suite: SuiteResult) -> str:
    gates = {g.metric: g for g in suite.gates}
    deltas = {d.metric: d for d in suite.deltas}
    peer = {m.name: m for m in suite.peer.metrics} if suite.peer else {}
    head = "<tr><th>metric</th><th>ours</th>" + ("<th>naive</th>" if peer else "") + (
        "<th>baseline</th><th>Δ</th>" if deltas else "") + "<th>gate</th><th>how it was computed</th></tr>"
    rows = []
    for m in suite.metrics:
        g, d = gates.get(m.name), deltas.get(m.name)
        gate = "" if g is None else f'<span class="{"pass" if g.passed else "fail"}">{"✓" if g.passed else "✗"} {escape(g.threshold)}</span>'
        cells = [f"<td>{escape(m.name)}</td>", f'<td class="num">{_num(m.value)}</td>']
        if peer:
            cells.append(f'<td class="num">{_num(peer[m.name].value) if m.name in peer else ""}</td>')
        if deltas:
            cells.append(f'<td class="num">{_num(d.baseline) if d else ""}</td>')
            cells.append(f'<td class="num">{"" if d is None or d.delta is None else f"{d.delta:+.3f}"}</td>')
        cells += [f"<td>{gate}</td>", f'<td class="muted">{escape(m.reason)}</td>']
        rows.append(f'<tr class="{"reg" if d and d.regression else ""}">' + "".join(cells) + "</tr>")
    rows.extend(f'<tr><td>{escape(g.metric)}</td><td class="num">—</td><td colspan="9">'
                f'<span class="fail">✗ {escape(g.threshold)}: metric not computed</span></td></tr>'
                for g in suite.gates if suite.metric(g.metric) is None)
    return f"<table>{head}{''.join(rows)}</table>"


def _plots(suite: SuiteResult) -> str:
    gates = {g.metric: g for g in suite.gates}
    peer = {m.name: m for m in suite.peer.metrics} if suite.peer else {}
    # Language bars for gated metrics first (what decides the run), then the rest, up to six.
    ordered = sorted(suite.metrics, key=lambda m: m.name not in gates)
    charts: list[str] = []
    for m in ordered:
        langs = m.breakdowns.get("by_language")
        if not langs or len(charts) >= 6 or m.noisy or not m.higher_is_better:
            continue
        threshold = None
        if m.name in gates:
            parts = gates[m.name].threshold.split()
            threshold = float(parts[-1]) if parts[0] in (">=", ">") else None
        peer_langs = peer[m.name].breakdowns.get("by_language") if m.name in peer else None
        charts.append(svg.bar_chart(langs, f"{m.name} by language", peer=peer_langs, threshold=threshold,
                                    maximum=1.0))
    for m in suite.metrics:
        confusion = m.extra.get("confusion")
        if confusion:
            charts.append(svg.heatmap(confusion["labels"], confusion["matrix"], f"{m.name}: confusion matrix"))
        if m.extra.get("samples_ms"):
            charts.append(svg.histogram(m.extra["samples_ms"], f"{m.name}: end-to-end latency per case"))
    return f'<div class="plots">{"".join(c for c in charts if c)}</div>' if charts else ""


def _breakdowns(metrics: list[MetricResult]) -> str:
    parts = []
    for m in metrics:
        for name, values in m.breakdowns.items():
            if not values:
                continue
            cells = "".join(f'<tr><td>{escape(k)}</td><td class="num">{_num(v)}</td></tr>' for k, v in values.items())
            parts.append(f'<div><b>{escape(m.name)}</b> <span class="muted">{escape(name)}</span>'
                         f"<table>{cells}</table></div>")
    if not parts:
        return ""
    return ('<details><summary>Breakdowns</summary><div class="plots">' + "".join(parts) + "</div></details>")


def _failures(suite: SuiteResult) -> str:
    if not suite.failures:
        return '<p class="pass">No failed cases.</p>'
    shown = suite.failures[:MAX_FAILURES]
    rows = "".join(
        f"<tr><td>{escape(f.case_id)}</td><td>{escape(f.metric)}</td><td><pre>{escape(f.message)}</pre></td>"
        f"<td><pre>{escape(f.draft or '')}</pre></td><td>{escape(f.why)}</td></tr>"
        for f in shown
    )
    more = (f'<p class="muted">{len(suite.failures) - len(shown)} more in report.json.</p>'
            if len(suite.failures) > len(shown) else "")
    return (f"<details><summary>Failed cases ({len(suite.failures)})</summary><table>"
            "<tr><th>case</th><th>check</th><th>message</th><th>what we produced</th><th>why</th></tr>"
            f"{rows}</table>{more}</details>")


def _suite(suite: SuiteResult) -> str:
    badge = f'<span class="badge {"pass" if suite.passed else "fail"}">{"passed" if suite.passed else "FAILED"}</span>'
    peer = (f'<p class="muted">naive: {escape(suite.peer.description)}</p>' if suite.peer else "")
    errors = (f'<p class="fail">{len(suite.errors)} cases raised an error: '
              f"{escape('; '.join(suite.errors[:5]))}</p>" if suite.errors else "")
    return (f'<section id="{escape(suite.name)}"><h2>{escape(suite.name)} {badge}</h2>'
            f'<p class="muted">{escape(suite.kind)} · {suite.cases} cases · {suite.duration_s:.1f} s'
            f"{' · ' + escape(suite.description) if suite.description else ''}</p>{peer}{errors}"
            f"{_metrics_table(suite)}{_plots(suite)}{_breakdowns(suite.metrics)}{_failures(suite)}</section>")


def render(report: Report) -> str:
    failed = [s.name for s in report.suites if not s.passed]
    verdict = ('<p class="pass">All gates passed.</p>' if not failed
               else f'<p class="fail">Gates failed in: {escape(", ".join(failed))}</p>')
    overview = "".join(
        f'<tr><td><a href="#{escape(s.name)}">{escape(s.name)}</a></td><td>{escape(s.kind)}</td>'
        f'<td class="num">{s.cases}</td><td class="{"pass" if s.passed else "fail"}">'
        f'{sum(g.passed for g in s.gates)}/{len(s.gates)}</td><td class="num">{len(s.failures)}</td></tr>'
        for s in report.suites
    )
    meta = (f"{escape(report.started_at)} · {report.duration_s:.1f} s · drafts: {escape(report.generator)} · "
            f"eval date {escape(report.eval_date)}" + (f" · baseline {escape(report.baseline)}" if report.baseline else ""))
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Evaluation report</title><style>{CSS}</style></head><body>"
        f'<h1>Evaluation report</h1><p class="muted">{meta}</p>{verdict}'
        "<table><tr><th>suite</th><th>kind</th><th>cases</th><th>gates</th><th>failed checks</th></tr>"
        f"{overview}</table>" + "".join(_suite(s) for s in report.suites) + "</body></html>\n"
    )
