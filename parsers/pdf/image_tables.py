"""Ruled tables pasted as images into pages that otherwise have a text layer.

Reports often paste a table as a picture (a spreadsheet screenshot under its caption): the
page has text, so it is no scan, yet the table's figures have no text at all. An image that
covers a good part of the page and holds no text-layer characters is read by OCR; only the
ruled tables found inside it are kept (a chart's axis labels or a photo's captions make no
ruled grid, and the page's own text stays the text layer's).
"""

from typing import Optional

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from kinerja.parsers.grid.model import TableGrid
from kinerja.parsers.page.geometry import Box
from kinerja.parsers.pdf.objects import PageObject, image_px_size
from kinerja.parsers.pdf.triage import MAX_IMAGE_PIXELS, MIN_TEXT_CHARS, PageTriage

MIN_SHARE = 0.15  # share of the page an image must cover to be read as a possible table
MIN_PIXELS = 200_000  # a smaller picture (a logo, a stamp) holds no readable table


def blank_images(objects: list[PageObject], textpage: pdfium.PdfTextPage, tri: PageTriage) -> list[Box]:
    """Boxes (top-left page points) of the large images that carry no text-layer characters."""
    if tri.rotation != 0:
        return []  # the OCR frame of a turned page is not the text layer's
    out = []
    for obj in objects:
        if obj.type != pdfium_c.FPDF_PAGEOBJ_IMAGE:
            continue
        left, bottom, right, top = obj.bounds
        left, right = max(left, 0.0), min(right, tri.width)
        bottom, top = max(bottom, 0.0), min(top, tri.height)
        if right <= left or top <= bottom:
            continue
        if (right - left) * (top - bottom) < MIN_SHARE * tri.width * tri.height:
            continue
        try:
            px_w, px_h = image_px_size(obj)
        except pdfium.PdfiumError:
            continue
        if not MIN_PIXELS <= px_w * px_h <= MAX_IMAGE_PIXELS:
            continue
        if len(textpage.get_text_bounded(left, bottom, right, top).strip()) >= MIN_TEXT_CHARS:
            continue  # text drawn over a background picture: the text layer has it
        out.append(Box(left, tri.height - top, right, tri.height - bottom))
    return out


def image_grids(page: pdfium.PdfPage, tri: PageTriage, areas: list[Box], lang: str, dpi: int,
                timeout_s: float) -> tuple[list[TableGrid], Optional[str]]:
    """The ruled tables OCR finds inside `areas`, and why none could be read (else None)."""
    from kinerja.parsers.ocr import page as ocr

    try:
        result = ocr.ocr_page(page, tri.number, tri, lang=lang, dpi=dpi, timeout_s=timeout_s)
    except ocr.OcrUnavailable as exc:
        return [], f"OCR unavailable ({exc})"
    except ocr.OcrTimeout:
        return [], "OCR stopped by the time limit"
    if result.turn:
        return [], None  # read turned: its boxes are not the page's
    return [g for g in result.grids if g.method.startswith("ocr-ruled") and g.quality > 0
            and any(a.contains_point(g.box.cx, g.box.cy) for a in areas)], None
