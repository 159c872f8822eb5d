"""Entities a reply needs: order and tracking numbers, amounts, dates, product references."""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.models import Amount, Entities

ORDER_PATTERNS = {
    "aliexpress": re.compile(r"(?<!\d)8\d{15}(?!\d)"),
    "amazon": re.compile(r"(?<!\d)\d{3}-\d{7}-\d{7}(?!\d)"),
    "ebay": re.compile(r"(?<!\d)\d{2}-\d{5}-\d{5}(?!\d)"),
    "shopify": re.compile(r"(?<![A-Z0-9])#?NL\d{5}(?!\d)", re.IGNORECASE),
}
TRACKING_PATTERNS = {
    # ASCII look-arounds, not \b: "单号LP0034..." has no word boundary before "LP".
    "cainiao": re.compile(r"(?<![A-Za-z0-9])LP\d{14}(?![0-9])", re.IGNORECASE),
    "upu": re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{9}[A-Z]{2}(?![A-Za-z0-9])"),
    "ups": re.compile(r"(?<![A-Za-z0-9])1Z[0-9A-Z]{16}(?![A-Za-z0-9])"),
}
SKU = re.compile(r"\bNL-(?:AP|SH|EL)-\d{4}\b", re.IGNORECASE)
CURRENCY_WORDS = {
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "€": "EUR",
    "eur": "EUR", "euro": "EUR", "euros": "EUR", "£": "GBP", "gbp": "GBP", "r$": "BRL",
    "brl": "BRL", "reais": "BRL", "¥": "JPY", "円": "JPY", "jpy": "JPY", "yen": "JPY",
    "₽": "RUB", "руб": "RUB", "rub": "RUB", "zł": "PLN", "zl": "PLN", "pln": "PLN", "₺": "TRY",
    "tl": "TRY", "try": "TRY", "₩": "KRW", "원": "KRW", "krw": "KRW", "元": "CNY", "rmb": "CNY",
    "cny": "CNY", "sar": "SAR", "ريال": "SAR", "aed": "AED", "a$": "AUD", "aud": "AUD",
}
_CUR = "|".join(sorted((re.escape(c) for c in CURRENCY_WORDS), key=len, reverse=True))
AMOUNT = re.compile(
    rf"(?i)(?P<cur1>{_CUR})\s?(?P<n1>\d{{1,7}}(?:[.,]\d{{3}})*(?:[.,]\d{{1,2}})?)"
    rf"|(?P<n2>\d{{1,7}}(?:[.,]\d{{3}})*(?:[.,]\d{{1,2}})?)\s?(?P<cur2>{_CUR})(?!\w)"
)
DATE = re.compile(
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}月\d{1,2}日"
)


def _number(raw: str) -> float:
    raw = raw.strip()
    if re.search(r"[.,]\d{1,2}$", raw):
        whole, frac = raw[:-3 if raw[-3] in ".," else -2], raw[-2:].lstrip(".,")
        return float(re.sub(r"[.,]", "", whole) + "." + frac)
    return float(re.sub(r"[.,]", "", raw))


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def extract_entities(text: str) -> Entities:
    orders = [m.group().lstrip("#").upper() if kind == "shopify" else m.group()
              for kind, p in ORDER_PATTERNS.items() for m in p.finditer(text)]
    tracking = [m.group().upper() for p in TRACKING_PATTERNS.values() for m in p.finditer(text)]
    amounts = []
    for m in AMOUNT.finditer(text):
        cur = (m.group("cur1") or m.group("cur2") or "").lower()
        num = m.group("n1") or m.group("n2")
        try:
            amounts.append(Amount(value=_number(num), currency=CURRENCY_WORDS[cur], text=m.group().strip()))
        except (ValueError, KeyError):
            continue
    return Entities(
        order_numbers=_unique(orders), tracking_numbers=_unique(tracking), amounts=amounts,
        dates=_unique(DATE.findall(text)), products=_unique(s.upper() for s in SKU.findall(text)),
    )
