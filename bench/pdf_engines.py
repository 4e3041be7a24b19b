"""Contender table engines for the PDF benchmark: one Document each, differing only in its tables.

The contenders read the page text exactly as kinerja does (pdfium triage, words and lines, then
pdf_blocks.paged_document for furniture, header resolution, cross-page joins and reading order),
so the facts they yield differ only by where the tables come from:

  kinerja     kinerja.parsers.parse_paged as the pipeline calls it (its own finders, fallbacks where
              weak), table pictures on text pages not read, as no other contender reads them
  kinerja+pictures  the same with table pictures read by OCR (the pipeline's default)
  kinerja+camelot  the same with PdfOptions(camelot_fallback=True): camelot lattice re-reads the
              ruled pages whose grid scores poorly
  camelot     camelot lattice on every page, one read_pdf call for the file, each table
              converted by the parser's own camelot converter (parsers.pdf_tables)
  pdfplumber  pdfplumber's table finder on every page, with extract_tables()' default line
              strategy (parsers.pdf_tables.plumber_grids)

A grid is kept when it scores above zero (two rows and two columns holding text): the gate the
parser puts on its own finders, so that a camelot box drawn round a paragraph does not swallow
that paragraph's text into a one-cell table. Contenders do not OCR scanned pages.
"""

import time
import warnings
from pathlib import Path
from typing import Optional, Union

from kinerja.audit import run_checks
from kinerja.extract import extract_document
from kinerja.parsers import parse_paged
from kinerja.parsers.grid.model import TableGrid, quality
from kinerja.parsers.page.lines import lines_from_runs
from kinerja.parsers.pdf import blocks as pdf_blocks, tables as pdf_tables
from kinerja.parsers.pdf.reader import PageContent, PdfOptions, open_pdf
from kinerja.parsers.pdf.text import page_words
from kinerja.parsers.pdf.triage import PageTriage, triage_page
from kinerja.schema import Document, Extraction, PagedDocument


class CamelotLattice:
    """camelot lattice over all pages in one read_pdf call, as a user runs it on every page (the
    same CPU time as a call per page), each table turned into a TableGrid by the parser's
    converter."""

    name = "camelot"

    def __init__(self, path: Path, pages: int):
        self.path, self.pages = path, pages
        self.by_page: Optional[dict[int, list]] = None

    def grids(self, tri: PageTriage) -> list[TableGrid]:
        if self.by_page is None:
            self.by_page = {}  # a failing read is reported once, on the first page
            self.by_page = self._read_all()
        grids = []
        for table in self.by_page.pop(tri.number, []):
            grid = pdf_tables.camelot_grid(table, tri.number, tri.height, "lattice")
            if grid is not None:
                grid.quality = quality(grid)
                grids.append(grid)
        return grids

    def _read_all(self) -> dict[int, list]:
        import camelot

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # camelot warns on every page without a table
            tables = camelot.read_pdf(str(self.path), pages=f"1-{self.pages}", flavor="lattice",
                                      suppress_stdout=True)
        by_page: dict[int, list] = {}
        for table in tables:
            by_page.setdefault(int(table.page), []).append(table)
        return by_page

    def close(self) -> None:
        self.by_page = None


class PlumberTables:
    """pdfplumber opened once per file; find_tables with extract_tables()' default settings."""

    name = "pdfplumber"

    def __init__(self, path: Path, pages: int):
        import pdfplumber

        self.pdf = pdfplumber.open(str(path))

    def grids(self, tri: PageTriage) -> list[TableGrid]:
        page = self.pdf.pages[tri.number - 1]
        try:
            return pdf_tables.plumber_grids(page, tri.number)
        finally:
            page.close()  # drops pdfplumber's per-page object cache: memory stays flat

    def close(self) -> None:
        self.pdf.close()


FINDERS = {"camelot": CamelotLattice, "pdfplumber": PlumberTables}
# kinerja's own parser, by the options it is run with; the contenders it is measured against read
# no table pictures (camelot and pdfplumber find tables in the text layer only), so neither does
# "kinerja": "kinerja+pictures" is the pipeline's default, table pictures read by OCR too
OWN = {"kinerja": {"ocr_pictures": False}, "kinerja+camelot": {"camelot_fallback": True, "ocr_pictures": False},
       "kinerja+pictures": {}}
ENGINES = (*OWN, *FINDERS)


def engine_document(path: Path, engine: str, max_pages: Optional[int] = None,
                    paged: bool = True) -> Union[PagedDocument, Document]:
    """The Document of `path` with its tables found by `engine` (one of ENGINES), its blocks
    stored page by page as the pipeline reads them, or (paged=False) held whole."""
    path = Path(path)
    if engine in OWN:
        doc = parse_paged(path, PdfOptions(max_pages=max_pages, **OWN[engine]))
        return doc if paged else doc.to_document()
    problems: list[str] = []
    pdf = open_pdf(path, None)
    stash = pdf_blocks.PageStash()
    try:
        limit = min(len(pdf), max_pages or len(pdf))
        finder = FINDERS[engine](path, limit)
        try:
            for index in range(limit):
                stash.add(_read_page(pdf, index + 1, finder, problems))
        finally:
            finder.close()
    finally:
        pdf.close()
    doc = pdf_blocks.paged_document(path, stash, problems)
    return doc if paged else doc.to_document()


def _read_page(pdf, number: int, finder, problems: list[str]) -> PageContent:
    page = pdf[number - 1]
    textpage = page.get_textpage()  # read once for triage and text, as the parser does
    try:
        tri = triage_page(page, number, textpage)
        content = PageContent(tri)
        if tri.has_text:
            content.lines = lines_from_runs(page_words(page, tri.frame, textpage), number)
    finally:
        textpage.close()
        page.close()
    try:
        content.grids = [g for g in finder.grids(tri) if g.quality > 0]
    except Exception as exc:  # an engine failing on one page is a result, not the end of the run
        problems.append(f"page {number}: {finder.name} failed ({type(exc).__name__}: {exc})")
    content.has_tables = bool(content.grids)
    return content


def extract_with(path: Path, engine: str, max_pages: Optional[int] = None,
                 timings: Optional[dict] = None,
                 paged: bool = True) -> tuple[Union[PagedDocument, Document], Extraction]:
    """parse -> extract -> audit, as pipeline.extract_file chains them, with the tables of
    `engine`; `timings` receives the seconds of each stage."""
    timings = {} if timings is None else timings
    t0 = time.perf_counter()
    doc = engine_document(path, engine, max_pages, paged)
    t1 = time.perf_counter()
    ex = extract_document(doc)
    t2 = time.perf_counter()
    ex.findings = run_checks(ex)
    timings.update(parse=t1 - t0, extract=t2 - t1, audit=time.perf_counter() - t2)
    return doc, ex
