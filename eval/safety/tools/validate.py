"""Validate the safety evaluation set (eval/safety/*.jsonl).

Checks: every line parses; required fields; ids unique across all four files; the 14
languages; every marked value is an exact substring of its message; every value with a
check digit is valid (cards: Luhn and IIN length; IBAN: ISO 7064 mod 97 and country
length; national ids: each country's rule; tracking numbers and EAN-13 in the negatives);
the minimum counts of the brief; and that rebuilding from src/ gives the committed files
byte for byte. If python-stdnum is importable, each national id, IBAN and card is also
checked with it (an independent implementation).

Run: python3 eval/safety/tools/validate.py      exit 0 when everything holds.
"""

from __future__ import annotations

import collections
import json
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import build  # noqa: E402
import checkdigits as cd  # noqa: E402

DATA = HERE.parent
LANGS = set(build.LANGS)
PII_KINDS = {"card", "iban", "phone", "email", "passport", "national_id", "address"}
NEG_KINDS = {"order_number", "tracking_number", "sku", "amount", "date", "other"}
ATTACKS = {
    "ignore_instructions",
    "fake_admin_mode",
    "prompt_leak",
    "rules_extraction",
    "fake_system_message",
    "roleplay",
    "hidden_instruction",
    "link_injection",
    "html_script_injection",
    "blame_carrier",
    "obfuscated",
    "code_switching",
}
NATIONAL = {
    "cpf": cd.cpf_valid,
    "cnric": cd.cn_ric_valid,
    "twid": cd.tw_id_valid,
    "rrn": cd.kr_rrn_valid,
    "dni": cd.es_dni_valid,
    "nie": cd.es_dni_valid,
    "cf": cd.it_cf_valid,
    "pesel": cd.pesel_valid,
    "tckn": cd.tckn_valid,
    "bsn": cd.bsn_valid,
    "benn": cd.be_nn_valid,
    "nir": cd.fr_nir_valid,
    "idnr": cd.de_idnr_valid,
    "mynumber": cd.jp_mynumber_valid,
    "snils": cd.snils_valid,
    "inn": cd.ru_inn12_valid,
    "nif": cd.pt_nif_valid,
    "rut": cd.cl_rut_valid,
    "eid": lambda v: cd.luhn_valid(cd.digits_of(v)) and cd.digits_of(v).startswith("784"),
    "ssn": cd.ssn_valid,
    "nino": cd.uk_nino_valid,
    "dowod": cd.pl_dowod_valid,
}

errors: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def stdnum_check(scheme: str, value: str) -> bool | None:
    try:
        import stdnum  # noqa: F401
    except ImportError:
        return None
    from stdnum import iban, luhn
    from stdnum.be import nn
    from stdnum.br import cpf
    from stdnum.cl import rut
    from stdnum.cn import ric
    from stdnum.de import idnr
    from stdnum.es import dni, nie
    from stdnum.fr import nir
    from stdnum.it import codicefiscale
    from stdnum.jp import in_
    from stdnum.kr import rrn
    from stdnum.nl import bsn
    from stdnum.pl import pesel
    from stdnum.pt import nif
    from stdnum.ru import inn
    from stdnum.tr import tckimlik
    from stdnum.us import ssn

    norm = cd.digits_of(value) if scheme.startswith("luhn") else cd.alnum_upper(value)
    table = {
        "cpf": cpf,
        "cnric": ric,
        "rrn": rrn,
        "dni": dni,
        "nie": nie,
        "cf": codicefiscale,
        "pesel": pesel,
        "tckn": tckimlik,
        "bsn": bsn,
        "benn": nn,
        "nir": nir,
        "idnr": idnr,
        "mynumber": in_,
        "inn": inn,
        "nif": nif,
        "rut": rut,
        "ssn": ssn,
    }
    if scheme.startswith("luhn") or scheme == "eid":
        return luhn.is_valid(cd.digits_of(value))
    if scheme.startswith("iban"):
        return iban.is_valid(norm)
    if scheme in table:
        return table[scheme].is_valid(norm)
    return None


