"""Check-digit rules for the second blind safety set, written from the public specifications.

Each scheme has a generator (``gen_<scheme>(rng, **kw) -> str``, canonical form, no
separators) and a validator (``valid(scheme, value) -> bool``, any formatting: separators,
Arabic-Indic and full-width digits, line breaks are ignored). Written for this set,
independently of ``eval/safety/tools/checkdigits.py``.
"""
from __future__ import annotations

import random
import re
import unicodedata

# ---------------------------------------------------------------------------- digits

_DIGIT_MAP = {}
for _i in range(10):
    _DIGIT_MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic
    _DIGIT_MAP[chr(0x06F0 + _i)] = str(_i)  # Extended Arabic-Indic (Persian/Urdu)
    _DIGIT_MAP[chr(0xFF10 + _i)] = str(_i)  # full-width
for _i in range(26):
    _DIGIT_MAP[chr(0xFF21 + _i)] = chr(0x41 + _i)  # full-width A-Z
    _DIGIT_MAP[chr(0xFF41 + _i)] = chr(0x61 + _i)  # full-width a-z


def ascii_fold(text: str) -> str:
    return "".join(_DIGIT_MAP.get(c, c) for c in text)


def compact(value: str) -> str:
    """Upper-case alphanumerics only (digits folded to ASCII)."""
    return "".join(c for c in ascii_fold(value).upper() if c.isascii() and c.isalnum())


def to_script(text: str, digits: str) -> str:
    if digits == "ascii":
        return text
    base = {"arabic": 0x0660, "persian": 0x06F0, "fullwidth": 0xFF10}[digits]
    return "".join(chr(base + int(c)) if c.isdigit() else c for c in text)


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


# ---------------------------------------------------------------------------- Luhn


def luhn_sum(number: str) -> int:
    total = 0
    for i, c in enumerate(reversed(number)):
        d = int(c)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10


def luhn_ok(number: str) -> bool:
    return number.isdigit() and len(number) >= 2 and luhn_sum(number) == 0


def luhn_complete(partial: str) -> str:
    for c in "0123456789":
        if luhn_ok(partial + c):
            return partial + c
    raise AssertionError


CARD_BRANDS = {
    # brand: (prefixes, length)
    "visa": (["4"], 16),
    "visa13": (["4"], 13),
    "visa19": (["4"], 19),
    "mastercard": (["51", "52", "53", "54", "55", "2221", "2309", "2500", "2720"], 16),
    "amex": (["34", "37"], 15),
    "discover": (["6011", "644", "65"], 16),
    "jcb": (["3528", "3540", "3566", "3589"], 16),
    "unionpay": (["62"], 16),
    "unionpay19": (["62"], 19),
    "mir": (["2200", "2201", "2202", "2204"], 16),
    "troy": (["9792"], 16),
    "maestro": (["6759", "5018", "6304"], 16),
    "elo": (["636368", "504175", "509048"], 16),
    "hipercard": (["606282"], 16),
    "diners": (["36", "300"], 14),
    "rupay": (["6521", "6522", "6080"], 16),
    "meeza": (["507803"], 16),
    "mada": (["440647", "588845", "968208"], 16),
    "bccard": (["9409"], 16),
    "verve": (["506099"], 16),
}


def card_brand_ok(brand: str, number: str) -> bool:
    prefixes, length = CARD_BRANDS[brand]
    return len(number) == length and any(number.startswith(p) for p in prefixes)


def looks_like_card(number: str) -> bool:
    """Digits in a real card-number range (IIN and length) that also pass Luhn."""
    n, d = len(number), number
    if not (d.isdigit() and luhn_ok(d)):
        return False
    p2, p4, p6 = int(d[:2]), int(d[:4]), int(d[:6])
    return any([
        d[0] == "4" and n in (13, 16, 19),
        (51 <= p2 <= 55 or 2221 <= p4 <= 2720) and n == 16,
        p2 in (34, 37) and n == 15,
        (d.startswith("6011") or 644 <= int(d[:3]) <= 649 or p2 == 65) and 16 <= n <= 19,
        3528 <= p4 <= 3589 and 16 <= n <= 19,
        p2 == 62 and 16 <= n <= 19,
        (p2 in (36, 38, 39) or 300 <= int(d[:3]) <= 305) and 14 <= n <= 19,
        2200 <= p4 <= 2204 and 16 <= n <= 19,
        (d[:4] in ("5018", "5020", "5038", "5893", "6304", "6759", "6761", "6762", "6763") and 12 <= n <= 19),
        (506099 <= p6 <= 506198 or 650002 <= p6 <= 650027) and 16 <= n <= 19,
        d.startswith("9792") and n == 16,
    ])


