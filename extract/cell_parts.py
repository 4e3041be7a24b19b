"""What a table cell says: its plain text, the items of a numbered list, the value piece of a
compound cell ("0,93 = 446/480", "Baseline 2022 : 514/621 = 0,83"), triwulan labels.

Cells of converted documents often hold more than one thing: a formula above the target, a
baseline written under the indicator, two indicators numbered "1. ... 2. ..." with their two
targets side by side. These functions split such cells; they never read numbers themselves
(kinerja.normalize does).
"""

import re
from typing import Optional

_TAG = re.compile(r"<[^>]+>")
_EMPHASIS = re.compile(r"(\*\*|__|(?<!\w)\*(?!\s)|(?<=\S)\*(?!\w))")
NUMBERED_ITEM = re.compile(r"(?:^|\s)(\d{1,2})[.)]\s+(?=\S)")
BULLET = re.compile(r"(?:^|\s)[•●▪◦·\uf0b7\uf0d8]\s*")
LEADING_BULLET = re.compile(r"^\s*(?:[•●▪◦·\uf0b7\uf0d8\-–*]\s+|[-–](?=[A-Za-z]))")
DANGLING_END = re.compile(r"(?:\b(?:dan|serta|atau|untuk|pada|di|ke|dari|yang|dengan|bagi|melalui)|[,/&-])\s*$",
                          re.IGNORECASE)
LETTERED_ITEM = re.compile(r"^\s*[a-z][.)]\s+(?=[A-Za-z])")
LEADING_NUMBER = re.compile(r"^\s*\d{1,2}[.)]?\s+(?=[A-Za-z])")
QUARTER_WORD = r"(?:triwulan|tw|trw)"  # how the genre names a quarter ...
QUARTER_NUMERAL = r"(?:iv|iii|ii|i|[1-4])"  # ... and numbers it
TW_LABEL = re.compile(rf"^\s*{QUARTER_WORD}\s*[-.]?\s*({QUARTER_NUMERAL})\s*$", re.IGNORECASE)
LABELLED = re.compile(
    r"(?P<label>base\s*line|kondisi\s+awal)\s*(?:tahun\s*)?(?P<year>(?:19|20)\d\d)?\s*:?\s*"
    r"(?P<body>.*?)(?=(?:base\s*line|kondisi\s+awal)\b|$)",
    re.IGNORECASE | re.DOTALL,
)
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
NUMBER_START = re.compile(r"^[<>≤≥=~±+\-(]?\s*(?:rp\.?\s*)?\d", re.IGNORECASE)
_PLAIN_VALUE = re.compile(r"^\s*(?:rp\.?\s*)?[-(]?\d[\d.,]*\)?\s*%?\s*$", re.IGNORECASE)


def plain(text: str) -> str:
    """The cell's text without HTML tags or Markdown emphasis, spaces collapsed (the parsers have
    rendered LaTeX already)."""
    if not text:
        return ""
    text = _TAG.sub(" ", text)
    text = _EMPHASIS.sub("", text)
    return " ".join(text.split())


def numbered_items(text: str) -> list[str]:
    """'1. Indeks A 2. Nilai B' -> ['Indeks A', 'Nilai B'] when numbered 1, 2, ... in order;
    '• A • B' -> ['A', 'B']."""
    bullets = [b.strip() for b in BULLET.split(text)]
    if len(bullets) > 2 and not bullets[0] and all(bullets[1:]):
        return bullets[1:]
    marks = list(NUMBERED_ITEM.finditer(text))
    if len(marks) < 2 or [int(m.group(1)) for m in marks] != list(range(1, len(marks) + 1)):
        return []
    if text[: marks[0].start()].strip():
        return []
    items = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        items.append(text[m.end():end].strip())
    return items if all(items) else []


_FORMULA_LABEL = r"\s(?=(?i:formula|formulasi|rumus)(?:\s+(?i:perhitungan))?\s*:)"
_FORMULA_START = re.compile(r"\s*'?=|\s(?=(?:Jumlah|Total|Banyaknya|Σ)\b[^/]{0,200}/)|" + _FORMULA_LABEL)


def name_without_formula(text: str) -> str:
    """'Laju X '=(n+1)-n/n)x 100%' / 'Persentase Y Jumlah a / jumlah b x 100%' -> the name alone."""
    m = _FORMULA_START.search(text)
    return text[: m.start()].strip() if m and m.start() > 0 else text


def name_before_formula_label(text: str) -> str:
    """'Indeks X Formula Perhitungan: A / B' -> 'Indeks X': a labelled formula is never the name."""
    m = re.search(_FORMULA_LABEL, text)
    return text[: m.start()].strip() if m and m.start() > 0 else text


def continues_name(text: str, previous: str = "") -> bool:
    """Words that carry on a name from the row above: they start in lower case ('untuk irigasi dan
    pertanian'), where a new name, number or list item would start with a capital, digit or marker,
    or the name above stops on a word that cannot end it ('Program Pemantapan Pemerintahan dan')."""
    text = text.strip()
    if not text or LETTERED_ITEM.match(text) or LEADING_NUMBER.match(text) or text[0].isdigit():
        return False
    return text[0].islower() or bool(DANGLING_END.search(previous))


_CARRIED_LEAD = re.compile(r"^(?P<lead>(?:\S+\s+){0,3}?\S+)\s+\d{1,2}[.)]\s+(?=[A-Z])")
_CARRIED_WORD = re.compile(r"^(?:\(\w{1,4}\)|[A-Z][A-Za-z]*|[a-z]+)$")


