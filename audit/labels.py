"""How a finding names what it is about: 'target 2024 TW2 of "Indeks KAMI"'."""

from kinerja.schema import BudgetValue, IndicatorValue


def when(r) -> str:
    year = str(r.year) if r.year is not None else "(no year)"
    return year if r.period == "annual" else f"{year} {r.period}"


def label(r) -> str:
    name = r.indicator if isinstance(r, IndicatorValue) else r.item if isinstance(r, BudgetValue) else "?"
    return f'{r.measure} {when(r)} of "{name}"'
