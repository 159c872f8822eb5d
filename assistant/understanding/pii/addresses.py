"""Street addresses, best effort: written patterns of the markets' address formats, no model.

An address is found from a street (a street-type word with a house number: "Via Toledo
256", "12 rue de la République", "Hauptstraße 112", "ул. Ленина", "شارع التحلية",
"张杨路500号", "테헤란로 152", "梅田1丁目2-3") and grows over the parts written next to it:
flat and floor ("Flat 3", "кв. 42", "1203室"), postcode and city ("69117 Heidelberg",
"London SE15 5DT", "OH 43215"), and a city or district between commas. A postcode or a city
alone is not an address: "PLZ 44787" and "dépôt de 69007" are not personal data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.understanding.pii.text import Words, words_pattern

_UP = r"[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ]"  # an upper-case letter (Latin, Cyrillic)
_AR = r"[\u0621-\u064A\u066E-\u06D3]"  # an Arabic letter (not ، or ؟)
_WORD = r"[^\W\d_][\w'’.-]{0,30}"  # a word of letters (any script)
_NAME = rf"(?:{_WORD}|\d{{1,3}}(?:st|nd|rd|th)?)(?:[^\S\n](?:{_WORD})){{0,4}}"  # 1-5 words
_HOUSE = r"\d{1,5}[A-Za-z]?(?:[^\S\n]?[/-][^\S\n]?\d{1,5}[A-Za-z]?){0,3}(?![\d.,]\d)"

_TYPE_BEFORE_WORDS = [
    "rue", "avenue", "av.", "av", "avda.", "avenida", "bd", "boulevard", "blvd", "chemin",
    "ch.", "place", "allée", "impasse", "quai", "cours", "route", "via", "viale", "v.le", "corso",
    "piazza", "p.za", "vico", "vicolo", "largo", "strada", "calle", "c/", "paseo", "plaza",
    "camino", "carrera", "rua", "r.", "travessa", "praça", "alameda", "estrada", "rodovia",
    "ul.", "ulica", "al.", "aleja", "os.", "osiedle", "pl.", "plac", "ул.", "улица", "пр.",
    "пр-т", "проспект", "пер.", "переулок", "б-р", "бульвар", "ш.", "шоссе", "наб.",
    "набережная", "пл.", "площадь", "мкр.", "микрорайон", "шارع", "شارع", "طريق", "حي", "برج",
    "مبنى", "عمارة", "جادة",
]
_TYPE_BEFORE = words_pattern(_TYPE_BEFORE_WORDS)
# Street types written after the name (a word of their own or the end of one).
# Street types written after the name, as the end of one word ("Hauptstraße", "Oudegracht").
# Not "ring", "hof" or "wal": "During", "Spring" and "Bahnhof" would be streets.
_TYPE_AFTER = (
    r"(?:[Ss]tra(?:ß|ss)e|[Ss]tr\.|[Gg]asse|[Ww]eg|[Aa]llee|[Pp]latz|[Dd]amm|[Uu]fer"
    r"|[Cc]haussee|[Ss]teig|[Pp]fad|[Mm]arkt|[Gg]racht|[Ss]traat|[Ll]aan|[Pp]lein|[Kk]ade"
    r"|[Dd]ijk|[Ss]ingel|[Ss]teeg)"
)
_TYPE_WORD = (r"(?:Stra(?:ß|ss)e|Str\.|Gasse|Weg|Allee|Platz|Ring|Damm|Ufer|Chaussee|Steig|Pfad|Markt"
              r"|Gracht|Straat|Laan|Plein|Kade|Dijk|Singel|Steeg)(?![^\W\d_])")
_EN_TYPE = (r"(?:Street|St|Road|Rd|Avenue|Ave|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Boulevard"
            r"|Blvd|Grove|Close|Crescent|Cres|Terrace|Tce|Gardens|Gdns|Square|Sq|Parkway|Pkwy"
            r"|Highway|Hwy|Row|Hill|Mews|Walk|Parade|Pde|Circle|Cir)\.?(?![^\W\d_])")
_TR_TYPE = r"(?:Caddesi|Cad|Cd|Sokağı|Sokak|Sok|Sk|Mahallesi|Mah|Mh|Bulvarı|Blv|Bulv)(?:\.|(?![^\W\d_]))"

STREETS = [
    # "Via Toledo 256", "ul. Długa 12", "Av. Boa Viagem, 3720", "пр. Абая 52", "C/ Feria 45"
    re.compile(rf"(?i:{_TYPE_BEFORE})[^\S\n]{{0,3}}{_NAME},?[^\S\n]{{0,3}}{_HOUSE}"),
    # "12 rue de la République", "45 bd Longchamp", "١٤ شارع عباس العقاد"
    re.compile(rf"(?<![\w,.]){_HOUSE},?[^\S\n]{{1,3}}(?i:{_TYPE_BEFORE})[^\S\n]{{0,3}}{_NAME}"),
    # "ул. Ленина, д. 15", "Москва, ул. Профсоюзная" (the house comes as its own part)
    re.compile(r"(?:ул\.|улица|пр\.|пр-т|проспект|пер\.|переулок|б-р|бульвар|ш\.|шоссе|наб\.)"
               rf"[^\S\n]{{0,3}}{_NAME}"),
    # "برج الأميرة", "شارع عباس العقاد": Arabic street and building words need no number
    # ("طريق" is also "by way of": "عن طريق مدى" is a payment method, so it needs a number)
    re.compile(rf"(?<![\u0600-\u06FF])(?:شارع|برج|عمارة|مبنى|جادة)[^\S\n]{{1,3}}{_AR}{{1,20}}"
               rf"(?:[^\S\n]{_AR}{{1,20}}){{0,2}}"),
    # "Hauptstraße 112", "Mariahilfer Straße 45/3/12", "Oudegracht 123", "Korenmarkt 7"
    re.compile(rf"(?:{_UP}[\w'’.-]{{0,30}}[^\S\n])?{_UP}[\w'’-]{{0,30}}?{_TYPE_AFTER}[^\S\n]{{0,3}}{_HOUSE}"),
    # "Berliner Str. 45", "Lange Gasse 3": the type as a word of its own after a capitalised one
    re.compile(rf"{_UP}[\w'’-]{{0,30}}[^\S\n]{_TYPE_WORD}[^\S\n]{{0,3}}{_HOUSE}"),
    # "Meir 48, 2000 Antwerpen": no street-type word, but a postcode and city right after
    re.compile(rf"{_UP}[\w'’-]{{0,30}}(?:[^\S\n]{_UP}[\w'’-]{{0,30}}){{0,2}}[^\S\n]{_HOUSE},[^\S\n]{{0,3}}"
               rf"(?:\d{{4,5}}|\d{{2}}-\d{{3}}|\d{{4}}-\d{{3}})[^\S\n]{{1,3}}{_UP}[\w'’-]{{0,30}}"),
    # "1458 Maple Ridge Dr", "27 Elm Grove", "Unit 4/18 Bondi Rd"
    re.compile(rf"(?<![\w,.]){_HOUSE}[^\S\n]{{1,3}}(?:{_UP}[\w'’-]{{0,30}}[^\S\n]){{1,3}}{_EN_TYPE}"),
    # "Atatürk Cad. No:45", "Kızılay Mah. Gazi Mustafa Kemal Blv. No: 33/12"
    re.compile(rf"(?:{_UP}[\w'’-]{{0,30}}[^\S\n]){{1,4}}{_TR_TYPE}(?:[^\S\n]{{1,3}}(?:{_UP}[\w'’-]{{0,30}}[^\S\n]){{1,4}}{_TR_TYPE})?"
               rf"[^\S\n]{{0,3}}(?:No|Numara)[^\S\n]{{0,3}}:?[^\S\n]{{0,3}}{_HOUSE}"),
    # Chinese: "上海市浦东新区张杨路500号12楼1203室", "台北市大安區忠孝東路四段100號5樓"
    re.compile(r"[\u4e00-\u9fff]{0,24}?[\u4e00-\u9fff\d](?:路|街|道|巷|弄|段|大道|胡同)"
               r"(?:[\u4e00-\u9fff]{0,3}段)?\d{1,5}(?:号|號)(?:院?\d{1,5}(?:号|號)?(?:楼|樓|栋|棟|幢|座|单元|單元|层|層|室|F)?)*"),
    # Japanese: "大阪府大阪市北区梅田1丁目2-3", "東京都世田谷区北沢2-14-7"
    re.compile(r"[\u4e00-\u9fff\u3040-\u30ffー]{0,16}?(?:都|道|府|県|市|区|町|村)[\u4e00-\u9fff\u3040-\u30ffー]{0,8}"
               r"\d{1,4}(?:丁目\d{1,4}(?:-\d{1,4}){0,2}|(?:-\d{1,4}){1,2})"
               r"(?:[^\S\n]?[\u4e00-\u9fff\u30a0-\u30ffー]{1,12}\d{1,4}(?:号室|号)?)?"),
    # "2-3-15 Nishi-Shinjuku, Shinjuku-ku, Tokyo"
    re.compile(rf"(?<![\w-])\d{{1,4}}-\d{{1,4}}-\d{{1,4}}[^\S\n]{{1,3}}{_UP}[\w-]{{0,30}}(?:,[^\S\n]{{0,3}}{_UP}[\w-]{{0,30}}-(?:ku|shi|cho|machi))?"),
    # Korean: "서울특별시 강남구 테헤란로 152", "부산광역시 해운대구 해운대해변로 264"
    re.compile(r"(?:[가-힣]{1,10}(?:특별시|광역시|특별자치시|도|시)[^\S\n]{0,3})?(?:[가-힣]{1,10}(?:구|군|시)[^\S\n]{0,3})?"
               r"[가-힣][가-힣\d]{0,20}(?:로|길)[^\S\n]{0,3}\d{1,5}(?:-\d{1,5})?(?![\d가-힣])"),
]
PARTS = [
    # flat, floor, door, building
    re.compile(r"(?i:flat|apt\.?|apartment|unit|suite|ste\.?|floor|apto\.?|depto\.?|dpto\.?|piso"
               r"|puerta|loja|sala|andar|bloco|m\.|lok\.|lokal|mieszkanie|bus|boîte|bte|étage"
               r"|appartement|app\.?|interno|int\.|scala|piano|daire|kat|wohnung|whg\.?|stiege"
               r"|tür|top|д\.|дом|корп\.|корпус|стр\.|строение|кв\.|квартира|оф\.|офис|شقة"
               r"|الشقة|مبنى|عمارة|الدور|طابق)(?![^\W\d_])[^\S\n]{0,3}:?[^\S\n]{0,3}\d{1,5}[A-Za-z]?(?:/\d{1,5})?"),
    re.compile(r"(?<![\w])D[^\S\n]?:[^\S\n]?\d{1,4}"),  # Turkish door "D:6"
    re.compile(r"(?<![\w.])\d{1,3}\.?[^\S\n]?[º°ª]\.?[^\S\n]{0,3}(?i:izq|dcha|der|izda|esq|dto|dir|frente|"
               r"esquerdo|direito|andar|piso)?\w{0,12}\.?"),  # "2º izq.", "3.º Esq."
    re.compile(r"\d{1,5}(?:호|층|동)|\d{1,5}(?:号室|室|楼|樓|層|层)"),
    # postcode and city
    re.compile(rf"(?<![\w-])(?:\d{{5}}|\d{{4}}(?:[^\S\n][A-Z]{{2}})?|\d{{2}}-\d{{3}}|\d{{4}}-\d{{3}})[^\S\n]{{1,3}}"
               rf"{_UP}[\w'’-]{{0,30}}(?:[/-]{_UP}[\w'’-]{{0,30}})?(?:[^\S\n](?:de|del|la|am|an|der|sur|do|da){{0,1}}[^\S\n]?{_UP}[\w'’-]{{0,30}}){{0,2}}"),
    re.compile(r"(?<![\w-])(?:\d{5}-\d{3}|\d{6}|\d{3}-\d{4})(?![\w-])|〒\d{3}-\d{4}"),  # BR, RU, JP
    re.compile(r"(?<![\w-])[A-Z]{1,2}\d[A-Z\d]?[^\S\n]?\d[A-Z]{2}(?![\w-])"),  # UK postcode
    re.compile(r"(?<![\w-])(?:[A-Z]{2}|NSW|VIC|QLD|TAS|ACT)[^\S\n]{1,3}\d{4,5}(?:-\d{4})?(?![\w-])"),  # US, AU
    re.compile(r"(?:г\.|город)[^\S\n]{0,3}" + _UP + r"[\w-]{0,30}"),  # "г. Новосибирск"
    re.compile(rf"(?i:col\.|colonia|bairro|barrio)[^\S\n]{{1,3}}{_NAME}"),
    re.compile(rf"(?:مدينة|حي|منطقة|مرسى|محافظة|ضاحية)[^\S\n]{{1,3}}{_AR}{{1,20}}(?:[^\S\n]{_AR}{{1,20}})?"),
]
# Between two parts: commas (Latin, Arabic, CJK), spaces, a dash, or up to three places of
# one to three words ("Columbus", "Consolação, São Paulo - SP", "مدينة نصر").
_GLUE = re.compile(r"[\s,،、，;()–-]{0,4}")
_PLACE_WORD = r"[^\W\d_][\w'’./-]{0,30}"
_PLACE = re.compile(rf"(?:(?:{_PLACE_WORD}[^\S\n]?){{1,3}}[\s,،、，–-]{{1,4}}){{1,3}}")
_LEFT_PLACE = re.compile(rf"(?:{_PLACE_WORD}[^\S\n]?){{1,2}}[,،][^\S\n]{{0,3}}\Z")
# After the last part: ", City", ", CDMX", " (MI)", "، الرياض 12214", "/İstanbul".
_TRAILING_SEP = re.compile(r"[,،/][^\S\n]{0,3}|[^\S\n]?[-–][^\S\n]?")
_TRAILING_WORD = re.compile(rf"{_PLACE_WORD}")
_TRAILING_CODE = re.compile(r"[^\S\n]?(?:\d{4,6}(?![\w-])|\([A-Z]{2}\))")
# Words that start the next piece of information, not a place.
_NOT_PLACE = re.compile(r"(?i)(?:tel|tél|phone|telefon|mobil|handy|cell|e-?mail|mail|gsm|citofono|"
                        r"sonnette|please|bitte|merci|thanks|obrigad|gracias|grazie|pasaporte|passport)")


# Where a street can be: its type word, a Chinese, Japanese, Korean or Arabic street or block
# marker, a postcode before a capitalised city. These are found with substring searches (a
# regex over all of them would be tried at every position of the text); the patterns then
# run only around them (an address is at most a couple of hundred characters), around
# MAX_HINTS of them at most: addresses are best effort, and a text with hundreds of street
# words costs no more than one with a dozen.
HINT_WORDS = Words([
    *_TYPE_BEFORE_WORDS, "straße", "strasse", "str.", "gasse", "weg", "allee", "platz", "ring",
    "damm", "ufer", "chaussee", "steig", "pfad", "markt", "gracht", "straat", "laan", "plein",
    "kade", "dijk", "singel", "steeg", "street", "st", "road", "rd", "avenue", "ave",
    "drive", "dr", "lane", "ln", "way", "court", "ct", "grove", "close", "crescent", "terrace",
    "gardens", "square", "parkway", "highway", "hwy", "row", "hill", "mews", "walk", "parade",
    "circle", "cad", "cd.", "sok", "sk.", "mah", "mh.", "blv", "bulv", "路", "街", "道", "巷",
    "弄", "段", "丁目", "都", "府", "県", "区", "로", "길",
])
DIGIT_HINT = re.compile(r"\d{4,5}[^\S\n][A-Z]|\d-\d{1,4}-\d")
MAX_HINTS = 12
BEFORE, AFTER = 100, 160


def _windows(text: str) -> list[tuple[int, int]]:
    hints = HINT_WORDS.positions(text.lower(), MAX_HINTS)
    hints += [m.start() for _, m in zip(range(MAX_HINTS), DIGIT_HINT.finditer(text), strict=False)]
    windows: list[list[int]] = []
    for at in sorted(hints)[:MAX_HINTS]:
        lo, hi = max(0, at - BEFORE), min(len(text), at + AFTER)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    return [(lo, hi) for lo, hi in windows]


def _spans(patterns: list[re.Pattern[str]], text: str, windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return sorted({m.span() for lo, hi in windows for p in patterns
                   for m in p.finditer(text, lo, hi) if m.end() > m.start()})


def find(text: str) -> Iterator[tuple[int, int]]:
    windows = _windows(text)
    streets = _spans(STREETS, text, windows)
    if not streets:
        return
    parts = sorted([(s, e, True) for s, e in streets] + [(s, e, False) for s, e in _spans(PARTS, text, windows)])
    i = 0
    while i < len(parts):
        start, end, has_street = parts[i]
        j = i + 1
        while j < len(parts):
            s, e, street = parts[j]
            if s < end:  # overlapping parts
                end, has_street, j = max(end, e), has_street or street, j + 1
                continue
            glue = _GLUE.match(text, end)
            gap_end = glue.end() if glue else end
            if gap_end < s:
                place = _PLACE.match(text, gap_end)
                if place is None or place.end() < s or "\n" in text[end:s] or s - end > 40:
                    break
            end, has_street, j = e, has_street or street, j + 1
        if has_street:
            yield _city_before(text, start), _places_after(text, end)
        i = j


def _proper(word: str) -> bool:
    """Capitalised, or in a script without case (Arabic, CJK)."""
    return word[0].isupper() or not word[0].islower()


def _city_before(text: str, start: int) -> int:
    """Start of a city or emirate written right before the street ("Москва, ул. ...", "دبي،
    مرسى دبي، برج ..."): one or two capitalised (or caseless) words and a comma."""
    for _ in range(2):
        left = _LEFT_PLACE.search(text, max(0, start - 40), start)
        if not left:
            break
        words = text[left.start():start].strip(" ,،").split()
        keep = 0
        while keep < len(words) and _proper(words[len(words) - 1 - keep]):
            keep += 1
        if not keep:
            break
        start = start - len(text[left.start():start]) + text[left.start():start].find(words[len(words) - keep])
    return start


def _places_after(text: str, end: int) -> int:
    """End of the places written after the last part: ", Providencia, Santiago", ", CDMX",
    " (MI)", "، الرياض 12214": capitalised (or caseless) words, at most three a place."""
    for _ in range(3):
        code = _TRAILING_CODE.match(text, end)
        if code:
            end = code.end()
            continue
        sep = _TRAILING_SEP.match(text, end)
        if not sep:
            break
        pos, words = sep.end(), 0
        while words < 3:
            word = _TRAILING_WORD.match(text, pos)
            if not word or not _proper(word.group()) or _NOT_PLACE.match(word.group()):
                break
            pos, words = word.end(), words + 1
            if not text.startswith(" ", pos) or not _TRAILING_WORD.match(text, pos + 1):
                break
            pos += 1
        if not words:
            break
        end = pos if not text[pos - 1].isspace() else pos - 1
    return end
