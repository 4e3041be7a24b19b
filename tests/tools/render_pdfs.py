"""Render the seed text dumps into PDFs that exercise the PDF parser, deterministically.

Each seed (corpus/*.txt) becomes, in the output directory:
  NAME.ruled.pdf      A4 portrait, tables with a full grid, merged header cells drawn as spans,
                      long tables split over pages with the header repeated on each page
  NAME.unruled.pdf    the same without any ruling (whitespace-separated columns), header not
                      repeated on continuation pages
  NAME.landscape.pdf  A4 landscape, ruled
  NAME.scan.pdf       a rasterised (image-only) copy of the ruled version's pages that hold
                      tables (at most `--scan-pages`), for the OCR path

Seed tables are tab-separated lines. Their header rows (the rows above the first row that starts
with a number, up to three) encode merged cells as in the dumps: a label followed by empty cells
spans those cells when the row under it labels them; a label with empty cells under it spans down.

Usage: python tests/tools/render_pdfs.py OUT_DIR [--seed NAME ...] [--scan-pages N]
Needs reportlab (PyPI) and pypdfium2 + Pillow (for the scan copy).
"""

import argparse
import html
import re
import sys
from dataclasses import dataclass
import time
from pathlib import Path

from reportlab import rl_config

rl_config.invariant = 1  # no creation date or random ID: same bytes on every run

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "corpus"
FONT = "Vera"
pdfmetrics.registerFont(TTFont(FONT, "Vera.ttf"))  # ships with reportlab: same glyphs everywhere

BODY = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=11.5)
HEADING = ParagraphStyle("heading", fontName=FONT, fontSize=11, leading=14, spaceBefore=6)
CELL = ParagraphStyle("cell", fontName=FONT, fontSize=7, leading=8.5)


@dataclass
class SeedTable:
    rows: list[list[str]]
    header_rows: int


# glyphs the bundled font lacks, printed as their nearest look-alike
FONT_FALLBACK = {"\u2713": "\u221a", "\u2714": "\u221a"}


def clean(text: str) -> str:
    """Markdown and HTML markup of the dumps reduced to the words a PDF would print."""
    for missing, printed in FONT_FALLBACK.items():
        text = text.replace(missing, printed)
    text = re.sub(r"<[^>]+>", " ", text)
    text = text.replace("**", "").replace("__", "")
    text = re.sub(r"\s+", " ", text)
    return text.strip()


def read_seed(path: Path) -> list[tuple[str, object]]:
    """Seed text as ('heading'|'para', str) and ('table', SeedTable) items in order."""
    items: list[tuple[str, object]] = []
    table: list[list[str]] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if "\t" in raw:
            cells = [clean(c) for c in raw.split("\t")]
            if not all(re.fullmatch(r"[-:|\s]*", c) for c in cells):  # markdown rule rows
                table.append(cells)
            continue
        if table:
            items.append(("table", _seed_table(table)))
            table = []
        text = clean(raw)
        if not text or set(text) <= set("-|: "):
            continue
        kind = "heading" if (text.isupper() and len(text) < 90) or text.startswith("#") else "para"
        items.append((kind, text.lstrip("# ")))
    if table:
        items.append(("table", _seed_table(table)))
    return items


def _seed_table(rows: list[list[str]]) -> SeedTable:
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    # drop columns empty in every row (trailing tabs)
    keep = [c for c in range(width) if any(r[c] for r in rows)]
    rows = [[r[c] for c in keep] for r in rows]
    header = 0
    for r in rows[:3]:
        if re.match(r"^\(?\d", r[0]):
            break
        header += 1
    return SeedTable(rows, min(header, len(rows) - 1))


def header_spans(table: SeedTable) -> list[tuple[int, int, int, int]]:
    """(col0, row0, col1, row1) spans of merged header cells, read from the empty cells."""
    spans = []
    rows, depth = table.rows, table.header_rows
    n_cols = len(rows[0]) if rows else 0
    for r in range(depth):
        c = 0
        while c < n_cols:
            if not rows[r][c]:
                c += 1
                continue
            c1 = c
            while (c1 + 1 < n_cols and not rows[r][c1 + 1] and r + 1 < depth
                   and any(rows[r + 1][k] for k in range(c, c1 + 2))
                   and not any(rows[k][c1 + 1] for k in range(r)) ):
                c1 += 1
            r1 = r
            while r1 + 1 < depth and all(not rows[r1 + 1][k] for k in range(c, c1 + 1)):
                r1 += 1
            if c1 > c or r1 > r:
                spans.append((c, r, c1, r1))
            c = c1 + 1
    return spans


def _col_widths(rows: list[list[str]], total: float) -> list[float]:
    n = len(rows[0])
    weight = [max(4, min(40, max(len(r[c]) for r in rows))) for c in range(n)]
    floor = min(22.0, total / n)
    spare = total - floor * n
    s = sum(weight)
    return [floor + spare * w / s for w in weight]


def flowable_table(table: SeedTable, avail: float, ruled: bool, repeat_header: bool) -> Table:
    data = [[Paragraph(html.escape(c), CELL) for c in row] for row in table.rows]
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    for c0, r0, c1, r1 in header_spans(table):
        style.append(("SPAN", (c0, r0), (c1, r1)))
    if ruled:
        style.append(("GRID", (0, 0), (-1, -1), 0.6, colors.black))
    else:
        # unruled: columns stand apart by whitespace only
        style += [("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6)]
    return Table(data, colWidths=_col_widths(table.rows, avail), style=TableStyle(style),
                 repeatRows=table.header_rows if repeat_header else 0, splitByRow=1)


def render(seed: Path, out: Path, ruled: bool = True, pagesize=A4, repeat_header: bool = True) -> Path:
    doc = SimpleDocTemplate(str(out), pagesize=pagesize, leftMargin=42, rightMargin=42,
                            topMargin=48, bottomMargin=48, title=seed.stem, author="kinerja tests",
                            invariant=1)
    story = []
    for kind, item in read_seed(seed):
        if kind == "table":
            story += [flowable_table(item, doc.width, ruled, repeat_header), Spacer(1, 8)]
        else:
            story.append(Paragraph(html.escape(item), HEADING if kind == "heading" else BODY))
    doc.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return out


def _footer(canvas, doc):
    """A running footer and page number, as real reports carry (not content)."""
    canvas.saveState()
    canvas.setFont(FONT, 7)
    canvas.drawString(doc.leftMargin, 24, "Dokumen uji kinerja")
    canvas.drawRightString(doc.pagesize[0] - doc.rightMargin, 24, str(doc.page))
    canvas.restoreState()


def rasterise(src: Path, out: Path, max_pages: int = 2, dpi: int = 200) -> Path:
    """An image-only copy of the pages of `src` that hold ruled tables."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(src))
    images = []
    for i in range(len(pdf)):
        page = pdf[i]
        if _has_rules(page) and len(images) < max_pages:
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


def render_all(out_dir: Path, seeds: list[str] | None = None, scan_pages: int = 2) -> list[Path]:
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
            rasterise(ruled, out_dir / f"{seed.stem}.scan.pdf", max_pages=scan_pages),
        ]
    return made


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--seed", action="append", help="seed stem to render (default: all)")
    ap.add_argument("--scan-pages", type=int, default=2)
    args = ap.parse_args(argv)
    for path in render_all(args.out_dir, args.seed, args.scan_pages):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
