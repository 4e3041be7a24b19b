"""Performance and budget tables -> indicator and budget records."""

from kinerja.schema import BudgetValue, Document, IndicatorValue, Meta, Part


def read_tables(doc: Document, parts: list[Part], meta: Meta) -> tuple[list[IndicatorValue], list[BudgetValue]]:
    return [], []
