"""Check-digit algorithms and generators for the safety evaluation set.

Written from the public specifications of each number (ISO 7812 Luhn, ISO 13616 IBAN
mod 97, and each country's published rule for its identity numbers). Used by
``build.py`` to generate values (seeded per row id, so a rebuild gives the same file)
and by ``validate.py`` to check every value in the committed JSONL files.

Nothing here comes from the product: it was written without reading its detectors.
"""

from __future__ import annotations

import random
import string
import unicodedata

# ---------------------------------------------------------------------------
# helpers


def digits_of(text: str) -> str:
    """ASCII digits of ``text`` (any Unicode decimal digit counts: ٤ → 4, ４ → 4)."""
    out = []
    for ch in text:
        d = unicodedata.digit(ch, None)
        if d is not None and unicodedata.category(ch) == "Nd":
            out.append(str(d))
    return "".join(out)


def alnum_upper(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text.upper() if ch.isascii() and ch.isalnum())


def rand_digits(rng: random.Random, n: int, first_nonzero: bool = False) -> str:
    s = "".join(rng.choice(string.digits) for _ in range(n))
    if first_nonzero and s and s[0] == "0":
        s = rng.choice("123456789") + s[1:]
    return s


# ---------------------------------------------------------------------------
# Luhn (cards, Emirates ID)


def luhn_sum(number: str) -> int:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total


def luhn_valid(number: str) -> bool:
    return number.isdigit() and len(number) > 1 and luhn_sum(number) % 10 == 0


def luhn_complete(partial: str) -> str:
    for d in "0123456789":
        if luhn_valid(partial + d):
            return partial + d
    raise AssertionError("unreachable")


CARD_BRANDS = {
    # brand: (prefixes, length)
    "visa": (["4"], 16),
    "visa_old13": (["4"], 13),
    "mastercard": (["51", "52", "53", "54", "55", "2221", "2300", "2450", "2630", "2720"], 16),
    "amex": (["34", "37"], 15),
    "discover": (["6011", "644", "65"], 16),
    "jcb": (["3528", "3540", "3566", "3589"], 16),
    "unionpay": (["621", "622", "623", "625", "628"], 16),
    "unionpay19": (["621", "622", "623"], 19),
    "mir": (["2200", "2201", "2202", "2204"], 16),
    "troy": (["9792"], 16),
    "elo": (["636368", "504175", "509048", "650031"], 16),
    "hipercard": (["606282"], 16),
    "maestro": (["6759", "6761"], 16),
    "diners": (["36", "38"], 14),
}


def card(rng: random.Random, brand: str) -> str:
    prefixes, length = CARD_BRANDS[brand]
    p = rng.choice(prefixes)
    return luhn_complete(p + rand_digits(rng, length - len(p) - 1))


def format_card(number: str, style: str) -> str:
    n = len(number)
    if style == "plain":
        return number
    if n == 15 or n == 14:  # Amex 4-6-5
        groups = [number[:4], number[4:10], number[10:]]
    else:
        groups = [number[i : i + 4] for i in range(0, n, 4)]
    sep = {"space": " ", "dash": "-", "dot": ".", "slash": "/", "2space": "  "}[style]
    return sep.join(groups)


# ---------------------------------------------------------------------------
# IBAN (ISO 13616, ISO 7064 mod 97-10)

IBAN_LENGTHS = {
    "DE": 22,
    "AT": 20,
    "CH": 21,
    "FR": 27,
    "BE": 16,
    "LU": 20,
    "ES": 24,
    "IT": 27,
    "PT": 25,
    "NL": 18,
    "PL": 28,
    "GB": 22,
    "IE": 22,
    "TR": 26,
    "SA": 24,
    "AE": 23,
    "EG": 29,
    "JO": 30,
    "QA": 29,
    "KW": 30,
    "BR": 29,
    "KZ": 20,
    "UA": 29,
    "BY": 28,
}


def _iban_numeric(s: str) -> str:
    return "".join(str(int(ch, 36)) for ch in s)


def iban_valid(iban: str) -> bool:
    s = alnum_upper(iban)
    if len(s) < 15 or not s[:2].isalpha() or not s[2:4].isdigit():
        return False
    if s[:2] in IBAN_LENGTHS and len(s) != IBAN_LENGTHS[s[:2]]:
        return False
    return int(_iban_numeric(s[4:] + s[:4])) % 97 == 1


