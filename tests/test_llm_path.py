"""The LLM path with fake chat models (no network): parsing, verification, fallback, redaction."""

import datetime as dt
import json
from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from assistant.core.tokens import TokenCounter
from assistant.drafting.llm import ChainDrafter, parse_reply
from assistant.drafting.llm_prompt import load_prompt
from assistant.engine import ReplyEngine
from assistant.models import ReplyRequest
from tests.conftest import ROOT

GOOD = ("Hello,\n\nThank you for your question. Customers in the EU can return items within 30 days of delivery, "
        "and we are happy to help you with the return.\n\nKind regards,\nThe Novalane Support Team")


class RecordingModel(FakeListChatModel):
    """A fake chat model that remembers the prompts it was given."""

    seen: list[str] = []

    def _call(self, messages: Any, *args: Any, **kwargs: Any) -> str:
        self.seen.append("\n".join(str(m.content) for m in messages))
        return super()._call(messages, *args, **kwargs)

    def _stream(self, messages: Any, *args: Any, **kwargs: Any):  # type: ignore[no-untyped-def]
        self.seen.append("\n".join(str(m.content) for m in messages))
        yield from super()._stream(messages, *args, **kwargs)


class BrokenModel(FakeListChatModel):
    def _stream(self, *args: Any, **kwargs: Any):  # type: ignore[no-untyped-def]
        raise TimeoutError("endpoint timed out")


def with_llm(engine: ReplyEngine, model: Any) -> ReplyEngine:
    drafter = ChainDrafter(model, load_prompt(ROOT / "prompts"), TokenCounter("o200k_base", engine.settings.tiktoken_cache_dir),
                           budget=1200)
    return ReplyEngine(engine.settings, engine.index, engine.kb, engine.analyzer, llm=drafter,
                       clock=lambda: dt.date(2026, 11, 20))


def reply_json(text: str, citations: list[str]) -> str:
    return "Sure! " + json.dumps({"reply": text, "citations": citations, "tone": "friendly"})


def test_parse_reply_is_lenient_but_strict_on_shape() -> None:
    assert parse_reply('blah {"reply": "hi", "citations": ["a"]} bye').reply == "hi"
    assert parse_reply("no json at all") is None
    assert parse_reply('{"text": "wrong key"}') is None


def test_verified_llm_draft_is_served(engine: ReplyEngine) -> None:
    model = RecordingModel(responses=[reply_json(GOOD, ["policy-returns-eu"])])
    result = with_llm(engine, model).suggest(ReplyRequest(message="How long do I have to return a jacket?",
                                                          market="DE", drafts=1))
    assert result.generator == "llm" and result.fallback_reason is None
    assert result.drafts[0].text == GOOD and result.drafts[0].generator == "llm"


def test_garbage_and_ungrounded_drafts_fall_back_with_a_reason(engine: ReplyEngine) -> None:
    bad_number = GOOD.replace("30 days", "90 days")
    model = RecordingModel(responses=["I cannot do JSON", reply_json(bad_number, ["policy-returns-eu"])])
    result = with_llm(engine, model).suggest(ReplyRequest(message="The jacket arrived with a torn seam, very disappointed",
                                                          market="DE", drafts=2))
    assert result.generator == "offline"
    assert all(d.generator == "offline" for d in result.drafts)
    assert "llm_unparseable_output" in result.fallback_reason
    assert "verification_failed:ungrounded_number" in result.fallback_reason


def test_wrong_language_and_forbidden_phrase_fall_back(engine: ReplyEngine) -> None:
    rude = GOOD.replace("we are happy to help you with the return", "this is not our responsibility")
    model = RecordingModel(responses=[reply_json(GOOD, ["policy-returns-eu"]), reply_json(rude, ["policy-returns-eu"])])
    result = with_llm(engine, model).suggest(ReplyRequest(message="Die Jacke kam mit einer kaputten Naht an, sehr enttäuschend",
                                                          market="DE", drafts=2))
    assert result.language == "de"
    assert "wrong_language" in result.fallback_reason
    assert all(d.generator == "offline" for d in result.drafts)


def test_endpoint_failure_never_reaches_the_caller(engine: ReplyEngine) -> None:
    result = with_llm(engine, BrokenModel(responses=["x"])).suggest(ReplyRequest(message="Where is my order?"))
    assert result.generator == "offline" and result.fallback_reason == "llm_error:TimeoutError"
    assert result.drafts


def test_only_redacted_text_reaches_the_llm_and_the_prompt_fits_the_budget(engine: ReplyEngine) -> None:
    model = RecordingModel(responses=[reply_json(GOOD, ["policy-returns-eu"])])
    llm_engine = with_llm(engine, model)
    llm_engine.suggest(ReplyRequest(message="My card 4111 1111 1111 1111 was charged twice, mail jo@example.com",
                                    drafts=1))
    prompt = model.seen[-1]
    assert "4111" not in prompt and "jo@example.com" not in prompt and "[CARD]" in prompt
    assert llm_engine.llm.last_prompt_tokens <= 1200


def test_streaming_deltas_then_final(engine: ReplyEngine) -> None:
    model = RecordingModel(responses=[reply_json(GOOD, ["policy-returns-eu"])])
    events = list(with_llm(engine, model).suggest_stream(ReplyRequest(message="Return window?", market="DE", drafts=1)))
    kinds = [k for k, _ in events]
    assert kinds[-1] == "final" and kinds.count("delta") > 5


def test_prompt_file_is_validated(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from assistant.errors import PromptError

    (tmp_path / "llm").mkdir()
    text = (ROOT / "prompts" / "llm" / "reply.yaml").read_text().replace("{market}", "{markt}")
    (tmp_path / "llm" / "reply.yaml").write_text(text)
    with pytest.raises(PromptError, match="placeholders"):
        load_prompt(tmp_path)