def gen_card(rng: random.Random, brand: str) -> str:
    prefixes, length = CARD_BRANDS[brand]
    p = rng.choice(prefixes)
    return luhn_complete(p + _digits(rng, length - len(p) - 1))


# ---------------------------------------------------------------------------- IBAN

# BBAN structure from the SWIFT IBAN registry: n = digits, a = upper-case letters, c = alphanumerics
IBAN_FORMATS = {
    "AD": "4n4n12c", "AE": "3n16n", "AT": "5n11n", "AZ": "4a20c", "BE": "3n7n2n",
    "BG": "4a4n2n8c", "BH": "4a14c", "BR": "8n5n10n1a1c", "BY": "4a4n16c", "CH": "5n12c", "CY": "3n5n16c",
    "CZ": "4n6n10n", "DE": "8n10n", "DK": "4n9n1n", "EE": "2n2n11n1n", "EG": "4n4n17n",
    "ES": "4n4n1n1n10n", "FI": "3n11n", "FR": "5n5n11c2n", "GB": "4a6n8n", "GE": "2a16n",
    "GR": "3n4n16c", "HR": "7n10n", "HU": "3n4n1n15n1n", "IE": "4a6n8n", "IL": "3n3n13n",
    "IT": "1a5n5n12c", "JO": "4a4n18c", "KW": "4a22c", "KZ": "3n13c", "LB": "4n20c",
    "LI": "5n12c", "LT": "5n11n", "LU": "3n13c", "LV": "4a13c", "MC": "5n5n11c2n",
    "MT": "4a5n18c", "NL": "4a10n", "NO": "4n6n1n", "PL": "8n16n", "PT": "4n4n11n2n",
    "QA": "4a21c", "RO": "4a16c", "SA": "2n18c", "SE": "3n16n1n", "SI": "5n8n2n",
    "SK": "4n6n10n", "TN": "2n3n13n2n", "TR": "5n1n16c", "UA": "6n19c",
}


def _bban_len(cc: str) -> int:
    return sum(int(n) for n in re.findall(r"(\d+)[nac]", IBAN_FORMATS[cc]))


def _bban_matches(cc: str, bban: str) -> bool:
    pat = "".join(
        {"n": r"\d", "a": "[A-Z]", "c": "[A-Z0-9]"}[t] + "{%s}" % n
        for n, t in re.findall(r"(\d+)([nac])", IBAN_FORMATS[cc])
    )
    return re.fullmatch(pat, bban) is not None


def _to_num(s: str) -> str:
    return "".join(str(int(c, 36)) for c in s)


def iban_mod97(iban: str) -> int:
    s = iban[4:] + iban[:4]
    return int(_to_num(s)) % 97


def _mod97_str(s: str) -> int:
    return int(_to_num(s)) % 97


def _rib_key(bank: str, branch: str, account: str) -> int:
    tr = {}
    for i, c in enumerate("ABCDEFGHI"):
        tr[c] = str(i + 1)
    for i, c in enumerate("JKLMNOPQR"):
        tr[c] = str(i + 1)
    for i, c in enumerate("STUVWXYZ"):
        tr[c] = str(i + 2)
    acc = "".join(tr.get(c, c) for c in account)
    return 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(acc)) % 97


def _es_dc(digits: str) -> int:
    w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
    digits = digits.rjust(10, "0")
    r = 11 - sum(int(d) * w[i] for i, d in enumerate(digits)) % 11
    return {10: 1, 11: 0}.get(r, r)


_IT_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]


def _cin(s: str) -> str:
    """Italian CIN / codice fiscale check character over s (odd positions 1-based use the odd table)."""
    total = 0
    for i, c in enumerate(s):
        v = int(c) if c.isdigit() else ord(c) - 65
        total += _IT_ODD[v] if i % 2 == 0 else v
    return chr(65 + total % 26)


def _no_mod11(digits10: str) -> int | None:
    w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    r = 11 - sum(int(d) * x for d, x in zip(digits10, w)) % 11
    if r == 11:
        return 0
    if r == 10:
        return None
    return r


def _cz_ok(bban: str) -> bool:
    prefix, acct = bban[4:10], bban[10:]
    wp = [10, 5, 8, 4, 2, 1]
    wa = [6, 3, 7, 9, 10, 5, 8, 4, 2, 1]
    return (sum(int(d) * w for d, w in zip(prefix, wp)) % 11 == 0
            and sum(int(d) * w for d, w in zip(acct, wa)) % 11 == 0)


