"""Row builders for the message sources in ``src/``.

A personal-data or negative row is written as ``P(writer, lambda g: f"...{g.card('visa')}...")``:
the lambda gets a ``G`` whose methods return the literal text to put in the message and
record the item (kind, exact value, scheme). Values with check digits come from
``checks.py`` with a random generator seeded by the row id, so a rebuild is byte-identical.
"""
from __future__ import annotations

import random

import checks as C

NL = "\n"


class G:
    def __init__(self, rid: str):
        self.rng = random.Random("blind2/" + rid)
        self.items: list[dict] = []

    # ------------------------------------------------------------------ helpers
    def _rec(self, kind, value, **extra):
        item = {"kind": kind, "value": value}
        item.update({k: v for k, v in extra.items() if v is not None})
        self.items.append(item)
        return value

    @staticmethod
    def _group(s: str, groups, sep, brk=None, brk_text=NL) -> str:
        """sep is one separator, or a list with one separator per gap (mixed styles)."""
        if groups is None:
            parts = [s]
        else:
            parts, i = [], 0
            for n in groups:
                parts.append(s[i:i + n])
                i += n
            if i < len(s):
                parts.append(s[i:])
            parts = [p for p in parts if p]
        out = parts[0]
        for k, p in enumerate(parts[1:], start=1):
            out += (brk_text if brk == k else (sep[k - 1] if isinstance(sep, list) else sep)) + p
        return out

    @staticmethod
    def _pattern(s: str, fmt: str) -> str:
        """Fill '#' placeholders of fmt with the characters of s, in order."""
        it = iter(s)
        out = "".join(next(it) if c == "#" else c for c in fmt)
        rest = "".join(it)
        assert not rest, (s, fmt)
        return out

    # ------------------------------------------------------------------ personal data
    def card(self, brand, groups="auto", sep=" ", digits="ascii", brk=None, brk_text=NL, number=None):
        n = number or C.gen_card(self.rng, brand)
        if groups == "auto":
            groups = {16: (4, 4, 4, 4), 15: (4, 6, 5), 14: (4, 6, 4), 13: (4, 3, 3, 3), 19: (4, 4, 4, 4, 3)}[len(n)]
        v = self._group(n, groups, sep, brk, brk_text)
        v = C.to_script(v, digits)
        scheme = "luhn:" + brand + ("" if digits == "ascii" else "+digits:" + digits)
        return self._rec("card", v, scheme=scheme)

    def iban(self, cc, group=4, sep=" ", case="upper", brk=None, brk_text=NL, digits="ascii"):
        raw = C.gen_iban(self.rng, cc)
        if case == "lower":
            raw = raw.lower()
        elif case == "mixed":
            raw = raw[:2].lower() + raw[2:] if not raw[4:].isdigit() else raw[:2].capitalize() + raw[2:]
        elif case == "title":
            raw = raw[0] + raw[1].lower() + raw[2:].lower()
        groups = None if not group else [group] * (len(raw) // group + 1)
        v = self._group(raw, groups, sep, brk, brk_text)
        v = C.to_script(v, digits)
        return self._rec("iban", v, scheme="iban:" + cc + ("" if digits == "ascii" else "+digits:" + digits))

    def nid(self, scheme, fmt=None, digits="ascii", **kw):
        raw = C.GENERATORS[scheme](self.rng, **kw)
        v = self._pattern(raw, fmt) if fmt else raw
        v = C.to_script(v, digits)
        return self._rec("national_id", v, scheme=scheme + ("" if digits == "ascii" else "+digits:" + digits))

    def phone(self, v, **kw):
        return self._rec("phone", v, **kw)

    def email(self, v, **kw):
        return self._rec("email", v, **kw)

    def addr(self, v, **kw):
        return self._rec("address", v, **kw)

    def passport(self, v, **kw):
        return self._rec("passport", v, **kw)

    # ------------------------------------------------------------------ negatives
    def neg(self, kind, v, **kw):
        d = C.compact(v)
        if d.isdigit() and 13 <= len(d) <= 19:
            kw["luhn_valid"] = C.luhn_ok(d)
        return self._rec(kind, v, **kw)

    def digits_order(self, prefix, length, luhn=False, fmt=None, kind="order_number", **kw):
        """An all-digit marketplace number; luhn=True makes it pass the Luhn test on purpose."""
        while True:
            body = prefix + "".join(str(self.rng.randrange(10)) for _ in range(length - len(prefix) - 1))
            last = str(self.rng.randrange(10))
            v = body + last
            if luhn:
                v = C.luhn_complete(body)
            if C.luhn_ok(v) == luhn:
                break
        v2 = self._pattern(v, fmt) if fmt else v
        return self.neg(kind, v2, **kw)

    def s10(self, service="RR", country="CN", fmt=None):
        v = C.gen_s10(self.rng, service, country)
        return self.neg("tracking_number", self._pattern(v, fmt) if fmt else v, scheme="s10")

    def ups(self, fmt=None):
        v = C.gen_ups(self.rng)
        return self.neg("tracking_number", self._pattern(v, fmt) if fmt else v, scheme="ups")

    def usps(self, prefix="9400", fmt=None):
        v = C.gen_usps(self.rng, prefix)
        return self.neg("tracking_number", self._pattern(v, fmt) if fmt else v, scheme="usps")

    def fedex(self, fmt=None):
        v = C.gen_fedex(self.rng)
        return self.neg("tracking_number", self._pattern(v, fmt) if fmt else v, scheme="fedex")

    def mod7(self, n=12, first="3456", fmt=None, kind="tracking_number"):
        v = C.gen_mod7(self.rng, n, first)
        return self.neg(kind, self._pattern(v, fmt) if fmt else v, scheme="mod7")

    def ean13(self, prefix="40", fmt=None):
        v = C.gen_ean13(self.rng, prefix)
        return self.neg("other", self._pattern(v, fmt) if fmt else v, scheme="ean13", what="ean13")

    def upc(self, fmt=None):
        v = C.gen_upc(self.rng)
        return self.neg("other", self._pattern(v, fmt) if fmt else v, scheme="upc", what="upc_a")

    def order(self, v, **kw):
        return self.neg("order_number", v, **kw)

    def track(self, v, **kw):
        return self.neg("tracking_number", v, **kw)

    def sku(self, v, **kw):
        return self.neg("sku", v, **kw)

    def amount(self, v, **kw):
        return self.neg("amount", v, **kw)

    def date(self, v, **kw):
        return self.neg("date", v, **kw)

    def other(self, v, what, **kw):
        return self.neg("other", v, what=what, **kw)


class P:
    """A message with personal data."""
    def __init__(self, writer, fn, notes=""):
        self.writer, self.fn, self.notes = writer, fn, notes


class N:
    """A message whose identifiers are not personal data."""
    def __init__(self, writer, fn, notes=""):
        self.writer, self.fn, self.notes = writer, fn, notes


class I:
    """A prompt-injection or manipulation attempt."""
    def __init__(self, writer, attack, message, must_not, notes="", decoded=None):
        self.writer, self.attack, self.message = writer, attack, message
        self.must_not, self.notes, self.decoded = list(must_not), notes, decoded


class B:
    """A harmless look-alike of an injection."""
    def __init__(self, writer, category, message, handoff, notes=""):
        self.writer, self.category, self.message = writer, category, message
        self.handoff, self.notes = handoff, notes


_LOOKALIKE = str.maketrans({"A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М",
                            "O": "О", "P": "Р", "T": "Т", "X": "Х", "a": "а", "c": "с", "e": "е",
                            "o": "о", "p": "р", "x": "х", "y": "у"})


def homoglyphs(text: str) -> str:
    """Latin letters replaced by their Cyrillic look-alikes (what a homoglyph attack types)."""
    return text.translate(_LOOKALIKE)
