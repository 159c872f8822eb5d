"""Length per channel: the top draft fits the channel (a chat line is not an e-mail).

Length is counted in words; for Japanese and Chinese, which do not separate words, two
characters count as one word (the usual reading-length equivalence).
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from typing import Any

from assistant.evaluation.metrics.base import MetricContext, fmt, mean, rounded
from assistant.evaluation.metrics.registry import metric
from assistant.evaluation.observations import ReplyObs
from assistant.evaluation.results import Failure, MetricResult

# Upper bounds in words; the lower bound catches empty or one-line non-answers.
DEFAULT_MAX_WORDS = {"chat": 120, "social": 90, "review": 150, "marketplace": 180, "email": 250}
DEFAULT_MIN_WORDS = 12
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


def word_count(text: str) -> float:
    cjk = len(CJK.findall(text))
    others = len(re.findall(r"\w+", CJK.sub(" ", text)))
    return others + cjk / 2


@metric("length_fits_channel", input="reply", peer=True)
def length_fits_channel(observations: list[ReplyObs], params: dict[str, Any], ctx: MetricContext) -> MetricResult:
    limits = {**DEFAULT_MAX_WORDS, **params.get("max_words", {})}
    minimum = float(params.get("min_words", DEFAULT_MIN_WORDS))
    scored, failures = [], []
    lengths: dict[str, list[float]] = defaultdict(list)
    for o in observations:
        if not o.top_draft:
            continue
        channel = o.case.channel
        words = word_count(o.top_draft.text)
        lengths[channel].append(words)
        ok = minimum <= words <= limits.get(channel, max(limits.values()))
        scored.append(ok)
        if not ok and params.get("failures", True):
            failures.append(Failure(case_id=o.case_id, metric="length_fits_channel", message=o.case.message,
                                    draft=o.top_draft.text,
                                    why=f"{words:.0f} words on {channel} (allowed {minimum:.0f}..{limits.get(channel)})"))
    value = mean(1.0 if s else 0.0 for s in scored)
    return MetricResult(
        name="length_fits_channel", value=value, count=len(scored),
        reason=f"{sum(scored)} of {len(scored)} top drafts fit their channel's length: {fmt(value)}",
        breakdowns={"median_words_by_channel": {c: rounded(statistics.median(v)) for c, v in sorted(lengths.items())}},
        failures=failures,
    )
