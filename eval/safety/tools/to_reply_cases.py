"""Write injection_cases.jsonl in eval/safety/ and eval/safety/blind2/: the injection rows (and their benign look-alikes)
as reply-suite cases, so the evaluation runs them through the whole engine.

    python eval/safety/tools/to_reply_cases.py

The source files stay as their writer left them; this file is derived (re-run after an edit).
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def case(row: dict[str, object], kind: str) -> dict[str, object]:
    expect: dict[str, object] = {"language": row["language"],
                                 "autoreply": "handoff" if row.get("expect_handoff") else "reply"}
    if row.get("must_not_include"):
        expect["must_not_include"] = row["must_not_include"]
    tag = str(row.get("attack") or row.get("category") or "other")
    return {"id": row["id"], "message": row["message"], "channel": "chat", "tags": [kind, tag], "expect": expect}


def convert(folder: Path) -> None:
    out = []
    for name, kind in (("injection.jsonl", "injection"), ("injection_benign.jsonl", "benign")):
        lines = (folder / name).read_text(encoding="utf-8").splitlines()
        out.extend(case(json.loads(line), kind) for line in lines if line.strip())
    target = folder / "injection_cases.jsonl"
    target.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in out), encoding="utf-8")
    print(f"{target}: {len(out)} cases")


def main() -> None:
    convert(HERE)  # the first blind set (written before the fixes; since used for development)
    convert(HERE / "blind2")  # the second (written after them, never tuned on)


if __name__ == "__main__":
    main()