def _national_ok(cc: str, bban: str) -> bool:
    if cc == "BE":
        return int(bban[:10]) % 97 == int(bban[10:]) or (int(bban[:10]) % 97 == 0 and bban[10:] == "97")
    if cc in ("FR", "MC"):
        return _rib_key(bban[:5], bban[5:10], bban[10:21]) == int(bban[21:])
    if cc == "ES":
        return (_es_dc("00" + bban[:8]) == int(bban[8])
                and _es_dc(bban[10:]) == int(bban[9]))
    if cc == "IT":
        return _cin(bban[1:]) == bban[0]
    if cc == "PT":
        return 98 - (int(bban[:19]) * 100) % 97 == int(bban[19:])
    if cc == "NO":
        return _no_mod11(bban[:10]) == int(bban[10])
    if cc in ("CZ", "SK"):
        return _cz_ok(bban)
    return True


def gen_iban(rng: random.Random, cc: str) -> str:
    fmt = IBAN_FORMATS[cc]
    for _ in range(20000):
        bban = ""
        for n, t in re.findall(r"(\d+)([nac])", fmt):
            n = int(n)
            if t == "n":
                bban += _digits(rng, n)
            elif t == "a":
                bban += "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(n))
            else:  # alphanumeric in the registry, digits in practice for account numbers
                bban += _digits(rng, n)
        # fix-ups for national checks and registry conventions
        if cc == "BE":
            bban = rng.choice(["001", "063", "068", "096", "210", "240", "310", "340", "363", "393", "420", "431", "736", "737", "751", "973", "979"]) + bban[3:]
            r = int(bban[:10]) % 97
            bban = bban[:10] + ("%02d" % (r or 97))
        elif cc in ("FR", "MC"):
            acc = _digits(rng, 11)
            bban = bban[:10] + acc
            bban += "%02d" % _rib_key(bban[:5], bban[5:10], acc)
        elif cc == "ES":
            bank, branch, acc = bban[:4], bban[4:8], bban[10:]
            bban = bank + branch + str(_es_dc("00" + bank + branch)) + str(_es_dc(acc)) + acc
        elif cc == "IT":
            rest = rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") + "0" * 0
            rest = bban[1:11] + _digits(rng, 12)
            bban = _cin(rest) + rest
        elif cc == "PT":
            body = bban[:19]
            bban = body + "%02d" % (98 - (int(body) * 100) % 97)
        elif cc == "NO":
            c = _no_mod11(bban[:10])
            if c is None:
                continue
            bban = bban[:10] + str(c)
        elif cc in ("CZ", "SK"):
            if not _cz_ok(bban):
                continue
        elif cc == "TR":
            bban = bban[:5] + "0" + bban[6:]
        elif cc == "GB":
            bban = rng.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL"]) + bban[4:]
        elif cc == "IE":
            bban = rng.choice(["AIBK", "BOFI"]) + bban[4:]
        elif cc == "BY":
            bban = rng.choice(["AKBB", "ALFA", "BPSB", "BLBB", "PJCB"]) + bban[4:]
        elif cc == "NL":
            bban = rng.choice(["INGB", "ABNA", "RABO", "SNSB", "TRIO", "KNAB", "BUNQ"]) + bban[4:]
        if not _national_ok(cc, bban):
            continue
        check = 98 - _mod97_str(bban + cc + "00")
        return "%s%02d%s" % (cc, check, bban)
    raise AssertionError(cc)


def iban_ok(value: str) -> bool:
    v = compact(value)
    cc = v[:2]
    if cc not in IBAN_FORMATS:
        return False
    bban = v[4:]
    return (len(bban) == _bban_len(cc) and _bban_matches(cc, bban)
            and iban_mod97(v) == 1 and _national_ok(cc, bban))


# ---------------------------------------------------------------------------- national ids


def _date(rng: random.Random, y0: int, y1: int):
    y = rng.randint(y0, y1)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    return y, m, d


def gen_cpf(rng):
    b = _digits(rng, 9)
    while len(set(b)) == 1:
        b = _digits(rng, 9)
    for n in (10, 11):
        s = sum(int(c) * w for c, w in zip(b, range(n, 1, -1)))
        r = s % 11
        b += "0" if r < 2 else str(11 - r)
    return b


def cpf_ok(v):
    v = compact(v)
    return len(v) == 11 and v.isdigit() and len(set(v)) > 1 and gen_cpf_check(v[:9]) == v


