"""The LLM path with fake chat models (no network): parsing, verification, fallback, redaction."""

import json
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from pydantic import Field

from assistant.core.tokens import TokenCounter
from assistant.drafting.llm import ChainDrafter, parse_reply
from assistant.drafting.llm_prompt import load_prompt
from assistant.engine import ReplyEngine
from assistant.models import ReplyRequest
from assistant.settings import Settings
from assistant.wiring import build_engine
from tests.conftest import ROOT, TODAY

GOOD = ("Hello,\n\nThank you for your question. Customers in the EU can return items within 30 days of delivery, "
        "and we are happy to help you with the return.\n\nKind regards,\nThe Novalane Support Team")


class RecordingModel(FakeListChatModel):
    """A fake chat model that remembers the prompts it was given."""

    seen: list[str] = Field(default_factory=list)

    def _call(self, messages: Any, *args: Any, **kwargs: Any) -> str:
        self.seen.append("\n".join(str(m.content) for m in messages))
        return super()._call(messages, *args, **kwargs)

    def _stream(self, messages: Any, *args: Any, **kwargs: Any):  # type: ignore[no-untyped-def]
        self.seen.append("\n".join(str(m.content) for m in messages))
        yield from super()._stream(messages, *args, **kwargs)


class BrokenModel(FakeListChatModel):
    def _stream(self, *args: Any, **kwargs: Any):  # type: ignore[no-untyped-def]
        raise TimeoutError("endpoint timed out")


@pytest.fixture
def with_llm(engine: ReplyEngine, engine_settings: Settings, kb_index) -> Callable[..., ReplyEngine]:  # type: ignore[no-untyped-def]
    """An engine like the session's, drafting with the given fake chat model."""

    def build(model: Any, response_format: str = "none") -> ReplyEngine:
        drafter = ChainDrafter(model, load_prompt(ROOT / "prompts"),
                               TokenCounter("o200k_base", engine_settings.tiktoken_cache_dir), budget=1200,
                               response_format=response_format)
        return build_engine(engine_settings, index=kb_index, llm=drafter, clock=lambda: TODAY)

    return build


def reply_json(text: str, citations: list[str]) -> str:
    return "Sure! " + json.dumps({"reply": text, "citations": citations, "tone": "friendly"})


def test_parse_reply_is_lenient_but_strict_on_shape() -> None:
    assert parse_reply('blah {"reply": "hi", "citations": ["a"]} bye').reply == "hi"
    assert parse_reply("no json at all") is None
    assert parse_reply('{"text": "wrong key"}') is None


def test_verified_llm_draft_is_served(with_llm: Callable[..., ReplyEngine]) -> None:
    model = RecordingModel(responses=[reply_json(GOOD, ["policy-returns-eu"])])
    result = with_llm(model).suggest(ReplyRequest(message="How long do I have to return a jacket?",
                                                          market="DE", drafts=1))
    assert result.generator == "llm" and result.fallback_reason is None
    assert result.drafts[0].text == GOOD and result.drafts[0].generator == "llm"


def test_garbage_and_ungrounded_drafts_fall_back_with_a_reason(with_llm: Callable[..., ReplyEngine]) -> None:
    bad_number = GOOD.replace("30 days", "90 days")
    model = RecordingModel(responses=["I cannot do JSON", reply_json(bad_number, ["policy-returns-eu"])])
    result = with_llm(model).suggest(ReplyRequest(message="The jacket arrived with a torn seam, very disappointed",
                                                          market="DE", drafts=2))
    assert result.generator == "offline"
    assert all(d.generator == "offline" for d in result.drafts)
    assert "llm_unparseable_output" in result.fallback_reason
    assert "verification_failed:ungrounded_number" in result.fallback_reason


def test_wrong_language_and_forbidden_phrase_fall_back(with_llm: Callable[..., ReplyEngine]) -> None:
    rude = GOOD.replace("we are happy to help you with the return", "this is not our responsibility")
    model = RecordingModel(responses=[reply_json(GOOD, ["policy-returns-eu"]), reply_json(rude, ["policy-returns-eu"])])
    result = with_llm(model).suggest(ReplyRequest(message="Die Jacke kam mit einer kaputten Naht an, sehr enttäuschend",
                                                          market="DE", drafts=2))
    assert result.language == "de"
    assert "wrong_language" in result.fallback_reason
    assert all(d.generator == "offline" for d in result.drafts)


def test_endpoint_failure_never_reaches_the_caller(with_llm: Callable[..., ReplyEngine]) -> None:
    result = with_llm(BrokenModel(responses=["x"])).suggest(ReplyRequest(message="Where is my order?"))
    assert result.generator == "offline" and result.fallback_reason == "llm_error:TimeoutError"
    assert result.drafts


