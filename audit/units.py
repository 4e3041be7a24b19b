"""Whether two records' units let them be the same indicator: '100 %' and '40 OPD' of
"Jumlah Website ..." are two indicators, whatever their names; 'nilai' and 'indeks' are one."""

from typing import Optional

# Units that all mean "a score on some scale": documents use them interchangeably.
SCORE_UNITS = {"nilai", "indeks", "index", "skor", "poin", "point", "angka", "level"}
PERCENT = {"%", "persen", "persentase", "prosentase"}


def unit_class(r) -> Optional[str]:
    raw = getattr(r, "unit", None) or r.value.unit
    if not raw:
        return None
    unit = raw.strip().casefold()
    if unit in PERCENT:
        return "%"
    return "score" if unit in SCORE_UNITS else unit
