"""A money column's stated scale: 'Anggaran (Juta Rupiah)', '(Rp. 000)', '(dalam ribuan rupiah)'.

Amounts under such a header are printed in that unit (17.393,0 under 'juta rupiah' is
17.393.000.000 rupiah); a record holds rupiah, so that budgets compare across documents. A
figure too large for the stated unit (a full rupiah amount under a header that says juta) is
left as printed.
"""

import re
from typing import Optional

_UNITS = {"ribu": 1e3, "ribuan": 1e3, "juta": 1e6, "jutaan": 1e6, "miliar": 1e9, "milyar": 1e9,
          "triliun": 1e12}
_WORD = "ribuan|ribu|jutaan|juta|miliar|milyar|triliun"
_CUES = (
    re.compile(rf"\(\s*(?:dalam\s+)?(?:rp\.?\s*)?({_WORD})\b", re.I),  # '(Juta Rupiah)', '(Rp juta)'
    re.compile(rf"\b({_WORD})\s+rupiah\b", re.I),  # 'dalam juta rupiah'
    re.compile(rf"\brp\.?\s*({_WORD})\b", re.I),  # 'Rp. Juta'
    re.compile(rf"(?<![\d.,]\s)(?<![\d.,])\b({_WORD})\s*\)", re.I),  # '(dalam juta)' lost its '(' to OCR; not '(s.d. 200 juta)'
)
_THOUSANDS = re.compile(r"\(\s*(?:rp\.?\s*)?000\s*\)", re.I)  # '(Rp. 000)', '(000)'
MAX_RUPIAH = 1e14  # more than any region's whole budget: a scaled figure past it was printed in rupiah


def header_scale(header: Optional[str]) -> Optional[tuple[str, float]]:
    """The unit a money column's header says its amounts are printed in, and its size."""
    if not header:
        return None
    for cue in _CUES:
        m = cue.search(header)
        if m:
            word = m.group(1).lower()
            return word, _UNITS[word]
    if _THOUSANDS.search(header):
        return "ribu", 1e3
    return None


def scaled(value: float, size: float) -> Optional[float]:
    """The amount in rupiah, or None where the figure is too large to be in that unit."""
    out = round(value * size, 2)  # to the sen: 17.011,4 juta is 17.011.400.000, not ...000,000002
    return out if abs(out) <= MAX_RUPIAH else None
