"""What the PDF parser saw on one page, drawn on the page image (`kinerja show`).

As pdfplumber's debug view does for its table finder, so a user or developer sees why a table
came out as it did: the rulings read from the page's paths (red), the words of the text layer
or of OCR (grey boxes), each table's outline (blue), its cells (green) and its header rows
(orange, shaded), with a legend. The picture is the page rendered by pdfium at `scale`.
"""

from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

from kinerja.parsers.pdf.inspect import PageView
from kinerja.write.atomic import replace_atomic

SCALE = 2.0  # pixels per point
RULING, WORD, TABLE, CELL, HEADER = (220, 30, 30), (150, 150, 150), (30, 80, 220), (20, 150, 60), (245, 140, 20)
LEGEND = (("rulings", RULING), ("words", WORD), ("table", TABLE), ("cells", CELL), ("header rows", HEADER))


@dataclass
class Drawn:
    """What a picture shows, counted: printed by the command beside the picture's path."""

    rulings: int
    words: int
    tables: int
    cells: int
    header_cells: int


def draw(view: PageView, page_image: Image.Image, scale: float = SCALE) -> tuple[Image.Image, Drawn]:
    """The page image with the parser's findings drawn over it, and their counts."""
    base = page_image.convert("RGB")
    shade = Image.new("RGBA", base.size, (0, 0, 0, 0))
    fill = ImageDraw.Draw(shade)
    for table in view.tables:
        for cell in table.header:
            fill.rectangle(_px(cell, scale), fill=HEADER + (70,))
    out = Image.alpha_composite(base.convert("RGBA"), shade).convert("RGB")
    pen = ImageDraw.Draw(out)
    for w in view.words:
        pen.rectangle(_px(w, scale), outline=WORD)
    for table in view.tables:
        pen.rectangle(_px(table.box, scale), outline=TABLE, width=4)
        for cell in table.cells:  # inset: the rulings a cell was cut from stay in sight
            pen.rectangle(_px(cell, scale, inset=3), outline=CELL, width=2)
    for e in view.rulings:
        pen.line([(e.x0 * scale, e.y0 * scale), (e.x1 * scale, e.y1 * scale)], fill=RULING, width=1)
    _legend(pen)
    counts = Drawn(len(view.rulings), len(view.words), len(view.tables),
                   sum(len(t.cells) for t in view.tables), sum(len(t.header) for t in view.tables))
    return out, counts


def write_picture(view: PageView, page_image: Image.Image, out: Path, scale: float = SCALE) -> Drawn:
    """Draw and save as PNG (atomically: a failed write leaves no half picture)."""
    picture, counts = draw(view, page_image, scale)
    replace_atomic(out, lambda tmp: picture.save(tmp, format="PNG"))
    return counts


def _px(box, scale: float, inset: float = 0.0) -> list[float]:
    x0, y0 = box.x0 * scale + inset, box.y0 * scale + inset
    return [x0, y0, max(box.x1 * scale - inset, x0), max(box.y1 * scale - inset, y0)]


def _legend(pen: ImageDraw.ImageDraw) -> None:
    x = 8
    for label, colour in LEGEND:
        pen.rectangle([x, 8, x + 14, 22], outline=colour, width=3)
        pen.text((x + 18, 9), label, fill=colour)
        x += 26 + 7 * len(label)
