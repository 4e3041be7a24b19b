"""Page content into the Document: text blocks and tables in reading order, with provenance;
captions attached, running headers and footers dropped, tables over page breaks joined."""

import re
from pathlib import Path
from typing import Optional

from kinerja.schema import (
    Cell, Document, Heading, Page, PageBreak, Paragraph, Provenance, Table,
)

from . import margins, table_headers, table_joins
from .geometry import Box
from .pdf_text import Line, TextBlock, blocks_from_lines
from .source import source_file
from .table_grid import GridCell
from .table_headers import ResolvedTable

LOW_CONFIDENCE = 0.6


def outside_tables(lines: list[Line], boxes: list[Box]) -> list[Line]:
    """Lines whose centre lies in no table (their text is already in the table's cells)."""
    return [ln for ln in lines
            if not any(b.contains_point(ln.box.cx, ln.box.cy, pad=1.0) for b in boxes)]


CAPTION = re.compile(r"^(tabel|table)\s+([IVXLC]+|\d+)([.\-]\d+)*\.?(\s|$)", re.IGNORECASE)
CAPTION_GAP = 24.0  # points between a caption's last line and its table


def attach_captions(blocks: list[TextBlock], tables: list[ResolvedTable]) -> list[TextBlock]:
    """A 'Tabel II.3 ...' line right above a table is its caption, not a paragraph."""
    taken: set[int] = set()
    for table in tables:
        above = [b for b in blocks if b.page == table.page and b.box.y1 <= table.box.y0 + 2
                 and table.box.y0 - b.box.y1 <= CAPTION_GAP]
        if not above or table.caption:
            continue
        nearest = max(above, key=lambda b: b.box.y1)
        if CAPTION.match(nearest.text) and id(nearest) not in taken:
            table.caption = nearest.text
            taken.add(id(nearest))
    return [b for b in blocks if id(b) not in taken]


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


def document(path: Path, data: bytes, pages: list, warnings: list[str]) -> Document:
    """The Document of a PDF from its pages' content (pdf.PageContent): furniture dropped,
    table headers resolved, tables over page breaks joined, blocks in reading order. Any
    warning marks the Document degraded."""
    file = str(path)
    heights = {p.triage.number: p.triage.height for p in pages}
    drop = margins.furniture({p.triage.number: p.lines for p in pages}, heights)
    resolved: list[table_headers.ResolvedTable] = []
    per_page_text: dict[int, list] = {}
    last_on_page: set[int] = set()
    first_on_page: set[int] = set()
    for p in pages:
        number = p.triage.number
        lines = [ln for ln in p.lines if id(ln) not in drop]
        tables = sorted((table_headers.resolve(g) for g in p.grids), key=lambda t: t.box.y0)
        lines = outside_tables(lines, [t.box for t in tables])
        text_blocks = attach_captions(blocks_from_lines(lines), tables)
        per_page_text[number] = text_blocks
        for t in tables:
            if not any(b.box.y0 >= t.box.y1 - 1 for b in text_blocks) and t is tables[-1]:
                last_on_page.add(id(t))
            if not any(b.box.y1 <= t.box.y0 + 1 for b in text_blocks) and t is tables[0]:
                first_on_page.add(id(t))
        resolved.extend(tables)
    joined = table_joins.join_all(resolved, last_on_page, first_on_page)
    blocks = _ordered_blocks(pages, per_page_text, joined, file)
    scanned = [p for p in pages if p.triage.kind == "scanned"]
    fmt = "pdf-scanned" if pages and len(scanned) == len(pages) else "pdf"
    degraded = bool(warnings)
    return Document(
        source=source_file(path, data, fmt, page_count=len(pages)),
        pages=[_page_model(p) for p in pages], blocks=blocks, degraded=degraded,
        warnings=warnings,
    )


def _ordered_blocks(pages, per_page_text, tables, file: str) -> list:
    by_page: dict[int, list] = {}
    for t in tables:
        by_page.setdefault(t.page, []).append(t)
    blocks = []
    index = 0
    for i, p in enumerate(pages):
        number = p.triage.number
        items = [(b.box.y0, b.box.x0, "text", b) for b in per_page_text[number]]
        items += [(t.box.y0, t.box.x0, "table", t) for t in by_page.get(number, [])]
        for _, _, kind, item in sorted(items, key=lambda x: (x[0], x[1])):
            if kind == "text":
                blocks.append(text_block(item, file))
            else:
                blocks.append(table_block(item, file, index))
                index += 1
        if i < len(pages) - 1:
            blocks.append(PageBreak(provenance=Provenance(file=file, page=number)))
    return blocks


def _page_model(p) -> Page:
    t = p.triage
    conf = None if p.ocr_confidence is None else round(min(1.0, max(0.0, p.ocr_confidence)), 3)
    return Page(number=t.number, width=round(t.width, 2) or None, height=round(t.height, 2) or None,
                rotation=t.rotation if t.rotation in (0, 90, 180, 270) else 0, kind=t.kind,
                has_tables=p.has_tables, ocr_confidence=conf)
