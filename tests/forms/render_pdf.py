"""A Doc printed as a PDF (reportlab), ruled or unruled, and a scanned copy of a PDF (pages
rasterised by pypdfium2, turned a little, speckled, put back as images: no text layer)."""

import html
import io
import random
from pathlib import Path

from reportlab import rl_config

rl_config.invariant = 1  # no creation date or random ID: the same bytes for the same seed

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT  # noqa: E402
from reportlab.lib.pagesizes import A3, A4, landscape  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.utils import ImageReader  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    PageBreak as RLPageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from .model import Doc, Heading, Lines, PageBreak, Para, Signature, TableBlock  # noqa: E402

FONT, BOLD = "Vera", "VeraBd"
pdfmetrics.registerFont(TTFont(FONT, "Vera.ttf"))  # ship with reportlab: the same glyphs everywhere
pdfmetrics.registerFont(TTFont(BOLD, "VeraBd.ttf"))
ALIGN = {"center": TA_CENTER, "left": TA_LEFT, "justify": TA_JUSTIFY, "right": TA_RIGHT}
BODY = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=12, spaceAfter=6, alignment=TA_JUSTIFY)
PAD = 3.0
UNRULED_PAD = 5.0  # unruled columns stand apart by white space only: wider gutters
F4 = (609.45, 935.43)  # 215 x 330 mm, the folio Indonesian offices print on
PAPERS = (A4, F4, A3)
SMALLEST_FONT = 4.5
READABLE_FONT = 6.0


class _Tracked(Table):
    """A table that notes the pages its parts are drawn on (a split part shares the note)."""

    pages_seen: set

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        for part in parts:
            part.pages_seen = self.pages_seen
        return parts

    def drawOn(self, canvas, x, y, _sW=0):
        self.pages_seen.add(canvas.getPageNumber())
        super().drawOn(canvas, x, y, _sW)


def render(doc: Doc, path: Path, ruled: bool = True, repeat_header: bool = True,
           landscape_page: bool = False) -> tuple[int, int]:
    """Print the document to `path` on the smallest paper its widest table fits (A4, F4, A3, or
    a page as wide as the table, as spreadsheet exports fit one); returns its number of pages
    and the number of pages its longest table runs over."""
    margin = 36 if landscape_page else 50
    size = _paper(doc, landscape_page, margin)
    pdf = SimpleDocTemplate(str(path), pagesize=size, leftMargin=margin, rightMargin=margin,
                            topMargin=45, bottomMargin=50, title="", author="", creator="", producer="")
    width = size[0] - 2 * margin
    story, tracked = [], []
    for block in doc.blocks:
        story += _flowables(block, width, ruled, repeat_header)
        if isinstance(block, TableBlock):
            tracked.append((len(block.body), next(f for f in story[::-1] if isinstance(f, _Tracked))))
    pages = [0]

    def on_page(c: canvas.Canvas, _doc) -> None:
        pages[0] = c.getPageNumber()
        if doc.footer:
            c.setFont(FONT, 7)
            c.drawString(margin, 28, doc.footer)
            c.drawRightString(size[0] - margin, 28, str(c.getPageNumber()))

    pdf.build(story, onFirstPage=on_page, onLaterPages=on_page)
    longest = max(tracked, key=lambda t: t[0], default=(0, None))[1]
    return pages[0], len(longest.pages_seen) if longest is not None else 0


def _paper(doc: Doc, landscape_page: bool, margin: float) -> tuple[float, float]:
    """The smallest paper on which every table fits at a readable size, else at the smallest
    size, else a page made as wide as the widest table."""
    tables = [b for b in doc.blocks if isinstance(b, TableBlock)]
    need = {font: max((sum(_floors(t, font, UNRULED_PAD)) for t in tables), default=0.0)
            for font in (READABLE_FONT, SMALLEST_FONT)}
    for font in (READABLE_FONT, SMALLEST_FONT):
        for paper in PAPERS:
            size = landscape(paper) if landscape_page else paper
            if need[font] <= size[0] - 2 * margin:
                return size
    wide = landscape(PAPERS[-1]) if landscape_page else PAPERS[-1]
    return need[SMALLEST_FONT] + 2 * margin + 1, wide[1]


def _flowables(block, width: float, ruled: bool, repeat_header: bool) -> list:
    if isinstance(block, Heading):
        style = ParagraphStyle("h", fontName=BOLD, fontSize=block.size, leading=block.size * 1.25,
                               alignment=ALIGN[block.align], spaceAfter=3)
        return [Paragraph(html.escape(block.text), style)]
    if isinstance(block, Para):
        style = ParagraphStyle("p", parent=BODY, alignment=ALIGN[block.align])
        return [Paragraph(html.escape(block.text), style)]
    if isinstance(block, Lines):
        data = [[Paragraph(html.escape(k), BODY), ":", Paragraph(html.escape(v), BODY)]
                for k, v in block.pairs]
        return [Table(data, colWidths=[width * 0.28, 10, width * 0.68], hAlign="LEFT",
                      style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), FONT),
                             ("FONTSIZE", (0, 0), (-1, -1), 9)]), Spacer(1, 6)]
    if isinstance(block, Signature):
        return [Spacer(1, 10), _signature(block, width), Spacer(1, 8)]
    if isinstance(block, PageBreak):
        return [RLPageBreak()]
    if isinstance(block, TableBlock):
        return _table(block, width, ruled, repeat_header)
    raise TypeError(block)