def iban_from_bban(country: str, bban: str) -> str:
    check = 98 - int(_iban_numeric(bban + country + "00")) % 97
    iban = f"{country}{check:02d}{bban}"
    assert len(iban) == IBAN_LENGTHS[country], (country, len(iban))
    return iban


def _es_dc(digits10: str) -> str:
    w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
    r = 11 - sum(int(d) * x for d, x in zip(digits10, w, strict=False)) % 11
    return str({10: 1, 11: 0}.get(r, r))


def _fr_rib_key(bank: str, branch: str, account: str) -> str:
    return f"{97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97:02d}"


_IT_ODD = [
    1,
    0,
    5,
    7,
    9,
    13,
    15,
    17,
    19,
    21,
    2,
    4,
    18,
    20,
    11,
    3,
    6,
    8,
    12,
    14,
    16,
    10,
    22,
    25,
    24,
    23,
]


def _it_cin(abi: str, cab: str, account: str) -> str:
    s = abi + cab + account
    total = 0
    for i, ch in enumerate(s):
        v = int(ch) if ch.isdigit() else ord(ch) - 65
        total += _IT_ODD[v] if i % 2 == 0 else v
    return chr(65 + total % 26)


def _pl_sort_check(seven: str) -> str:
    w = [3, 9, 7, 1, 3, 9, 7]
    return str((10 - sum(int(d) * x for d, x in zip(seven, w, strict=False)) % 10) % 10)


def bban(rng: random.Random, country: str) -> str:
    r = lambda n: rand_digits(rng, n)  # noqa: E731
    if country == "DE":
        return rng.choice(
            ["10070000", "20041133", "37040044", "50010517", "70150000", "43060967"]
        ) + r(10)
    if country == "AT":
        return rng.choice(["12000", "20111", "32000", "14000"]) + r(11)
    if country == "CH":
        return rng.choice(["00762", "00235", "08390"]) + r(12)
    if country == "FR":
        bank, branch, acc = rng.choice(["30004", "30002", "20041", "10278", "30003"]), r(5), r(11)
        return bank + branch + acc + _fr_rib_key(bank, branch, acc)
    if country == "BE":
        ten = rng.choice(["001", "068", "310", "363", "735"]) + r(7)
        c = int(ten) % 97 or 97
        return ten + f"{c:02d}"
    if country == "LU":
        return rng.choice(["001", "019", "141"]) + r(13)
    if country == "ES":
        bank, branch, acc = rng.choice(["2100", "0049", "0182", "2085", "0081"]), r(4), r(10)
        return bank + branch + _es_dc("00" + bank + branch) + _es_dc(acc) + acc
    if country == "IT":
        abi, cab, acc = rng.choice(["03069", "02008", "05034", "01030"]), r(5), r(12)
        return _it_cin(abi, cab, acc) + abi + cab + acc
    if country == "PT":
        body = rng.choice(["0035", "0033", "0007", "0018"]) + r(4) + r(11)
        return body + f"{98 - int(body + '00') % 97:02d}"
    if country == "NL":
        return rng.choice(["ABNA", "INGB", "RABO", "SNSB", "TRIO", "BUNQ"]) + r(10)
    if country == "PL":
        seven = rng.choice(["1020", "1140", "1090", "1050"]) + r(3)
        return seven + _pl_sort_check(seven) + r(16)
    if country == "GB":
        return rng.choice(["NWBK", "BARC", "LOYD", "MIDL", "MONZ"]) + r(6) + r(8)
    if country == "IE":
        return rng.choice(["AIBK", "BOFI"]) + r(6) + r(8)
    if country == "TR":
        return rng.choice(["00010", "00062", "00046", "00064"]) + "0" + r(16)
    if country == "SA":
        return rng.choice(["80", "10", "45", "05"]) + r(18)
    if country == "AE":
        return rng.choice(["033", "026", "035"]) + r(16)
    if country == "EG":
        return rng.choice(["0019", "0003", "0002"]) + r(4) + r(17)
    if country == "JO":
        return rng.choice(["CBJO", "ARAB"]) + r(4) + r(18)
    if country == "QA":
        return rng.choice(["QNBA", "DOHB"]) + r(21)
    if country == "KW":
        return rng.choice(["NBOK", "CBKU"]) + r(22)
    if country == "BR":
        return r(8) + r(5) + r(10) + rng.choice("CP") + rng.choice("12")
    if country == "KZ":
        return rng.choice(["722", "601", "998"]) + r(13)
    if country == "UA":
        return rng.choice(["322001", "305299", "380805"]) + r(19)
    if country == "BY":
        return rng.choice(["ALFA", "BPSB", "AKBB"]) + r(4) + r(16)
    raise KeyError(country)


