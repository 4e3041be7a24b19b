"""How near two records were printed: the same table row, table, passage of text, part, or file.

A recomputation uses the figures printed nearest the checked one: a capaian in a table row is
recomputed from that row's target and realisasi, a claim in prose from the same passage, and
only failing those from the rest of the document.
"""

from typing import Optional, Union

from kinerja.schema import BudgetValue, IndicatorValue, Provenance

Record = Union[IndicatorValue, BudgetValue]
SAME_ROW, SAME_TABLE, SAME_PASSAGE, SAME_PART, SAME_FILE = range(5)
PASSAGE_LINES = 3  # prose figures this many lines apart belong to one claim


def nearness(a: Record, b: Record) -> int:
    pa, pb = a.value.provenance, b.value.provenance
    if pa is not None and pb is not None:
        if pa.table is not None and pa.table == pb.table:
            return SAME_ROW if pa.row is not None and pa.row == pb.row else SAME_TABLE
        if pa.table is None and pb.table is None and _same_passage(pa, pb):
            return SAME_PASSAGE
    if a.part is not None and a.part == b.part:
        return SAME_PART
    return SAME_FILE


def _same_passage(pa: Provenance, pb: Provenance) -> bool:
    if pa.line_start is not None and pb.line_start is not None:
        return abs(pa.line_start - pb.line_start) <= PASSAGE_LINES
    return pa.page is not None and pa.page == pb.page


def nearest(anchor: Record, *groups: list) -> list[list]:
    """Each group cut to the records no farther from `anchor` than the nearest level at which
    every group has one; empty lists when some group is empty."""
    if any(not g for g in groups):
        return [[] for _ in groups]
    level = max(min(nearness(anchor, r) for r in g) for g in groups)
    return [[r for r in g if nearness(anchor, r) <= level] for g in groups]


def row_key(r: Record) -> Optional[tuple]:
    """The table row (or the line of prose) a record was read from."""
    p = r.value.provenance
    if p is None:
        return None
    if p.table is not None:
        return (p.file, "table", p.table, p.row)
    return (p.file, "text", p.page, p.line_start)
