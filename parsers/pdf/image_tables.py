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


CHECK_DPI = 100  # enough to see a table's rulings, a tenth of OCR's pixels
MIN_GRID_LINES = 3  # thin long rulings each way a table draws at least


def ruled_areas(page: pdfium.PdfPage, tri: PageTriage, areas: list[Box]) -> list[Box]:
    """The areas whose picture draws a table's rulings, seen at low resolution: thin lines across
    most of its height and of its width, several each way. A bar chart's bars are thick and its
    only thin upright is the axis; a diagram's boxes have short sides; a photo has neither."""
    import numpy as np

    from kinerja.parsers.ocr.rules import image_to_masks

    scale = CHECK_DPI / 72
    out = []
    for a in areas:
        crop = (a.x0, tri.height - a.y1, tri.width - a.x1, a.y0)  # cut off left, bottom, right, top
        gray = np.asarray(page.render(scale=scale, crop=crop, grayscale=True).to_pil().convert("L"))
        masks = image_to_masks(gray)
        h, w = gray.shape
        if _long_thin(masks.vertical, axis=0, reach=h) >= MIN_GRID_LINES and \
                _long_thin(masks.horizontal, axis=1, reach=w) >= MIN_GRID_LINES:
            out.append(a)
    return out


def _long_thin(mask, axis: int, reach: int) -> int:
    """Strokes of the mask (axis 0: upright, 1: level) thinner than MAX_RULE_PX reaching over
    LONG_SHARE of the picture."""
    import cv2

    n, _, stats, _ = cv2.connectedComponentsWithStats(mask)
    length, thickness = (stats[1:n, 3], stats[1:n, 2]) if axis == 0 else (stats[1:n, 2], stats[1:n, 3])
    return int(((thickness <= MAX_RULE_PX) & (length >= LONG_SHARE * reach)).sum())


MAX_RULE_PX = 6  # a ruling at CHECK_DPI (with the masks' dilation): a bar is wider
LONG_SHARE = 0.4  # of the picture's height or width a table's rulings reach over


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
