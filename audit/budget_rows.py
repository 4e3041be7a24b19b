"""Budget records grouped by the table row (or line of prose) that printed them together."""

from collections import defaultdict
from typing import Iterable

from kinerja.schema import BudgetValue

from .numbers import number
from .scopes import row_key

# The allocation a realisation is measured against, in order of preference.
BASES = ("anggaran", "anggaran_sesudah", "anggaran_sebelum")
MONEY_MEASURES = ("anggaran", "anggaran_sebelum", "anggaran_sesudah", "realisasi", "sisa", "selisih")


def rows(budgets: Iterable[BudgetValue]) -> list[list[BudgetValue]]:
    grouped: dict[tuple, list[BudgetValue]] = defaultdict(list)
    for b in budgets:
        key = row_key(b)
        if key is not None and number(b.value) is not None:
            grouped[key].append(b)
    return list(grouped.values())


def figures(row: list[BudgetValue], measure: str, like: BudgetValue) -> list[BudgetValue]:
    """The row's figures of `measure` for the year and period of `like` (an annual allocation
    serves every quarter)."""
    return [b for b in row if b.measure == measure
            and (b.year is None or like.year is None or b.year == like.year)
            and (b.period == like.period or (measure in BASES and b.period == "annual"))]


def bases(row: list[BudgetValue], like: BudgetValue) -> list[BudgetValue]:
    return [b for m in BASES for b in figures(row, m, like) if number(b.value)]


def is_percent(b: BudgetValue) -> bool:
    return b.value.kind == "percent" or b.value.unit == "%"
