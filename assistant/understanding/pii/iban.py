"""IBANs in any case, grouped in fours or not, glued to the text around them.

The country's IBAN length says where the number ends ("DE89 3704 0044 0532 0130 00 please"
stops before "please" although that could continue it), then the ISO 13616 mod-97 check and
the country's account format (python-stdnum) confirm it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum import iban as stdnum_iban

# ISO 13616 registry: IBAN length per country.
LENGTHS = {
    cc: int(n) for cc, n in (item.split(":") for item in ["AD:24", "AE:23", "AL:28", "AT:20", "AZ:28", "BA:20", "BE:16", "BG:22", "BH:22", "BI:27", "BR:29", "BY:28", "CH:21", "CR:22", "CY:28", "CZ:24", "DE:22", "DJ:27", "DK:18", "DO:28", "EE:20", "EG:29", "ES:24", "FI:18", "FK:18", "FO:18", "FR:27", "GB:22", "GE:22", "GI:23", "GL:18", "GR:27", "GT:28", "HR:21", "HU:28", "IE:22", "IL:23", "IQ:23", "IS:26", "IT:27", "JO:30", "KW:30", "KZ:20", "LB:28", "LC:32", "LI:21", "LT:20", "LU:20", "LV:21", "LY:25", "MC:27", "MD:24", "ME:22", "MK:19", "MN:20", "MR:27", "MT:31", "MU:30", "NI:28", "NL:18", "NO:15", "OM:23", "PK:24", "PL:28", "PS:29", "PT:25", "QA:29", "RO:24", "RS:22", "RU:33", "SA:24", "SC:31", "SD:18", "SE:24", "SI:19", "SK:24", "SM:27", "SO:23", "ST:25", "SV:28", "TL:23", "TN:24", "TR:26", "UA:29", "VA:22", "VG:24", "XK:20", "YE:30"])
}
START = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}")
ALNUM = re.compile(r"[A-Za-z0-9]")
BODY = re.compile(r"(?: ?[A-Za-z0-9]){11,30}")


def mod97_ok(compact: str) -> bool:
    """ISO 13616: the number with its first four characters moved to the end, letters as
    10-35, leaves 1 modulo 97."""
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def iban_ok(raw: str, country_format: bool = True) -> bool:
    compact = raw.replace(" ", "").upper()
    return mod97_ok(compact) and (not country_format or bool(stdnum_iban.is_valid(compact)))


# Past this many country-format checks in one text (pages of IBANs), the mod-97 check alone
# confirms one: the cost stays bounded.
FORMAT_BUDGET = 32


def find(text: str) -> Iterator[tuple[int, int]]:
    budget = FORMAT_BUDGET
    for m in START.finditer(text):
        length = LENGTHS.get(m.group()[:2].upper())
        if length is None:
            continue
        body = BODY.match(text, m.end())
        if body is None:
            continue
        # Take the country's number of characters, allowing one space between any two.
        chars, end = 4, m.end()
        for offset, ch in enumerate(body.group()):
            if ch != " ":
                chars += 1
                if chars == length:
                    end = m.end() + offset + 1
                    break
        # Too short, or the token goes on ("DE89370400440532013000123" is no IBAN).
        if chars < length or ALNUM.match(text, end):
            continue
        budget -= 1
        if iban_ok(text[m.start():end], country_format=budget > 0):
            yield m.start(), end
