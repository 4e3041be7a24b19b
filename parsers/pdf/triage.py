"""Page triage from pdfium's fast object and text layer: text, scanned or empty, and ruled tables.

Triage decides where the expensive steps run: table finders only on pages that carry ruling
lines (or column-aligned text), OCR only on pages whose text layer is empty and that are covered
by an image.
"""

from dataclasses import dataclass
from typing import Optional

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from kinerja.parsers.page.geometry import PageFrame
from kinerja.parsers.pdf.objects import PageObject, image_px_size, page_objects

# a page with fewer characters than this in its text layer has no usable text layer
MIN_TEXT_CHARS = 30
# share of the page an image must cover for an empty-text page to count as scanned
SCAN_COVERAGE = 0.4
# ruling segments in each direction that suggest a ruled table
MIN_RULES = 3
# an image above this many pixels is not decoded (memory and time guard)
MAX_IMAGE_PIXELS = 80_000_000


@dataclass
class PageTriage:
    number: int
    width: float
    height: float
    rotation: int
    n_chars: int
    image_coverage: float
    h_rules: int
    v_rules: int
    largest_image_px: int

    @property
    def frame(self) -> PageFrame:
        return PageFrame.displayed(self.width, self.height, self.rotation)

    @property
    def has_text(self) -> bool:
        return self.n_chars >= MIN_TEXT_CHARS

    @property
    def needs_ocr(self) -> bool:
        return not self.has_text and self.image_coverage >= SCAN_COVERAGE

    @property
    def ruled(self) -> bool:
        return self.h_rules >= MIN_RULES and self.v_rules >= MIN_RULES

    @property
    def huge_image(self) -> bool:
        return self.largest_image_px > MAX_IMAGE_PIXELS

    @property
    def kind(self) -> str:
        if self.has_text:
            return "mixed" if self.image_coverage >= SCAN_COVERAGE else "text"
        return "scanned" if self.needs_ocr else "empty"


def triage_page(page: pdfium.PdfPage, number: int, textpage: Optional[pdfium.PdfTextPage] = None,
                objects: Optional[list[PageObject]] = None) -> PageTriage:
    """`textpage` and `objects` (objects.page_objects): the page's, when already read."""
    width, height = page.get_size()
    if textpage is None:
        textpage = page.get_textpage()
        try:
            n_chars = textpage.count_chars()
        finally:
            textpage.close()
    else:
        n_chars = textpage.count_chars()
    coverage, h_rules, v_rules, largest = 0.0, 0, 0, 0
    for obj in page_objects(page) if objects is None else objects:
        left, bottom, right, top = obj.bounds
        w, h = right - left, top - bottom
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            coverage += _clipped_area(left, bottom, right, top, width, height) / (width * height)
            px_w, px_h = image_px_size(obj)
            largest = max(largest, px_w * px_h)
        elif h < 3 and w > 10:
            h_rules += 1
        elif w < 3 and h > 6:
            v_rules += 1
        elif w > 10 and h > 6 and w < width * 0.95:
            # a stroked cell box brings two edges of each direction
            h_rules += 2
            v_rules += 2
    return PageTriage(number, width, height, page.get_rotation() % 360, n_chars,
                      min(coverage, 1.0), h_rules, v_rules, largest)


def _clipped_area(left, bottom, right, top, width, height) -> float:
    w = max(0.0, min(right, width) - max(left, 0.0))
    h = max(0.0, min(top, height) - max(bottom, 0.0))
    return w * h
