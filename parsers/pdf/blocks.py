"""Page content into the Document: text blocks and tables in reading order, with provenance;
captions attached, running headers and footers dropped, tables over page breaks joined."""

import pickle
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from kinerja.parsers.grid import headers as table_headers, joins as table_joins
from kinerja.parsers.grid.headers import ResolvedTable
from kinerja.parsers.grid.model import GridCell
from kinerja.parsers.page.geometry import Box
from kinerja.parsers.page.lines import Line
from kinerja.parsers.pdf import margins
from kinerja.parsers.pdf.paragraphs import TextBlock, blocks_from_lines
from kinerja.parsers.pdf.unmapped import leading_equation
from kinerja.parsers.source import file_source
from kinerja.parsers.text.running import furniture_key
from kinerja.schema import (
    BlockPages,
    Cell,
    Heading,
    Page,
    PageBreak,
    PagedDocument,
    Paragraph,
    Provenance,
    Table,
)

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
    notes = list(block.notes)
    if block.kind == "heading":
        return Heading(text=block.text, provenance=prov, level=block.level, confidence=conf,
                       low_confidence=low, notes=notes)
    return Paragraph(text=block.text, provenance=prov, confidence=conf, low_confidence=low,
                     notes=notes)


def _cell(cell: GridCell, file: str, index: int, row: Optional[int], page: int, ocr: bool = False) -> Cell:
    prov = Provenance(file=file, page=cell.page or page,
                      bbox=cell.box.to_bbox() if cell.box else None, table=index, row=row,
                      col=cell.col)
    conf = None if cell.confidence is None else round(min(1.0, max(0.0, cell.confidence)), 3)
    return Cell(text=cell.text, row=row if row is not None else cell.row, col=cell.col,
                row_span=cell.row_span, col_span=cell.col_span, confidence=conf, provenance=prov,
                equation=leading_equation(cell.words, cell.text) if ocr else None)


# the note on a table some of whose cells were read by OCR on a text page (pdf/unmapped.py)
OCR_NOTE = "some cells read by OCR: glyphs without text in the text layer"


def table_block(t: ResolvedTable, file: str, index: int, ocr: bool = False) -> Table:
    """`ocr`: some of its cells were read by OCR from a text-layer page."""
    header_rows = []
    first_header_row = t.header[0][0].row if t.header and t.header[0] else 0
    for row in t.header:
        header_rows.append([
            _cell(c, file, index, None, t.page).model_copy(update={"row": c.row - first_header_row})
            for c in row
        ])
    body = [[_cell(c, file, index, i, t.page, ocr) for c in row] for i, row in enumerate(t.body)]
    conf = None if t.confidence is None else round(min(1.0, max(0.0, t.confidence)), 3)
    prov = Provenance(file=file, page=t.page, bbox=t.box.to_bbox(), table=index,
                      pages=t.pages if len(t.pages) > 1 else None)
    notes = [f"continues over pages {', '.join(map(str, t.pages))}"] if len(t.pages) > 1 else []
    notes += [OCR_NOTE] if ocr else []
    return Table(
        text="", provenance=prov, index=index, caption=t.caption,
        kind="data" if t.body and t.n_cols >= 2 else "layout",
        n_rows=len(t.body), n_cols=t.n_cols, header_rows=header_rows,
        column_paths=t.column_paths(), numbering_row=t.numbering, body=body,
        method=t.method, quality=round(min(1.0, max(0.0, t.quality)), 4), confidence=conf,
        low_confidence=conf is not None and conf < LOW_CONFIDENCE, notes=notes,
    )


# pages held as read before the stash compresses the rest: about 64 kB each decoded (8 MB in
# all), against 5 kB compressed; most reports fit, and pickling them costs a twentieth of the run
DECODED_PAGES = 128


class PageStash:
    """Pages as read, held until the whole file's margins are known (running headers are found
    by recurrence over all pages): the first `decoded` as read, the rest each as a compressed
    pickle, so a long report's read pages are never all held at once (memory stays flat past
    the first ones); their margin lines are kept apart."""

    def __init__(self, decoded: Optional[int] = None):
        self._pages: list = []
        self._decoded = DECODED_PAGES if decoded is None else decoded
        self.margin: list[margins.MarginLine] = []

    def add(self, content) -> None:
        t = content.triage
        self.margin.extend(margins.margin_lines(content.lines, t.number, t.height))
        if len(self._pages) < self._decoded:
            self._pages.append(content)
        else:
            self._pages.append(zlib.compress(pickle.dumps(content, pickle.HIGHEST_PROTOCOL), 1))

    def __len__(self) -> int:
        return len(self._pages)

    def drain(self) -> Iterator:
        """The pages in order, each let go of once handed out."""
        for i, page in enumerate(self._pages):
            self._pages[i] = None
            yield pickle.loads(zlib.decompress(page)) if isinstance(page, bytes) else page


