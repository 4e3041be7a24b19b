"""PDF into the Document model.

Steps, each in its own module: triage every page from pdfium's fast layer (triage.py); read
words from the text layer (text.py) into lines (page/lines.py), or OCR scanned pages, turned
ones included (ocr/); find tables only where triage saw rulings (rules.py + ruled/: pdfium's
path objects through pdfplumber's edge -> cell chain, no layout analysis) or column-aligned text
(unruled/), with pdfplumber where rows are ruled but no column, and camelot on request, as
fallbacks scored per table (tables.py, grid/model.quality); split tall rows by their words
(ruled/tall_rows.py) and rows that stack several records (ruled/stacked_rows.py); resolve
header rows into column paths (grid/headers.py); drop running headers, footers and page numbers
(margins.py); join tables over page breaks (grid/joins.py); emit blocks in reading order with
page and box provenance (blocks.py).

Bad input raises a typed InputError (encrypted, corrupt, no pages) or yields a Document with
degraded=True and a warning naming the reason; a per-file time limit, checked between pages and
passed to tesseract, bounds the work (a hard kill belongs to the pipeline's worker process).
Memory: each page's text layer and objects are read once and closed with the page, and the
pdfium document is reopened every REOPEN_EVERY pages so that its caches do not grow with the
page count; read pages past the first DECODED_PAGES wait compressed (blocks.PageStash) and the
Document is stored page by page (parse_paged, schema.PagedDocument), so no stage holds every
page of a long report decoded.
"""

import logging
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

import pypdfium2 as pdfium
from pydantic import BaseModel, ConfigDict, Field

from kinerja.parsers.errors import CorruptPDF, EmptyPDF, EncryptedPDF, UnsupportedFormat
from kinerja.parsers.grid.model import TableGrid
from kinerja.parsers.page.geometry import Box
from kinerja.parsers.page.lines import Line, lines_from_runs
from kinerja.parsers.page.words import Word
from kinerja.parsers.pdf import blocks as pdf_blocks, image_tables, tables as pdf_tables, unmapped
from kinerja.parsers.pdf.integrity import Check
from kinerja.parsers.pdf.objects import page_objects
from kinerja.parsers.pdf.rules import page_edges
from kinerja.parsers.pdf.text import page_words
from kinerja.parsers.pdf.triage import PageTriage, triage_page
from kinerja.parsers.ruled import ruling
from kinerja.parsers.source import check_file, read_ends
from kinerja.parsers.unruled.boxed import unframed
from kinerja.parsers.unruled.tables import unruled_grids
from kinerja.schema import Document, PagedDocument

log = logging.getLogger(__name__)
# pages read through one pdfium document handle before it is opened afresh (its caches dropped)
REOPEN_EVERY = 10


