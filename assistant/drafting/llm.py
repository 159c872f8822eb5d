"""The LLM drafter: a LangChain (LCEL) chain on ChatOpenAI, for any OpenAI-compatible endpoint.

prompt (validated data, context packed to a token budget) | ChatOpenAI | text, parsed as
JSON into a draft. One call per draft, each following the approach of the offline draft in
the same slot, so a draft that fails verification is replaced by a like-for-like offline
one. Errors are not handled here: the engine turns any exception into a fallback.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import Runnable
from pydantic import BaseModel, ValidationError

from assistant.core.tokens import TokenCounter
from assistant.drafting.llm_prompt import PromptFile, load_prompt, pack_context
from assistant.index.retriever import Hit
from assistant.kb.facts import KnowledgeBase
from assistant.models import Draft, ReplyRequest
from assistant.settings import Settings

JSON_OBJECT = re.compile(r"\{.*\}", re.DOTALL)


class LLMReply(BaseModel):
    reply: str
    citations: list[str] = []
    tone: str = "friendly"


def parse_reply(raw: str) -> LLMReply | None:
    """Lenient: the first JSON object in the output; small models add chatter around it."""
    match = JSON_OBJECT.search(raw)
    if not match:
        return None
    try:
        data = json.loads(match.group())
        reply = LLMReply.model_validate(data)
    except (json.JSONDecodeError, ValidationError):
        return None
    return reply if reply.reply.strip() else None


def reply_schema(cited_ids: list[str]) -> dict[str, Any]:
    """The JSON schema of a reply; citations limited to the documents in the prompt."""
    citation: dict[str, Any] = {"type": "string"}
    if cited_ids:
        citation["enum"] = cited_ids
    return {
        "type": "object",
        "properties": {"reply": {"type": "string"}, "citations": {"type": "array", "items": citation, "maxItems": 4},
                       "tone": {"type": "string"}},
        "required": ["reply", "citations", "tone"],
        "additionalProperties": False,
    }


def response_format(kind: str, cited_ids: list[str]) -> dict[str, Any] | None:
    if kind == "json_object":
        return {"type": "json_object"}
    if kind == "json_schema":
        return {"type": "json_schema", "json_schema": {"name": "reply", "strict": True, "schema": reply_schema(cited_ids)}}
    if kind == "llama_json_schema":
        return {"type": "json_object", "schema": reply_schema(cited_ids)}
    return None


@dataclass(frozen=True)
class PreparedPrompt:
    """One call's prompt inputs and what was packed into it. Returned, never kept on the
    drafter: the drafter is shared by concurrent requests."""

    inputs: dict[str, Any]
    cited_ids: list[str]
    prompt_tokens: int


class ChainDrafter:
    def __init__(self, model: BaseChatModel, prompt: PromptFile, tokens: TokenCounter, budget: int,
                 shop: str = "our shop", response_format: str = "none") -> None:
        self.model = model
        self.prompt = prompt
        self.tokens = tokens
        self.budget = budget
        self.shop = shop
        self.response_format = response_format
        self.template = ChatPromptTemplate.from_messages([("system", prompt.system), ("user", prompt.user)])

    def _chain(self, cited_ids: list[str]) -> Runnable[dict[str, Any], str]:
        """prompt | model (with the structured-output request for this call) | text."""
        fmt = response_format(self.response_format, cited_ids)
        model = self.model.bind(response_format=fmt) if fmt else self.model
        return self.template | model | StrOutputParser()

    @classmethod
    def from_settings(cls, settings: Settings) -> ChainDrafter:
        from langchain_openai import ChatOpenAI

        key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "not-needed"
        model = ChatOpenAI(
            base_url=settings.llm_base_url, api_key=key, model=settings.llm_model,
            temperature=settings.llm_temperature, timeout=settings.llm_timeout_s,
            max_retries=settings.llm_max_retries, max_tokens=settings.llm_max_output_tokens,
        )
        return cls(model, load_prompt(settings.prompts_dir), TokenCounter(settings.tokenizer_encoding,
                   settings.tiktoken_cache_dir), settings.llm_prompt_token_budget, settings.shop_name,
                   settings.llm_response_format)

    def prepare(self, request: ReplyRequest, analysis: Any, hits: list[Hit], kb: KnowledgeBase,
                strategy: str, n: int, total: int) -> PreparedPrompt:
        order = request.order.model_dump_json(exclude_none=True) if request.order else "(no order given)"
        fixed = self.prompt.system + self.prompt.user + analysis.redacted_message
        packed = pack_context(kb, analysis.market, hits, order, self.tokens.count, self.tokens.truncate,
                              self.budget, fixed)
        return PreparedPrompt(cited_ids=packed.cited_ids, prompt_tokens=packed.tokens, inputs={
            "shop": self.shop, "tone_guide": packed.tone_guide, "market": analysis.market,
            "culture": packed.culture, "sources": packed.sources, "order": order,
            "language_name": self.prompt.language_names.get(analysis.language, "English"),
            "intent": analysis.intent, "escalation": analysis.escalation.level,
            # Only the redacted message ever leaves for the LLM.
            "message": analysis.redacted_message, "n": n, "total": total, "strategy": strategy.replace("_", " "),
        })

    def draft(self, request: ReplyRequest, analysis: Any, hits: list[Hit], offline: list[Draft],
              kb: KnowledgeBase, on_delta: Callable[[int, str], None] | None = None) -> list[Draft | None]:
        out: list[Draft | None] = []
        for i, fallback in enumerate(offline):
            prepared = self.prepare(request, analysis, hits, kb, fallback.strategy, i + 1, len(offline))
            chunks: list[str] = []
            for chunk in self._chain(prepared.cited_ids).stream(prepared.inputs):
                chunks.append(chunk)
                if on_delta:
                    on_delta(i, chunk)
            parsed = parse_reply("".join(chunks))
            if parsed is None:
                out.append(None)
                continue
            out.append(Draft(text=parsed.reply.strip(), language=fallback.language,
                             citations=list(dict.fromkeys(parsed.citations))[:5], tone=parsed.tone[:20],
                             strategy=fallback.strategy, generator="llm"))
        return out