def load(name: str) -> list[dict]:
    rows = []
    path = DATA / name
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as e:
            err(f"{name}:{n}: bad JSON: {e}")
    return rows


def check_common(name: str, rows: list[dict], ids: set[str]) -> None:
    for r in rows:
        for f in ("id", "language", "writer", "message"):
            if not isinstance(r.get(f), str) or not r[f].strip():
                err(f"{name} {r.get('id')}: missing {f}")
        if r.get("id") in ids:
            err(f"{name}: duplicate id {r.get('id')}")
        ids.add(r.get("id"))
        if r.get("language") not in LANGS:
            err(f"{name} {r['id']}: unknown language {r.get('language')}")


def check_value(rid: str, item: dict, message: str) -> None:
    v = item.get("value", "")
    if not v or v not in message:
        err(f"{rid}: value {v!r} is not a substring of the message")
    if v != v.strip():
        err(f"{rid}: value {v!r} has surrounding whitespace")
    scheme = item.get("scheme", "")
    base = scheme.split("+")[0]
    kind = item["kind"]
    if kind == "card":
        d = cd.digits_of(v)
        if not cd.luhn_valid(d) or not 13 <= len(d) <= 19:
            err(f"{rid}: card {v!r} fails Luhn/length")
        if base.startswith("luhn:"):
            prefixes, length = cd.CARD_BRANDS[base[5:]]
            if len(d) != length or not any(d.startswith(p) for p in prefixes):
                err(f"{rid}: card {v!r} does not match brand {base}")
    elif kind == "iban":
        if not cd.iban_valid(v):
            err(f"{rid}: IBAN {v!r} invalid")
        if base.startswith("iban:") and cd.alnum_upper(v)[:2] != base[5:]:
            err(f"{rid}: IBAN {v!r} not from {base}")
    elif kind == "national_id":
        if base not in NATIONAL:
            err(f"{rid}: national id {v!r} has no known scheme ({scheme!r})")
        elif not NATIONAL[base](v):
            err(f"{rid}: national id {v!r} fails {base}")
    elif kind == "phone":
        if len(cd.digits_of(v)) < 7:
            err(f"{rid}: phone {v!r} has fewer than 7 digits")
    elif kind == "email":
        if not re.search(
            r"@|＠|\bat\b|\(at\)|\[at\]|골뱅이|małpa|собака|chiocciola|arroba|\bet\b", v
        ):
            err(f"{rid}: e-mail {v!r} has no at-sign or spoken at")
    elif kind == "tracking_number":
        checks = {"s10": cd.s10_valid, "ups": cd.ups_valid, "usps": cd.usps_valid}
        if base in checks and not checks[base](v):
            err(f"{rid}: tracking {v!r} fails {base}")
    elif kind == "other" and base == "ean13" and not cd.ean13_valid(v):
        err(f"{rid}: EAN {v!r} invalid")
    if scheme and kind in ("card", "iban", "national_id"):
        ok = stdnum_check(base, v)
        if ok is False:
            err(f"{rid}: python-stdnum rejects {v!r} ({base})")


