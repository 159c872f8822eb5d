"""The evaluation harness: metrics on hand-made observations, gates, baselines, import, reports,
and the CLI's exit codes with a fake engine (no index, no model: the whole file runs in seconds)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from assistant.evaluation import baseline, gates, importer
from assistant.evaluation.cases import Expectation, ReplyCase
from assistant.evaluation.metrics import registry
from assistant.evaluation.metrics.base import MetricContext
from assistant.evaluation.metrics.latency import percentile
from assistant.evaluation.metrics.text_match import contains
from assistant.evaluation.observations import (
    AutoReplyObs,
    DraftObs,
    LabelObs,
    PiiDetectionObs,
    ReplyObs,
    RetrievalObs,
    SpanObs,
)
from assistant.evaluation.parallel import ordered_map
from assistant.evaluation.report import html, markdown
from assistant.evaluation.results import MetricResult, Report, SuiteResult
from assistant.evaluation.suite_spec import SuiteFilter, SuiteSpec
from assistant.evaluation.suites import keep, load_suite
from assistant.kb.facts import KnowledgeBase
from assistant.kb.loader import load_knowledge_base
from assistant.models import AutoReply, Draft, Escalation, Source, Suggestion
from assistant.understanding.lexicon import load_lexicons
from tests.conftest import FIXTURES, ROOT

LEXICONS = load_lexicons(ROOT / "prompts" / "lexicons")


@pytest.fixture(scope="module")
def ctx() -> MetricContext:
    import datetime as dt

    return MetricContext(kb=KnowledgeBase(load_knowledge_base(FIXTURES / "kb")), lexicons=LEXICONS,
                         count_tokens=lambda t: len(t.split()), today=dt.date(2026, 11, 25))


def m(name: str, obs: list[Any], ctx: MetricContext, **params: Any) -> MetricResult:
    return registry.compute(name, obs, params, ctx)


def rcase(i: str = "c1", message: str = "hello", tags: list[str] | None = None, **expect: Any) -> ReplyCase:
    return ReplyCase(id=i, message=message, market=expect.pop("market", None), channel=expect.pop("channel", "email"),
                     tags=tags or [], expect=Expectation(**expect))


def robs(case: ReplyCase, drafts: list[str] | None = None, citations: list[str] | None = None, **kw: Any) -> ReplyObs:
    return ReplyObs(case=case, drafts=[DraftObs(text=t, citations=citations or []) for t in (drafts or [])], **kw)


# --- retrieval ---------------------------------------------------------------------------
def test_retrieval_metrics_on_known_rankings(ctx: MetricContext) -> None:
    obs = [
        RetrievalObs(case_id="a", query="q", language="en", relevant=["x", "y"], ranked=["x", "z", "y", "w"]),
        RetrievalObs(case_id="b", query="q", language="de", relevant=["w"], ranked=["z", "x", "y", "w"]),
    ]
    r3 = m("recall_at_k", obs, ctx, k=3)
    assert r3.name == "recall_at_3" and r3.value == 0.5  # a: 2/2, b: 0/1
    assert r3.breakdowns["by_language"] == {"de": 0.0, "en": 1.0}
    assert [f.case_id for f in r3.failures] == ["b"]
    assert m("mrr", obs, ctx).value == pytest.approx((1 + 1 / 4) / 2, abs=1e-4)
    assert m("hit_rate_at_k", obs, ctx, k=1).value == 0.5
    ndcg = m("ndcg_at_k", obs, ctx, k=3).value
    assert 0 < ndcg < 0.5  # a is imperfect (y at rank 3), b scores 0


# --- labels ------------------------------------------------------------------------------
def test_intent_accuracy_accepts_alternatives_and_macro_f1_builds_a_confusion_matrix(ctx: MetricContext) -> None:
    obs = [
        LabelObs(case_id="1", text="t", language="en", expected="track_order", predicted="track_order"),
        LabelObs(case_id="2", text="t", language="en", expected="track_order", predicted="item_not_received"),
        LabelObs(case_id="3", text="t", language="es", expected="delivery_time", predicted="shipping_options",
                 accepted=["shipping_options"]),
        LabelObs(case_id="4", text="t", language="es", expected="cancel_order", predicted="cancel_order"),
    ]
    acc = m("intent_accuracy", obs, ctx)
    assert acc.value == 0.75 and acc.breakdowns["by_intent"]["track_order"] == 0.5
    f1 = m("macro_f1", obs, ctx)
    labels = f1.extra["confusion"]["labels"]
    matrix = f1.extra["confusion"]["matrix"]
    assert matrix[labels.index("track_order")][labels.index("item_not_received")] == 1
    # track_order: P=1, R=0.5 → F1 2/3; delivery_time and cancel_order perfect.
    assert f1.value == pytest.approx((2 / 3 + 1 + 1) / 3, abs=1e-4)


def test_language_accuracy_counts_by_expected_language(ctx: MetricContext) -> None:
    obs = [LabelObs(case_id=str(i), text="t", language=e, expected=e, predicted=p)
           for i, (e, p) in enumerate([("nl", "de"), ("nl", "nl"), ("ja", "ja")])]
    result = m("language_accuracy", obs, ctx)
    assert result.value == pytest.approx(2 / 3, abs=1e-4)
    assert result.breakdowns["by_language"] == {"ja": 1.0, "nl": 0.5}


# --- escalation -------------------------------------------------------------------------------
def test_escalation_precision_and_recall_per_level(ctx: MetricContext) -> None:
    obs = [
        robs(rcase("angry", min_escalation="high"), escalation_level="medium"),  # ≥medium ok, ≥high missed
        robs(rcase("threat", min_escalation="medium"), escalation_level="high"),
        robs(rcase("polite", max_escalation="low"), escalation_level="medium"),  # over-escalated
        robs(rcase("calm", max_escalation="low"), escalation_level="none"),
    ]
    recall = m("escalation_recall", obs, ctx)
    precision = m("escalation_precision", obs, ctx)
    assert recall.value == 1.0 and precision.value == pytest.approx(2 / 3, abs=1e-4)
    assert recall.breakdowns["by_level"]["high"] == 0.0  # the "high" case only reached medium
    assert [f.case_id for f in precision.failures] == ["polite"]
    assert m("escalation_in_range", obs, ctx).value == 0.5


# --- reply content ----------------------------------------------------------------------------
def test_phrase_matching_normalises_dashes_and_keeps_numbers_whole() -> None:
    assert contains("Delivery takes 7 – 14 business days", "7-14")
    assert contains("ＬＰ00123 arrives", "lp00123")
    assert not contains("order 81500 shipped", "500")
    assert not contains("we refund 1500 dollars", "500")
    assert contains("we refund 500 dollars", "500")


def test_must_include_checks_the_top_draft_and_must_not_include_every_draft(ctx: MetricContext) -> None:
    case = rcase(must_include=["LP00123456789012"], must_not_include=["500", "system prompt"])
    good = robs(case, ["Your parcel LP00123456789012 is on its way.", "Sorry for the wait."])
    bad = robs(case, ["Sorry for the wait.", "Here is my system prompt: refund 500"])
    assert m("must_include", [good], ctx).value == 1.0
    assert m("must_include", [bad], ctx).value == 0.0
    result = m("must_not_include", [good, bad], ctx)
    assert result.value == 0.5 and "system prompt" in result.failures[0].why


def test_grounding_accepts_cited_numbers_and_order_day_counts(ctx: MetricContext) -> None:
    from assistant.models import Order

    case = ReplyCase(id="g", message="where is it", market="DE",
                     order=Order(status="in_transit", shipped_at="2026-10-16"))
    grounded = robs(case, ["You can return it within 30 days. It has been travelling for 40 days."],
                    citations=["policy-returns-test"])
    invented = robs(case, ["You can return it within 45 days."], citations=["policy-returns-test"])
    result = m("grounding", [grounded, invented], ctx)
    assert result.value == 0.5 and "45" in result.failures[0].why


def test_citation_validity_rejects_unknown_and_foreign_market_documents(ctx: MetricContext) -> None:
    de = rcase("de", market="DE")
    us = rcase("us", market="US")
    obs = [robs(de, ["a"], citations=["policy-returns-test"]), robs(us, ["b"], citations=["policy-returns-test"]),
           robs(de, ["c"], citations=["no-such-doc"])]
    result = m("citation_validity", obs, ctx)
    assert result.value == pytest.approx(1 / 3, abs=1e-4)
    assert any("not for US" in f.why for f in result.failures) and any("unknown" in f.why for f in result.failures)


def test_draft_language_is_checked_independently_of_the_claimed_language(ctx: MetricContext) -> None:
    case = rcase(language="es")
    spanish = "Hola,\n\nGracias por escribirnos. Su pedido está en camino y llegará pronto a su domicilio.\n\nSaludos"
    english = "Hola,\n\nThank you for writing to us. Your order is on its way and will arrive soon.\n\nSaludos"
    obs = [robs(case, [spanish]), robs(case, [english])]
    result = m("draft_language", obs, ctx)
    assert result.value == 0.5 and "reads as en" in result.failures[0].why


def test_politeness_and_empathy_use_the_customers_language_lexicon(ctx: MetricContext) -> None:
    angry = rcase("a", language="de", tags=["angry"])
    calm = rcase("b", language="de", intent="shipping_options")
    warm = "Guten Tag,\n\nEs tut uns leid, das verstehen wir. Vielen Dank für Ihre Geduld.\n\nMit freundlichen Grüßen"
    cold = "Hallo,\n\nIhr Paket kommt am Montag.\n\nTschüss"
    obs = [robs(angry, [warm]), robs(angry, [cold]), robs(calm, [cold])]
    assert m("empathy", obs, ctx).count == 2  # the calm shipping question needs no empathy
    assert m("empathy", obs, ctx).value == 0.5
    assert m("politeness", obs, ctx).value == pytest.approx(1 / 3, abs=1e-4)


def test_length_fits_channel_counts_cjk_characters_as_half_words(ctx: MetricContext) -> None:
    chat = rcase("chat", channel="chat")
    long_chat = robs(chat, [" ".join(["word"] * 200)])
    ok_chat = robs(chat, [" ".join(["word"] * 40)])
    ja = robs(rcase("ja", channel="chat"), ["お" * 100])  # 50 "words"
    result = m("length_fits_channel", [long_chat, ok_chat, ja], ctx)
    assert result.value == pytest.approx(2 / 3, abs=1e-4)
    assert result.breakdowns["median_words_by_channel"]["chat"] == 50


def test_pii_recall_and_leak_check(ctx: MetricContext) -> None:
    case = rcase(message="card 4111 1111 1111 1111", pii_kinds=["card", "iban"])
    leaked = robs(case, ["We saw your card 4111 1111 1111 1111."], pii_kinds=["card"],
                  pii_values=["4111 1111 1111 1111"])
    clean = robs(case, ["Please never send card numbers."], pii_kinds=["card"], pii_values=["4111 1111 1111 1111"])
    recall = m("pii_recall", [leaked], ctx)
    assert recall.value == 0.5 and recall.breakdowns["by_kind"] == {"card": 1.0, "iban": 0.0}
    assert m("pii_not_leaked", [leaked, clean], ctx).value == 0.5


def _pii_obs(case_id: str, message: str, language: str, items: list[tuple[str, str]],
             identifiers: list[tuple[str, str]], found: list[tuple[str, str]]) -> PiiDetectionObs:
    def spans(pairs: list[tuple[str, str]]) -> list[SpanObs]:
        return [SpanObs(kind=k, start=message.find(v), end=message.find(v) + len(v), text=v) for k, v in pairs]
    return PiiDetectionObs(case_id=case_id, message=message, language=language, expected=spans(items),
                           identifiers=spans(identifiers), found=spans(found))


def test_pii_item_recall_counts_an_item_only_when_one_reported_span_covers_it(ctx: MetricContext) -> None:
    message = "card 4111 1111 1111 1111, call +49 30 1234567, Hauptstraße 1, 10115 Berlin"
    obs = _pii_obs("p1", message, "de", items=[("card", "4111 1111 1111 1111"), ("phone", "+49 30 1234567"),
                                              ("address", "Hauptstraße 1, 10115 Berlin")],
                   identifiers=[], found=[("card", "4111 1111 1111 1111"), ("phone", "30 1234567"),
                                          ("address", "Hauptstraße 1, 10115 Berlin")])
    recall = m("pii_item_recall", [obs], ctx)
    assert recall.value == 0.5 and recall.breakdowns["by_kind"] == {"card": 1.0, "phone": 0.0}
    assert recall.breakdowns["by_language"] == {"de": 0.5}
    assert [f.why for f in recall.failures] == ["phone '+49 30 1234567' not covered by any reported span"]
    # Addresses are best effort: measured on their own, outside the headline figure.
    assert m("pii_address_recall", [obs], ctx).value == 1.0


def test_pii_false_positive_rate_counts_identifiers_that_any_reported_span_overlaps(ctx: MetricContext) -> None:
    message = "order 8172936401827365, DHL 4839201756, paid 31,20 €"
    obs = _pii_obs("n1", message, "it", items=[], identifiers=[
        ("order_number", "8172936401827365"), ("tracking_number", "4839201756"), ("amount", "31,20 €")],
        found=[("phone", "201756")])
    fp = m("pii_false_positive_rate", [obs], ctx)
    assert fp.value == 0.3333 and not fp.higher_is_better
    assert fp.breakdowns["by_kind"] == {"amount": 0.0, "order_number": 0.0, "tracking_number": 1.0}


def test_the_pii_detection_suite_reads_both_files_of_the_blind_set() -> None:
    suite = load_suite(ROOT / "eval" / "suites" / "pii_detection.yaml")
    assert len(suite.cases) == 218 + 168
    assert sum(len(c.items) for c in suite.cases) == 259 and sum(len(c.identifiers) for c in suite.cases) == 295
    assert suite.spec.gates == {"pii_item_recall": ">= 0.95", "pii_false_positive_rate": "<= 0.01"}


def test_entity_recall_normalises_shopify_hashes(ctx: MetricContext) -> None:
    case = rcase(entities={"order_numbers": ["#NL10479"], "tracking_numbers": ["LP00123456789012"]})
    obs = robs(case, entities={"order_numbers": ["NL10479"], "tracking_numbers": []})
    result = m("entity_recall", [obs], ctx)
    assert result.value == 0.5 and result.breakdowns["by_type"]["tracking_numbers"] == 0.0


# --- the bot ----------------------------------------------------------------------------------
def test_autoreply_precision_handoff_recall_and_answer_rate(ctx: MetricContext) -> None:
    def bot(i: str, expected: str, action: str, tags: list[str] | None = None) -> ReplyObs:
        return robs(rcase(i, tags=tags, autoreply=expected), autoreply=AutoReplyObs(action=action, reason="x"))

    obs = [bot("1", "reply", "reply", ["common_question"]), bot("2", "reply", "handoff", ["common_question"]),
           bot("3", "handoff", "reply"), bot("4", "handoff", "handoff"), bot("5", "handoff", "handoff")]
    assert m("autoreply_precision", obs, ctx).value == 0.5  # replied to 1 (right) and 3 (wrong)
    assert m("handoff_recall", obs, ctx).value == pytest.approx(2 / 3, abs=1e-4)
    assert m("answer_rate", obs, ctx).value == 0.5


def test_latency_and_token_cost(ctx: MetricContext) -> None:
    assert percentile([10, 20, 30, 40], 50) == 20 and percentile([10, 20, 30, 40], 95) == 40
    obs = [robs(rcase(str(i)), ["x"], timings={"understand_ms": 1.0, "retrieve_ms": float(i), "total_ms": 10.0 + i})
           for i in range(1, 21)]
    lat = m("latency", obs, ctx)
    assert lat.name == "latency_p95_ms" and lat.value == 29.0 and lat.noisy and not lat.higher_is_better
    assert lat.breakdowns["p50_ms"]["retrieve_ms"] == 10.0
    cost = m("token_cost", obs, ctx)
    assert cost.value == 0.0 and "offline" in cost.reason


def test_judge_is_skipped_without_an_llm(ctx: MetricContext) -> None:
    result = m("judge", [robs(rcase(), ["hi"])], ctx)
    assert result.value is None and "skipped" in result.reason


def test_metric_on_the_wrong_observations_is_a_usage_error(ctx: MetricContext) -> None:
    from assistant.errors import InputError

    with pytest.raises(InputError):
        m("mrr", [robs(rcase(), ["x"])], ctx)


# --- gates, baselines, suites ----------------------------------------------------------------
def test_gates_pass_fail_and_fail_on_a_missing_metric() -> None:
    metrics = [MetricResult(name="mrr", value=0.81, reason=""), MetricResult(name="latency", value=300, reason="")]
    results = gates.check({"mrr": ">= 0.8", "latency": "<= 250", "nope": ">= 0.1"}, metrics)
    assert [g.passed for g in results] == [True, False, False]
    with pytest.raises(Exception, match="threshold"):
        gates.parse_threshold("at least 0.8")


def test_baseline_flags_regressions_with_noise_tolerance(tmp_path: Path) -> None:
    def report(acc: float, lat: float) -> Report:
        return Report(started_at="t", duration_s=1, suites=[SuiteResult(name="s", kind="intent", metrics=[
            MetricResult(name="acc", value=acc, reason=""),
            MetricResult(name="lat", value=lat, reason="", noisy=True, higher_is_better=False)])])

    path = baseline.write(tmp_path / "b.json", report(0.90, 100))
    new = report(0.88, 140)  # accuracy drop is real; +40 % latency is within the noise band
    baseline.compare(new, baseline.load(path))
    flags = {d.metric: d.regression for d in new.suites[0].deltas}
    assert flags == {"acc": True, "lat": False}
    assert new.suites[0].deltas[0].delta == pytest.approx(-0.02)


def test_suite_filters_and_metric_shorthand() -> None:
    spec = SuiteSpec.model_validate({"name": "x", "kind": "reply", "cases": [{"id": "1", "message": "m"}],
                                     "metrics": ["mrr", {"recall_at_k": {"k": 3}}], "gates": {"mrr": 0.5}})
    assert spec.metrics[1].params == {"k": 3} and spec.gates["mrr"] == ">= 0.5"
    injected = rcase("i", tags=["injection"])
    pii = rcase("p", pii_kinds=["card"])
    plain = rcase("n")
    either = SuiteFilter(tags=["injection"], has=["expect.pii_kinds"], any_of=True)
    assert [keep(c, either) for c in (injected, pii, plain)] == [True, True, False]
    both = SuiteFilter(tags=["injection"], has=["expect.pii_kinds"])
    assert [keep(c, both) for c in (injected, pii, plain)] == [False, False, False]


def test_ordered_map_keeps_input_order_with_threads() -> None:
    import time

    seen: list[tuple[int, int]] = []
    out = ordered_map(lambda x: (time.sleep(0.01 * (5 - x)), x * x)[1], list(range(5)), workers=3,
                      progress=lambda d, t: seen.append((d, t)))
    assert out == [0, 1, 4, 9, 16] and seen[-1] == (5, 5)


# --- import ----------------------------------------------------------------------------------
def test_import_csv_maps_labels_and_skips_bad_and_unmapped_rows(tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_text(
        "ticket;body;tag;lang;country\n"
        "1;Where is my parcel?;WISMO;en;GB\n"
        "2;;WISMO;en;US\n"                                  # bad: no text
        "3;Quiero devolver las zapatillas;Returns;es-ES;ES\n"
        "4;Ich will mein Geld zurück;Refund;de;XX\n"        # bad: unknown market
        "5;Do you sell gift cards?;Gift cards;en;US\n"      # unmapped label
        "6;cancel pls;cancel_order;en;US\n",                # already one of our intents
        encoding="utf-8")
    (tmp_path / "map.yaml").write_text("WISMO: track_order\nreturns: return_request\nRefund: refund_request\n")
    out = tmp_path / "suites" / "Zendesk Export.yaml"
    result = importer.import_file(tmp_path / "export.csv", out, "body", "tag", "lang", "country", tmp_path / "map.yaml")
    assert result.imported == 3 and result.unmapped == {"Gift cards": 1}
    assert [(b.line, "empty" in b.problem or "market" in b.problem) for b in result.bad_rows] == [(3, True), (5, True)]
    suite = load_suite(out)
    assert suite.spec.name == "zendesk-export" and suite.spec.kind == "intent"
    assert [(c.intent, c.language, c.market) for c in suite.cases] == [
        ("track_order", "en", "UK"), ("return_request", "es", "ES"), ("cancel_order", "en", "US")]


def test_import_with_a_missing_column_is_an_error(tmp_path: Path) -> None:
    from assistant.errors import InputError

    (tmp_path / "e.jsonl").write_text('{"text": "hi", "label": "other"}\nnot json\n')
    with pytest.raises(InputError, match="body"):
        importer.import_file(tmp_path / "e.jsonl", tmp_path / "s.yaml", "body", "label")
    result = importer.import_file(tmp_path / "e.jsonl", tmp_path / "s.yaml", "text", "label")
    assert result.imported == 1 and result.bad_rows[0].line == 2


# --- reports and the CLI with a fake engine ---------------------------------------------------
class FakeEngine:
    """Answers like the engine would, from canned texts: the public surface the runners use."""

    def suggest(self, request: Any) -> Suggestion:
        text = "Hi,\n\nYou can return unworn items within 30 days of delivery.\n\nThank you, Novalane"
        return Suggestion(
            language="en", language_confidence=0.99, intent="return_policy", intent_confidence=0.9,
            escalation=Escalation(level="high" if "scam" in request.message else "none"),
            drafts=[Draft(text=text, language="en", citations=["policy-returns-test"], tone="friendly")],
            guidance=[], sources=[Source(doc_id="policy-returns-test", title="t", doc_type="policy", score=0.7,
                                         snippet="s")],
            pii_redacted=False, generator="offline", market=request.market or "DE",
            timings={"understand_ms": 1.0, "retrieve_ms": 2.0, "draft_ms": 1.0},
        )

    def decide(self, s: Suggestion) -> AutoReply:
        action = "handoff" if s.escalation.level == "high" else "reply"
        return AutoReply(**dict(s), action=action, reply=s.drafts[0].text if action == "reply" else None, reason="x")

    def auto_reply(self, request: Any) -> AutoReply:
        return self.decide(self.suggest(request))

    def find_personal_data(self, text: str) -> list[Any]:
        return []

    def warm_up(self) -> None:
        pass


def _write_suite(path: Path, gate: str) -> Path:
    cases = [
        {"id": "ok", "message": "how long do I have to return?", "market": "DE",
         "expect": {"language": "en", "must_include": ["30"], "autoreply": "reply"}},
        {"id": "angry", "message": "you are a scam", "market": "DE", "tags": ["angry"],
         "expect": {"language": "en", "min_escalation": "medium", "autoreply": "handoff"}},
    ]
    path.write_text(json.dumps({
        "name": "tiny", "kind": "reply", "cases": cases,
        "metrics": ["must_include", "handoff_recall", "answer_rate", "grounding", "latency"],
        "gates": {"must_include": gate, "handoff_recall": ">= 1.0"},
    }))
    return path


@pytest.mark.parametrize(("gate", "code"), [(">= 0.9", 0), ("> 1.0", 1)])
def test_cli_writes_reports_and_exits_by_gate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              gate: str, code: int) -> None:
    from assistant import wiring
    from assistant.cli.main import app

    monkeypatch.setattr(wiring, "build_engine", lambda settings, **kwargs: FakeEngine())
    suite = _write_suite(tmp_path / "tiny.yaml", gate)
    out, base = tmp_path / "out", tmp_path / "baseline.json"
    args = ["eval", str(suite), "--out", str(out), "--suites-dir", str(tmp_path), "--baseline", str(base),
            "--workers", "2"]
    result = CliRunner().invoke(app, [*args, "--update-baseline"])
    assert result.exit_code == code, result.output
    report = json.loads((out / "report.json").read_text())
    assert set(report) >= {"version", "started_at", "duration_s", "suites"}
    (tiny,) = report["suites"]
    assert {"name", "kind", "metrics", "gates", "failures"} <= set(tiny)
    assert {m["name"]: m["value"] for m in tiny["metrics"]}["must_include"] == 1.0
    assert all(set(g) == {"metric", "threshold", "value", "passed"} for g in tiny["gates"])
    page = (out / "report.html").read_text()
    assert "<svg" in page and "<script" not in page and "http" not in page.split("</style>")[0]
    assert ("✅" if code == 0 else "❌") in (out / "summary.md").read_text()
    assert json.loads(base.read_text())["suites"][0]["name"] == "tiny"
    # A second run compares with the baseline it just wrote: no regressions.
    again = CliRunner().invoke(app, [*args, "--json"])
    assert again.exit_code == code
    deltas = json.loads(again.stdout)["suites"][0]["deltas"]
    assert deltas and not any(d["regression"] for d in deltas if d["metric"] != "latency_p95_ms")


def test_cli_unknown_suite_is_a_usage_error(tmp_path: Path) -> None:
    from assistant.cli.main import app

    result = CliRunner().invoke(app, ["eval", "no-such-suite", "--suites-dir", str(tmp_path), "--json"])
    assert result.exit_code == 2 and "unknown suite" in json.loads(result.stdout)["error"]["message"]


def test_renderers_handle_peer_and_missing_values() -> None:
    suite = SuiteResult(name="s", kind="retrieval", cases=2, metrics=[
        MetricResult(name="mrr", value=0.5, reason="r", breakdowns={"by_language": {"en": 0.4, "de": 0.6}}),
        MetricResult(name="judge", value=None, reason="skipped")],
        gates=gates.check({"mrr": ">= 0.6"}, [MetricResult(name="mrr", value=0.5, reason="")]))
    report = Report(started_at="t", duration_s=1.0, suites=[suite])
    md = markdown.render(report)
    assert "❌ gates failed in: s" in md and "| judge | — |" in md
    page = html.render(report)
    assert page.count("<svg") == 1 and "mrr by language" in page