def paged_document(path: Path, stash: PageStash, warnings: list[str]) -> PagedDocument:
    """The Document of a PDF from its pages' content (pdf.PageContent, in page order): furniture
    dropped, table headers resolved, tables over page breaks joined, blocks in reading order,
    each page stored as soon as no later page can add to it. Any warning marks it degraded."""
    keys = margins.recurring(stash.margin, len(stash))
    assembler = _Assembler(str(path), len(stash))
    pages: list[Page] = []
    furniture: dict[str, Paragraph] = {}
    for p in stash.drain():
        pages.append(_page_model(p))
        items = _page_items(p, keys, short=len(stash) <= margins.SHORT_DOCUMENT)
        for line in items.furniture:
            key = furniture_key(line.text)
            if key != "#page" and key not in furniture:
                furniture[key] = Paragraph(text=line.text, provenance=Provenance(
                    file=str(path), page=items.number, bbox=line.box.to_bbox()))
        assembler.add(items)
    blocks = assembler.finish()
    scanned = sum(1 for p in pages if p.kind == "scanned")
    fmt = "pdf-scanned" if pages and scanned == len(pages) else "pdf"
    return PagedDocument(source=file_source(path, fmt, page_count=len(pages)), pages=pages,
                         blocks=blocks, degraded=bool(warnings), warnings=warnings,
                         furniture=list(furniture.values()))


@dataclass
class _PageItems:
    number: int
    text: list[TextBlock]
    tables: list[ResolvedTable]  # top to bottom
    first_is_first: bool  # nothing above the page's first table
    last_is_last: bool  # nothing below its last table
    furniture: list = field(default_factory=list)  # the page's running header, footer, number lines
    ocr_tables: set = field(default_factory=set)  # ids of its tables holding regions read by OCR


def _page_items(p, recurring_keys: set, short: bool = False) -> _PageItems:
    t = p.triage
    drop = margins.page_furniture(p.lines, t.number, t.height, recurring_keys, short)
    furniture = [ln for i, ln in enumerate(p.lines) if i in drop]
    lines = [ln for i, ln in enumerate(p.lines) if i not in drop]
    tables = sorted((table_headers.resolve(g) for g in p.grids), key=lambda r: r.box.y0)
    lines = outside_tables(lines, [r.box for r in tables])
    text = attach_captions(blocks_from_lines(lines), tables)
    first = bool(tables) and not any(b.box.y1 <= tables[0].box.y0 + 1 for b in text)
    last = bool(tables) and not any(b.box.y0 >= tables[-1].box.y1 - 1 for b in text)
    ocr = {id(r) for r in tables if any(r.box.contains_point(b.cx, b.cy) for b in p.ocr_regions)}
    return _PageItems(t.number, text, tables, first, last, furniture, ocr)


class _Assembler:
    """Joins each page's first table into the last table so far while it continues it
    (table_joins.continues), and stores pages in reading order once the table still open at
    their end can no longer grow."""

    def __init__(self, file: str, n_pages: int):
        self.file, self.n_pages = file, n_pages
        self.blocks = BlockPages()
        self.pending: list[_PageItems] = []
        self.open: Optional[ResolvedTable] = None  # the last table so far, if it ends its page
        self.index = 0  # tables stored so far
        self.stored = 0  # pages stored so far
        self.ocr_tables: set[int] = set()  # ids of tables some of whose cells OCR read

    def add(self, page: _PageItems) -> None:
        self.ocr_tables |= page.ocr_tables
        if page.tables and self.open is not None and table_joins.continues(
                self.open, page.tables[0], True, page.first_is_first):
            joined = page.tables.pop(0)
            if id(joined) in self.ocr_tables:  # (ids are dropped once used: they are reused)
                self.ocr_tables.discard(id(joined))
                self.ocr_tables.add(id(self.open))
            table_joins.join(self.open, joined)  # grows in place
            still_open = not page.tables and page.last_is_last
        else:
            still_open = False
        if page.tables:
            self.open = page.tables[-1] if page.last_is_last else None
        elif not still_open:
            self.open = None
        self.pending.append(page)
        self._flush(keep_from=self._open_page())

    def finish(self) -> BlockPages:
        self._flush(keep_from=None)
        return self.blocks

    def _open_page(self) -> Optional[int]:
        return None if self.open is None else self.open.page

    def _flush(self, keep_from: Optional[int]) -> None:
        while self.pending and (keep_from is None or self.pending[0].number < keep_from):
            self.blocks.add_page(self._page_blocks(self.pending.pop(0)))

    def _page_blocks(self, page: _PageItems) -> list:
        items = [(b.box.y0, b.box.x0, False, b) for b in page.text]
        items += [(t.box.y0, t.box.x0, True, t) for t in page.tables]
        blocks = []
        for _, _, is_table, item in sorted(items, key=lambda x: (x[0], x[1])):
            if is_table:
                ocr = id(item) in self.ocr_tables
                self.ocr_tables.discard(id(item))
                blocks.append(table_block(item, self.file, self.index, ocr))
                self.index += 1
            else:
                blocks.append(text_block(item, self.file))
        self.stored += 1
        if self.stored < self.n_pages:
            blocks.append(PageBreak(provenance=Provenance(file=self.file, page=page.number)))
        return blocks


def _page_model(p) -> Page:
    t = p.triage
    conf = None if p.ocr_confidence is None else round(min(1.0, max(0.0, p.ocr_confidence)), 3)
    return Page(number=t.number, width=round(t.width, 2) or None, height=round(t.height, 2) or None,
                rotation=t.rotation if t.rotation in (0, 90, 180, 270) else 0, kind=t.kind,
                has_tables=p.has_tables, ocr_confidence=conf)