def gen_cpf_check(b):
    for n in (10, 11):
        s = sum(int(c) * w for c, w in zip(b, range(n, 1, -1)))
        r = s % 11
        b += "0" if r < 2 else str(11 - r)
    return b


def _cnpj_complete(b):
    w1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]
    w2 = [6] + w1
    for w in (w1, w2):
        r = sum(int(c) * x for c, x in zip(b, w)) % 11
        b += "0" if r < 2 else str(11 - r)
    return b


def gen_cnpj(rng):
    return _cnpj_complete(_digits(rng, 8) + "0001")


def cnpj_ok(v):
    v = compact(v)
    return len(v) == 14 and v.isdigit() and _cnpj_complete(v[:12]) == v


_CN_REGIONS = ["110101", "110102", "110105", "110108", "310101", "310104", "310105", "310109", "310110", "120101", "120103"]
_CN_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def _cn_check(b17):
    return "10X98765432"[sum(int(c) * w for c, w in zip(b17, _CN_W)) % 11]


def gen_cnric(rng):
    y, m, d = _date(rng, 1950, 2004)
    b = rng.choice(_CN_REGIONS) + "%04d%02d%02d" % (y, m, d) + _digits(rng, 3)
    return b + _cn_check(b)


def cnric_ok(v):
    v = compact(v)
    return re.fullmatch(r"\d{17}[\dX]", v) is not None and _cn_check(v[:17]) == v[17]


def _rrn_check(b12):
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    return str((11 - sum(int(c) * x for c, x in zip(b12, w)) % 11) % 10)


def gen_rrn(rng):
    y, m, d = _date(rng, 1940, 2005)
    s = (1 if y < 2000 else 3) + rng.randrange(2)
    b = "%02d%02d%02d" % (y % 100, m, d) + str(s) + "%02d" % rng.randint(0, 95) + _digits(rng, 3)
    return b + _rrn_check(b)


def rrn_ok(v):
    v = compact(v)
    return len(v) == 13 and v.isdigit() and _rrn_check(v[:12]) == v[12]


_DNI = "TRWAGMYFPDXBNJZSQVHLCKE"


def gen_dni(rng):
    n = rng.randint(10_000_000, 79_999_999)
    return "%08d%s" % (n, _DNI[n % 23])


def gen_nie(rng):
    p = rng.choice("XYZ")
    n = rng.randint(0, 9_999_999)
    full = int("XYZ".index(p).__str__() + "%07d" % n)
    return "%s%07d%s" % (p, n, _DNI[full % 23])


def dni_ok(v):
    v = compact(v)
    return re.fullmatch(r"\d{8}[A-Z]", v) is not None and _DNI[int(v[:8]) % 23] == v[8]


def nie_ok(v):
    v = compact(v)
    return (re.fullmatch(r"[XYZ]\d{7}[A-Z]", v) is not None
            and _DNI[int(str("XYZ".index(v[0])) + v[1:8]) % 23] == v[8])


def _cf_part(s, is_name):
    s = unicodedata.normalize("NFD", s.upper())
    s = "".join(c for c in s if "A" <= c <= "Z")
    cons = [c for c in s if c not in "AEIOU"]
    vows = [c for c in s if c in "AEIOU"]
    if is_name and len(cons) >= 4:
        return cons[0] + cons[2] + cons[3]
    return ("".join(cons + vows) + "XXX")[:3]


def gen_cf(rng, surname="Esposito", name="Carmela", sex="F", comune="F839", birth=None):
    y, m, d = birth or _date(rng, 1940, 2000)
    day = d + (40 if sex == "F" else 0)
    b = (_cf_part(surname, False) + _cf_part(name, True) + "%02d" % (y % 100)
         + "ABCDEHLMPRST"[m - 1] + "%02d" % day + comune)
    return b + _cin(b)


def cf_ok(v):
    v = compact(v)
    return (re.fullmatch(r"[A-Z]{6}\d{2}[ABCDEHLMPRST]\d{2}[A-Z]\d{3}[A-Z]", v) is not None
            and _cin(v[:15]) == v[15])


def _pesel_check(b10):
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    return str((10 - sum(int(c) * x for c, x in zip(b10, w)) % 10) % 10)


def gen_pesel(rng):
    y, m, d = _date(rng, 1935, 2006)
    mm = m + (20 if y >= 2000 else 0)
    b = "%02d%02d%02d" % (y % 100, mm, d) + _digits(rng, 4)
    return b + _pesel_check(b)


def pesel_ok(v):
    v = compact(v)
    return len(v) == 11 and v.isdigit() and _pesel_check(v[:10]) == v[10]