class PdfOptions(BaseModel):
    """Settings of the PDF parser; None, a dict or an instance are accepted by parse()."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    timeout_s: float = Field(
        840.0, gt=0, description="per-file time limit, checked between pages; below the "
        "pipeline worker's hard limit so a slow file ends degraded, not killed")
    ocr: bool = True
    ocr_pictures: bool = Field(
        True, description="read by OCR the ruled tables pasted as pictures into pages that have a "
        "text layer (image_tables.py: a few seconds a picture; a chart or a photo is not read)")
    ocr_lang: str = "ind+eng"
    ocr_dpi: int = Field(300, ge=72, le=600)
    max_pages: Optional[int] = Field(None, ge=1)
    tables: bool = True
    camelot_fallback: bool = Field(
        False, description="re-read pages whose grid scores poorly with camelot: lattice on "
        "ruled pages (sloppily drawn tables), stream on columnar text (~0.4 s a page)")
    password: Optional[str] = None
    keep_layout: bool = Field(
        False, description="keep each page's words and rulings on its PageContent (kinerja "
        "show); off, a page's layout is let go once its lines and tables are made")
    integrity_check: bool = Field(
        True, description="check the file's structure with qpdf (when installed), beside the "
        "page reading: damage pdfium repairs silently marks the file degraded (about 1 s of "
        "CPU per 60 pages)")

    @classmethod
    def coerce(cls, options) -> "PdfOptions":
        if options is None:
            return cls()
        if isinstance(options, cls):
            return options
        return cls.model_validate(options)


class Deadline:
    def __init__(self, seconds: float):
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def remaining(self) -> float:
        return self.end - time.monotonic()

    def passed(self) -> bool:
        return self.remaining() <= 0


@dataclass
class PageContent:
    triage: PageTriage
    lines: list[Line] = field(default_factory=list)
    grids: list[TableGrid] = field(default_factory=list)
    ocr_confidence: Optional[float] = None
    has_tables: bool = False
    ocr_regions: list[Box] = field(default_factory=list)  # text-layer parts read by OCR
    words: list = field(default_factory=list)  # with PdfOptions.keep_layout: the text layer's words
    edges: list = field(default_factory=list)  # and the rulings read from the page's paths


def parse(path: Path, options=None) -> Document:
    return parse_paged(path, options).to_document()


def parse_paged(path: Path, options=None) -> PagedDocument:
    """The Document with its blocks stored page by page (schema.paged): what the pipeline
    reads, so that a long report is never held decoded whole."""
    path = Path(path)
    opts = PdfOptions.coerce(options)
    deadline = Deadline(opts.timeout_s)
    check_file(path)
    head, tail = read_ends(path)
    if head.lstrip()[:5] != b"%PDF-":
        raise UnsupportedFormat(path, "not a PDF (no %PDF- header)")
    warnings: list[str] = []
    if b"%%EOF" not in tail[-2048:]:
        warnings.append("file looks truncated (no %%EOF marker at the end); read what survives")
    pdf = open_pdf(path, opts.password)
    check = Check(path, opts.password) if opts.integrity_check else None
    stash = pdf_blocks.PageStash()
    try:
        for content in _read_pages(pdf, path, opts, deadline, warnings):
            stash.add(content)
    except BaseException:
        if check is not None:
            check.stop()
        raise
    finally:
        pdf.close()
    if check is not None and deadline.passed():
        check.stop()  # the pages had the time; the check gets none beyond it
    elif check is not None and (hurt := check.result(timeout=deadline.remaining())):
        warnings.append(hurt)
    return pdf_blocks.paged_document(path, stash, warnings)


def open_pdf(path: Path, password: Optional[str]) -> pdfium.PdfDocument:
    """Open with pdfium; an empty user password is tried by pdfium itself."""
    try:
        pdf = pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium.raw.FPDF_ERR_PASSWORD:
            raise EncryptedPDF(path) from exc
        if code == pdfium.raw.FPDF_ERR_SECURITY:
            raise EncryptedPDF(path, "PDF uses an unsupported security handler") from exc
        if _page_count_elsewhere(path) == 0:
            raise EmptyPDF(path) from exc
        raise CorruptPDF(path, f"PDF cannot be opened ({exc})") from exc
    if len(pdf) == 0:
        pdf.close()
        raise EmptyPDF(path)
    return pdf


def _page_count_elsewhere(path: Path) -> Optional[int]:
    """pdfium refuses a PDF without pages as a format error; pdfminer tells the two apart."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        with open(path, "rb") as fh:
            doc = PDFDocument(PDFParser(fh))
            return sum(1 for _ in PDFPage.create_pages(doc))
    except Exception:  # any pdfminer failure means: unknown
        return None


def _read_pages(pdf, path: Path, opts: PdfOptions, deadline: Deadline,
                warnings: list[str]) -> Iterator[PageContent]:
    n = len(pdf)
    limit = min(n, opts.max_pages or n)
    if limit < n:
        warnings.append(f"only the first {limit} of {n} pages were read (max_pages)")
    plumber = _Plumber(path, opts.password, warnings)
    current = pdf
    try:
        for index in range(limit):
            if deadline.passed():
                warnings.append(f"time limit of {opts.timeout_s:g} s reached: pages "
                                f"{index + 1}-{n} not read")
                break
            if index and index % REOPEN_EVERY == 0:
                # pdfium keeps every object it parsed (fonts, images, content streams) until the
                # document closes: a fresh handle keeps its memory from growing with the pages
                current.close()  # parse()'s handle too: closing it again there is harmless
                current = open_pdf(path, opts.password)
            yield _read_page_or_leave_out(current, index, path, opts, deadline, plumber, warnings)
    finally:
        if current is not pdf:
            current.close()
        plumber.close()


