"""One page read as the parser reads it, with what it saw on the way (for `kinerja show`).

The page goes through the reader's own page step (reader._read_page, told to keep its layout):
the rulings from the page's paths, the words of the text layer (or the OCR lines of a scan),
and the table grids every finder made of them, with the header rows header resolution gives
each. Nothing here decides anything the parser does not.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from kinerja.parsers.errors import InputError, UnsupportedFormat
from kinerja.parsers.grid.headers import resolve
from kinerja.parsers.grid.model import TableGrid
from kinerja.parsers.page.geometry import Box, Edge
from kinerja.parsers.source import check_file, read_ends
from kinerja.parsers.pdf.reader import Deadline, PdfOptions, _Plumber, _read_page, open_pdf


@dataclass
class TableView:
    box: Box
    cells: list[Box]
    header: list[Box]  # the cells of its header rows
    method: str
    quality: float


@dataclass
class PageView:
    number: int
    width: float
    height: float
    kind: str  # 'text' or 'scanned'
    rulings: list[Edge] = field(default_factory=list)
    words: list[Box] = field(default_factory=list)
    tables: list[TableView] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class NoSuchPage(InputError):
    reason = "no such page"


def inspect_page(path: Path, number: int, options: Optional[PdfOptions] = None) -> PageView:
    """What the parser sees on page `number` (1-based) of the PDF at `path`; typed input errors
    for a missing or empty file, one that is no PDF, and a page it does not have."""
    check_file(path)
    if read_ends(path)[0].lstrip()[:5] != b"%PDF-":
        raise UnsupportedFormat(path, "not a PDF: only a PDF page can be shown")
    opts = PdfOptions.coerce(options).model_copy(update={"keep_layout": True})
    pdf = open_pdf(path, opts.password)
    warnings: list[str] = []
    plumber = _Plumber(path, opts.password, warnings)
    try:
        if not 1 <= number <= len(pdf):
            raise NoSuchPage(path, f"no page {number} (the file has {len(pdf)})")
        content = _read_page(pdf, number - 1, path, opts, Deadline(opts.timeout_s), plumber, warnings)
    finally:
        plumber.close()
        pdf.close()
    tri = content.triage
    words = [w.box for w in content.words] or [s.box for ln in content.lines for s in ln.segments]
    return PageView(number, tri.width, tri.height, "text" if tri.has_text else "scanned",
                    list(content.edges), words, [_table(g) for g in content.grids], warnings)


def render_page(path: Path, number: int, scale: float, password: Optional[str] = None):
    """The page as pdfium draws it (PIL image, `scale` pixels per point)."""
    pdf = open_pdf(path, password)
    try:
        if not 1 <= number <= len(pdf):
            raise NoSuchPage(path, f"no page {number} (the file has {len(pdf)})")
        page = pdf[number - 1]
        try:
            return page.render(scale=scale).to_pil()
        finally:
            page.close()
    finally:
        pdf.close()


def _table(grid: TableGrid) -> TableView:
    header = [c.box for row in resolve(grid).header for c in row if c.box is not None]
    return TableView(grid.box, [c.box for c in grid.cells if c.box is not None], header,
                     grid.method, grid.quality)