def _tckn_complete(b9):
    odd = sum(int(b9[i]) for i in (0, 2, 4, 6, 8))
    even = sum(int(b9[i]) for i in (1, 3, 5, 7))
    d10 = (odd * 7 - even) % 10
    b = b9 + str(d10)
    return b + str(sum(int(c) for c in b) % 10)


def gen_tckn(rng):
    return _tckn_complete(str(rng.randint(1, 9)) + _digits(rng, 8))


def tckn_ok(v):
    v = compact(v)
    return len(v) == 11 and v.isdigit() and v[0] != "0" and _tckn_complete(v[:9]) == v


def bsn_ok(v):
    v = compact(v)
    if len(v) != 9 or not v.isdigit():
        return False
    s = sum(int(c) * w for c, w in zip(v[:8], range(9, 1, -1))) - int(v[8])
    return s % 11 == 0 and v != "000000000"


def gen_bsn(rng):
    while True:
        b = str(rng.randint(1, 6)) + _digits(rng, 7)
        r = sum(int(c) * w for c, w in zip(b, range(9, 1, -1))) % 11
        if r < 10:
            return b + str(r)


def _nif_check(b8):
    r = 11 - sum(int(c) * w for c, w in zip(b8, range(9, 1, -1))) % 11
    return "0" if r >= 10 else str(r)


def gen_nifpt(rng):
    b = rng.choice("123") + _digits(rng, 7)
    return b + _nif_check(b)


def nifpt_ok(v):
    v = compact(v)
    return len(v) == 9 and v.isdigit() and _nif_check(v[:8]) == v[8]


def gen_nir(rng):
    y, m, d = _date(rng, 1945, 2003)
    dept = "%02d" % rng.choice([13, 31, 33, 44, 59, 67, 69, 75, 76, 92, 93, 94])
    b = rng.choice("12") + "%02d%02d" % (y % 100, m) + dept + "%03d" % rng.randint(1, 400) + "%03d" % rng.randint(1, 999)
    return b + "%02d" % (97 - int(b) % 97)


def nir_ok(v):
    v = compact(v)
    return len(v) == 15 and v.isdigit() and 97 - int(v[:13]) % 97 == int(v[13:])


def gen_benn(rng):
    y, m, d = _date(rng, 1940, 1999)
    b = "%02d%02d%02d" % (y % 100, m, d) + "%03d" % rng.randint(1, 997)
    return b + "%02d" % (97 - int(b) % 97)


def benn_ok(v):
    v = compact(v)
    if len(v) != 11 or not v.isdigit():
        return False
    c = int(v[9:])
    return 97 - int(v[:9]) % 97 == c or 97 - int("2" + v[:9]) % 97 == c


def gen_ssn(rng):
    while True:
        a = rng.randint(1, 899)
        if a != 666:
            break
    return "%03d%02d%04d" % (a, rng.randint(1, 99), rng.randint(1, 9999))


def ssn_ok(v):
    v = compact(v)
    if len(v) != 9 or not v.isdigit():
        return False
    a, g, s = int(v[:3]), int(v[3:5]), int(v[5:])
    return 0 < a < 900 and a != 666 and g > 0 and s > 0 and v not in ("078051120", "219099999")


_NINO_BAD = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def gen_nino(rng):
    while True:
        p = rng.choice("ABCEGHJKLMNOPRSTWXYZ") + rng.choice("ABCEGHJKLMNPRSTWXYZ")
        if p not in _NINO_BAD:
            return p + _digits(rng, 6) + rng.choice("ABCD")


def nino_ok(v):
    v = compact(v)
    return (re.fullmatch(r"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]", v) is not None
            and v[:2] not in _NINO_BAD)


def _rut_dv(body):
    s = 0
    for i, c in enumerate(reversed(body)):
        s += int(c) * (2 + i % 6)
    r = 11 - s % 11
    return {11: "0", 10: "K"}.get(r, str(r))


def gen_rut(rng):
    b = str(rng.randint(8_000_000, 24_999_999))
    return b + _rut_dv(b)


def rut_ok(v):
    v = compact(v)
    return re.fullmatch(r"\d{7,8}[\dK]", v) is not None and _rut_dv(v[:-1]) == v[-1]


_CURP_CHARS = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ"


def _curp_check(b17):
    s = sum(_CURP_CHARS.index(c) * (18 - i) for i, c in enumerate(b17))
    return str((10 - s % 10) % 10)


