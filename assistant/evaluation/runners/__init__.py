"""Runners turn a suite's cases into observations by calling the product (or the peer)."""

from __future__ import annotations

from typing import Any

from assistant.evaluation.runtime import Runtime
from assistant.evaluation.suite_spec import REPLY_KINDS
from assistant.evaluation.suites import LoadedSuite


def observe(suite: LoadedSuite, rt: Runtime) -> list[Any]:
    from assistant.evaluation.runners import labels, personal_data, replies, retrieval

    kind, cases = suite.spec.kind, suite.cases
    if kind == "retrieval":
        return retrieval.observe(cases, rt, suite.spec.name)
    if kind == "intent":
        return labels.observe_intents(cases, rt, suite.spec.name)
    if kind == "language":
        return labels.observe_languages(cases, rt, suite.spec.name)
    if kind in REPLY_KINDS:
        return replies.observe(cases, rt, suite.spec.name)
    if kind == "pii_detection":
        return personal_data.observe(cases, rt, suite.spec.name)
    raise ValueError(f"no runner for kind {kind!r}")


def observe_peer(suite: LoadedSuite, rt: Runtime) -> list[Any]:
    from assistant.evaluation.runners import replies, retrieval

    label = f"{suite.spec.name} (naive)"
    if suite.spec.kind == "retrieval":
        return retrieval.observe_peer(suite.cases, rt, label)
    if suite.spec.kind in REPLY_KINDS:
        return replies.observe_peer(suite.cases, rt, label)
    raise ValueError(f"the naive peer has nothing to say about {suite.spec.kind!r} suites")