def _read_page_or_leave_out(pdf, index: int, path: Path, opts: PdfOptions, deadline: Deadline,
                            plumber: "_Plumber", warnings: list[str]) -> PageContent:
    """A page whose reading fails (damage the libraries let through as any kind of error: a
    crop box off the page, a malformed operator) is left out with a warning naming the page
    and the error; the other pages are still read."""
    try:
        return _read_page(pdf, index, path, opts, deadline, plumber, warnings)
    except Exception as exc:  # noqa: BLE001 - one page lost, not the file
        log.debug("page %d of %s", index + 1, path, exc_info=True)
        warnings.append(f"page {index + 1} could not be read ({type(exc).__name__}: {exc}); it is left out")
        return PageContent(PageTriage(index + 1, 0, 0, 0, 0, 0.0, 0, 0, 0))


def _read_page(pdf, index: int, path: Path, opts: PdfOptions, deadline: Deadline,
               plumber: "_Plumber", warnings: list[str]) -> PageContent:
    number = index + 1
    try:
        page = pdf[index]
    except pdfium.PdfiumError as exc:  # a damaged page object: the other pages are still read
        warnings.append(f"page {number} could not be loaded ({exc}); it is left out")
        return PageContent(PageTriage(number, 0, 0, 0, 0, 0.0, 0, 0, 0))
    words, edges, textpage, image_grids = [], [], None, []
    try:
        # the text layer and the object list are read once, for triage and for reading
        textpage, objects = page.get_textpage(), page_objects(page)
        tri = triage_page(page, number, textpage, objects)
        content = PageContent(tri)
        if tri.has_text:
            blanks: list[int] = []  # characters read as no letter: some may draw ink
            words = page_words(page, tri.frame, textpage, blanks)
            if opts.tables and (tri.ruled or tri.h_rules):  # a few bars: stacked fractions
                edges = page_edges(page, tri.frame, objects)
            words = _read_unmapped(page, textpage, objects, edges, blanks, words, content, opts,
                                   deadline, warnings)
            content.lines = lines_from_runs(words, number)
            if content.ocr_regions:
                unmapped.mark_lines(content.lines, words)
            image_grids = _read_image_tables(page, textpage, objects, tri, opts, deadline, warnings)
        elif tri.needs_ocr:
            _ocr_page(page, content, opts, deadline, warnings)
    except pdfium.PdfiumError as exc:
        warnings.append(f"page {number} could not be read ({exc})")
        return PageContent(PageTriage(number, 0, 0, 0, 0, 0.0, 0, 0, 0))
    finally:
        if textpage is not None:
            textpage.close()
        page.close()
    if opts.tables and tri.has_text and _may_hold_table(tri, content.lines):
        content.grids = _find_tables(path, tri, content.lines, words, edges, opts, deadline,
                                     plumber, warnings)
    content.grids += image_grids
    content.has_tables = content.has_tables or bool(content.grids)
    if opts.keep_layout:
        content.words, content.edges = words, edges
    return content


def _may_hold_table(tri: PageTriage, lines: list[Line]) -> bool:
    return tri.ruled or len(aligned_rows(lines)) >= 3


def aligned_rows(lines: list[Line]) -> list[Line]:
    """Lines split into two or more gap-separated segments: column-aligned text."""
    return [ln for ln in lines if len(ln.segments) >= 2]


