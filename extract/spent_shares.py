"""A money column that holds the share spent: a header that repeats its label over the percentage
('Realisasi / Jumlah | Jumlah' where the second is '%') calls every column money, and the shares
would be dropped as amounts of a few rupiah. A column is the share spent only when its figures are
each row's realisasi over its anggaran, in percent: arithmetic on the row, not a guess from size."""

from collections import defaultdict
from typing import Optional

MAX_SHARE = 1000.0        # a share spent above ten times the pagu is no share
SHARE_TOLERANCE = 0.06    # a share printed to one or two decimals, rounded either way
WHOLE_TOLERANCE = 0.6     # a share printed as a whole number ('73')
MIN_CHECKED_ROWS = 2
MIN_AGREEING = 0.8
AMOUNT_MEASURES = ("anggaran", "realisasi")


def share_columns(amounts: list, value_of) -> set[int]:
    """Column indexes among `amounts` (budget.Amount) whose figures are their rows' realisasi /
    anggaran x 100; `value_of(amount)` gives an amount's value as read (a number, a label or None)."""
    numbers = {id(a): _number(value_of(a)) for a in amounts}
    money: dict[tuple, dict[str, list[tuple[int, float]]]] = defaultdict(lambda: defaultdict(list))
    by_col: dict[int, list] = defaultdict(list)
    for a in amounts:
        by_col[a.col.index].append(a)
        v = numbers[id(a)]
        if v is not None and a.measure in AMOUNT_MEASURES and v >= MAX_SHARE:
            money[(a.row, a.year)][a.measure].append((a.col.index, v))
    return {col for col, items in by_col.items()
            if items[0].measure in AMOUNT_MEASURES and _shares(col, items, money, numbers)}


def _number(v) -> Optional[float]:
    """A value as a number; a label ('Baik') or nothing is none."""
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def _shares(col: int, items: list, money: dict, numbers: dict[int, Optional[float]]) -> bool:
    checked = agreed = 0
    for a in items:
        v = numbers[id(a)]
        if v is None:
            continue
        if not 0 <= v < MAX_SHARE:
            return False
        share = _row_share(money[(a.row, a.year)], col)
        if share is not None:
            checked += 1
            agreed += abs(share - v) <= (WHOLE_TOLERANCE if v == round(v) else SHARE_TOLERANCE)
    return checked >= MIN_CHECKED_ROWS and agreed >= MIN_AGREEING * checked


def _row_share(row: dict, col: int) -> Optional[float]:
    pagu = [v for c, v in row.get("anggaran", []) if c != col]
    spent = [v for c, v in row.get("realisasi", []) if c != col]
    return 100.0 * spent[0] / pagu[0] if pagu and spent and pagu[0] else None


def agreeing_reading(readings: list[float], share: float, pagu: Optional[float] = None,
                     spent: Optional[float] = None) -> Optional[float]:
    """An amount read two ways ('133.825.00,00': 13.382.500 or 133.825.000) in a row that prints
    the share spent and the other amount (`pagu` or `spent`, the amount's own side None): the one
    reading that makes realisasi / anggaran x 100 the printed share, else None."""
    tolerance = WHOLE_TOLERANCE if share == round(share) else SHARE_TOLERANCE

    def fits(reading: float) -> bool:
        base, used = (reading, spent) if pagu is None else (pagu, reading)
        return bool(base) and used is not None and abs(100.0 * used / base - share) <= tolerance
    agreeing = [r for r in readings if fits(r)]
    return agreeing[0] if len(agreeing) == 1 else None
