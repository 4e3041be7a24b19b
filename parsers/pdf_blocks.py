"""Page content into Document blocks: text blocks and tables in reading order, with provenance."""

from typing import Optional

from kinerja.schema import Cell, Heading, Paragraph, Provenance, Table

from .geometry import Box
from .pdf_text import Line, TextBlock
from .table_grid import GridCell
from .table_headers import ResolvedTable

LOW_CONFIDENCE = 0.6


def outside_tables(lines: list[Line], boxes: list[Box]) -> list[Line]:
    """Lines whose centre lies in no table (their text is already in the table's cells)."""
    return [ln for ln in lines
            if not any(b.contains_point(ln.box.cx, ln.box.cy, pad=1.0) for b in boxes)]


def text_block(block: TextBlock, file: str):
    prov = Provenance(file=file, page=block.page, bbox=block.box.to_bbox())
    conf = None if block.confidence is None else round(min(1.0, max(0.0, block.confidence)), 3)
    low = conf is not None and conf < LOW_CONFIDENCE
    if block.kind == "heading":
        return Heading(text=block.text, provenance=prov, level=block.level, confidence=conf,
                       low_confidence=low)
    return Paragraph(text=block.text, provenance=prov, confidence=conf, low_confidence=low)


def _cell(cell: GridCell, file: str, index: int, row: Optional[int], page: int) -> Cell:
    prov = Provenance(file=file, page=cell.page or page,
                      bbox=cell.box.to_bbox() if cell.box else None, table=index, row=row,
                      col=cell.col)
    conf = None if cell.confidence is None else round(min(1.0, max(0.0, cell.confidence)), 3)
    return Cell(text=cell.text, row=row if row is not None else cell.row, col=cell.col,
                row_span=cell.row_span, col_span=cell.col_span, confidence=conf, provenance=prov)


def table_block(t: ResolvedTable, file: str, index: int) -> Table:
    header_rows = []
    first_header_row = t.header[0][0].row if t.header and t.header[0] else 0
    for row in t.header:
        header_rows.append([
            _cell(c, file, index, None, t.page).model_copy(update={"row": c.row - first_header_row})
            for c in row
        ])
    body = [[_cell(c, file, index, i, t.page) for c in row] for i, row in enumerate(t.body)]
    conf = None if t.confidence is None else round(min(1.0, max(0.0, t.confidence)), 3)
    prov = Provenance(file=file, page=t.page, bbox=t.box.to_bbox(), table=index,
                      pages=t.pages if len(t.pages) > 1 else None)
    notes = [f"continues over pages {', '.join(map(str, t.pages))}"] if len(t.pages) > 1 else []
    return Table(
        text="", provenance=prov, index=index, caption=t.caption,
        kind="data" if t.body and t.n_cols >= 2 else "layout",
        n_rows=len(t.body), n_cols=t.n_cols, header_rows=header_rows,
        column_paths=t.column_paths(), numbering_row=t.numbering, body=body,
        method=t.method, quality=round(min(1.0, max(0.0, t.quality)), 4), confidence=conf,
        low_confidence=conf is not None and conf < LOW_CONFIDENCE, notes=notes,
    )