def _find_tables(path: Path, tri: PageTriage, lines: list[Line], words, edges, opts: PdfOptions,
                 deadline: Deadline, plumber: "_Plumber", warnings: list[str]) -> list[TableGrid]:
    """Cheapest finder first: rulings from pdfium's paths; pdfplumber, then camelot, only
    where the grid found so far scores poorly."""
    number = tri.number
    grids: list[TableGrid] = []
    if tri.ruled:
        grids = fast_ruled_grids(edges, words, number)
        if _columns_missing(grids):  # pdfplumber reads edges its own way (a fill's rect edges)
            grids = pdf_tables.best_per_area(grids, plumber.grids(number))
        grids = unframed(grids, lines, number, words, edges)  # a frame around an unruled table
    else:
        grids = unruled_grids(lines, number, words, edges)
    # camelot only on request (lattice on ruled pages, stream on columnar text): unasked, its
    # stream flavour read justified prose as tables and found no table ours missed. camelot
    # reads rotated pages in its own frame: not mixed with ours
    columnar = len([ln for ln in lines if len(ln.segments) >= 3]) >= 3
    wanted = opts.camelot_fallback and (tri.ruled or columnar)
    if wanted and _weak(grids) and tri.rotation == 0 and deadline.remaining() > 5:
        flavor = "lattice" if tri.ruled else "stream"
        areas = None if tri.ruled else _aligned_area(lines)
        try:
            alt = pdf_tables.camelot_grids(path, number, tri.height, flavor, areas, opts.password)
        except Exception as exc:  # camelot raises many kinds on odd pages; the page still parses
            warnings.append(f"page {number}: camelot {flavor} failed ({type(exc).__name__}: {exc})")
            alt = []
        grids = pdf_tables.best_per_area(grids, alt)
    return [g for g in grids if g.quality > 0]


def _weak(grids: list[TableGrid]) -> bool:
    """No table, or a table of several rows that scores poorly (one-row boxes are not tables
    and do not call for another finder)."""
    sized = _sized(grids)
    return not sized or min(g.quality for g in sized) < pdf_tables.GOOD_ENOUGH


def _columns_missing(grids: list[TableGrid]) -> bool:
    """Rows ruled but no column rule found. Where no grid at all was found, pdfplumber found none
    either in the whole corpus (covers, charts, boxed prose) at a third of a second a page."""
    return not _sized(grids) and any(g.n_rows >= 2 and g.n_cols == 1 for g in grids)


def _sized(grids: list[TableGrid]) -> list[TableGrid]:
    return [g for g in grids if g.n_rows >= 2 and g.n_cols >= 2]


def fast_ruled_grids(edges, words, number: int) -> list[TableGrid]:
    # words read by OCR (unmapped.OcrSegment) bring their confidence into the cells
    inks = _line_inks(words)
    page_words = [Word(w.box, w.text, getattr(w, "confidence", None), inks.get(_band(w)))
                  for w in words]
    grids = []
    for group in ruling.edges_to_cell_groups(edges):
        grid = ruling.grid_from_cells(group, page_words, number, "pdfium-rules", rules=edges)
        if grid is not None:
            grids.append(grid)
    return grids


def _line_inks(words) -> dict[tuple, float]:
    """The middle height of the ink of each text line, keyed by its band (the words of one
    baseline and size share it): the median of its words', so that a descender or a capital
    does not move one word of a line to another row. A ruled cell takes the lines whose ink it
    holds: a line overflowing a tight row is drawn mostly inside it."""
    heights: dict[tuple, list[float]] = {}
    for w in words:
        if w.ink_cy is not None:
            heights.setdefault(_band(w), []).append(w.ink_cy)
    return {k: statistics.median(v) for k, v in heights.items()}


def _band(word) -> tuple:
    return round(word.box.y0, 1), round(word.box.y1, 1)


def _aligned_area(lines: list[Line]) -> Optional[list[Box]]:
    rows = aligned_rows(lines)
    if not rows:
        return None
    box = rows[0].box
    for ln in rows[1:]:
        box = box.union(ln.box)
    return [Box(box.x0 - 2, box.y0 - 2, box.x1 + 2, box.y1 + 2)]


class _Plumber:
    """pdfplumber opened lazily, once per file, only if some page needs its table finder."""

    def __init__(self, path: Path, password: Optional[str], warnings: list[str]):
        self.path, self.password, self.warnings = path, password, warnings
        self.pdf = None
        self.failed = False

    def grids(self, number: int) -> list[TableGrid]:
        if self.failed:
            return []
        try:
            if self.pdf is None:
                import pdfplumber
                self.pdf = pdfplumber.open(str(self.path), password=self.password or "")
            page = self.pdf.pages[number - 1]
            try:
                return pdf_tables.plumber_grids(page, number)
            finally:
                page.close()
        except Exception as exc:  # pdfminer raises many kinds on damaged files
            self.warnings.append(f"page {number}: pdfplumber table finder failed "
                                 f"({type(exc).__name__}: {exc})")
            return []

    def close(self):
        if self.pdf is not None:
            self.pdf.close()


