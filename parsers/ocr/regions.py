"""Small regions of a text-layer page read by Tesseract: glyphs that draw ink but carry no text
(an equation font whose ToUnicode map sends its letters to spaces).

Each region is rendered on its own from the page (pdfium draws only the crop), large enough for
the small italic letters of equations, with a white margin; the crops are
stacked on one white page read in one tesseract call (its start-up costs more than reading a
crop, as in reread.py), and each word goes back to the crop it sits in, its box into page
points.
"""

from dataclasses import dataclass
from typing import Optional

import numpy as np
import pypdfium2 as pdfium
from PIL import Image

from kinerja.parsers.ocr.page import read_words
from kinerja.parsers.ocr.reread import INK_LEVEL, MARGIN_PX, MAX_STACK, MIN_INK_PX, stack, words_per_crop
from kinerja.parsers.page.geometry import Box
from kinerja.parsers.page.words import Word

# equations' italics need large print: 'f(x)' is read 'fix)', 'fc)' at 300-400 dpi and right at
# 600 dpi (12-pt text, about 90 pixels a line); taller regions are rendered to that line height
MAX_DPI = 600
LINE_PX = 96
# line heights of page around a region: glyphs reach past their boxes a little; less above and
# below, where a fraction's bar or a cell's border runs close (tesseract reads them as marks)
PAD_X_EM, PAD_Y_EM = 0.25, 0.08
MIN_CONF = 0.3  # a word read less surely than this is a misread mark, not text
MAX_CONF = 0.9  # a word read from pixels is never as sure as a text layer's


@dataclass
class RegionCrop:
    """A region's image; `top` is where it lies on the stacked page (set by reread.stack,
    which reads only `image` and `top`)."""

    box: Box  # the rendered part of the page, points, as displayed
    image: Image.Image
    k: float  # points per pixel
    top: int = 0


def read_regions(page: pdfium.PdfPage, size: tuple[float, float], boxes: list[Box], lang: str,
                 timeout_s: float) -> list[list[Word]]:
    """The words read in each box (page points, as displayed; `size`: the displayed page's
    width and height), one list per box, empty where nothing was read. Raises
    page.OcrUnavailable and page.OcrTimeout as read_words does."""
    crops = [region_crop(page, size, b) for b in boxes]
    found: dict[int, list[Word]] = {}
    inked = [(i, c) for i, c in enumerate(crops) if c is not None]
    for start in range(0, len(inked), MAX_STACK):
        batch = inked[start:start + MAX_STACK]
        # psm 6: the stacked crops are one block of lines, one line each
        words = read_words(stack([c for _, c in batch]), 1.0, lang, timeout_s, psm=6)
        for (i, crop), mine in zip(batch, words_per_crop([c for _, c in batch], words)):
            found[i] = [w for w in (_on_page(w, crop) for w in mine) if w is not None]
    return [found.get(i, []) for i in range(len(boxes))]


def region_crop(page: pdfium.PdfPage, size: tuple[float, float], box: Box) -> Optional[RegionCrop]:
    """The box, padded, rendered with a white margin, its line LINE_PX high (at most MAX_DPI);
    None when it draws no ink."""
    width, height = size
    scale = min(MAX_DPI / 72, LINE_PX / max(box.height, 1.0))
    dx, dy = PAD_X_EM * box.height, PAD_Y_EM * box.height
    padded = Box(max(0.0, box.x0 - dx), max(0.0, box.y0 - dy),
                 min(width, box.x1 + dx), min(height, box.y1 + dy))
    if padded.x1 <= padded.x0 or padded.y1 <= padded.y0:  # off the page (a damaged content stream)
        return None
    crop = (padded.x0, height - padded.y1, width - padded.x1, padded.y0)  # left, bottom, right, top
    gray = np.asarray(page.render(scale=scale, crop=crop, grayscale=True).to_pil().convert("L"))
    if (gray < INK_LEVEL).sum() < MIN_INK_PX:
        return None
    framed = np.full((gray.shape[0] + 2 * MARGIN_PX, gray.shape[1] + 2 * MARGIN_PX), 255, np.uint8)
    framed[MARGIN_PX:MARGIN_PX + gray.shape[0], MARGIN_PX:MARGIN_PX + gray.shape[1]] = gray
    return RegionCrop(padded, Image.fromarray(framed), 1 / scale)


def _on_page(w: Word, crop: RegionCrop) -> Optional[Word]:
    """A word read on the stacked page, its box in page points; None when barely legible."""
    if w.confidence is None or w.confidence < MIN_CONF:
        return None
    k = crop.k
    x0, y0 = crop.box.x0 - MARGIN_PX * k, crop.box.y0 - (crop.top + MARGIN_PX) * k
    box = Box(x0 + w.box.x0 * k, y0 + w.box.y0 * k, x0 + w.box.x1 * k, y0 + w.box.y1 * k)
    return Word(box, w.text, min(w.confidence, MAX_CONF))
