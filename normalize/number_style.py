"""Which style a set of texts prints its numbers in, from the numerals that can only be read one way.

"1.234.567" and "0,93" can only be Indonesian ('id'); "10,979,407,368.00" and "2.76" only
English ('en'); "1.234" either (no evidence). Outline numbers at the start of a line
("1.1 Latar Belakang") and codes ("2.16.03") are not evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Optional

from .numerals import parse_numeral

_NUMERAL = re.compile(r"(?<![\w.,/])\d+(?:[.,]\d+)+(?![\w/]|[.,]\d)")
_LINE_START = re.compile(r"^\W{0,3}$")  # only bullets/markup between line start and numeral
_OUTLINE_AFTER = re.compile(r"\.?\s+[A-Z]")  # "1.1 Cascading", "2.4. Indikator"
_LABEL_BEFORE = re.compile(r"\b(tabel|gambar|bab|versi|nomor|no|pasal|ayat|lampiran|pukul|jam)\.?\s*:?\s*$",
                           re.I)
_TIME_AFTER = re.compile(r"\s*(wib|wita|wit)\b", re.I)


def style_evidence(texts: Iterable[str]) -> Counter:
    """Counts of distinct numerals that reveal the 'id' or 'en' style.

    Distinct, so that one figure repeated across tables (or a code such as an SDG target
    "16.10" cited on every row) weighs once.
    """
    counts: Counter = Counter()
    seen: set[str] = set()
    for text in texts:
        if not text:
            continue
        for match in _NUMERAL.finditer(text):
            if match.group() in seen or _is_outline(text, match) or _is_label_or_time(text, match):
                continue
            seen.add(match.group())
            numeral = parse_numeral(match.group())
            if len(numeral.readings) == 1 and not numeral.repaired:
                style = numeral.readings[0].style
                if style in ("id", "en"):
                    counts[style] += 1
    return counts


def _is_outline(text: str, match: re.Match) -> bool:
    line_start = text.rfind("\n", 0, match.start()) + 1
    return bool(_LINE_START.match(text[line_start:match.start()])) and bool(
        _OUTLINE_AFTER.match(text, match.end())
    )


def _is_label_or_time(text: str, match: re.Match) -> bool:
    """"Tabel 2.1", "Versi 4.1", "pukul 10.30 WIB": numbering and clock times, not amounts."""
    return bool(_LABEL_BEFORE.search(text, max(0, match.start() - 12), match.start())
                or _TIME_AFTER.match(text, match.end()))


def prevailing_style(counts: Counter, min_count: int, share: float) -> Optional[str]:
    total = counts["id"] + counts["en"]
    if total < min_count:
        return None
    style, n = counts.most_common(1)[0]
    return style if n / total >= share else None


def document_style(texts: Iterable[str]) -> Optional[str]:
    """'id' or 'en' when at least 90% of (at least 3) revealing numerals agree, else None."""
    return prevailing_style(style_evidence(texts), min_count=3, share=0.9)


def column_style(raws: Iterable[str]) -> Optional[str]:
    """The style every revealing cell of a column agrees on (one cell suffices), else None."""
    return prevailing_style(style_evidence(raws), min_count=1, share=1.0)
