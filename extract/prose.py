"""Claims stated in running text (target, realisasi, capaian, anggaran of a named indicator)."""

from kinerja.schema import BudgetValue, Document, IndicatorValue, Meta, Part


def read_claims(doc, parts, meta, indicators, budgets) -> tuple[list[IndicatorValue], list[BudgetValue]]:
    return [], []
