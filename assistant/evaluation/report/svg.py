"""Inline SVG plots drawn in Python: no JavaScript, no CDN, the HTML report stays one file.

Three shapes cover the report: grouped bars (a metric per language, ours vs naive), a
heat map (confusion matrix) and a histogram (latency). Text is escaped; sizes are fixed
so the report renders the same in every browser and in a mail client's preview.
"""

from __future__ import annotations

import math
from html import escape

OURS, PEER, BAD = "#2f6fde", "#b0b7c3", "#d9534f"


def _svg(width: int, height: int, body: list[str], title: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" class="plot">'
            f'<title>{escape(title)}</title>' + "".join(body) + "</svg>")


def bar_chart(values: dict[str, float], title: str, peer: dict[str, float] | None = None,
              threshold: float | None = None, maximum: float | None = None) -> str:
    """Vertical bars per key (0..maximum); a second, grey bar per key for the peer; a dashed gate line."""
    keys = list(values)
    if not keys:
        return ""
    top = maximum or max([*values.values(), *(peer or {}).values(), 1e-9])
    slot = 34 if peer else 26
    left, bottom, plot_h = 36, 34, 150
    width, height = left + slot * len(keys) + 10, plot_h + bottom + 24
    body = [f'<text x="{left}" y="14" font-size="12" font-weight="600">{escape(title)}</text>']
    for frac in (0, 0.5, 1):
        y = 20 + plot_h * (1 - frac)
        body.append(f'<line x1="{left}" x2="{width - 6}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e6eb"/>'
                    f'<text x="{left - 4}" y="{y + 4:.1f}" font-size="9" text-anchor="end">{top * frac:.2g}</text>')
    bar_w = (slot - 8) / (2 if peer else 1)
    for i, key in enumerate(keys):
        x = left + i * slot + 4
        series = [(values[key], OURS)] + ([(peer.get(key), PEER)] if peer else [])
        for j, (v, colour) in enumerate(series):
            if v is None:
                continue
            h = plot_h * min(v / top, 1.0) if top else 0
            fill = BAD if threshold is not None and j == 0 and v < threshold else colour
            body.append(f'<rect x="{x + j * bar_w:.1f}" y="{20 + plot_h - h:.1f}" width="{bar_w - 1:.1f}" '
                        f'height="{h:.1f}" fill="{fill}"><title>{escape(key)}: {v:.3f}</title></rect>')
        body.append(f'<text x="{x + (slot - 8) / 2:.1f}" y="{20 + plot_h + 12}" font-size="10" '
                    f'text-anchor="middle">{escape(key[:8])}</text>')
    if threshold is not None and top:
        y = 20 + plot_h * (1 - min(threshold / top, 1.0))
        body.append(f'<line x1="{left}" x2="{width - 6}" y1="{y:.1f}" y2="{y:.1f}" stroke="{BAD}" '
                    f'stroke-dasharray="4 3"><title>gate {threshold:g}</title></line>')
    if peer:
        body.append(f'<rect x="{left}" y="{height - 12}" width="9" height="9" fill="{OURS}"/>'
                    f'<text x="{left + 12}" y="{height - 4}" font-size="10">ours</text>'
                    f'<rect x="{left + 48}" y="{height - 12}" width="9" height="9" fill="{PEER}"/>'
                    f'<text x="{left + 60}" y="{height - 4}" font-size="10">naive</text>')
    return _svg(width, height, body, title)


def heatmap(labels: list[str], matrix: list[list[int]], title: str) -> str:
    """Rows expected, columns predicted; each row shaded by its own share (a rare intent's
    mistakes are as visible as a frequent one's)."""
    n = len(labels)
    if not n:
        return ""
    cell, left, top = 16, 150, 150
    # Column labels are rotated up and to the right: leave room for the last ones.
    width, height = left + cell * n + 90, top + cell * n + 10
    body = [f'<text x="4" y="14" font-size="12" font-weight="600">{escape(title)}</text>',
            '<text x="4" y="30" font-size="10" fill="#555">rows: expected · columns: predicted</text>']
    for i, label in enumerate(labels):
        y = top + i * cell
        body.append(f'<text x="{left - 4}" y="{y + cell - 4}" font-size="10" text-anchor="end">{escape(label)}</text>')
        x = left + i * cell + cell - 4
        body.append(f'<text x="{x}" y="{top - 4}" font-size="10" transform="rotate(-60 {x} {top - 4})">'
                    f'{escape(label)}</text>')
        total = sum(matrix[i]) or 1
        for j, count in enumerate(matrix[i]):
            if not count:
                continue
            share = count / total
            colour = f"rgba(47,111,222,{0.15 + 0.85 * share:.2f})" if i == j else f"rgba(217,83,79,{0.2 + 0.8 * share:.2f})"
            body.append(f'<rect x="{left + j * cell}" y="{y}" width="{cell - 1}" height="{cell - 1}" fill="{colour}">'
                        f'<title>{escape(label)} → {escape(labels[j])}: {count}</title></rect>')
    return _svg(width, height, body, title)


def histogram(samples: list[float], title: str, bins: int = 20, unit: str = "ms") -> str:
    if not samples:
        return ""
    lo, hi = min(samples), max(samples)
    # Log-spaced bins when the tail is long: one slow case must not squash the rest into a bar.
    use_log = lo > 0 and hi / lo > 20
    edges = ([lo * (hi / lo) ** (k / bins) for k in range(bins + 1)] if use_log
             else [lo + (hi - lo) * k / bins for k in range(bins + 1)])
    counts = [0] * bins
    for s in samples:
        k = bins - 1 if hi == lo else min(bins - 1, int(
            (math.log(s / lo) / math.log(hi / lo) if use_log else (s - lo) / (hi - lo)) * bins))
        counts[k] += 1
    left, plot_h, bar = 36, 120, 14
    width, height = left + bar * bins + 10, plot_h + 60
    peak = max(counts)
    body = [f'<text x="{left}" y="14" font-size="12" font-weight="600">{escape(title)}</text>']
    for k, c in enumerate(counts):
        h = plot_h * c / peak
        body.append(f'<rect x="{left + k * bar}" y="{20 + plot_h - h:.1f}" width="{bar - 1}" height="{h:.1f}" '
                    f'fill="{OURS}"><title>{edges[k]:.1f}–{edges[k + 1]:.1f} {unit}: {c}</title></rect>')
    body.append(f'<text x="{left}" y="{plot_h + 34}" font-size="10">{lo:.0f} {unit}</text>'
                f'<text x="{left + bar * bins}" y="{plot_h + 34}" font-size="10" text-anchor="end">{hi:.0f} {unit}'
                f'{" (log scale)" if use_log else ""}</text>'
                f'<text x="{left - 4}" y="24" font-size="9" text-anchor="end">{peak}</text>')
    return _svg(width, height, body, title)
