"""Metric registry: name → function, plus what observations it reads.

Metric modules register themselves with ``@metric(...)``; ``compute`` adapts a suite's
observations to the metric's input (a reply suite's observations become intent or language
labels for the classification metrics), so one metric implementation serves every suite.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from assistant.errors import InputError
from assistant.evaluation.metrics.base import MetricContext
from assistant.evaluation.observations import LabelObs, PiiDetectionObs, ReplyObs, RetrievalObs
from assistant.evaluation.results import MetricResult

Input = Literal["retrieval", "intent", "language", "reply", "timed", "pii_detection"]
MetricFn = Callable[[list[Any], dict[str, Any], MetricContext], MetricResult]


@dataclass(frozen=True)
class MetricDef:
    name: str
    fn: MetricFn
    input: Input
    peer: bool  # meaningful for the naive pipeline too (it has drafts/rankings, no analysis)
    needs_llm: bool = False  # skipped (value None) when no LLM is configured


_REGISTRY: dict[str, MetricDef] = {}


def metric(name: str, input: Input, peer: bool = False,
           needs_llm: bool = False) -> Callable[[MetricFn], MetricFn]:
    def register(fn: MetricFn) -> MetricFn:
        if name in _REGISTRY:
            raise RuntimeError(f"metric {name!r} registered twice")
        _REGISTRY[name] = MetricDef(name, fn, input, peer, needs_llm)
        return fn

    return register


@cache
def _load_all() -> None:
    """Import every metric module, once (a registry that is not empty is not enough:
    importing one metric module directly must not hide the others)."""
    package = importlib.import_module("assistant.evaluation.metrics")
    for info in pkgutil.iter_modules(package.__path__):
        if info.name not in ("base", "registry"):
            importlib.import_module(f"{package.__name__}.{info.name}")


def get(name: str) -> MetricDef:
    _load_all()
    if name not in _REGISTRY:
        raise InputError(f"unknown metric '{name}' (known: {', '.join(sorted(_REGISTRY))})")
    return _REGISTRY[name]


def names() -> list[str]:
    _load_all()
    return sorted(_REGISTRY)


def adapt(definition: MetricDef, observations: list[Any]) -> list[Any]:
    """The observations in the form the metric reads; incompatible ones are an error."""
    if definition.input == "timed":
        return observations
    if definition.input in ("intent", "language"):
        labels: list[LabelObs] = []
        for obs in observations:
            if isinstance(obs, LabelObs):
                labels.append(obs)
            elif isinstance(obs, ReplyObs):
                label = obs.intent_label() if definition.input == "intent" else obs.language_label()
                if label is not None:
                    labels.append(label)
            else:
                raise InputError(f"metric '{definition.name}' does not apply to {type(obs).__name__}")
        return labels
    wanted: type[Any] = ReplyObs
    if definition.input == "retrieval":
        wanted = RetrievalObs
    elif definition.input == "pii_detection":
        wanted = PiiDetectionObs
    if observations and not all(isinstance(o, wanted) for o in observations):
        raise InputError(f"metric '{definition.name}' needs {definition.input} observations")
    return observations


def compute(name: str, observations: list[Any], params: dict[str, Any], ctx: MetricContext) -> MetricResult:
    definition = get(name)
    return definition.fn(adapt(definition, observations), params, ctx)