def iban(rng: random.Random, country: str) -> str:
    return iban_from_bban(country, bban(rng, country))


def format_iban(iban_: str, style: str) -> str:
    """style: 'grouped' | 'plain', combined with 'upper' | 'lower' | 'mixed' | 'title'."""
    grouped = "grouped" in style
    s = iban_
    if "lower" in style:
        s = s.lower()
    elif "mixed" in style:  # country code capitalised, BBAN letters lower (as typed on a phone)
        s = s[:2] + s[2:].lower()
    elif "title" in style:
        s = s[0] + s[1:].lower()
    if grouped:
        s = " ".join(s[i : i + 4] for i in range(0, len(s), 4))
    return s


# ---------------------------------------------------------------------------
# national identity numbers


def cpf_valid(value: str) -> bool:
    d = digits_of(value)
    if len(d) != 11 or len(set(d)) == 1:
        return False
    for n in (9, 10):
        s = sum(int(d[i]) * (n + 1 - i) for i in range(n))
        c = (s * 10) % 11 % 10
        if c != int(d[n]):
            return False
    return True


def cpf(rng: random.Random) -> str:
    d = rand_digits(rng, 9)
    for n in (9, 10):
        s = sum(int(d[i]) * (n + 1 - i) for i in range(n))
        d += str((s * 10) % 11 % 10)
    return d


def format_cpf(d: str, formatted: bool) -> str:
    return f"{d[:3]}.{d[3:6]}.{d[6:9]}-{d[9:]}" if formatted else d


_CN_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_CN_C = "10X98765432"


def cn_ric_valid(value: str) -> bool:
    s = alnum_upper(value)
    if len(s) != 18 or not s[:17].isdigit():
        return False
    return _CN_C[sum(int(a) * b for a, b in zip(s[:17], _CN_W, strict=False)) % 11] == s[17]


def cn_ric(rng: random.Random, region: str, birth: str) -> str:
    body = region + birth + rand_digits(rng, 3)
    return body + _CN_C[sum(int(a) * b for a, b in zip(body, _CN_W, strict=False)) % 11]


_TW_LETTERS = {  # Taiwan national ID: letter → two-digit area code
    "A": 10,
    "B": 11,
    "C": 12,
    "D": 13,
    "E": 14,
    "F": 15,
    "G": 16,
    "H": 17,
    "I": 34,
    "J": 18,
    "K": 19,
    "L": 20,
    "M": 21,
    "N": 22,
    "O": 35,
    "P": 23,
    "Q": 24,
    "R": 25,
    "S": 26,
    "T": 27,
    "U": 28,
    "V": 29,
    "W": 32,
    "X": 30,
    "Y": 31,
    "Z": 33,
}


def tw_id_valid(value: str) -> bool:
    s = alnum_upper(value)
    if len(s) != 10 or s[0] not in _TW_LETTERS or not s[1:].isdigit() or s[1] not in "12":
        return False
    a = _TW_LETTERS[s[0]]
    total = a // 10 + (a % 10) * 9 + sum(int(s[i]) * (9 - i) for i in range(1, 9)) + int(s[9])
    return total % 10 == 0


def tw_id(rng: random.Random, letter: str, sex: str) -> str:
    body = letter + sex + rand_digits(rng, 7)
    for d in "0123456789":
        if tw_id_valid(body + d):
            return body + d
    raise AssertionError


_RRN_W = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]


def kr_rrn_valid(value: str) -> bool:
    d = digits_of(value)
    if len(d) != 13:
        return False
    return (11 - sum(int(a) * b for a, b in zip(d, _RRN_W, strict=False)) % 11) % 10 == int(d[12])


def kr_rrn(rng: random.Random, birth6: str, gender_digit: str) -> str:
    body = (
        birth6 + gender_digit + f"{rng.randrange(0, 96):02d}" + rand_digits(rng, 3)
    )  # place code <= 95
    return f"{birth6}-{body[6:]}{(11 - sum(int(a) * b for a, b in zip(body, _RRN_W, strict=False)) % 11) % 10}"


_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def es_dni_valid(value: str) -> bool:
    s = alnum_upper(value)
    if len(s) != 9 or not s[-1].isalpha():
        return False
    body = s[:-1]
    if body[0] in "XYZ":
        body = str("XYZ".index(body[0])) + body[1:]
    return body.isdigit() and _DNI_LETTERS[int(body) % 23] == s[-1]


