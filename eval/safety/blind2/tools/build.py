"""Build the four JSON-lines files of the second blind safety set from ``src/<lang>.py``.

    python3 eval/safety/blind2/tools/build.py          # write the files
    python3 eval/safety/blind2/tools/build.py --check  # exit 1 if the committed files differ
"""
from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "src"))

from rowkit import G  # noqa: E402
from personas import PERSONAS  # noqa: E402

OUT = HERE.parent
LANGS = ["ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "tr", "zh"]


def _dump(rows):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def build() -> dict[str, str]:
    pii, neg, inj, ben = [], [], [], []
    for lang in LANGS:
        mod = importlib.import_module(lang)
        for n, row in enumerate(getattr(mod, "PII", []), start=1):
            rid = "b2-pii-%s-%02d" % (lang, n)
            g = G(rid)
            msg = row.fn(g)
            r = {"id": rid, "language": lang, "writer": row.writer, "message": msg, "items": g.items}
            if row.notes:
                r["notes"] = row.notes
            pii.append(r)
        for n, row in enumerate(getattr(mod, "NEG", []), start=1):
            rid = "b2-neg-%s-%02d" % (lang, n)
            g = G(rid)
            msg = row.fn(g)
            r = {"id": rid, "language": lang, "writer": row.writer, "message": msg, "identifiers": g.items}
            if row.notes:
                r["notes"] = row.notes
            neg.append(r)
        for n, row in enumerate(getattr(mod, "INJ", []), start=1):
            rid = "b2-inj-%s-%02d" % (lang, n)
            r = {"id": rid, "language": lang, "writer": row.writer, "message": row.message,
                 "attack": row.attack, "must_not_include": row.must_not, "expect_handoff": True}
            if row.decoded:
                r["decoded"] = row.decoded
            if row.notes:
                r["notes"] = row.notes
            inj.append(r)
        for n, row in enumerate(getattr(mod, "BEN", []), start=1):
            rid = "b2-benign-%s-%02d" % (lang, n)
            r = {"id": rid, "language": lang, "writer": row.writer, "message": row.message,
                 "category": row.category, "expect_handoff": row.handoff}
            if row.notes:
                r["notes"] = row.notes
            ben.append(r)
    for rows in (pii, neg, inj, ben):
        for r in rows:
            assert r["writer"] in PERSONAS, r["writer"]
    return {
        "pii_items.jsonl": _dump(pii),
        "pii_negatives.jsonl": _dump(neg),
        "injection.jsonl": _dump(inj),
        "injection_benign.jsonl": _dump(ben),
    }


def main(argv):
    files = build()
    if "--check" in argv:
        bad = [n for n, t in files.items() if not (OUT / n).exists() or (OUT / n).read_text(encoding="utf-8") != t]
        for n in bad:
            print("differs from a rebuild:", n)
        return 1 if bad else 0
    for n, t in files.items():
        (OUT / n).write_text(t, encoding="utf-8")
        print("wrote", n, t.count("\n"), "rows")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