def without_carried_lead(name: str) -> str:
    """'Kerja (05) 3. Program Perlindungan ...' -> '3. Program Perlindungan ...': a few words before the
    item's own number are the tail of the name above or a group label ('Dekonsentrasi'), pulled into
    this row when the name above wrapped below its amounts (PDF text)."""
    m = _CARRIED_LEAD.match(name)
    if not m or not all(_CARRIED_WORD.match(w) for w in m.group("lead").split()):
        return name
    return name[m.end("lead"):].strip()


# what OCR leaves of an item's number before "Program" / "Kegiatan": '. ', 'uy. ', '“8. ', '5 10.'
_NOISY_MARKER = re.compile(r"^[^A-Za-z]{0,6}(?:[a-z]{1,2}[.,]\s*)?[^A-Za-z]{0,6}"
                           r"(?=(?i:program|kegiatan|sub\s*-?\s*kegiatan)\b)")


def strip_enumerator(name: str) -> str:
    """'a. Program X' / '1 Meningkatkan Y' -> the name without its list marker."""
    name = _NOISY_MARKER.sub("", name)
    name = LEADING_BULLET.sub("", name)
    name = LETTERED_ITEM.sub("", name)
    return LEADING_NUMBER.sub("", name).strip().rstrip(".;,:").strip()


def tw_period(text: str) -> Optional[str]:
    """'Triwulan III' / 'TW 3' -> 'TW3'."""
    m = TW_LABEL.match(text or "")
    if not m:
        return None
    mark = m.group(1).lower()
    return f"TW{ROMAN.get(mark) or int(mark)}"


def labelled_values(text: str) -> list[tuple[str, Optional[int], str]]:
    """'Baseline 2022 : 514/621 = 0,83' -> [('baseline', 2022, '514/621 = 0,83')]."""
    out = []
    for m in LABELLED.finditer(text):
        body = m.group("body").strip(" :;,")
        if body:
            year = int(m.group("year")) if m.group("year") else None
            out.append(("baseline", year, value_piece(body) or body))
    return out


def without_labelled(text: str) -> str:
    m = LABELLED.search(text)
    return text[: m.start()].strip() if m else text


def value_piece(text: str) -> Optional[str]:
    """The value a compound cell states, as printed.

    '(A) / (B) 0,93 = (446) / (480)' -> '0,93'; '12/10 x 100% = 120%' -> '120%';
    '2.76 (Penilaian dari KemenPAN & RB)' -> '2.76'; '2.76 / Baik' -> '2.76'; '40 OPD' -> '40 OPD'.
    """
    text = " ".join(text.split())
    trimmed = _TRAILING_REMARK.sub("", text).strip()
    text = trimmed or text
    if not text:
        return None
    if _PLAIN_VALUE.match(text):
        return text
    if "=" in text:
        piece = _beside_equals(text)
        if piece:
            return piece
    m = re.match(r"^((?:rp\.?\s*)?[-(]?\d[\d.,]*\)?\s*%?)\s*/\s*[A-Za-z]", text, re.IGNORECASE)
    if m:
        return m.group(1).strip()  # '2.76 / Baik': the value and its predicate
    return text


_TRAILING_REMARK = re.compile(r"\s*\((?![\d.,\s]+\)$)[^()]*\)\s*$")
_OPERATOR = re.compile(r"^(?:[x×*/:+]|-)$", re.IGNORECASE)


def _beside_equals(text: str) -> Optional[str]:
    """The lone value on one side of an '=' whose other side is an expression."""
    parts = re.split(r"(?<![<>≤≥])=", text)
    for i in range(len(parts) - 1):
        left, right = parts[i].split(), parts[i + 1].split()
        if left and _PLAIN_VALUE.match(left[-1]) and (len(left) < 2 or not _OPERATOR.match(left[-2])):
            return left[-1]
        if right:
            piece = right[0]
            if len(right) > 1 and right[1] == "%":
                piece += "%"
                right = right[1:]
            if _PLAIN_VALUE.match(piece) and (len(right) < 2 or not _OPERATOR.match(right[1])):
                return piece
    return None


def split_values(text: str, n: int) -> list[str]:
    """The n values of a cell beside n numbered indicators: '0,93 Informatif' -> ['0,93', 'Informatif'];
    '70 % 100% 335 buah' -> ['70 %', '100%', '335 buah']. Empty when the cell does not hold n values."""
    tokens = text.split()
    if len(tokens) == n:
        return tokens
    groups: list[str] = []
    for tok in tokens:
        if NUMBER_START.match(tok) or not groups:
            groups.append(tok)
        else:
            groups[-1] += " " + tok  # '%' or a unit word belongs to the number before it
    return groups if len(groups) == n and all(NUMBER_START.match(g) for g in groups) else []


_GRADED = re.compile(r"^\s*(-?\d[\d.,]*\s*%)\s*(?:[(\[]?\s*[A-Za-z][A-Za-z\s]*[)\]]?)?\s*$")


def graded_percent(text: str) -> Optional[str]:
    """'63,36 % (Sedang)' -> '63,36 %': the achievement a grade column prints before its grade.
    A grade alone ('Sangat Baik') or a number without '%' gives nothing."""
    m = _GRADED.match(" ".join((text or "").split()))
    return m.group(1) if m else None


# '-', '–', 'Rp -', '-,-': a cell that marks an empty value (an accounting zero among amounts)
DASH = re.compile(r"^\s*(rp\.?)?\s*[-–—]+\s*[,.]?\s*-?\s*$", re.IGNORECASE)
# 'NA', 'N/A', 'n.a.', 'belum ada': a value the table says it does not have (a new indicator's baseline)
NOT_AVAILABLE = re.compile(r"^\s*(?:n\.?\s?a\.?|n/a|belum\s+ada|tidak\s+ada)\s*$", re.IGNORECASE)


def looks_like_value(text: str) -> bool:
    return bool(text) and bool(NUMBER_START.match(text.strip()))