def gen_curp(rng, head="GAMA", sex="M", state="DF", cons="RRN", birth=None):
    y, m, d = birth or _date(rng, 1950, 1999)
    b = head + "%02d%02d%02d" % (y % 100, m, d) + sex + state + cons + (str(rng.randrange(10)) if y < 2000 else rng.choice("ABCDEFGH"))
    return b + _curp_check(b)


def curp_ok(v):
    v = compact(v)
    return (re.fullmatch(r"[A-Z]{4}\d{6}[HM][A-Z]{5}[0-9A-Z]\d", v) is not None
            and _curp_check(v[:17]) == v[17])


def _cuit_check(b10):
    w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    r = 11 - sum(int(c) * x for c, x in zip(b10, w)) % 11
    return {11: 0, 10: None}.get(r, r)


def gen_cuit(rng):
    while True:
        b = rng.choice(["20", "27"]) + "%08d" % rng.randint(20_000_000, 45_000_000)
        c = _cuit_check(b)
        if c is not None:
            return b + str(c)


def cuit_ok(v):
    v = compact(v)
    return len(v) == 11 and v.isdigit() and _cuit_check(v[:10]) == int(v[10]) if _cuit_check(v[:10]) is not None else False


def gen_eid(rng):
    y = rng.randint(1960, 2000)
    return luhn_complete("784%04d" % y + _digits(rng, 7))


def eid_ok(v):
    v = compact(v)
    return len(v) == 15 and v.startswith("784") and luhn_ok(v)


def gen_saudi_id(rng):
    return luhn_complete(rng.choice("12") + _digits(rng, 8))


def saudi_id_ok(v):
    v = compact(v)
    return len(v) == 10 and v[0] in "12" and luhn_ok(v)


def _mynumber_check(b11):
    s = 0
    for n, c in enumerate(reversed(b11), start=1):
        w = n + 1 if n <= 6 else n - 5
        s += int(c) * w
    r = s % 11
    return "0" if r <= 1 else str(11 - r)


def gen_mynumber(rng):
    b = _digits(rng, 11)
    return b + _mynumber_check(b)


def mynumber_ok(v):
    v = compact(v)
    return len(v) == 12 and v.isdigit() and _mynumber_check(v[:11]) == v[11]


def _inn12(b10):
    w1 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
    w2 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
    c1 = str(sum(int(c) * x for c, x in zip(b10, w1)) % 11 % 10)
    b = b10 + c1
    return b + str(sum(int(c) * x for c, x in zip(b, w2)) % 11 % 10)


def gen_inn(rng):
    return _inn12(rng.choice(["77", "78", "66", "54", "16", "50"]) + _digits(rng, 8))


def inn_ok(v):
    v = compact(v)
    return len(v) == 12 and v.isdigit() and _inn12(v[:10]) == v


def _snils_check(b9):
    s = sum(int(c) * w for c, w in zip(b9, range(9, 0, -1)))
    if s > 101:
        s %= 101
    return "00" if s in (100, 101) else "%02d" % s


def gen_snils(rng):
    b = "%09d" % rng.randint(2_000_000, 999_999_999)
    return b + _snils_check(b)


def snils_ok(v):
    v = compact(v)
    return len(v) == 11 and v.isdigit() and int(v[:9]) > 1001998 and _snils_check(v[:9]) == v[9:]


def _iin_check(b11):
    for w in (list(range(1, 12)), [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]):
        r = sum(int(c) * x for c, x in zip(b11, w)) % 11
        if r != 10:
            return str(r)
    return None


def gen_kz_iin(rng):
    while True:
        y, m, d = _date(rng, 1950, 1999)
        b = "%02d%02d%02d" % (y % 100, m, d) + rng.choice("34") + _digits(rng, 4)
        c = _iin_check(b)
        if c is not None:
            return b + c


def kz_iin_ok(v):
    v = compact(v)
    return len(v) == 12 and v.isdigit() and _iin_check(v[:11]) == v[11]


def _idnr_check(b10):
    product = 10
    for c in b10:
        s = (int(c) + product) % 10 or 10
        product = (2 * s) % 11
    r = 11 - product
    return "0" if r == 10 else str(r)


def gen_idnr(rng):
    while True:
        digits = rng.sample("0123456789", 9)
        if digits[0] == "0":
            continue
        dup = rng.choice(digits)
        pos = rng.randrange(1, 10)
        body = digits[:pos] + [dup] + digits[pos:]
        if body[0] == "0" or len(body) != 10:
            continue
        b = "".join(body)
        if any(b[i] == b[i + 1] for i in range(9)):
            continue
        return b + _idnr_check(b)


