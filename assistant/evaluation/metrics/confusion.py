"""Confusion matrix and per-class F1 from label observations (shared by the F1 and language metrics)."""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel

from assistant.evaluation.observations import LabelObs


class Confusion(BaseModel):
    labels: list[str]
    matrix: list[list[int]]  # rows: expected, columns: predicted (same label order)

    def f1_per_label(self) -> dict[str, float]:
        out = {}
        for i, label in enumerate(self.labels):
            tp = self.matrix[i][i]
            fp = sum(self.matrix[r][i] for r in range(len(self.labels))) - tp
            fn = sum(self.matrix[i]) - tp
            precision = tp / (tp + fp) if tp + fp else 0.0
            recall = tp / (tp + fn) if tp + fn else 0.0
            out[label] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return out


def confusion(observations: list[LabelObs], labels: list[str] | None = None) -> Confusion:
    """An accepted alternative counts as the expected label (it was a correct answer)."""
    pairs = [(o.expected, o.expected if o.correct else o.predicted) for o in observations]
    order = labels or sorted({label for pair in pairs for label in pair})
    extra = sorted({label for pair in pairs for label in pair} - set(order))
    order = list(order) + extra
    index = {label: i for i, label in enumerate(order)}
    counts = Counter(pairs)
    matrix = [[0] * len(order) for _ in order]
    for (expected, predicted), n in counts.items():
        matrix[index[expected]][index[predicted]] = n
    return Confusion(labels=order, matrix=matrix)