# seconds at most for the one tesseract call reading a page's glyphs without text
UNMAPPED_TIMEOUT = 60.0


def _read_unmapped(page, textpage, objects, edges, blanks: list[int], words: list,
                   content: PageContent, opts: PdfOptions, deadline: Deadline,
                   warnings: list[str]) -> list:
    """The page's words with its glyphs drawn without text read by OCR (unmapped.py); the
    words as they are when there are none, OCR is off or fails, or time is up."""
    tri = content.triage
    pieces = unmapped.find_pieces(page, textpage, tri.frame, blanks, words)
    if not pieces:
        return words
    where = f"page {tri.number}: {len(pieces)} runs of glyphs without text"
    if not opts.ocr:
        warnings.append(f"{where} not read (OCR is off)")
        return words
    if deadline.remaining() < 1:
        warnings.append(f"{where} not read (time limit of {opts.timeout_s:g} s)")
        return words
    from kinerja.parsers.ocr import page as ocr, regions

    try:
        read = regions.read_regions(page, (tri.width, tri.height), [p.box for p in pieces],
                                    opts.ocr_lang, min(UNMAPPED_TIMEOUT, deadline.remaining()))
    except ocr.OcrUnavailable as exc:
        warnings.append(f"{where} not read: OCR unavailable ({exc})")
        return words
    except ocr.OcrTimeout:
        warnings.append(f"{where} not read: OCR stopped by the time limit")
        return words
    for piece, found in zip(pieces, read):
        piece.words = unmapped.on_line(found, piece)
    bars = edges or (page_edges(page, tri.frame, objects) if tri.h_rules else [])
    content.ocr_regions = [p.box for p in pieces if p.words]
    return unmapped.merge_readings(pieces, words, bars)


def _read_image_tables(page, textpage, objects, tri: PageTriage, opts: PdfOptions, deadline: Deadline,
                       warnings: list[str]) -> list[TableGrid]:
    """Ruled tables pasted as images into a text page (image_tables.py), read by OCR."""
    if not (opts.ocr and opts.ocr_pictures and opts.tables):
        return []
    areas = image_tables.ruled_areas(page, tri, image_tables.blank_images(objects, textpage, tri))
    if not areas:
        return []
    grids, why_not = image_tables.image_grids(page, tri, areas, opts.ocr_lang, opts.ocr_dpi,
                                              max(1.0, deadline.remaining()))
    if why_not:
        warnings.append(f"page {tri.number}: an image that may hold a table was not read: {why_not}")
    return grids


def _ocr_page(page, content: PageContent, opts: PdfOptions, deadline: Deadline,
              warnings: list[str]) -> None:
    number = content.triage.number
    if not opts.ocr:
        warnings.append(f"page {number} is scanned and OCR is off: no text")
        return
    if content.triage.huge_image:
        warnings.append(f"page {number} holds an image of {content.triage.largest_image_px} "
                        f"pixels, too large to render for OCR: no text")
        return
    from kinerja.parsers.ocr import page as ocr

    try:
        result = ocr.ocr_page(page, number, content.triage, lang=opts.ocr_lang, dpi=opts.ocr_dpi,
                              timeout_s=max(1.0, deadline.remaining()))
    except ocr.OcrUnavailable as exc:
        warnings.append(f"page {number}: OCR unavailable ({exc})")
        return
    except ocr.OcrTimeout:
        warnings.append(f"page {number}: OCR stopped by the time limit of {opts.timeout_s:g} s")
        return
    content.lines, content.grids = result.lines, result.grids
    content.ocr_confidence = result.confidence
    if result.turn:
        # boxes are in the upright frame: the page is reported as read, turned like /Rotate
        tri = content.triage
        if result.turn in (90, 270):
            tri.width, tri.height = tri.height, tri.width
        tri.rotation = (tri.rotation + result.turn) % 360
    content.has_tables = bool(result.grids)
