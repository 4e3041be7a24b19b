"""Running headers, footers and page numbers: lines in the page margins that are not content.

A line is furniture when it sits in the top or bottom band of its page and either is a bare page
number ("12", "- 12 -", "iv", "Halaman 3 dari 9") or its text, digits masked, recurs in the same
band on several pages.
"""

import re
from collections import Counter

from .pdf_text import Line

BAND = 0.18  # share of the page height searched for running headers and footers
MIN_REPEATS = 3
PAGE_NUMBER = re.compile(
    r"^[-–—\s]*((hal(aman)?|page)\.?\s*)?(\d{1,4}|[ivxlcdm]{1,7})(\s*(dari|of|/)\s*\d{1,4})?[-–—\s]*$",
    re.IGNORECASE,
)


def _band(line: Line, page_height: float) -> str | None:
    if line.box.y1 <= page_height * BAND:
        return "top"
    if line.box.y0 >= page_height * (1 - BAND):
        return "bottom"
    return None


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.lower())).strip()


def is_page_number(text: str) -> bool:
    return bool(PAGE_NUMBER.match(text.strip()))


def furniture(lines_by_page: dict[int, list[Line]], heights: dict[int, float]) -> set[int]:
    """ids (id(line)) of lines that are running headers, footers or page numbers."""
    counts: Counter = Counter()
    for number, lines in lines_by_page.items():
        seen = {(_band(ln, heights[number]), _key(ln.text)) for ln in lines}
        counts.update(k for k in seen if k[0])
    threshold = max(MIN_REPEATS, int(0.3 * len(lines_by_page)))
    drop: set[int] = set()
    for number, lines in lines_by_page.items():
        for line in lines:
            band = _band(line, heights[number])
            if band is None:
                continue
            repeated = counts[(band, _key(line.text))] >= threshold and len(lines_by_page) > 2
            if repeated or _edge_page_number(line, lines, band):
                drop.add(id(line))
    return drop


def _edge_page_number(line: Line, lines: list[Line], band: str) -> bool:
    """A bare number is a page number only as the outermost line of its band."""
    if not is_page_number(line.text):
        return False
    others = [ln for ln in lines if ln is not line]
    if band == "bottom":
        return not any(ln.box.y0 >= line.box.y1 for ln in others)
    return not any(ln.box.y1 <= line.box.y0 for ln in others)
