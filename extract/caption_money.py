"""Budget columns a table's caption names, where its header names no measure.

An LKjIP's 'Rincian Anggaran Belanja Tahun 2024' prints 'URAIAN | (MURNI) | (PERUBAHAN)'; a
Renstra's 'Indikasi Kebutuhan Pendanaan 2016-2020' prints 'Program/Kegiatan | 2016 | ... | 2020'.
The header alone says nothing of money, the caption does: the revision columns are the budget
before and after the revision, and year columns printing amounts are each year's anggaran.
"""

import re
from dataclasses import replace

from kinerja.schema import Table

from .cell_parts import plain
from .column_roles import REVISION, Column, segment_role
from .kinerja_rupiah import AMOUNT

# words of a caption over a table of money
MONEY_CAPTION = re.compile(r"(?i)\b(?:anggaran|belanja|pendanaan|pagu|pembiayaan)\b")
MOSTLY = 0.8  # share of a year column's filled cells that must be amounts


def money_from_caption(cols: list[Column], table: Table, caption: str) -> list[Column]:
    """The columns with the measures the caption gives them; unchanged unless the caption
    speaks of money and the header names no measure and no indicator."""
    if not MONEY_CAPTION.search(caption or "") or any(
            c.role in ("measure", "indikator", "satuan") for c in cols):
        return cols
    return [_as_money(c, table) for c in cols]


def _as_money(col: Column, table: Table) -> Column:
    segments = [s for s in col.path.split(" / ") if s.strip()]
    revision = REVISION.get(segment_role(segments[-1])) if segments else None
    if revision:
        return replace(col, role="measure", measure=revision, domain="anggaran")
    if col.year is not None and col.role in ("tahun", "other") and _prints_amounts(table, col.index):
        return replace(col, role="measure", measure="anggaran", domain="anggaran")
    return col


def _prints_amounts(table: Table, index: int) -> bool:
    texts = [plain(c.text) for row in table.body for c in row if c.col == index and c.text.strip()]
    return len(texts) >= 2 and sum(bool(AMOUNT.match(t)) for t in texts) >= MOSTLY * len(texts)
