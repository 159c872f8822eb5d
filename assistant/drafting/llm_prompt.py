"""The LLM prompt as validated data, and context packing to a token budget (tiktoken)."""

from __future__ import annotations

import string
from collections.abc import Callable
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from assistant.core.yamlio import load_yaml
from assistant.errors import PromptError
from assistant.index.retriever import Hit
from assistant.kb.facts import KnowledgeBase

SYSTEM_FIELDS = {"shop", "tone_guide", "market", "culture", "sources", "order", "language_name"}
USER_FIELDS = {"intent", "escalation", "message", "n", "total", "strategy"}


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


class PromptFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    version: int
    system: str
    user: str
    language_names: dict[str, str]

    @model_validator(mode="after")
    def _placeholders(self) -> PromptFile:
        for part, allowed in (("system", SYSTEM_FIELDS), ("user", USER_FIELDS)):
            found = _fields(getattr(self, part))
            if found != allowed:
                raise ValueError(f"{part}: placeholders {sorted(found)} must be exactly {sorted(allowed)}")
        return self


def load_prompt(prompts_dir: Path, name: str = "reply") -> PromptFile:
    path = prompts_dir / "llm" / f"{name}.yaml"
    try:
        return PromptFile.model_validate(load_yaml(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise PromptError(f"{path}: {exc}") from None


class PackedContext(BaseModel):
    tone_guide: str
    culture: str
    sources: str
    cited_ids: list[str]
    tokens: int


def pack_context(
    kb: KnowledgeBase, market: str, hits: list[Hit], order_text: str,
    count: Callable[[str], int], truncate: Callable[[str, int], str], budget: int, fixed_text: str,
) -> PackedContext:
    """Fill the system prompt up to ``budget`` tokens: the fixed parts and the order first,
    then a short culture note and tone summary, then passages in relevance order."""
    used = count(fixed_text) + count(order_text)
    culture_doc = kb.culture(market)
    culture = truncate(culture_doc.body, 140) if culture_doc else "No specific notes."
    tone_doc = kb.docs.get("tone-forbidden-phrases") or next(iter(kb.tone_docs()), None)
    tone = truncate(tone_doc.body, 120) if tone_doc else ""
    used += count(culture) + count(tone)
    parts: list[str] = []
    ids: list[str] = []
    for hit in hits:
        block = f"[{hit.doc_id}] {hit.passage.title} — {hit.passage.heading}\n{hit.passage.text}"
        cost = count(block)
        if used + cost > budget:
            if not parts:  # always give at least one source, shortened to fit
                block = truncate(block, max(60, budget - used))
                parts.append(block)
                ids.append(hit.doc_id)
                used += count(block)
            break
        parts.append(block)
        ids.append(hit.doc_id)
        used += cost
    return PackedContext(tone_guide=tone, culture=culture, sources="\n\n".join(parts) or "(none)",
                         cited_ids=ids, tokens=used)
