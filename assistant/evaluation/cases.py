"""Typed case rows for each suite kind, and loading them from JSONL or an inline list.

Case files are written by people (and by ``eval import``), so loading is strict about
structure but tells exactly which line is wrong; a broken case file is a usage error of the
suite, not a crash.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.errors import InputError
from assistant.models import Channel, Customer, HistoryMessage, Order, ReplyRequest

Level = Literal["none", "low", "medium", "high"]


class RetrievalCase(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    query: str = Field(min_length=1)
    language: str
    market: str | None = None
    relevant: list[str] = Field(min_length=1)
    note: str = ""


class LabelledCase(BaseModel):
    """A held-out or imported utterance: its text and the intent / language it should get."""

    model_config = ConfigDict(extra="ignore")

    id: str
    text: str = Field(min_length=1)
    intent: str | None = None
    language: str | None = None
    market: str | None = None


class Expectation(BaseModel):
    model_config = ConfigDict(extra="ignore")

    language: str | None = None
    intent: str | None = None
    alt_intents: list[str] = []
    min_escalation: Level | None = None
    max_escalation: Level | None = None
    escalation_reasons: list[str] = []
    autoreply: Literal["reply", "handoff"] | None = None
    must_include: list[str] = []
    must_not_include: list[str] = []
    pii_kinds: list[str] = []
    entities: dict[str, list[str]] = {}


class ReplyCase(BaseModel):
    """One reply case (see eval/replies/cases.jsonl): a request plus what a good answer does."""

    model_config = ConfigDict(extra="ignore")

    id: str
    message: str = Field(min_length=1)
    market: str | None = None
    channel: Channel = "email"
    order: Order | None = None
    customer: Customer | None = None
    history: list[HistoryMessage] = []
    tags: list[str] = []
    expect: Expectation = Expectation()

    def request(self) -> ReplyRequest:
        return ReplyRequest(message=self.message, market=self.market, channel=self.channel,
                            order=self.order, customer=self.customer, history=self.history)

    @property
    def language(self) -> str | None:
        return self.expect.language


class PiiSpan(BaseModel):
    """A value in a message: personal data to find, or an identifier that is not personal."""

    model_config = ConfigDict(extra="ignore")

    kind: str
    value: str = Field(min_length=1)


class PiiDetectionCase(BaseModel):
    """A message of eval/safety/: the personal data in it (``items``) or the identifiers in
    it that are not personal data (``identifiers``: order and tracking numbers, SKUs...)."""

    model_config = ConfigDict(extra="ignore")

    id: str
    message: str = Field(min_length=1)
    language: str | None = None
    items: list[PiiSpan] = []
    identifiers: list[PiiSpan] = []


CASE_MODELS: dict[str, type[BaseModel]] = {
    "retrieval": RetrievalCase,
    "intent": LabelledCase,
    "language": LabelledCase,
    "reply": ReplyCase,
    "autoreply": ReplyCase,
    "escalation": ReplyCase,
    "pii": ReplyCase,
    "pii_detection": PiiDetectionCase,
}


def parse_rows(rows: list[tuple[str, dict[str, Any]]], model: type[BaseModel], where: str) -> list[Any]:
    """Validate ``(default_id, row)`` pairs; a row without ``id`` gets the default (file:line)."""
    out = []
    for default_id, row in rows:
        data = {"id": default_id, **row}
        data["id"] = str(data["id"])
        try:
            out.append(model.model_validate(data))
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(p) for p in first["loc"]) or "row"
            raise InputError(f"{where}: case {default_id}: field '{field}': {first['msg']}") from None
    return out


def read_jsonl(path: Path) -> list[tuple[str, dict[str, Any]]]:
    """Rows of a JSONL file with ``stem:line`` ids (blank lines skipped, bad JSON is an error)."""
    rows: list[tuple[str, dict[str, Any]]] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read cases file {path}: {exc}") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}: invalid JSON: {exc.msg}") from None
        if not isinstance(row, dict):
            raise InputError(f"{path}:{n}: each line must be a JSON object")
        rows.append((f"{path.stem}:{n}", row))
    return rows
