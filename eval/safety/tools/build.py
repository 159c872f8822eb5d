"""Build the safety evaluation JSONL files from the hand-written sources in ``src/``.

Every message in ``src/*.txt`` was written by hand. Values without a check digit
(phones, e-mails, addresses, passports, order numbers...) are written literally as
``[[kind|value]]``; values with a check digit are written as ``{{kind generator args}}``
and generated here with ``checkdigits.py``, from a random generator seeded with the
row's id, so rebuilding gives byte-identical files.

Source format: a header line, then the message on the next line (``\\n`` is a newline).

    @ <language> <writer> | <field> | <field>
    message text with [[phone|+49 30 1234567]] and {{card visa space}}

pii.txt        fields: notes
negatives.txt  fields: notes
injection.txt  fields: attack | must_not_include separated by ' ;; '
benign.txt     fields: category | expect_handoff (true/false) | notes

Run: python3 eval/safety/tools/build.py   (then validate.py)
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import checkdigits as cd  # noqa: E402

OUT = HERE.parent
SRC = HERE / "src"
LANGS = ["ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "tr", "zh"]

MARK = re.compile(r"\[\[([a-z_]+)(?::([a-z0-9_]+))?\|(.+?)\]\]|\{\{([a-z_]+) ([^}]+)\}\}")


def generate(kind: str, args: list[str], rng: random.Random) -> tuple[str, str]:
    """Return (value, scheme)."""
    post = [a for a in args if a.startswith("+")]
    args = [a for a in args if not a.startswith("+")]
    g, rest = args[0], args[1:]
    if kind == "card":
        value, scheme = cd.format_card(cd.card(rng, g), rest[0] if rest else "plain"), f"luhn:{g}"
    elif kind == "iban":
        value, scheme = (
            cd.format_iban(cd.iban(rng, g), rest[0] if rest else "plain-upper"),
            f"iban:{g}",
        )
    elif kind == "national_id":
        scheme = g
        if g == "cpf":
            value = cd.format_cpf(cd.cpf(rng), rest[0] == "fmt")
        elif g == "cnric":
            value = cd.cn_ric(rng, rest[0], rest[1])
        elif g == "twid":
            value = cd.tw_id(rng, rest[0], rest[1])
        elif g == "rrn":
            value = cd.kr_rrn(rng, rest[0], rest[1])
            if rest[2:] == ["plain"]:
                value = value.replace("-", "")
        elif g == "dni":
            v = cd.es_dni(rng)
            value = v[:-1] + "-" + v[-1] if rest == ["dash"] else v
        elif g == "nie":
            v = cd.es_nie(rng)
            value = f"{v[0]}-{v[1:8]}-{v[8]}" if rest == ["dash"] else v
        elif g == "cf":
            sur, nam, yy, m, d, sex, place = rest[:7]
            value = cd.it_cf(sur, nam, yy, int(m), int(d), sex == "F", place)
            if rest[7:] == ["lower"]:
                value = value.lower()
        elif g == "pesel":
            value = cd.pesel(rng, int(rest[0]), int(rest[1]), int(rest[2]), rest[3] == "F")
        elif g == "tckn":
            value = cd.tckn(rng)
        elif g == "bsn":
            v = cd.bsn(rng)
            value = f"{v[:4]}.{v[4:6]}.{v[6:]}" if rest == ["dots"] else v
        elif g == "benn":
            v = cd.be_nn(rng, rest[0], rest[1] == "M")
            value = f"{v[:2]}.{v[2:4]}.{v[4:6]}-{v[6:9]}.{v[9:]}" if rest[2:] == ["dots"] else v
        elif g == "nir":
            v = cd.fr_nir(rng, rest[0], rest[1], rest[2], rest[3])
            value = (
                f"{v[0]} {v[1:3]} {v[3:5]} {v[5:7]} {v[7:10]} {v[10:13]} {v[13:]}"
                if rest[4:] == ["spaced"]
                else v
            )
        elif g == "idnr":
            v = cd.de_idnr(rng)
            value = f"{v[:2]} {v[2:5]} {v[5:8]} {v[8:]}" if rest == ["spaced"] else v
        elif g == "mynumber":
            v = cd.jp_mynumber(rng)
            value = f"{v[:4]} {v[4:8]} {v[8:]}" if rest == ["spaced"] else v
        elif g == "snils":
            value = cd.format_snils(cd.snils(rng))
        elif g == "inn":
            value = cd.ru_inn12(rng, rest[0])
        elif g == "nif":
            value = cd.pt_nif(rng)
        elif g == "rut":
            value = cd.format_rut(cd.cl_rut(rng))
        elif g == "eid":
            value = cd.format_emirates(cd.emirates_id(rng, rest[0]))
        elif g == "ssn":
            value = cd.ssn(rng)
        elif g == "nino":
            v = cd.uk_nino(rng)
            value = f"{v[:2]} {v[2:4]} {v[4:6]} {v[6:8]} {v[8]}" if rest == ["spaced"] else v
        elif g == "dowod":
            v = cd.pl_dowod(rng)
            value = f"{v[:3]} {v[3:]}" if rest == ["spaced"] else v
        else:
            raise KeyError(g)
    elif kind == "tracking_number":
        if g == "s10":
            v = cd.s10(rng, rest[0], rest[1])
            value, scheme = (
                (f"{v[:2]} {v[2:5]} {v[5:8]} {v[8:11]} {v[11:]}" if rest[2:] == ["spaced"] else v),
                "s10",
            )
        elif g == "ups":
            v = cd.ups(rng)
            value, scheme = (
                (
                    f"{v[:2]} {v[2:5]} {v[5:8]} {v[8:10]} {v[10:14]} {v[14:]}"
                    if rest == ["spaced"]
                    else v
                ),
                "ups",
            )
        elif g == "usps":
            v = cd.usps22(rng)
            value, scheme = (cd.format_usps(v) if rest == ["spaced"] else v), "usps"
        else:
            raise KeyError(g)
    elif kind == "other" and g == "ean13":
        value, scheme = cd.ean13(rng, rest[0]), "ean13"
    else:
        raise KeyError((kind, g))
    for p in post:
        value = {"+arabic": cd.to_arabic_indic, "+fullwidth": cd.to_fullwidth}[p](value)
        scheme += p.replace("+", "+digits:")
    return value, scheme


def render(message: str, rid: str, item_key: str) -> tuple[str, list[dict]]:
    rng = random.Random(rid)
    items: list[dict] = []

    def sub(m: re.Match) -> str:
        if m.group(1):
            item = {"kind": m.group(1), "value": m.group(3)}
            if m.group(2):
                item["scheme"] = m.group(2)
        else:
            value, scheme = generate(m.group(4), m.group(5).split(), rng)
            item = {"kind": m.group(4), "value": value, "scheme": scheme}
        items.append(item)
        return item["value"]

    text = MARK.sub(sub, message).replace("\\n", "\n")
    assert "[[" not in text and "{{" not in text, (rid, text)
    return text, items


def read_source(name: str) -> list[tuple[str, str, list[str], str]]:
    rows = []
    lines = (SRC / name).read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        i += 1
        if not line or line.startswith("#"):
            continue
        assert line.startswith("@ "), (name, i, line)
        head, *fields = [f.strip() for f in line[2:].split("|")]
        lang, writer = head.split()
        assert lang in LANGS, (name, i, lang)
        msg = lines[i].strip()
        i += 1
        assert msg and not msg.startswith("@"), (name, i)
        rows.append((lang, writer, fields, msg))
    return rows


def build(name: str, prefix: str, out: str) -> int:
    rows = read_source(name)
    counters: dict[str, int] = {}
    result = []
    for lang in LANGS:
        for lang_, writer, fields, msg in rows:
            if lang_ != lang:
                continue
            counters[lang] = counters.get(lang, 0) + 1
            rid = f"{prefix}-{lang}-{counters[lang]:03d}"
            text, items = render(msg, rid, "items")
            row: dict = {"id": rid, "language": lang, "writer": writer, "message": text}
            if prefix == "pii":
                assert items, rid
                row["items"] = items
                row["notes"] = fields[0] if fields else ""
            elif prefix == "neg":
                assert items, rid
                for it in items:
                    d = cd.digits_of(it["value"])
                    if (
                        13 <= len(d) <= 19
                        and it["value"].replace(" ", "").replace("-", "").isdigit()
                    ):
                        it["luhn_valid"] = cd.luhn_valid(d)
                row["identifiers"] = items
                row["notes"] = fields[0] if fields else ""
            elif prefix == "inj":
                assert not items, rid
                row["attack"] = fields[0]
                row["must_not_include"] = [s.strip() for s in fields[1].split(";;") if s.strip()]
                row["expect_handoff"] = True
            elif prefix == "benign":
                assert not items, rid
                row["category"] = fields[0]
                row["expect_handoff"] = {"true": True, "false": False}[fields[1]]
                if fields[2:] and fields[2]:
                    row["notes"] = fields[2]
            result.append(row)
    with open(OUT / out, "w", encoding="utf-8") as fh:
        for row in result:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(result)


if __name__ == "__main__":
    for src, prefix, out in [
        ("pii.txt", "pii", "pii_items.jsonl"),
        ("negatives.txt", "neg", "pii_negatives.jsonl"),
        ("injection.txt", "inj", "injection.jsonl"),
        ("benign.txt", "benign", "injection_benign.jsonl"),
    ]:
        if (SRC / src).exists():
            print(out, build(src, prefix, out))
