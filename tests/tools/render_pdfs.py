"""Render the seed text dumps into PDFs that exercise the PDF parser, deterministically.

Each seed (corpus/*.txt) is read by the text-dump parser (kinerja.parsers.parse) and its
Document is printed, so the PDF holds exactly the headings, paragraphs and tables (merged header
cells, numbering rows, spans) that the text version yields. In the output directory:
  NAME.ruled.pdf      A4 portrait, tables with a full grid, merged cells drawn as spans,
                      long tables split over pages with the header repeated on each page
  NAME.unruled.pdf    the same without any ruling (whitespace-separated columns), header not
                      repeated on continuation pages
  NAME.landscape.pdf  A4 landscape, ruled
  NAME.scan.pdf       a rasterised (image-only, 300 dpi) copy of the ruled version's pages
                      that hold tables (at most `--scan-pages`), for the OCR path (its
                      fractions printed flat)
Every page carries a running footer and a page number (which the PDF parser must drop). A table
cell keeps its line breaks, and a cell formula holding a fraction is drawn as Word's equation
editor prints it: numerator, a short rule, denominator, with what follows the fraction ("x 100%")
beside the rule.

Usage: python tests/tools/render_pdfs.py OUT_DIR [--seed NAME ...] [--scan-pages N] [--scan-all]
Needs reportlab (PyPI) and pypdfium2 + Pillow (for the scan copy).
"""

import argparse
import html
import re
import sys
import time
from pathlib import Path

from reportlab import rl_config

rl_config.invariant = 1  # no creation date or random ID: same bytes on every run

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.utils import simpleSplit  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from tests.parsing import parse
from kinerja.parsers.textdump.markup import latex_to_plain
from kinerja.schema import (
    Document,  # noqa: E402
    Table as TableBlock,  # noqa: E402
)

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "corpus"
FONT = "Vera"
pdfmetrics.registerFont(TTFont(FONT, "Vera.ttf"))  # ships with reportlab: same glyphs everywhere

BODY_SPAN_LIMIT = 6  # body rows a drawn vertical merge may cover
BODY = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=11.5, spaceAfter=5)
HEADING = ParagraphStyle("heading", fontName=FONT, fontSize=11, leading=14, spaceBefore=6)
CELL = ParagraphStyle("cell", fontName=FONT, fontSize=7, leading=8.5)
# glyphs the bundled font lacks, printed as their nearest look-alike
FONT_FALLBACK = {"\u2713": "\u221a", "\u2714": "\u221a"}


def printable(text: str) -> str:
    """Text as the bundled font prints it: glyphs it lacks become their look-alikes."""
    for missing, printed in FONT_FALLBACK.items():
        text = text.replace(missing, printed)
    return re.sub(r"\s+", " ", text).strip()


def printable_lines(text: str) -> list[str]:
    """The printable lines of a cell, its line breaks kept."""
    return [line for line in (printable(part) for part in text.split("\n")) if line]


def seed_document(seed: Path) -> Document:
    """The seed as the text-dump parser reads it: what the rendered PDF must print."""
    return parse(seed)


def table_rows(table: TableBlock) -> tuple[list[list[str]], list[tuple[int, int, int, int]], int]:
    """The table as a full grid of texts (header rows, numbering row, body), its spans as
    (col0, row0, col1, row1) and its number of header rows (numbering row included)."""
    grid, spans, head, _ = table_cells(table)
    return grid, spans, head


def table_cells(table: TableBlock):
    """table_rows() plus the grid of the Document's cells (None where no cell starts)."""
    n = max(1, table.n_cols)
    head = len(table.header_rows) + (1 if table.numbering_row else 0)
    grid = [[""] * n for _ in range(head + len(table.body))]
    placed = [[None] * n for _ in range(len(grid))]
    spans = []

    def put(cell, row: int, max_row_span: int) -> None:
        if cell.col >= n or row >= len(grid):
            return
        grid[row][cell.col] = printable(cell.text)
        placed[row][cell.col] = cell
        r1 = min(row + min(cell.row_span, max_row_span) - 1, len(grid) - 1)
        c1 = min(cell.col + cell.col_span - 1, n - 1)
        if r1 > row or c1 > cell.col:
            spans.append((cell.col, row, c1, r1))

    for cells in table.header_rows:
        for cell in cells:
            put(cell, cell.row, len(table.header_rows) - cell.row)
    if table.numbering_row:
        for c, text in enumerate(table.numbering_row[:n]):
            grid[len(table.header_rows)][c] = printable(text)
    for cells in table.body:
        for cell in cells:
            # long vertical merges are drawn as a label in their first row: a span taller
            # than a page cannot be laid out
            put(cell, head + cell.row, BODY_SPAN_LIMIT)
    return grid, spans, head, placed


