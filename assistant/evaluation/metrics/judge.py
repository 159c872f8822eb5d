"""Optional LLM-as-judge rubrics (helpfulness, empathy, policy correctness) for the top draft.

Runs only when an LLM is configured (``settings.llm_configured``); otherwise the metric is
reported as skipped (value ``None``) and never gates anything. Verdicts are cached by hash
in ``data_dir/judge-cache.sqlite3`` so re-runs are free and stable. Scores 1–5 are
reported normalised to 0..1 so they read like every other metric.
"""

from __future__ import annotations

import json
import re
from typing import Any

from assistant.evaluation.judge_cache import JudgeCache, verdict_key
from assistant.evaluation.metrics.base import MetricContext, fmt, mean, rounded
from assistant.evaluation.metrics.registry import metric
from assistant.evaluation.observations import ReplyObs
from assistant.evaluation.results import Failure, MetricResult

PROMPT_VERSION = "judge-v1"
RUBRICS = {
    "helpfulness": "Does the reply answer what the customer asked and tell them the concrete next step?",
    "empathy": "Does the reply acknowledge the customer's situation and feelings appropriately for their culture, "
               "without being servile or dismissive?",
    "policy_correctness": "Is every promise, number and condition in the reply consistent with the reference "
                          "policy text? Penalise invented refunds, amounts, deadlines or guarantees.",
}
SYSTEM = ("You grade customer-service replies written for an online shop. Answer with one JSON object only: "
          '{"score": <integer 1-5>, "why": "<one sentence>"}. 5 = excellent, 1 = unacceptable.')


def _judge_llm(ctx: MetricContext) -> Any:
    if "judge_llm" not in ctx.cache:
        from langchain_openai import ChatOpenAI

        s = ctx.settings
        assert s is not None
        ctx.cache["judge_llm"] = ChatOpenAI(
            model=s.llm_model, base_url=s.llm_base_url, temperature=0, timeout=s.llm_timeout_s,
            max_retries=s.llm_max_retries, max_completion_tokens=120,  # a verdict is one short JSON line
            api_key=s.llm_api_key.get_secret_value() if s.llm_api_key else "not-needed",
        )
        ctx.cache["judge_cache"] = JudgeCache(s.data_dir / "judge-cache.sqlite3")
    return ctx.cache["judge_llm"]


def _parse(text: str) -> dict[str, Any]:
    """The JSON verdict, or failing that a "score: N" the model wrote around it."""
    data: dict[str, Any] = {}
    match = re.search(r"\{.*\}", text, re.DOTALL)
    if match:
        try:
            data = json.loads(match.group())
        except json.JSONDecodeError:
            data = {}
    if "score" not in data and (loose := re.search(r"(?i)score\W{0,3}([1-5])\b", text)):
        data = {"score": loose.group(1), "why": text.strip()}
    score = int(data.get("score", 0))
    if not 1 <= score <= 5:
        raise ValueError(f"judge gave no score 1-5: {text[:120]!r}")
    return {"score": score, "why": str(data.get("why", ""))[:300]}


def verdict(o: ReplyObs, rubric: str, ctx: MetricContext) -> dict[str, Any]:
    llm = _judge_llm(ctx)
    cache: JudgeCache = ctx.cache["judge_cache"]
    draft = o.top_draft.text if o.top_draft else ""
    kb = ctx.knowledge()
    reference = "\n\n".join(kb.text(c)[:1500] for c in (o.top_draft.citations if o.top_draft else []))
    key = verdict_key(ctx.settings.llm_model if ctx.settings else "", rubric, PROMPT_VERSION, o.case.message, draft,
                      reference)
    cached = cache.get(key)
    if cached is not None:
        return cached
    user = (f"Criterion: {RUBRICS[rubric]}\n\nCustomer message:\n{o.case.message}\n\nReply:\n{draft}\n\n"
            f"Reference policy text:\n{reference or '(none cited)'}")
    result = _parse(str(llm.invoke([("system", SYSTEM), ("user", user)]).content))
    cache.put(key, result)
    return result


@metric("judge", input="reply", needs_llm=True)
def judge(observations: list[ReplyObs], params: dict[str, Any], ctx: MetricContext) -> MetricResult:
    if ctx.settings is None or not ctx.settings.llm_configured:
        return MetricResult(name="judge", value=None, reason="skipped: no LLM configured (set ASSISTANT_LLM_BASE_URL)")
    rubrics = list(params.get("rubrics", RUBRICS))
    cases = [o for o in observations if o.top_draft][: int(params.get("max_cases", 60))]
    per_rubric: dict[str, list[float]] = {r: [] for r in rubrics}
    failures, errors = [], 0
    for o in cases:
        for rubric in rubrics:
            try:
                v = verdict(o, rubric, ctx)
            except Exception:  # noqa: BLE001 - a judge hiccup must not sink the suite; it is counted
                errors += 1
                continue
            per_rubric[rubric].append((v["score"] - 1) / 4)
            if v["score"] <= 2 and params.get("failures", True):
                failures.append(Failure(case_id=o.case_id, metric=f"judge:{rubric}", message=o.case.message,
                                        draft=o.top_draft.text if o.top_draft else None,
                                        why=f"{rubric} {v['score']}/5: {v['why']}"))
    value = mean(s for scores in per_rubric.values() for s in scores)
    return MetricResult(
        name="judge", value=value, count=len(cases),
        reason=f"mean LLM-judge score (0..1) over {len(cases)} drafts × {len(rubrics)} rubrics: {fmt(value)}"
        + (f"; {errors} verdicts failed" if errors else ""),
        breakdowns={"by_rubric": {r: rounded(sum(v) / len(v)) for r, v in per_rubric.items() if v}},
        failures=failures,
    )
