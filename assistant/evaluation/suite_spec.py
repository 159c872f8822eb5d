"""The suite file format (``eval/suites/*.yaml``) as pydantic models.

A suite names its cases, the metrics to compute and the gates that fail the run::

    name: retrieval
    kind: retrieval
    default: true
    cases: eval/retrieval/queries.jsonl        # or a glob, a list of paths, or inline rows
    peer: naive_rag                            # also run the naive pipeline, side by side
    metrics:
      - recall_at_k: {k: 3}
      - mrr
    gates:
      recall_at_3: ">= 0.90"
    filter: {tags: [injection]}                # reply kinds: which cases of the file to keep

Unknown keys are errors, so a typo in a gate or a filter never silently disables it.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Kind = Literal["retrieval", "intent", "reply", "autoreply", "escalation", "pii", "language", "pii_detection"]
REPLY_KINDS = ("reply", "autoreply", "escalation", "pii")


class MetricSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    params: dict[str, Any] = {}


class SuiteFilter(BaseModel):
    """Which cases of the file the suite keeps. All given conditions must hold."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    tags: list[str] = Field(default=[], description="keep cases with at least one of these tags")
    tags_all: list[str] = []
    exclude_tags: list[str] = []
    # Dotted fields of the case, e.g. "expect.autoreply": keep cases where any is set and non-empty.
    has: list[str] = []
    languages: list[str] = []
    # A case is kept when it matches ``tags`` OR ``has`` if both are given ("either signal").
    any_of: bool = False


class SuiteSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    kind: Kind
    description: str = ""
    default: bool = False
    order: int = 100  # position in a default run and in the reports (then by name)
    cases: str | list[str] | list[dict[str, Any]]
    metrics: list[MetricSpec] = Field(min_length=1)
    gates: dict[str, str] = {}
    filter: SuiteFilter = SuiteFilter()
    peer: Literal["naive_rag"] | None = None
    limit: int | None = Field(default=None, ge=1, description="evaluate only the first N cases")

    @field_validator("metrics", mode="before")
    @classmethod
    def _metric_forms(cls, value: Any) -> Any:
        """Accept ``- mrr`` and ``- recall_at_k: {k: 3}`` as well as the explicit form."""
        if not isinstance(value, list):
            return value
        out: list[Any] = []
        for item in value:
            if isinstance(item, str):
                out.append({"name": item})
            elif isinstance(item, dict) and len(item) == 1 and "name" not in item:
                (name, params), = item.items()
                out.append({"name": name, "params": params or {}})
            else:
                out.append(item)
        return out

    @field_validator("gates", mode="before")
    @classmethod
    def _gate_strings(cls, value: Any) -> Any:
        # YAML reads `mrr: 0.8` as a float: that means ">= 0.8".
        if isinstance(value, dict):
            return {k: (f">= {v}" if isinstance(v, int | float) else v) for k, v in value.items()}
        return value

    @model_validator(mode="after")
    def _inline_or_path(self) -> SuiteSpec:
        if isinstance(self.cases, list) and self.cases and not all(
            isinstance(c, type(self.cases[0])) for c in self.cases
        ):
            raise ValueError("cases: use either a list of paths or a list of inline case objects")
        return self