def _col_widths(rows: list[list[str]], total: float) -> list[float]:
    """Each column at least as wide as its longest word (as a word processor sizes a column to
    its numbers), the rest shared by text length."""
    n = len(rows[0])
    floors = _floors(rows)
    if sum(floors) > total:
        floors = [max(14.0, f * total / sum(floors)) for f in floors]
    weight = [max(4, min(40, max(len(r[c]) for r in rows))) for c in range(n)]
    spare = max(0.0, total - sum(floors))
    return [f + spare * w / sum(weight) for f, w in zip(floors, weight)]


def _floors(rows: list[list[str]]) -> list[float]:
    """Per column: its longest word plus padding (capped), the width below which words break."""
    return [min(90.0, 13 + max((pdfmetrics.stringWidth(tok, FONT, CELL.fontSize)
                                for r in rows for tok in r[c].split()), default=10.0))
            for c in range(len(rows[0]))]


def flowable_table(table: TableBlock, avail: float, ruled: bool, repeat_header: bool,
                   stacked: bool = True) -> Table:
    rows, spans, head, cells = table_cells(table)
    widths = _col_widths(rows, avail)
    pad = 6 if ruled else 12
    # unruled renders keep fractions flat: a drawn bar would make the page ruled to the parser,
    # which is another test (and the whitespace-table finder's parity is measured on them)
    data = [[cell_flowables(cells[r][c], rows[r][c], widths[c] - pad, stacked=ruled and stacked)
             for c in range(len(row))] for r, row in enumerate(rows)]
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    style += [("SPAN", (c0, r0), (c1, r1)) for c0, r0, c1, r1 in spans]
    if ruled:
        style.append(("GRID", (0, 0), (-1, -1), 0.6, colors.black))
    else:
        # unruled: columns stand apart by whitespace only
        style += [("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6)]
    return Table(data, colWidths=widths, style=TableStyle(style),
                 repeatRows=head if repeat_header and head < len(rows) else 0, splitByRow=1)


def cell_flowables(cell, text: str, width: float, stacked: bool = True) -> list:
    """A cell's lines as paragraphs, each formula holding a fraction drawn stacked (unless
    `stacked` is off)."""
    if cell is None:
        return [Paragraph(html.escape(text), CELL)]
    pieces = _formula_pieces(cell.text, cell.formulas if stacked else [])
    out = []
    for piece in pieces:
        if isinstance(piece, str):
            out += [Paragraph(html.escape(line), CELL) for line in printable_lines(piece)]
        else:
            out += piece.flowables(width)
    return out or [Paragraph("", CELL)]


def _formula_pieces(text: str, formulas: list[str]) -> list:
    """The cell text cut into plain stretches and StackedFraction pieces, in order. Text on the
    formula's own line (up to the line breaks around it) joins the formula as prefix or rest."""
    pieces: list = []
    rest = text
    plains = [latex_to_plain(source) for source in formulas]
    for k, source in enumerate(formulas):
        fraction = StackedFraction.of(source)
        plain = plains[k]
        at = rest.find(plain) if fraction else -1
        if at < 0:
            continue
        before, after = rest[:at], rest[at + len(plain):]
        head, _, lead = before.rpartition("\n")
        tail, _, later = after.partition("\n")
        if any(p and p in tail for p in plains[k + 1:]):  # the next formula is on this line
            tail, later = "", after
        fraction.prefix = printable(f"{lead} {fraction.prefix}")
        fraction.rest = printable(f"{fraction.rest} {tail}")
        pieces += [head, fraction]
        rest = later
    return pieces + [rest]


class StackedFraction:
    """A formula with one fraction at its top level: prefix, numerator over denominator, rest."""

    def __init__(self, prefix: str, num: str, den: str, rest: str):
        self.prefix, self.num, self.den, self.rest = prefix, num, den, rest

    @classmethod
    def of(cls, source: str) -> "StackedFraction | None":
        parts = _split_fraction(source)
        if parts is None:
            return None
        prefix, num, den, rest = (printable(latex_to_plain(p)) for p in parts)
        return cls(prefix, num, den, rest) if num and den else None

    def flowables(self, width: float) -> list:
        """The fraction, with prefix and rest on its axis when they fit beside it (else on lines
        of their own, as a narrow cell would wrap them)."""
        out = []
        prefix, rest = self.prefix, self.rest
        if _text_width(prefix) > 0.3 * width:
            out.append(Paragraph(html.escape(prefix), CELL))
            prefix = ""
        tail = None
        if _text_width(rest) > 0.35 * width:
            tail, rest = Paragraph(html.escape(rest), CELL), ""
        out.append(FractionFlowable(prefix, self.num, self.den, rest))
        return out + ([tail] if tail else [])


def _split_fraction(source: str) -> tuple[str, str, str, str] | None:
    """(before, numerator, denominator, after) LaTeX of the one top-level \\frac of `source`."""
    found = [m for m in re.finditer(r"\\[dt]?frac\b", source) if _depth(source, m.start()) == 0]
    if len(found) != 1:
        return None
    start = found[0].end()
    num, after_num = _braced(source, start)
    den, after_den = _braced(source, after_num) if num is not None else (None, 0)
    if num is None or den is None:
        return None
    return source[:found[0].start()], num, den, source[after_den:]


def _depth(source: str, at: int) -> int:
    return source[:at].count("{") - source[:at].count("}")


def _braced(source: str, i: int) -> tuple[str | None, int]:
    """The {...} group starting at i (spaces skipped) and the index after it."""
    while i < len(source) and source[i] == " ":
        i += 1
    if i >= len(source) or source[i] != "{":
        return None, i
    depth = 0
    for k in range(i, len(source)):
        depth += {"{": 1, "}": -1}.get(source[k], 0)
        if depth == 0:
            return source[i + 1:k], k + 1
    return None, i


def _text_width(text: str) -> float:
    return pdfmetrics.stringWidth(text, FONT, CELL.fontSize)


class FractionFlowable(Flowable):
    """Numerator lines, a rule as wide as the wider of the two parts, denominator lines; the
    prefix and the rest printed on the rule's axis, left and right of it."""

    GAP = 3.0  # points between prefix, fraction and rest
    SPACE = 4.0  # points above and below: the equation's raised numerator and lowered denominator

    def __init__(self, prefix: str, num: str, den: str, rest: str):
        super().__init__()
        self.prefix, self.num, self.den, self.rest = prefix, num, den, rest

    def wrap(self, avail_width, avail_height):
        size, lead = CELL.fontSize, CELL.leading
        side = sum(_text_width(t) + self.GAP for t in (self.prefix, self.rest) if t)
        room = max(20.0, avail_width - side)
        self.num_lines = simpleSplit(self.num, FONT, size, room)
        self.den_lines = simpleSplit(self.den, FONT, size, room)
        self.bar_width = max(_text_width(t) for t in self.num_lines + self.den_lines)
        self.bar_y = len(self.den_lines) * lead + 1.5 + self.SPACE
        self.height = self.bar_y + 3 + (len(self.num_lines) - 1) * lead + 0.76 * size + 1 + self.SPACE
        self.width = side + self.bar_width
        return self.width, self.height

    def draw(self):
        canvas, size, lead = self.canv, CELL.fontSize, CELL.leading
        canvas.saveState()
        canvas.setFont(FONT, size)
        x = 0.0
        axis = self.bar_y - 0.3 * size  # baseline that centres a line of text on the rule
        if self.prefix:
            canvas.drawString(x, axis, self.prefix)
            x += _text_width(self.prefix) + self.GAP
        for i, line in enumerate(self.num_lines):
            y = self.bar_y + 3 + (len(self.num_lines) - 1 - i) * lead
            canvas.drawCentredString(x + self.bar_width / 2, y, line)
        for i, line in enumerate(self.den_lines):
            y = (len(self.den_lines) - 1 - i) * lead + 2 + self.SPACE
            canvas.drawCentredString(x + self.bar_width / 2, y, line)
        canvas.setLineWidth(0.5)
        canvas.line(x, self.bar_y, x + self.bar_width, self.bar_y)
        if self.rest:
            canvas.drawString(x + self.bar_width + self.GAP, axis, self.rest)
        canvas.restoreState()


def _too_wide(table: TableBlock, avail: float) -> bool:
    rows, _, _ = table_rows(table)
    return sum(_floors(rows)) > avail


def story(doc: Document, avail: float, wide_avail: float | None, ruled: bool,
          repeat_header: bool, stacked: bool = True) -> list:
    """Flowables of the Document. A table too wide for a portrait page goes on landscape
    pages of its own (`wide_avail`), as an author would set it."""
    out = []
    for block in doc.blocks:
        if block.type == "table" and block.n_cols and (block.body or block.header_rows):
            caption = ([Paragraph(html.escape(printable(block.caption)), BODY)]
                       if block.caption else [])
            if wide_avail and _too_wide(block, avail):
                # the headings just above the table turn the page with it
                lead = _trailing_titles(out)
                del out[len(out) - len(lead):]
                out += [NextPageTemplate("wide"), PageBreak(), *lead, *caption,
                        flowable_table(block, wide_avail, ruled, repeat_header, stacked),
                        NextPageTemplate("main"), PageBreak()]
            else:
                out += [*caption, flowable_table(block, avail, ruled, repeat_header, stacked),
                        Spacer(1, 8)]
        elif block.type == "list":
            out += [Paragraph(html.escape(printable(item)), BODY) for item in block.items]
        elif block.type in ("heading", "paragraph", "formula") and printable(block.text):
            style = HEADING if block.type == "heading" else BODY
            out.append(Paragraph(html.escape(printable(block.text)), style))
    return out


def _trailing_titles(flowables: list) -> list:
    """The run of headings and short lines at the end of `flowables` (at most three)."""
    run = []
    for f in reversed(flowables[-3:]):
        if not isinstance(f, Paragraph) or len(f.getPlainText()) > 160:
            break
        run.insert(0, f)
    return run


MARGINS = dict(leftMargin=42, rightMargin=42, topMargin=48, bottomMargin=48)


def _template(template_id: str, size) -> PageTemplate:
    frame = Frame(MARGINS["leftMargin"], MARGINS["bottomMargin"],
                  size[0] - MARGINS["leftMargin"] - MARGINS["rightMargin"],
                  size[1] - MARGINS["topMargin"] - MARGINS["bottomMargin"], id=template_id)
    return PageTemplate(id=template_id, frames=[frame], onPage=_footer, pagesize=size)


def render(seed: Path, out: Path, ruled: bool = True, pagesize=A4, repeat_header: bool = True,
           stacked: bool = True) -> Path:
    """`stacked`: draw cell fractions stacked (ruled renders only; see flowable_table)."""
    doc = BaseDocTemplate(str(out), pagesize=pagesize, title=seed.stem, author="kinerja tests",
                          invariant=1, **MARGINS)
    wide = landscape(pagesize) if pagesize[0] < pagesize[1] else None
    doc.addPageTemplates([_template("main", pagesize)] + ([_template("wide", wide)] if wide else []))
    wide_avail = wide[0] - MARGINS["leftMargin"] - MARGINS["rightMargin"] if wide else None
    doc.build(story(seed_document(seed), doc.width, wide_avail, ruled, repeat_header, stacked))
    return out


def _footer(canvas, doc):
    """A running footer and page number, as real reports carry (not content)."""
    canvas.saveState()
    canvas.setFont(FONT, 7)
    canvas.drawString(doc.leftMargin, 24, "Dokumen uji kinerja")
    canvas.drawRightString(canvas._pagesize[0] - doc.rightMargin, 24, str(doc.page))
    canvas.restoreState()


def rasterise(src: Path, out: Path, max_pages: int = 2, dpi: int = 300,
              every_page: bool = False) -> Path:
    """An image-only copy of the pages of `src` that hold ruled tables (every page with
    `every_page`: a wholly scanned document keeps its cover, where its year is printed)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(src))
    images = []
    for i in range(len(pdf)):
        page = pdf[i]
        if (every_page or _has_rules(page)) and len(images) < max_pages:
            images.append(page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L"))
        page.close()
    if not images:
        images.append(pdf[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L"))
    pdf.close()
    fixed = time.gmtime(946684800)  # 2000-01-01: no wall-clock dates in the file
    images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:],
                   creationDate=fixed, modDate=fixed)
    return out


def _has_rules(page) -> bool:
    import pypdfium2.raw as pdfium_c

    return sum(1 for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,))) >= 6


def scan_copy(seed: Path, out: Path, max_pages: int = 2, every_page: bool = False) -> Path:
    """The scan copy, rasterised from the ruled render with fractions printed flat: OCR reads
    no fraction bars, so the scan measures the OCR path alone."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        flat = render(seed, Path(tmp) / f"{seed.stem}.flat.pdf", stacked=False)
        return rasterise(flat, out, max_pages=max_pages, every_page=every_page)


def render_all(out_dir: Path, seeds: list[str] | None = None, scan_pages: int = 2,
               scan_all: bool = False) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    made = []
    for seed in sorted(SEEDS.glob("*.txt")):
        if seeds and seed.stem not in seeds:
            continue
        ruled = render(seed, out_dir / f"{seed.stem}.ruled.pdf")
        made += [
            ruled,
            render(seed, out_dir / f"{seed.stem}.unruled.pdf", ruled=False, repeat_header=False),
            render(seed, out_dir / f"{seed.stem}.landscape.pdf", pagesize=landscape(A4)),
            scan_copy(seed, out_dir / f"{seed.stem}.scan.pdf", max_pages=scan_pages,
                      every_page=scan_all),
        ]
    return made


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--seed", action="append", help="seed stem to render (default: all)")
    ap.add_argument("--scan-pages", type=int, default=2)
    ap.add_argument("--scan-all", action="store_true",
                    help="rasterise every page (up to --scan-pages), not only table pages")
    args = ap.parse_args(argv)
    for path in render_all(args.out_dir, args.seed, args.scan_pages, args.scan_all):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
