"""``python -m assistant.kb.validate [DIR]``: check a knowledge base without indexing it."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from assistant.errors import KnowledgeBaseError
from assistant.kb.loader import load_knowledge_base


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path("knowledge_base")
    try:
        docs = load_knowledge_base(root)
    except KnowledgeBaseError as exc:
        print(f"invalid: {exc}", file=sys.stderr)
        return 1
    counts = Counter(d.meta.doc_type for d in docs)
    print(f"ok: {len(docs)} documents " + ", ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