def test_only_redacted_text_reaches_the_llm_and_the_prompt_fits_the_budget(
        with_llm: Callable[..., ReplyEngine], engine_settings: Settings) -> None:
    model = RecordingModel(responses=[reply_json(GOOD, ["policy-returns-eu"])])
    llm_engine = with_llm(model)
    llm_engine.suggest(ReplyRequest(message="My card 4111 1111 1111 1111 was charged twice, mail jo@example.com",
                                    drafts=1))
    prompt = model.seen[-1]
    assert "4111" not in prompt and "jo@example.com" not in prompt and "[CARD]" in prompt
    assert TokenCounter("o200k_base", engine_settings.tiktoken_cache_dir).count(prompt) <= 1200 + 50  # the budget, plus the chat framing


class SchemaRecordingModel(FakeListChatModel):
    """Remembers, for every call, the prompt and the citation ids its JSON schema allows."""

    calls: list[tuple[str, list[str]]] = Field(default_factory=list)

    def _stream(self, messages: Any, *args: Any, **kwargs: Any):  # type: ignore[no-untyped-def]
        schema = kwargs["response_format"]["json_schema"]["schema"]
        allowed = schema["properties"]["citations"]["items"].get("enum", [])
        self.calls.append(("\n".join(str(m.content) for m in messages), allowed))
        time.sleep(0.01)  # long enough for the other request's call to interleave
        yield from super()._stream(messages, *args, **kwargs)


def test_concurrent_requests_each_keep_their_own_citation_schema(
        engine_settings: Settings, kb_index) -> None:  # type: ignore[no-untyped-def]
    """The drafter is shared by concurrent requests: what one call packed into its prompt must
    not reach another's structured-output schema. Two requests are made to prepare their
    prompts, both, before either calls the model (the interleaving that broke when the
    drafter kept the last call's citation ids on itself)."""
    model = SchemaRecordingModel(responses=[reply_json(GOOD, [])] * 4)
    drafter = ChainDrafter(model, load_prompt(ROOT / "prompts"),
                           TokenCounter("o200k_base", engine_settings.tiktoken_cache_dir), budget=1200,
                           response_format="json_schema")
    both_prepared = threading.Barrier(2, timeout=20)
    prepare = drafter.prepare

    def prepare_then_wait(*args: Any, **kwargs: Any) -> Any:
        prepared = prepare(*args, **kwargs)
        both_prepared.wait()
        return prepared

    drafter.prepare = prepare_then_wait  # type: ignore[method-assign]
    llm_engine = build_engine(engine_settings, index=kb_index, llm=drafter, clock=lambda: TODAY)
    requests = [ReplyRequest(message="How long do I have to return a jacket?", market="DE", drafts=1),
                ReplyRequest(message="Do I have to pay customs duties in Brazil?", market="BR", drafts=1)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(llm_engine.suggest, requests))
    assert len(model.calls) == 2
    (_, first_ids), (_, second_ids) = model.calls
    assert set(first_ids) != set(second_ids)
    for prompt, allowed in model.calls:
        assert allowed and all(doc_id in prompt for doc_id in allowed)


def test_a_prepared_prompt_is_returned_not_kept(engine_settings: Settings) -> None:
    drafter = ChainDrafter(FakeListChatModel(responses=["x"]), load_prompt(ROOT / "prompts"),
                           TokenCounter("o200k_base", engine_settings.tiktoken_cache_dir), budget=1200)
    assert not [name for name in vars(drafter) if name.startswith("last_")]


def test_streaming_shows_progress_then_the_verified_final(with_llm: Callable[..., ReplyEngine]) -> None:
    model = RecordingModel(responses=[reply_json(GOOD, ["policy-returns-eu"])])
    events = list(with_llm(model).suggest_stream(ReplyRequest(message="Return window?", market="DE", drafts=1)))
    kinds = [k for k, _ in events]
    assert kinds[-1] == "final" and kinds[0] == "progress"
    assert all(set(p) == {"stage", "draft", "chars"} for k, p in events if k == "progress")


def test_prompt_file_is_validated(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from assistant.errors import PromptError

    (tmp_path / "llm").mkdir()
    text = (ROOT / "prompts" / "llm" / "reply.yaml").read_text().replace("{market}", "{markt}")
    (tmp_path / "llm" / "reply.yaml").write_text(text)
    with pytest.raises(PromptError, match="placeholders"):
        load_prompt(tmp_path)
