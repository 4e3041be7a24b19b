"""Hand-built records for the audit tests: each test states the figures a document prints."""

from typing import Optional

from kinerja.schema import (
    BudgetValue, Extraction, IndicatorValue, Part, Provenance, Reading, SourceFile, Value,
)

FILE = "lkjip.txt"


def at(line: Optional[int] = None, table: Optional[int] = None, row: Optional[int] = None,
       page: Optional[int] = None) -> Provenance:
    return Provenance(file=FILE, line_start=line, line_end=line, table=table, row=row, page=page)


def value(raw: str, number=None, kind: Optional[str] = None, where: Optional[Provenance] = None,
          **extra) -> Value:
    """A read value; its number is given as the reader would have normalised it."""
    if kind is None:
        kind = "percent" if raw.rstrip().endswith("%") else "money" if "Rp" in raw else "number"
    return Value(raw=raw, value=number, kind=kind, unit="%" if kind == "percent" else None,
                 provenance=where, **extra)


def ind(name: str, measure: str, raw: str, number, where: Provenance, year: int = 2024,
        period: str = "annual", part: Optional[int] = None, kind: Optional[str] = None,
        source: str = "table") -> IndicatorValue:
    return IndicatorValue(indicator=name, measure=measure, year=year, period=period, part=part,
                          source="text" if where.table is None else source,
                          value=value(raw, number, kind, where))


def bud(item: str, measure: str, raw: str, number, where: Provenance, level: str = "program",
        code: Optional[str] = None, year: int = 2024, part: Optional[int] = None,
        kind: Optional[str] = None, period: str = "annual") -> BudgetValue:
    return BudgetValue(item=item, measure=measure, level=level, code=code, year=year, part=part,
                       period=period, value=value(raw, number, kind or "money", where))


def ambiguous(raw: str, readings: list[tuple[float, str]], where: Provenance) -> Value:
    return Value(raw=raw, value=None, kind="number", ambiguous=True, provenance=where,
                 readings=[Reading(value=v, style=s) for v, s in readings])


def extraction(indicators=(), budgets=(), parts=()) -> Extraction:
    source = SourceFile(path=FILE, sha256="0" * 64, format="text", size_bytes=0)
    return Extraction(source=source, indicators=list(indicators), budgets=list(budgets),
                      parts=list(parts))


def part(index: int, doc_type: str) -> Part:
    return Part(index=index, doc_type=doc_type, confidence=1.0, first_block=0, last_block=0,
                provenance=at(line=1))


def codes(findings) -> list[str]:
    return [f.code for f in findings]
