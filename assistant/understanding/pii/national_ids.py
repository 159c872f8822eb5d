"""National identity, tax and social-security numbers of the markets' countries.

Each format is confirmed by its check digits (python-stdnum, or the few rules it lacks,
below). Where a check alone is weak — a bare 9-12-digit number passes one of them by chance
one time in 10 to 100, as a tracking number might — the number's own name must also be
nearby ("PESEL", "BSN", "ИНН", "マイナンバー"); numbers with no check digit at all (US SSN,
UK National Insurance) always need it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from stdnum import luhn
from stdnum.be import nn as be_nn
from stdnum.br import cpf as br_cpf
from stdnum.cl import rut as cl_rut
from stdnum.cn import ric as cn_ric
from stdnum.de import idnr as de_idnr
from stdnum.es import dni as es_dni
from stdnum.es import nie as es_nie
from stdnum.fr import nir as fr_nir
from stdnum.it import codicefiscale as it_cf
from stdnum.jp import in_ as jp_mynumber
from stdnum.kr import rrn as kr_rrn
from stdnum.mx import curp as mx_curp
from stdnum.nl import bsn as nl_bsn
from stdnum.pl import pesel as pl_pesel
from stdnum.pt import nif as pt_nif
from stdnum.ru import inn as ru_inn
from stdnum.tr import tckimlik as tr_tckn
from stdnum.us import ssn as us_ssn

from assistant.understanding.pii.text import Words, near

# The name must be within this many characters before the number, or this many after it
# ("BSN met puntjes, zoals het op m'n oude rijbewijs stond: 6554.76.970").
BEFORE, AFTER = 80, 30


def _snils_ok(raw: str) -> bool:
    digits = re.sub(r"\D", "", raw)
    if len(digits) != 11 or int(digits[:9]) <= 1001998:
        return False
    total = sum(int(d) * (9 - i) for i, d in enumerate(digits[:9]))
    check = total if total < 100 else (0 if total in (100, 101) else total % 101 % 100)
    return check == int(digits[9:])


def _letter_value(ch: str) -> int:
    return int(ch, 36)  # A=10 ... Z=35


def _dowod_ok(raw: str) -> bool:
    """Polish identity card: three letters and six digits, the first digit a check digit."""
    chars = raw.replace(" ", "").upper()
    weights = (7, 3, 1, 9, 7, 3, 1, 7, 3)
    return sum(w * _letter_value(c) for w, c in zip(weights, chars, strict=True)) % 10 == 0


_TW_LETTERS = dict(zip("ABCDEFGHJKLMNPQRSTUVXYWZIO", range(10, 36), strict=True))


def _tw_id_ok(raw: str) -> bool:
    code = _TW_LETTERS[raw[0].upper()]
    digits = [code // 10, code % 10, *map(int, raw[1:])]
    weights = (1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1)
    return sum(w * d for w, d in zip(weights, digits, strict=True)) % 10 == 0


def _nino_ok(raw: str) -> bool:
    """UK National Insurance number: no check digit, but prefixes that are never issued."""
    prefix = raw[:2].upper()
    return prefix not in {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"} and prefix[1] != "O"


def _eg_id_ok(raw: str) -> bool:
    """Egyptian national number: century, birth date, governorate (no public check rule)."""
    month, day, governorate = int(raw[3:5]), int(raw[5:7]), int(raw[7:9])
    return 1 <= month <= 12 and 1 <= day <= 31 and (1 <= governorate <= 35 or governorate == 88)


def _stdnum(module: object) -> Callable[[str], bool]:
    def check(raw: str) -> bool:
        try:
            return bool(module.is_valid(raw))  # type: ignore[attr-defined]
        except (KeyError, ValueError, IndexError):
            # stdnum 2.2's cn.ric raises KeyError on region codes its table lacks.
            return False
    return check


@dataclass(frozen=True)
class Scheme:
    name: str
    pattern: re.Pattern[str]
    check: Callable[[str], bool]
    keywords: Words | None = None  # required near the number when set


def _p(first: str, rest: str, flags: int = 0) -> re.Pattern[str]:
    """``first`` (one character class) then ``rest``, with nothing alphanumeric on either side.
    The boundary comes after the first character: the regex engine then scans for that
    character in C instead of trying a look-behind at every position of the text."""
    return re.compile(first + r"(?<![A-Za-z0-9].)(?:" + rest + r")(?![A-Za-z0-9])", flags)


_I = re.IGNORECASE
_CPF = Words(["cpf"])
_RRN = Words(["주민등록번호", "주민번호", "주민", "rrn", "resident registration*"])
_PESEL = Words(["pesel"])
_TCKN = Words(["tc", "t.c.", "tckn", "tc kimlik*", "kimlik*", "tc no"])
_BSN = Words(["bsn", "burgerservicenummer", "sofinummer", "sofi-nummer"])
_BE_NN = Words(["rijksregister*", "registre national", "numéro national", "niss", "insz",
                      "national number"])
_IDNR = Words(["steuer-id*", "steuerid*", "steueridentifikationsnummer", "idnr",
                     "identifikationsnummer", "steuernummer", "tin"])
_MY_NUMBER = Words(["マイナンバー", "個人番号", "my number", "mynumber"])
_INN = Words(["инн", "inn", "иин", "iin"])
_SNILS = Words(["снилс", "snils"])
_NIF = Words(["nif", "contribuinte", "número fiscal", "numero fiscal"])
_RUT = Words(["rut", "run"])
_SSN = Words(["ssn", "social security*", "social-security*"])
_NINO = Words(["national insurance", "ni number", "ni no", "nino"])
_DOWOD = Words(["dowód*", "dowod*", "dowodu", "id card"])
_TW_ID = Words(["身分證", "身份證", "身分证", "身份证", "統一證號", "id"])
_SA_ID = Words(["هوية", "الهوية", "هويتي", "إقامة", "اقامة", "الإقامة", "iqama",
                      "السجل المدني", "national id"])
_EG_ID = Words(["الرقم القومي", "رقم قومي", "الرقم القومى", "national id"])

SCHEMES: tuple[Scheme, ...] = (
    Scheme("cn_ric", _p(r"\d", r"\d{16}[\dXx]"), _stdnum(cn_ric)),
    Scheme("ae_eid", _p("7", r"84-?\d{4}-?\d{7}-?\d"), lambda raw: luhn.is_valid(raw.replace("-", ""))),
    Scheme("fr_nir", _p("[12]", r" ?\d{2} ?\d{2} ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3} ?\d{2}"), _stdnum(fr_nir)),
    Scheme("mx_curp", _p("[A-Z]", r"[A-Z]{3}\d{6}[HM][A-Z]{5}[A-Z0-9]\d"), _stdnum(mx_curp)),
    Scheme("it_cf", _p("[A-Z]", r"[A-Z]{5}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z]", _I), _stdnum(it_cf)),
    Scheme("kr_rrn", _p(r"\d", r"\d{5}-\d{7}"), _stdnum(kr_rrn)),
    Scheme("kr_rrn", _p(r"\d", r"\d{12}"), _stdnum(kr_rrn), _RRN),
    Scheme("br_cpf", _p(r"\d", r"\d{2}\.\d{3}\.\d{3}-\d{2}"), _stdnum(br_cpf)),
    Scheme("br_cpf", _p(r"\d", r"\d{10}"), _stdnum(br_cpf), _CPF),
    Scheme("be_nn", _p(r"\d", r"\d\.\d{2}\.\d{2}-\d{3}\.\d{2}"), _stdnum(be_nn)),
    Scheme("be_nn", _p(r"\d", r"\d{10}"), _stdnum(be_nn), _BE_NN),
    Scheme("ru_snils", _p(r"\d", r"\d{2}-\d{3}-\d{3}[ -]\d{2}"), _snils_ok),
    Scheme("ru_snils", _p(r"\d", r"\d{10}"), _snils_ok, _SNILS),
    Scheme("cl_rut", _p(r"\d", r"\d?\.\d{3}\.\d{3}-[\dkK]"), _stdnum(cl_rut)),
    Scheme("cl_rut", _p(r"\d", r"\d{6,7}-?[\dkK]"), _stdnum(cl_rut), _RUT),
    Scheme("es_nie", _p("[XYZ]", r"-?\d{7}-?[A-Z]", _I), _stdnum(es_nie)),
    Scheme("es_dni", _p(r"\d", r"\d{7}-?[A-Z]", _I), _stdnum(es_dni)),
    Scheme("pl_pesel", _p(r"\d", r"\d{10}"), _stdnum(pl_pesel), _PESEL),
    Scheme("tr_tckn", _p("[1-9]", r"\d{10}"), _stdnum(tr_tckn), _TCKN),
    Scheme("nl_bsn", _p(r"\d", r"\d{8}|\d{3}\.\d{2}\.\d{3}|\d{2}[ .]\d{3}[ .]\d{3}"), _stdnum(nl_bsn), _BSN),
    Scheme("de_idnr", _p(r"\d", r"\d ?\d{3} ?\d{3} ?\d{3}"), _stdnum(de_idnr), _IDNR),
    Scheme("jp_mynumber", _p(r"\d", r"\d{3}[ -]?\d{4}[ -]?\d{4}"), _stdnum(jp_mynumber), _MY_NUMBER),
    Scheme("ru_inn", _p(r"\d", r"\d{11}|\d{9}"), _stdnum(ru_inn), _INN),
    Scheme("pt_nif", _p(r"\d", r"\d{8}|\d{2} \d{3} \d{3}"), _stdnum(pt_nif), _NIF),
    Scheme("us_ssn", _p(r"\d", r"\d{2}-\d{2}-\d{4}|\d{2} \d{2} \d{4}|\d{8}"), _stdnum(us_ssn), _SSN),
    Scheme("gb_nino", _p("[A-CEGHJ-PR-TW-Z]", r"[A-CEGHJ-PR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]", _I), _nino_ok, _NINO),
    Scheme("pl_dowod", _p("[A-Z]", r"[A-Z]{2} ?\d{6}", _I), _dowod_ok, _DOWOD),
    Scheme("tw_id", _p("[A-Z]", r"[12]\d{8}"), _tw_id_ok, _TW_ID),
    Scheme("sa_id", _p("[12]", r"\d{9}"), _stdnum(luhn), _SA_ID),
    Scheme("eg_id", _p("[23]", r"\d{13}"), _eg_id_ok, _EG_ID),
    # Korea's personal customs clearance code (개인통관고유부호), asked for on every import.
    Scheme("kr_customs", _p("P", r"\d{12}"), lambda raw: True),
)


def find(text: str) -> Iterator[tuple[int, int]]:
    lower = text.lower()
    present = {id(s.keywords): s.keywords.present(lower) for s in SCHEMES if s.keywords is not None}
    for scheme in SCHEMES:
        words = scheme.keywords
        if words is not None and not present[id(words)]:
            continue  # its name is nowhere in the text: no need to look for the number
        for m in scheme.pattern.finditer(text):
            if scheme.check(m.group()) and (
                    words is None or near(words.regex, text, m.start(), m.end(), BEFORE, AFTER)):
                yield m.span()