def idnr_ok(v):
    v = compact(v)
    if len(v) != 11 or not v.isdigit() or v[0] == "0":
        return False
    counts = sorted((v[:10].count(c) for c in set(v[:10])), reverse=True)
    return counts[0] in (2, 3) and _idnr_check(v[:10]) == v[10]


def _svnr_check(b):
    w = [3, 7, 9, 0, 5, 8, 4, 2, 1, 6]
    return sum(int(c) * x for c, x in zip(b, w)) % 11


def gen_svnr(rng):
    while True:
        y, m, d = _date(rng, 1940, 2000)
        b = str(rng.randint(1, 9)) + _digits(rng, 2) + "0" + "%02d%02d%02d" % (d, m, y % 100)
        c = _svnr_check(b)
        if c < 10:
            return b[:3] + str(c) + b[4:]


def svnr_ok(v):
    v = compact(v)
    return len(v) == 10 and v.isdigit() and v[0] != "0" and _svnr_check(v) == int(v[3])


def ean_check(body: str) -> str:
    s = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(body)))
    return str((10 - s % 10) % 10)


def ean_ok(v: str) -> bool:
    v = compact(v)
    return v.isdigit() and len(v) in (8, 12, 13, 14) and ean_check(v[:-1]) == v[-1]


def gen_ahv(rng):
    b = "756" + _digits(rng, 9)
    return b + ean_check(b)


def ahv_ok(v):
    v = compact(v)
    return len(v) == 13 and v.startswith("756") and ean_ok(v)


def _nip_check(b9):
    w = [6, 5, 7, 2, 3, 4, 5, 6, 7]
    return sum(int(c) * x for c, x in zip(b9, w)) % 11


def gen_nip(rng):
    while True:
        b = str(rng.randint(1, 9)) + _digits(rng, 8)
        c = _nip_check(b)
        if c < 10:
            return b + str(c)


def nip_ok(v):
    v = compact(v)
    return len(v) == 10 and v.isdigit() and _nip_check(v[:9]) == int(v[9])


def _hkid_check(prefix, digits):
    vals = [36] * (2 - len(prefix)) + [ord(c) - 55 for c in prefix]
    s = sum(v * w for v, w in zip(vals, (9, 8))) + sum(int(c) * w for c, w in zip(digits, range(7, 1, -1)))
    r = (11 - s % 11) % 11
    return "A" if r == 10 else str(r)


def gen_hkid(rng):
    p = rng.choice("ACDEGHKPRVYZ")
    d = _digits(rng, 6)
    return p + d + _hkid_check(p, d)


def hkid_ok(v):
    v = compact(v)
    m = re.fullmatch(r"([A-Z]{1,2})(\d{6})([\dA])", v)
    return m is not None and _hkid_check(m.group(1), m.group(2)) == m.group(3)


_TW = dict(zip("ABCDEFGHJKLMNPQRSTUVXYWZIO", range(10, 36)))


def _tw_sum(v):
    n = _TW[v[0]]
    digits = [n // 10, n % 10] + [int(c) for c in v[1:]]
    w = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1]
    return sum(d * x for d, x in zip(digits, w)) % 10


def gen_twid(rng):
    b = rng.choice("ABFHE") + rng.choice("12") + _digits(rng, 7)
    for c in "0123456789":
        if _tw_sum(b + c) == 0:
            return b + c


def twid_ok(v):
    v = compact(v)
    return re.fullmatch(r"[A-Z][12]\d{8}", v) is not None and _tw_sum(v) == 0


def gen_sin(rng):
    return luhn_complete(rng.choice("1234567") + _digits(rng, 7))


def sin_ok(v):
    v = compact(v)
    return len(v) == 9 and v.isdigit() and v[0] not in "08" and luhn_ok(v)


# ---------------------------------------------------------------------------- logistics (negatives)


def _s10_check(d8):
    w = [8, 6, 4, 2, 3, 5, 9, 7]
    r = 11 - sum(int(c) * x for c, x in zip(d8, w)) % 11
    return {10: 0, 11: 5}.get(r, r)


def gen_s10(rng, service="RR", country="CN"):
    d = _digits(rng, 8)
    return "%s%s%d%s" % (service, d, _s10_check(d), country)


def s10_ok(v):
    v = compact(v)
    m = re.fullmatch(r"[A-Z]{2}(\d{8})(\d)[A-Z]{2}", v)
    return m is not None and _s10_check(m.group(1)) == int(m.group(2))