def _signature(block: Signature, width: float) -> Table:
    style = ParagraphStyle("sig", fontName=FONT, fontSize=9, leading=11.5, alignment=TA_CENTER)
    cells = [Paragraph("<br/>".join(html.escape(line) for line in col), style) for col in block.columns]
    return Table([cells], colWidths=[width / len(cells)] * len(cells))


def _table(block: TableBlock, width: float, ruled: bool, repeat_header: bool) -> list:
    grid = block.header + block.body
    n_cols = len(grid[0])
    pad = PAD if ruled else UNRULED_PAD
    widths, size = _widths(block, width, pad)
    cell_style = {
        (bold, align): ParagraphStyle(f"c{bold}{align}", fontName=BOLD if bold else FONT, fontSize=size,
                                      leading=size * 1.2, alignment=ALIGN[align])
        for bold in (True, False) for align in ("left", "center", "right")
    }
    data, spans = [], []
    for r, row in enumerate(grid):
        out = []
        for c in range(n_cols):
            cell = row[c]
            if cell is None:
                out.append("")
                continue
            align = "center" if r < len(block.header) else ("right" if cell.numeric else "left")
            text = "<br/>".join(html.escape(line) for line in cell.text.split("\n"))
            out.append(Paragraph(text, cell_style[(cell.bold, align)]))
            if cell.colspan > 1 or cell.rowspan > 1:
                spans.append(("SPAN", (c, r), (c + cell.colspan - 1, r + cell.rowspan - 1)))
        data.append(out)
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), pad),
             ("RIGHTPADDING", (0, 0), (-1, -1), pad), ("TOPPADDING", (0, 0), (-1, -1), 2),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
             ("VALIGN", (0, 0), (-1, len(block.header) - 1), "MIDDLE")]
    if ruled:
        style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    repeat = len(block.header) if repeat_header else 0
    table = _Tracked(data, colWidths=widths, style=TableStyle(style + spans), repeatRows=repeat, splitByRow=1)
    table.pages_seen = set()
    out = [table]
    if block.caption:
        cap = ParagraphStyle("cap", fontName=BOLD, fontSize=9, leading=11, alignment=TA_CENTER, spaceAfter=4)
        out.insert(0, Paragraph(html.escape(block.caption), cap))
    return out + [Spacer(1, 10)]


def _widths(block: TableBlock, total: float, pad: float) -> tuple[list[float], float]:
    """Column widths and the font size that fits them: each column at least as wide as its
    longest word or number (as a word processor sizes a column), the rest shared by the
    grammar's weights; a table too wide at its size is set smaller, as editors do (the paper
    is chosen so that it fits at the smallest)."""
    size = block.font_size
    floors = _floors(block, size, pad)
    while sum(floors) > total and size > SMALLEST_FONT:
        size -= 0.5
        floors = _floors(block, size, pad)
    spare = max(0.0, total - sum(floors))
    weights = [w if not _numeric(block, c) else w * 0.3 for c, w in enumerate(block.weights)]
    return [f + spare * w / sum(weights) for f, w in zip(floors, weights)], size


def _floors(block: TableBlock, size: float, pad: float = PAD) -> list[float]:
    floors = [0.0] * len(block.weights)
    for row in block.header + block.body:
        for c, cell in enumerate(row):
            if cell is None or cell.colspan > 1:
                continue
            words = [w for line in cell.text.split("\n") for w in ([line] if cell.numeric else line.split())]
            font = BOLD if cell.bold else FONT
            widest = max((pdfmetrics.stringWidth(w, font, size) for w in words), default=0.0)
            floors[c] = max(floors[c], widest + 2 * pad + 2)
    return floors


def _numeric(block: TableBlock, c: int) -> bool:
    return any(row[c] is not None and row[c].numeric for row in block.body)


# ---- scanned copies -----------------------------------------------------------------------------------

def scan(src: Path, dst: Path, rng: random.Random) -> None:
    """An image-only copy of `src`, as a scanner makes one: 150-200 dpi grey, turned by 0.3-1
    degree, with sensor noise and dust; no text layer."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image

    dpi = rng.choice((150, 175, 200))
    noise = np.random.default_rng(rng.randrange(2**32))
    pdf = pdfium.PdfDocument(str(src))
    out = canvas.Canvas(str(dst), pageCompression=1)
    for page in pdf:
        w, h = page.get_size()
        img = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        angle = rng.uniform(0.3, 1.0) * rng.choice((-1, 1))
        img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
        grain = noise.normal(0, 7, (img.height, img.width)).astype(np.int16)
        pixels = np.asarray(img, dtype=np.int16) + grain
        dust = noise.random((img.height, img.width)) < 0.0004
        pixels[dust] = 40
        img = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "L")
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=80)
        buf.seek(0)
        out.setPageSize((w, h))
        out.drawImage(ImageReader(buf), 0, 0, w, h)
        out.showPage()
    out.save()
    pdf.close()

