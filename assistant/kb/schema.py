"""The front-matter schema of a knowledge-base document."""

from __future__ import annotations

import datetime as dt
import re

from pydantic import BaseModel, ConfigDict, Field, field_validator

from assistant.taxonomy import ALL_MARKETS, MARKETS, DocType, Intent

FactValue = int | float | str
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


class DocMeta(BaseModel):
    """What every document declares about itself; unknown keys are an error (typos surface)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)
    doc_type: DocType
    title: str = Field(min_length=3, max_length=200)
    markets: list[str] = Field(min_length=1)
    intents: list[Intent] = []
    language: str = Field(pattern=r"^[a-z]{2}$")
    updated: dt.date
    facts: dict[str, FactValue] = {}
    related: list[str] = []

    @field_validator("markets")
    @classmethod
    def _known_markets(cls, markets: list[str]) -> list[str]:
        unknown = [m for m in markets if m not in MARKETS and m != ALL_MARKETS]
        if unknown:
            raise ValueError(f"unknown market code(s) {unknown}; use {list(MARKETS)} or ALL")
        return markets

    @field_validator("facts")
    @classmethod
    def _fact_keys(cls, facts: dict[str, FactValue]) -> dict[str, FactValue]:
        bad = [k for k in facts if not re.fullmatch(r"[a-z][a-z0-9_]*", k)]
        if bad:
            raise ValueError(f"fact keys must be snake_case: {bad}")
        return facts

    def applies_to(self, market: str | None) -> bool:
        return market is None or ALL_MARKETS in self.markets or market in self.markets


class Document(BaseModel):
    """A validated document: its metadata, its Markdown body and where it came from."""

    model_config = ConfigDict(frozen=True)

    meta: DocMeta
    body: str
    path: str
    content_hash: str
