"""House rules the import graph can check: the engine's front door, the stage order, no cycles.

Read from the source (every import, at module level or inside a function, including those
under ``TYPE_CHECKING``), so a lazy import cannot slip past.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "assistant"
# The pipeline's stages: collaborators of the engine, built by ``assistant.wiring``.
STAGES = ("kb", "index", "understanding", "drafting", "verification", "decision")
# What every layer may use: the contract's models and vocabularies, settings, errors, and
# the shared utilities under core/ (they hold no pipeline state).
FOUNDATION = ("assistant", "assistant.models", "assistant.taxonomy", "assistant.settings", "assistant.errors",
              "assistant.paths", "assistant.core")
FRONT_DOOR = ("assistant.wiring", "assistant.engine")
# Outside the front door on purpose, each for a reason.
EXCEPTIONS = {
    # The API serves the feedback store beside the engine (it is not an engine collaborator).
    "assistant/api": ("assistant.feedback",),
    # The naive peer is a second pipeline built from the same parts, measured beside ours.
    "assistant/evaluation/peer": ("assistant.kb",),
    # Writes a synthetic knowledge base of 10k-100k passages with the knowledge base's own
    # parser and chunker, then times ingest and search of the index ``build_index`` returns.
    "bench/ingest_bench.py": ("assistant.kb",),
}


def _imports(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # ``from assistant import wiring`` imports the module ``assistant.wiring``.
            for alias in node.names:
                yield node.lineno, f"{node.module}.{alias.name}" if node.module == "assistant" else node.module


def _module(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def _within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def _files(*roots: str) -> list[Path]:
    return sorted(p for r in roots for p in (ROOT / r).rglob("*.py"))


def test_api_evaluation_and_benches_use_only_the_engines_front_door() -> None:
    found = []
    for path in _files("assistant/api", "assistant/evaluation", "bench"):
        rel = path.relative_to(ROOT).as_posix()
        own = _module(path).rsplit(".", 1)[0] if path.name != "__init__.py" else _module(path)
        top = ".".join(own.split(".")[:2])  # assistant.api, assistant.evaluation, bench
        allowed = (*FOUNDATION, *FRONT_DOOR, top)
        allowed += tuple(a for where, extra in EXCEPTIONS.items() if rel.startswith(where) for a in extra)
        for line, name in _imports(path):
            if name.startswith("assistant") and not _within(name, allowed):
                found.append(f"{rel}:{line}: imports {name}")
    assert not found, "reach the pipeline through assistant.wiring / the engine:\n" + "\n".join(found)


def test_only_the_wiring_names_the_engines_collaborators() -> None:
    """Outside the stages themselves and the wiring, nothing builds an index, a classifier, a
    drafter or a verifier: the engine is built with ``build_engine``."""
    constructors = ("KnowledgeIndex(", "KnowledgeIndex.from_settings(", "IntentClassifier(",
                    "IntentClassifier.from_dir(", "OfflineDrafter(", "Verifier(", "ReplyEngine(", "Analyzer(")
    found = []
    for path in _files("assistant", "bench"):
        rel = path.relative_to(ROOT).as_posix()
        if rel == "assistant/wiring.py" or _within(_module(path), tuple(f"assistant.{s}" for s in STAGES)):
            continue
        text = path.read_text(encoding="utf-8")
        found += [f"{rel}: {c}" for c in constructors if c in text and f"def {c}" not in text]
    assert not found, found


def test_stages_import_only_earlier_stages() -> None:
    """kb → index → understanding → drafting → verification → decision → engine: a stage
    never imports a later one (nor the engine, the wiring or an edge)."""
    order = {f"assistant.{s}": i for i, s in enumerate(STAGES)}
    found = []
    for path in _files(*(f"assistant/{s}" for s in STAGES)):
        me = next(p for p in order if _within(_module(path), (p,)))
        for line, name in _imports(path):
            later = [p for p, i in order.items() if i > order[me] and _within(name, (p,))]
            edge = _within(name, ("assistant.engine", "assistant.wiring", "assistant.api", "assistant.cli",
                                  "assistant.evaluation", "assistant.feedback"))
            if later or edge:
                found.append(f"{path.relative_to(ROOT)}:{line}: imports {name}")
    assert not found, "\n".join(found)


def test_no_import_cycles() -> None:
    modules = {_module(p): p for p in _files("assistant")}
    graph = {m: {n for _, n in _imports(p) if n in modules and n != m} for m, p in modules.items()}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt):], nxt])
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for m in sorted(modules):
        if m not in state:
            visit(m, [m])
    assert not cycles, "\n".join(" -> ".join(c) for c in cycles[:10])