def main() -> int:
    ids: set[str] = set()
    pii = load("pii_items.jsonl")
    neg = load("pii_negatives.jsonl")
    inj = load("injection.jsonl")
    ben = load("injection_benign.jsonl")
    for name, rows in [
        ("pii_items", pii),
        ("pii_negatives", neg),
        ("injection", inj),
        ("injection_benign", ben),
    ]:
        check_common(name, rows, ids)

    # PII items
    kind_langs: dict[str, set[str]] = collections.defaultdict(set)
    for r in pii:
        items = r.get("items") or []
        if not items:
            err(f"{r['id']}: no items")
        if not str(r.get("notes", "")).startswith("format:"):
            err(f"{r['id']}: notes should start with 'format:'")
        for it in items:
            if it.get("kind") not in PII_KINDS:
                err(f"{r['id']}: unknown kind {it.get('kind')}")
                continue
            kind_langs[it["kind"]].add(r["language"])
            check_value(r["id"], it, r["message"])
    # Negatives
    for r in neg:
        items = r.get("identifiers") or []
        if not items:
            err(f"{r['id']}: no identifiers")
        for it in items:
            if it.get("kind") not in NEG_KINDS:
                err(f"{r['id']}: unknown kind {it.get('kind')}")
            check_value(r["id"], it, r["message"])
            d = cd.digits_of(it["value"])
            if "luhn_valid" in it and it["luhn_valid"] != cd.luhn_valid(d):
                err(f"{r['id']}: luhn_valid flag wrong for {it['value']!r}")
        if "@" in r["message"] or "＠" in r["message"]:
            err(f"{r['id']}: negative message contains an at-sign")
    # Injection
    for r in inj:
        if r.get("attack") not in ATTACKS:
            err(f"{r['id']}: unknown attack {r.get('attack')}")
        mni = r.get("must_not_include")
        if not mni or not all(isinstance(s, str) and s.strip() for s in mni):
            err(f"{r['id']}: must_not_include empty")
        if r.get("expect_handoff") is not True:
            err(f"{r['id']}: expect_handoff must be true")
    for r in ben:
        if "must_not_include" in r:
            err(f"{r['id']}: benign rows carry no must_not_include")
        if not isinstance(r.get("expect_handoff"), bool):
            err(f"{r['id']}: expect_handoff must be a boolean")

    # Minimums from the brief
    def per_lang(rows: list[dict]) -> collections.Counter:
        return collections.Counter(r["language"] for r in rows)

    if len(pii) < 180:
        err(f"pii_items: {len(pii)} rows < 180")
    for lang in LANGS:
        if per_lang(pii)[lang] < 10:
            err(f"pii_items: {lang} has {per_lang(pii)[lang]} rows < 10")
        if per_lang(neg)[lang] < 1:
            err(f"pii_negatives: no {lang} row")
        if per_lang(inj)[lang] < 10:
            err(f"injection: {lang} has {per_lang(inj)[lang]} rows < 10")
    for kind in PII_KINDS:
        if len(kind_langs[kind]) < 3:
            err(f"pii_items: kind {kind} in only {len(kind_langs[kind])} languages")
    if sum(1 for r in pii if len(r.get("items", [])) >= 2) < 10:
        err("pii_items: fewer than 10 rows with two or more items")
    if len({r["writer"] for r in pii}) < 5:
        err("pii_items: fewer than 5 writers")
    if len(neg) < 150:
        err(f"pii_negatives: {len(neg)} rows < 150")
    if len(inj) < 150:
        err(f"injection: {len(inj)} rows < 150")
    if len(ben) < 40:
        err(f"injection_benign: {len(ben)} rows < 40")

    # The committed files are exactly what src/ builds.
    with tempfile.TemporaryDirectory() as tmp:
        build.OUT = Path(tmp)
        for src, prefix, out in [
            ("pii.txt", "pii", "pii_items.jsonl"),
            ("negatives.txt", "neg", "pii_negatives.jsonl"),
            ("injection.txt", "inj", "injection.jsonl"),
            ("benign.txt", "benign", "injection_benign.jsonl"),
        ]:
            build.build(src, prefix, out)
            if (Path(tmp) / out).read_bytes() != (DATA / out).read_bytes():
                err(f"{out}: differs from a fresh build of src/{src}")

    try:
        import stdnum  # noqa: F401

        cross = "python-stdnum cross-check: on"
    except ImportError:
        cross = "python-stdnum cross-check: off (not installed)"
    for e in errors:
        print("ERROR", e)
    print(
        f"pii_items {len(pii)}, pii_negatives {len(neg)}, injection {len(inj)}, "
        f"injection_benign {len(ben)}; {cross}; {len(errors)} error(s)"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
