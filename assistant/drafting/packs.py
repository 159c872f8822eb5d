"""Loading and validating the drafter's data files in ``prompts/``.

- ``offline/<lang>.yaml``: localized building blocks (greetings, openings, bodies, ...);
- ``offline/plans.yaml``: which drafts to offer per intent and situation;
- ``guidance/<lang>.yaml``: advice for the agent.
Language packs are checked against the English reference: same keys, only allowed
placeholders, no digits in fixed text (every number must come from a cited fact).
"""

from __future__ import annotations

import re
import string
import threading
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.core.yamlio import load_yaml
from assistant.errors import PromptError

Sentence = str | list[str]
PLACEHOLDERS = frozenset(
    ["name", "order_number", "tracking_number", "carrier", "days_in_transit", "product", "return_window_days", "standard_days", "economy_days", "express_days", "local_warehouse_days", "handling_days", "refund_processing_days", "refund_bank_days", "electronics_warranty_months", "legal_guarantee_months", "apparel_warranty_days", "cancel_refund_hours", "payment_review_hours", "preauth_release_days", "unpaid_cancel_hours", "welcome_discount_percent", "coupon_amount", "partial_percent", "hours", "invoice_days", "account_deletion_days", "reset_link_minutes", "unsubscribe_hours", "lost_no_update_days", "damage_report_days", "return_postage_cap_usd", "free_shipping_over_usd", "tracking_first_scan_days"]
)
DIGIT = re.compile(r"[0-9０-９٠-٩]")


class Pack(BaseModel):
    model_config = ConfigDict(extra="forbid")

    language: str
    greeting: dict[str, str]
    opening: dict[str, str]
    body: dict[str, dict[str, list[Sentence]]]
    resolution: dict[str, str]
    ask: dict[str, str]
    next_step: dict[str, str]
    closing: dict[str, str]
    signoff: dict[str, str]


class DraftPlan(BaseModel):
    model_config = ConfigDict(extra="forbid")

    strategy: str
    resolutions: list[str] = []
    asks: list[str] = []
    next_step: str | None = None


class Situation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    tone: str | None = None
    opening: str | None = None
    drafts: list[DraftPlan]


class IntentPlan(BaseModel):
    model_config = ConfigDict(extra="forbid")

    tone: str
    opening: str
    drafts: list[DraftPlan] = Field(min_length=1)
    situations: dict[str, Situation] = {}


class Plans(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: int
    intents: dict[str, IntentPlan]


class Guidance(BaseModel):
    model_config = ConfigDict(extra="forbid")

    language: str
    level: dict[str, str]
    reasons: dict[str, str]
    intents: dict[str, str]
    situations: dict[str, str]
    channels: dict[str, str]
    pii: str
    unsafe_fields: str


def _read(path: Path) -> Any:
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PromptError(f"{path}: cannot read: {exc}") from None


def placeholders(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def _strings(node: Any, path: str) -> list[tuple[str, str]]:
    if isinstance(node, str):
        return [(path, node)]
    if isinstance(node, list):
        return [item for i, v in enumerate(node) for item in _strings(v, f"{path}[{i}]")]
    if isinstance(node, dict):
        return [item for k, v in node.items() for item in _strings(v, f"{path}.{k}")]
    return []


def _keys(node: Any, path: str = "") -> set[str]:
    if isinstance(node, dict):
        return {p for k, v in node.items() for p in ({f"{path}.{k}"} | _keys(v, f"{path}.{k}"))}
    return set()


def validate_pack(pack: Pack, reference: Pack | None, path: Path) -> None:
    for where, text in _strings(pack.model_dump(exclude={"language"}), "pack"):
        try:
            unknown = placeholders(text) - PLACEHOLDERS
        except ValueError as exc:
            raise PromptError(f"{path}: {where}: malformed placeholder: {exc}") from None
        if unknown:
            raise PromptError(f"{path}: {where}: unknown placeholder(s) {sorted(unknown)}")
        if DIGIT.search(re.sub(r"\{[a-z_]+\}", "", text)):
            raise PromptError(f"{path}: {where}: digits are not allowed in fixed text; use a placeholder")
    if reference is not None:
        missing = _keys(reference.model_dump()) - _keys(pack.model_dump())
        if missing:
            raise PromptError(f"{path}: missing keys {sorted(missing)[:8]}")


def load_pack(prompts_dir: Path, language: str, reference: Pack | None = None) -> Pack:
    """Read and validate one language pack (against ``reference``, the English one, if given)."""
    path = prompts_dir / "offline" / f"{language}.yaml"
    if not path.exists():
        raise PromptError(f"no language pack {path}")
    try:
        pack = Pack.model_validate(_read(path))
    except ValidationError as exc:
        raise PromptError(f"{path}: {exc}") from None
    if reference is None and language != "en":
        reference = load_pack(prompts_dir, "en")
    validate_pack(pack, reference, path)
    return pack


def available_languages(prompts_dir: Path) -> list[str]:
    return sorted(p.stem for p in (prompts_dir / "offline").glob("*.yaml") if p.stem != "plans")


def load_plans(prompts_dir: Path) -> Plans:
    path = prompts_dir / "offline" / "plans.yaml"
    try:
        return Plans.model_validate(_read(path))
    except ValidationError as exc:
        raise PromptError(f"{path}: {exc}") from None


def load_guidance(prompts_dir: Path, language: str) -> Guidance:
    path = prompts_dir / "guidance" / f"{language}.yaml"
    if not path.exists():
        path = prompts_dir / "guidance" / "en.yaml"
    try:
        return Guidance.model_validate(_read(path))
    except ValidationError as exc:
        raise PromptError(f"{path}: {exc}") from None


class PackLibrary:
    """The language packs of one prompts directory, each read and validated once, on first
    use or by ``load_all``. Owned by the engine that uses it (two engines share nothing)."""

    def __init__(self, prompts_dir: Path) -> None:
        self.prompts_dir = prompts_dir
        self.languages = frozenset(available_languages(prompts_dir))
        self._packs: dict[str, Pack] = {}
        self._lock = threading.RLock()  # a pack loads the English reference first

    def __call__(self, language: str) -> Pack:
        pack = self._packs.get(language)
        if pack is None:
            with self._lock:
                if language not in self._packs:
                    reference = None if language == "en" else self("en")
                    self._packs[language] = load_pack(self.prompts_dir, language, reference)
                pack = self._packs[language]
        return pack

    def load_all(self) -> None:
        for language in sorted(self.languages):
            self(language)

    @property
    def loaded(self) -> frozenset[str]:
        return frozenset(self._packs)