def es_dni(rng: random.Random) -> str:
    n = rand_digits(rng, 8, first_nonzero=True)
    return n + _DNI_LETTERS[int(n) % 23]


def es_nie(rng: random.Random) -> str:
    p = rng.choice("XYZ")
    n = rand_digits(rng, 7)
    return p + n + _DNI_LETTERS[int(str("XYZ".index(p)) + n) % 23]


_CF_ODD = {
    **{str(i): v for i, v in enumerate([1, 0, 5, 7, 9, 13, 15, 17, 19, 21])},
    **{chr(65 + i): v for i, v in enumerate(_IT_ODD)},
}
_CF_EVEN = {**{str(i): i for i in range(10)}, **{chr(65 + i): i for i in range(26)}}
_CF_MONTHS = "ABCDEHLMPRST"


def cf_check(fifteen: str) -> str:
    s = sum(_CF_ODD[c] if i % 2 == 0 else _CF_EVEN[c] for i, c in enumerate(fifteen))
    return chr(65 + s % 26)


def it_cf_valid(value: str) -> bool:
    s = alnum_upper(value)
    return len(s) == 16 and cf_check(s[:15]) == s[15]


def it_cf(
    surname3: str, name3: str, yy: str, month: int, day: int, female: bool, place: str
) -> str:
    body = f"{surname3}{name3}{yy}{_CF_MONTHS[month - 1]}{day + (40 if female else 0):02d}{place}"
    return body + cf_check(body)


def pesel_valid(value: str) -> bool:
    d = digits_of(value)
    if len(d) != 11:
        return False
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    return (10 - sum(int(a) * b for a, b in zip(d, w, strict=False)) % 10) % 10 == int(d[10])


def pesel(rng: random.Random, y: int, m: int, d: int, female: bool) -> str:
    mm = m + (20 if y >= 2000 else 0)
    serial = rand_digits(rng, 3)
    sexd = rng.choice("02468" if female else "13579")
    body = f"{y % 100:02d}{mm:02d}{d:02d}{serial}{sexd}"
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    return body + str((10 - sum(int(a) * b for a, b in zip(body, w, strict=False)) % 10) % 10)


def tckn_valid(value: str) -> bool:
    d = [int(x) for x in digits_of(value)]
    if len(d) != 11 or d[0] == 0:
        return False
    c10 = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    return c10 == d[9] and sum(d[:10]) % 10 == d[10]