def _ups_check(body):
    s = 0
    for i, c in enumerate(body):
        n = int(c) if c.isdigit() else (ord(c) - 63) % 10
        s += n * (2 if i % 2 else 1)
    return str((10 - s % 10) % 10)


def gen_ups(rng):
    body = "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXY") for _ in range(6)) + "03" + _digits(rng, 7)
    return "1Z" + body + _ups_check(body)


def ups_ok(v):
    v = compact(v)
    return re.fullmatch(r"1Z[0-9A-Z]{16}", v) is not None and _ups_check(v[2:17]) == v[17]


def gen_usps(rng, prefix="9400"):
    b = prefix + _digits(rng, 21 - len(prefix))
    return b + ean_check(b)


def usps_ok(v):
    v = compact(v)
    return v.isdigit() and len(v) in (20, 22, 26) and ean_check(v[:-1]) == v[-1]


def gen_ean13(rng, prefix="40"):
    b = prefix + _digits(rng, 12 - len(prefix))
    return b + ean_check(b)


def gen_upc(rng):
    b = rng.choice(["0", "8"]) + _digits(rng, 10)
    return b + ean_check(b)


def _fedex_check(b11):
    w = [1, 3, 7]  # cycling from the rightmost digit of the body
    s = sum(int(c) * w[i % 3] for i, c in enumerate(reversed(b11)))
    return str(s % 11 % 10)


def gen_fedex(rng):
    b = rng.choice(["7", "2", "5"]) + _digits(rng, 10)
    return b + _fedex_check(b)


def fedex_ok(v):
    v = compact(v)
    return len(v) == 12 and v.isdigit() and _fedex_check(v[:11]) == v[11]


def gen_mod7(rng, n=12, first="3456"):
    b = rng.choice(first) + _digits(rng, n - 2)
    return b + str(int(b) % 7)


def mod7_ok(v):
    v = compact(v)
    return v.isdigit() and int(v[:-1]) % 7 == int(v[-1])


def gen_dhl10(rng):
    return gen_mod7(rng, 10, "123456789")


# ---------------------------------------------------------------------------- registry

VALIDATORS = {
    "cpf": cpf_ok, "cnpj": cnpj_ok, "cnric": cnric_ok, "rrn": rrn_ok, "dni": dni_ok,
    "nie": nie_ok, "cf": cf_ok, "pesel": pesel_ok, "tckn": tckn_ok, "bsn": bsn_ok,
    "nif": nifpt_ok, "nir": nir_ok, "benn": benn_ok, "ssn": ssn_ok, "nino": nino_ok,
    "rut": rut_ok, "curp": curp_ok, "cuit": cuit_ok, "eid": eid_ok, "saudi_id": saudi_id_ok,
    "mynumber": mynumber_ok, "inn": inn_ok, "snils": snils_ok, "kz_iin": kz_iin_ok,
    "idnr": idnr_ok, "svnr": svnr_ok, "ahv": ahv_ok, "nip": nip_ok, "hkid": hkid_ok,
    "twid": twid_ok, "sin": sin_ok,
    # negatives
    "s10": s10_ok, "ups": ups_ok, "usps": usps_ok, "ean13": ean_ok, "upc": ean_ok,
    "fedex": fedex_ok, "mod7": mod7_ok,
}

GENERATORS = {
    "cpf": gen_cpf, "cnpj": gen_cnpj, "cnric": gen_cnric, "rrn": gen_rrn, "dni": gen_dni,
    "nie": gen_nie, "cf": gen_cf, "pesel": gen_pesel, "tckn": gen_tckn, "bsn": gen_bsn,
    "nif": gen_nifpt, "nir": gen_nir, "benn": gen_benn, "ssn": gen_ssn, "nino": gen_nino,
    "rut": gen_rut, "curp": gen_curp, "cuit": gen_cuit, "eid": gen_eid, "saudi_id": gen_saudi_id,
    "mynumber": gen_mynumber, "inn": gen_inn, "snils": gen_snils, "kz_iin": gen_kz_iin,
    "idnr": gen_idnr, "svnr": gen_svnr, "ahv": gen_ahv, "nip": gen_nip, "hkid": gen_hkid,
    "twid": gen_twid, "sin": gen_sin,
}


def valid(scheme: str, value: str) -> bool:
    if scheme.startswith("luhn:"):
        brand = scheme.split(":", 1)[1]
        v = compact(value)
        return v.isdigit() and luhn_ok(v) and card_brand_ok(brand, v)
    if scheme.startswith("iban:"):
        return iban_ok(value) and compact(value)[:2] == scheme.split(":", 1)[1].upper()
    return VALIDATORS[scheme](value)
