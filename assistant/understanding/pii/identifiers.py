"""Order, tracking and product references that look like personal data but are not.

They are matched first and blanked, so a 16-digit AliExpress order that happens to pass
the Luhn check is not a card, and a 10-digit DHL waybill is not a phone number. Each
pattern runs on the folded text (ASCII digits); when it has a group named ``id`` only that
group is the identifier (the carrier's name before it stays visible), otherwise the whole
match is. A shop adds its own formats by passing more patterns to ``find_pii(known=...)``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.understanding.pii.text import words_pattern

# No ASCII letter or digit on either side ("DE89 3704..." is not followed by a USPS number;
# CJK text has no \b before "单号LP0034..."). The left boundary is checked after the first
# character: the regex engine then scans for that character in C, where a pattern opening
# with a look-behind is tried at every position of the text.
_A1 = r"(?![A-Za-z0-9])"


def _f(first: str, rest: str) -> re.Pattern[str]:
    return re.compile(first + r"(?<![A-Za-z0-9].)" + rest + _A1)


# Marketplaces' order numbers.
ALIEXPRESS = _f("[83]", r"(?:(?<=8)\d{15}|(?<=3)[0-4]\d{14})")  # 35xx is JCB's card range
AMAZON = _f(r"\d", r"\d{2}-\d{7}-\d{7}")
EBAY = _f(r"\d", r"\d-\d{5}-\d{5}")
MERCADO_LIBRE = _f("2", r"000\d{9,12}")  # also Walmart's 13-digit orders
SHOPEE = _f(r"\d", r"(?=\d{5}[0-9A-Z]{0,9}[A-Z])\d{5}[0-9A-Z]{8,9}")  # YYMMDD + 8
# Carriers' tracking numbers.
UPU_S10 = _f("[A-Z]", r"[A-Z] ?\d{3} ?\d{3} ?\d{3} ?[A-Z]{2}")  # RR123456785CN
CAINIAO = _f("[LCY]", r"(?:(?<=L)P|(?<=C)N|(?<=Y)T)\d{14,18}")  # Cainiao, YunExpress
FOUR_PX = _f("4", r"PX\d{10,16}(?:CN)?")
UPS = _f("1", r"Z(?: ?[0-9A-Z]){16}")
USPS = _f("9", r"[1-5](?: ?\d){18,24}")
DHL = _f("[JG0]", r"(?:(?<=J)JD\d{16,20}|(?<=J)VGL\d{12,20}|(?<=G)M\d{16,20}|(?<=0)03404\d{14})")
SF_EXPRESS = _f("S", r"F\d{12,13}")
HERMES = _f("H", r"\d{13}")
COLISSIMO = _f(r"\d", r"[A-Z]\d{11}")
POSTNL = _f("3", r"S[A-Z]{4}\d{6,11}")
# No card (19), phone (15) or national id (18) is this long; InPost, bpost, Estafeta and
# DHL Paket numbers are.
LONG_NUMBER = _f(r"\d", r"\d{19,}")

# A reference right after a carrier, marketplace or order/tracking/invoice word, in the 14
# languages. The reference must contain three digits; a bare 13-19-digit number is left to
# the card check (its Luhn and issuer tests tell orders from cards).
_CONTEXT_WORDS = [
    # carriers
    "dhl", "fedex", "ups", "usps", "tnt", "gls", "dpd", "hermes", "evri", "royal mail",
    "auspost", "postnl", "bpost", "colissimo", "chronopost", "mondial relay", "correos",
    "seur", "mrw", "estafeta", "brt", "sda", "poste", "inpost", "cdek", "сдэк", "boxberry",
    "ptt", "yurtiçi", "yurtici", "aras", "mng", "sürat", "jadlog", "correios", "loggi",
    "aramex", "أرامكس", "smsa", "سمسا", "yamato", "ヤマト", "sagawa", "佐川", "日本郵便",
    "cj", "대한통운", "롯데택배", "한진", "우체국", "sf", "顺丰", "順豐", "中通", "圆通", "韵达",
    "申通", "ems", "cainiao", "菜鸟", "yunexpress", "yanwen", "4px",
    # marketplaces
    "amazon", "ebay", "aliexpress", "temu", "shein", "shopee", "蝦皮", "虾皮", "lazada",
    "mercado libre", "walmart", "etsy", "allegro", "ozon", "озон", "wildberries", "wb",
    "trendyol", "hepsiburada", "n11", "bol.com", "cdiscount", "zalando", "otto", "rakuten",
    "楽天", "mercari", "メルカリ", "coupang", "쿠팡", "스마트스토어", "noon", "نون", "jumia",
    "taobao", "淘宝", "tmall", "天猫", "jd", "京东", "京東", "拼多多", "速卖通", "アリエク", "알리",
    # order, parcel, tracking, invoice, article words
    "order*", "tracking", "track", "shipment", "parcel", "package", "waybill", "awb",
    "reference", "ref", "invoice", "receipt", "sku", "item", "article*",
    "bestell*", "auftrag*", "sendung*", "paket*", "rechnung*", "artikel*", "lieferschein*",
    "commande*", "colis", "suivi", "facture*", "référence",
    "pedido*", "envío", "envio", "seguimiento", "guía", "guia", "orden", "factura*", "boleta",
    "ordine", "spedizione", "tracciamento", "fattura*", "articolo",
    "bestelling*", "bestelnummer*", "zending*", "pakket*", "volgnummer*", "factuur*",
    "zamówieni*", "zamowieni*", "przesyłk*", "przesylk*", "paczk*", "faktur*",
    "encomenda*", "rastreio", "rastreamento", "fatura*", "nota fiscal",
    "заказ*", "трек*", "посылк*", "отправлени*", "накладн*", "счёт*", "счет*", "артикул*",
    "sipariş*", "siparis*", "kargo*", "takip*", "gönderi*", "gonderi*", "fatura*",
    "注文", "追跡", "伝票", "問い合わせ番号", "お問い合わせ番号", "送り状", "請求書", "取引",
    "订单", "訂單", "单号", "單號", "运单", "運單", "快递", "快遞", "物流", "发票", "發票",
    "取貨", "取货", "编号", "編號",
    "주문", "송장", "운송장", "등기", "세금계산서",
    "طلب*", "الطلب*", "طلبية", "أوردر", "اوردر", "شحنة", "الشحنة", "تتبع", "التتبع",
    "بوليصة", "فاتورة",
]
# What may stand between such a word and the reference: punctuation, "number", "is".
_GLUE_WORDS = [
    "no", "nr", "n°", "nº", "num", "number", "numbers", "id", "is", "ist", "lautet", "est",
    "es", "é", "è", "nummer*", "numéro", "número", "numero", "numer*", "номер*", "это",
    "numara*", "numaram", "番号", "号", "號", "번호", "رقم", "هو", "#", "code", "kod",
    "código", "codice", "code", "de", "van", "del", "do", "da", "di", "der", "des",
]
_ID = (r"(?!\d{13,19}(?![0-9A-Za-z]))"  # a bare 13-19-digit number goes to the card check
       r"(?=(?:[A-Za-z/.-]*\d){3})"
       r"[A-Za-z0-9](?:[A-Za-z0-9]|[-/.](?=[A-Za-z0-9])){5,39}" + _A1)
_SPACED_WORD_REST = r"[A-Za-z\u00C0-\u024F\u0400-\u04FF]{0,24}"
REFERENCE_AFTER_WORD = re.compile(
    # the rest of a spaced word ("Bestellung"; CJK has no spaces: "快递员打不通" is not one word)
    words_pattern(_CONTEXT_WORDS) + _SPACED_WORD_REST
    + r"(?:[^\S\n]|[-:：#№.,'’]|" + words_pattern(_GLUE_WORDS) + _SPACED_WORD_REST + r"){0,8}(?P<id>" + _ID + ")",
    re.IGNORECASE,
)
# Barcodes (EAN-13, UPC, JAN) after their name.
_BARCODE_WORDS = [
    "ean", "gtin", "upc", "jan", "barcode", "bar code", "barkod", "strichcode", "code-barres",
    "code barre", "código de barras", "codice a barre", "kod kreskowy", "streepjescode",
    "штрихкод", "штрих-код", "条码", "條碼", "条形码", "條形碼", "バーコード", "janコード", "바코드",
    "الباركود", "باركود",
]
BARCODE_AFTER_WORD = re.compile(
    words_pattern(_BARCODE_WORDS) + r"[^0-9\n]{0,12}?(?P<id>(?<![A-Za-z0-9])(?:\d{8}|\d{12,14})" + _A1 + ")",
    re.IGNORECASE,
)

DEFAULT_IDENTIFIERS: tuple[re.Pattern[str], ...] = (
    ALIEXPRESS, AMAZON, EBAY, MERCADO_LIBRE, SHOPEE, UPU_S10, CAINIAO, FOUR_PX, UPS, USPS,
    DHL, SF_EXPRESS, HERMES, COLISSIMO, POSTNL, LONG_NUMBER, REFERENCE_AFTER_WORD,
    BARCODE_AFTER_WORD,
)


# A run of letters and digits (single separators inside) of 6+ characters: every reference
# REFERENCE_AFTER_WORD can claim lies inside one with 3+ of its digits. Looking for such a run
# is one linear scan; the word alternation is tried at every position (0.15 ms on a draft).
_ID_RUN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9]|[-/.](?=[A-Za-z0-9])){5,}")


def _may_have_reference(text: str, pos: int, end: int) -> bool:
    return any(sum(c.isdigit() for c in m.group()) >= 3 for m in _ID_RUN.finditer(text, pos, end))


def identifier_spans(text: str, known: Sequence[re.Pattern[str]],
                     pos: int = 0, endpos: int | None = None) -> list[tuple[int, int]]:
    """Spans of ``text[pos:endpos]`` that the ``known`` patterns claim as identifiers."""
    end = len(text) if endpos is None else endpos
    spans = []
    for pattern in known:
        if pattern is REFERENCE_AFTER_WORD and not _may_have_reference(text, pos, end):
            continue
        has_id = "id" in pattern.groupindex
        for m in pattern.finditer(text, pos, end):
            span = m.span("id") if has_id else m.span()
            if span[1] > span[0]:
                spans.append(span)
    return spans