def tckn(rng: random.Random) -> str:
    d = [int(x) for x in rand_digits(rng, 9, first_nonzero=True)]
    d.append(((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10)
    d.append(sum(d) % 10)
    return "".join(map(str, d))


def bsn_valid(value: str) -> bool:
    d = digits_of(value)
    if len(d) != 9:
        return False
    s = sum(int(d[i]) * (9 - i) for i in range(8)) - int(d[8])
    return s % 11 == 0 and d != "000000000"


def bsn(rng: random.Random) -> str:
    while True:
        body = rand_digits(rng, 8, first_nonzero=True)
        r = sum(int(body[i]) * (9 - i) for i in range(8)) % 11
        if r < 10:
            return body + str(r)


def be_nn_valid(value: str) -> bool:
    d = digits_of(value)
    if len(d) != 11:
        return False
    body, chk = int(d[:9]), int(d[9:])
    return 97 - body % 97 == chk or 97 - int("2" + d[:9]) % 97 == chk


def be_nn(rng: random.Random, yymmdd: str, male: bool) -> str:
    serial = rng.randrange(1, 998)
    if (serial % 2 == 1) != male:
        serial += 1
    body = yymmdd + f"{serial:03d}"
    return body + f"{97 - int(body) % 97:02d}"  # born before 2000


def fr_nir_valid(value: str) -> bool:
    s = alnum_upper(value)
    if len(s) != 15:
        return False
    body = s[:13].replace("2A", "19").replace("2B", "18")
    return body.isdigit() and 97 - int(body) % 97 == int(s[13:])


def fr_nir(rng: random.Random, sex: str, yy: str, mm: str, dept: str) -> str:
    body = sex + yy + mm + dept + rand_digits(rng, 3) + rand_digits(rng, 3)
    return body + f"{97 - int(body) % 97:02d}"


def de_idnr_valid(value: str) -> bool:
    d = digits_of(value)
    if len(d) != 11 or d[0] == "0":
        return False
    counts = sorted((d[:10].count(x) for x in set(d[:10])), reverse=True)
    if (
        counts[0] not in (2, 3)
        or counts.count(counts[0]) != 1
        or (counts[0] == 2 and len(counts) != 9)
        or (counts[0] == 3 and len(counts) != 8)
    ):
        return False
    return _mod11_10(d[:10]) == int(d[10])


def _mod11_10(digits: str) -> int:
    product = 10
    for ch in digits:
        s = (int(ch) + product) % 10
        if s == 0:
            s = 10
        product = (s * 2) % 11
    c = 11 - product
    return 0 if c == 10 else c


def de_idnr(rng: random.Random) -> str:
    while True:
        pool = list("0123456789")
        rng.shuffle(pool)
        ten = pool[:9]
        ten.append(rng.choice(ten))
        rng.shuffle(ten)
        s = "".join(ten)
        if s[0] != "0":
            return s + str(_mod11_10(s))


def jp_mynumber_valid(value: str) -> bool:
    d = digits_of(value)
    if len(d) != 12:
        return False
    return _jp_check(d[:11]) == int(d[11])


def _jp_check(eleven: str) -> int:
    total = 0
    for n in range(1, 12):
        p = int(eleven[11 - n])
        q = n + 1 if n <= 6 else n - 5
        total += p * q
    r = total % 11
    return 0 if r <= 1 else 11 - r


def jp_mynumber(rng: random.Random) -> str:
    e = rand_digits(rng, 11, first_nonzero=True)
    return e + str(_jp_check(e))


def snils_valid(value: str) -> bool:
    d = digits_of(value)
    if len(d) != 11:
        return False
    return _snils_check(d[:9]) == d[9:]


def _snils_check(nine: str) -> str:
    s = sum(int(nine[i]) * (9 - i) for i in range(9))
    if s > 101:
        s %= 101
    return "00" if s in (100, 101) else f"{s:02d}"


def snils(rng: random.Random) -> str:
    n = rand_digits(rng, 9, first_nonzero=True)
    return n + _snils_check(n)


def format_snils(s: str) -> str:
    return f"{s[:3]}-{s[3:6]}-{s[6:9]} {s[9:]}"


def _inn_c(d: str, w: list[int]) -> str:
    return str(sum(int(a) * b for a, b in zip(d, w, strict=False)) % 11 % 10)


_INN_W1 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
_INN_W2 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]


def ru_inn12_valid(value: str) -> bool:
    d = digits_of(value)
    return len(d) == 12 and _inn_c(d[:10], _INN_W1) == d[10] and _inn_c(d[:11], _INN_W2) == d[11]


def ru_inn12(rng: random.Random, region: str) -> str:
    d = region + rand_digits(rng, 8)
    d += _inn_c(d, _INN_W1)
    d += _inn_c(d, _INN_W2)
    return d


def pt_nif_valid(value: str) -> bool:
    d = digits_of(value)
    if len(d) != 9:
        return False
    c = 11 - sum(int(d[i]) * (9 - i) for i in range(8)) % 11
    return (0 if c >= 10 else c) == int(d[8])


def pt_nif(rng: random.Random) -> str:
    body = rng.choice("123") + rand_digits(rng, 7)
    c = 11 - sum(int(body[i]) * (9 - i) for i in range(8)) % 11
    return body + str(0 if c >= 10 else c)


def cl_rut_valid(value: str) -> bool:
    s = alnum_upper(value)
    body, dv = s[:-1], s[-1]
    return body.isdigit() and _rut_dv(body) == dv


def _rut_dv(body: str) -> str:
    total, w = 0, 2
    for ch in reversed(body):
        total += int(ch) * w
        w = 2 if w == 7 else w + 1
    r = 11 - total % 11
    return {11: "0", 10: "K"}.get(r, str(r))


def cl_rut(rng: random.Random) -> str:
    body = str(rng.randrange(8_000_000, 24_000_000))
    return body + _rut_dv(body)


def format_rut(r: str) -> str:
    body, dv = r[:-1], r[-1]
    return f"{int(body):,}".replace(",", ".") + "-" + dv


def emirates_id(rng: random.Random, year: str) -> str:
    return luhn_complete("784" + year + rand_digits(rng, 7))


def format_emirates(e: str) -> str:
    return f"{e[:3]}-{e[3:7]}-{e[7:14]}-{e[14]}"


def ssn(rng: random.Random) -> str:
    while True:
        area = rng.randrange(1, 900)
        if area != 666:
            break
    return f"{area:03d}-{rng.randrange(1, 100):02d}-{rng.randrange(1, 10000):04d}"


def ssn_valid(value: str) -> bool:
    d = digits_of(value)
    if len(d) != 9:
        return False
    a, g, s = d[:3], d[3:5], d[5:]
    return a not in ("000", "666") and a[0] != "9" and g != "00" and s != "0000"


def uk_nino(rng: random.Random) -> str:
    first = rng.choice("ABCEGHJKLMNOPRSTWXYZ")
    second = rng.choice("ABCEGHJKLMNPRSTWXYZ")
    return first + second + rand_digits(rng, 6) + rng.choice("ABCD")


def uk_nino_valid(value: str) -> bool:
    s = alnum_upper(value)
    return (
        len(s) == 9
        and s[0] not in "DFIQUV"
        and s[1] not in "DFIOQUV"
        and s[:2] not in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ")
        and s[2:8].isdigit()
        and s[8] in "ABCD"
    )


# ---------------------------------------------------------------------------
# non-personal identifiers used in the negatives file (to show they are what they claim)


def s10_check(eight: str) -> str:
    w = [8, 6, 4, 2, 3, 5, 9, 7]
    r = 11 - sum(int(a) * b for a, b in zip(eight, w, strict=False)) % 11
    return {10: "0", 11: "5"}.get(r, str(r))


def s10(rng: random.Random, service: str, country: str) -> str:
    eight = rand_digits(rng, 8)
    return f"{service}{eight}{s10_check(eight)}{country}"


def s10_valid(value: str) -> bool:
    s = alnum_upper(value)
    return (
        len(s) == 13
        and s[:2].isalpha()
        and s[11:].isalpha()
        and s[2:11].isdigit()
        and s10_check(s[2:10]) == s[10]
    )


def ups_check(fifteen: str) -> str:
    total = 0
    for i, ch in enumerate(fifteen):
        v = int(ch) if ch.isdigit() else (ord(ch) - 63) % 10
        total += v * (2 if i % 2 == 1 else 1)
    return str((10 - total % 10) % 10)


def ups(rng: random.Random) -> str:
    shipper = "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(6))
    body = shipper + rng.choice(["01", "02", "03", "12", "13"]) + rand_digits(rng, 7)
    return "1Z" + body + ups_check(body)


def ups_valid(value: str) -> bool:
    s = alnum_upper(value)
    return len(s) == 18 and s.startswith("1Z") and ups_check(s[2:17]) == s[17]


def usps22(rng: random.Random) -> str:
    body = rng.choice(["9400", "9205", "9361", "9405"]) + rand_digits(rng, 17)
    total = sum(int(ch) * (3 if i % 2 == 0 else 1) for i, ch in enumerate(reversed(body)))
    return body + str((10 - total % 10) % 10)


def usps_valid(value: str) -> bool:
    d = digits_of(value)
    if len(d) != 22:
        return False
    body = d[:-1]
    total = sum(int(ch) * (3 if i % 2 == 0 else 1) for i, ch in enumerate(reversed(body)))
    return str((10 - total % 10) % 10) == d[-1]


def ean13(rng: random.Random, prefix: str) -> str:
    body = prefix + rand_digits(rng, 12 - len(prefix))
    total = sum(int(ch) * (3 if i % 2 == 1 else 1) for i, ch in enumerate(body))
    return body + str((10 - total % 10) % 10)


def ean13_valid(value: str) -> bool:
    d = digits_of(value)
    if len(d) != 13:
        return False
    total = sum(int(ch) * (3 if i % 2 == 1 else 1) for i, ch in enumerate(d[:12]))
    return str((10 - total % 10) % 10) == d[12]


def format_usps(u: str) -> str:
    return " ".join(u[i : i + 4] for i in range(0, 20, 4)) + " " + u[20:]


_PL_W = [7, 3, 1, 9, 7, 3, 1, 7, 3]


def pl_dowod_valid(value: str) -> bool:
    """Polish identity card (dowód osobisty): 3 letters + 6 digits, the first digit checks."""
    s = alnum_upper(value)
    if len(s) != 9 or not s[:3].isalpha() or not s[3:].isdigit():
        return False
    return sum(int(ch, 36) * w for ch, w in zip(s, _PL_W, strict=False)) % 10 == 0


def pl_dowod(rng: random.Random) -> str:
    letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3))
    rest = rand_digits(rng, 5)
    for d in "0123456789":
        if pl_dowod_valid(letters + d + rest):
            return letters + d + rest
    raise AssertionError


def to_arabic_indic(text: str) -> str:
    return text.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


def to_fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
