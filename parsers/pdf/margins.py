"""Running headers, footers and page numbers: lines in the page margins that are not content.

A line in the top or bottom band of its page is furniture when
- it is a page number ("12", "- 12 -", "iv", "III-10", "Hal. 5", "Halaman 3 dari 9", "5 | Page",
  "LKjIP 2016 | 12") and nothing but furniture lies between it and the page edge, or
- its text recurs in the same band: on a large share of the pages anywhere in the band, or at the
  same height on a run of pages (a chapter's running header, chapter-numbered page numbers; a
  caption such as "Tabel 2.3" recurs at one height too, but on scattered pages).
  Recurring texts are compared with digits masked, page numbers as one kind, and near-equal
  spellings ("( LKIP )" / "(LKIP)", a typo fixed from one chapter on) as one text.
"""

from collections import defaultdict
from dataclasses import dataclass
from typing import Optional

import numpy as np
from rapidfuzz import fuzz, process

from kinerja.parsers.page.lines import Line
from kinerja.parsers.text.running import (
    MIN_REPEATS, furniture_key, is_labelled_page_number, is_page_number, recurs,
)

SHORT_DOCUMENT = 2  # pages: too few for a running header or footer to recur
BAND = 0.18  # share of the page height searched for running headers and footers
WIDE_BAND = 0.35  # ... and for page numbers that carry their label ("Hal : 15")
SHARE_ANYWHERE = 0.3  # a text in the band on this share of the pages is furniture wherever it sits
SAME_HEIGHT = 3.0  # points: running headers of one document sit at one height
SIMILAR = 94  # rapidfuzz ratio above which two long band texts are one running header
SIMILAR_MIN_LEN = 16  # shorter texts must match exactly (masked)

@dataclass(frozen=True)
class MarginLine:
    """What the recurrence test needs of a line in a page's top or bottom band: kept for every
    page of a long report, so a few fields rather than the line's words."""

    page: int
    index: int  # position among its page's lines
    text: str
    y0: float
    band: str


def margin_lines(lines: list[Line], page: int, height: float) -> list[MarginLine]:
    return [MarginLine(page, i, ln.text, ln.box.y0, band) for i, ln in enumerate(lines)
            if (band := _band(ln, height))]


def recurring(margin: list[MarginLine], n_pages: int) -> set[tuple[int, int]]:
    """(page, index) of the band lines whose text recurs over the pages."""
    return _recurring(margin, n_pages) if n_pages > SHORT_DOCUMENT else set()


def page_furniture(lines: list[Line], page: int, height: float,
                   recurring_keys: set[tuple[int, int]], short: bool = False) -> set[int]:
    """Indices of one page's lines that are running headers, footers or page numbers; in a
    `short` document (too few pages for a footer to recur), a footer closing with the page's
    number too."""
    drop = {i for i in range(len(lines)) if (page, i) in recurring_keys}
    content = [ln for i, ln in enumerate(lines) if i not in drop]
    for i, line in enumerate(lines):
        # a labelled page number ("Hal : 15") is one further in: a landscape page of a portrait
        # report keeps the portrait page's wide bottom margin
        wide = WIDE_BAND if is_labelled_page_number(line.text) else BAND
        band = _band(line, height, wide) if i not in drop else None
        if band and _edge_page_number(line, content, band, page if short else None):
            drop.add(i)
    return drop


def _band(line: Line, page_height: float, share: float = BAND) -> str | None:
    if line.box.y1 <= page_height * share:
        return "top"
    if line.box.y0 >= page_height * (1 - share):
        return "bottom"
    return None


def _recurring(in_band: list[MarginLine], n_pages: int) -> set[tuple[int, int]]:
    """Lines whose (masked, near-equal) text recurs in their band over the pages."""
    groups: dict[tuple[str, str], list[MarginLine]] = defaultdict(list)
    canonical = _similar_keys({furniture_key(ln.text) for ln in in_band})
    for line in in_band:
        key = furniture_key(line.text)
        if key:
            groups[(line.band, canonical.get(key, key))].append(line)
    drop: set[tuple[int, int]] = set()
    for lines in groups.values():
        if recurs(len({ln.page for ln in lines}), n_pages, SHARE_ANYWHERE):
            drop.update((ln.page, ln.index) for ln in lines)
            continue
        for line in lines:
            level = {ln.page for ln in lines if abs(ln.y0 - line.y0) <= SAME_HEIGHT}
            if _longest_run(level) >= MIN_REPEATS:
                drop.add((line.page, line.index))
    return drop


def _longest_run(pages: set[int]) -> int:
    """Most pages in a row (one page may be skipped: a plate, a turned table) among `pages`."""
    best = run = 0
    prev = None
    for page in sorted(pages):
        run = run + 1 if prev is not None and page - prev <= 2 else 1
        best, prev = max(best, run), page
    return best


def _similar_keys(keys: set[str]) -> dict[str, str]:
    """Each long key mapped to the first key of its group of near-equal keys."""
    long_keys = sorted(k for k in keys if len(k) >= SIMILAR_MIN_LEN)
    if len(long_keys) < 2:
        return {}
    # one byte a pair: a long report's margins hold a few thousand distinct texts
    scores = process.cdist(long_keys, long_keys, scorer=fuzz.ratio, score_cutoff=SIMILAR,
                           dtype=np.uint8)
    parent = list(range(len(long_keys)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in zip(*scores.nonzero()):
        a, b = long_keys[i], long_keys[j]
        if abs(len(a) - len(b)) <= 0.1 * max(len(a), len(b)):  # not a line quoting the header
            parent[root(int(i))] = root(int(j))
    return {k: long_keys[root(i)] for i, k in enumerate(long_keys)}


FOOTER_WORDS = 3  # words of a footer's title before its page number


def _edge_page_number(line: Line, lines: list[Line], band: str, page: Optional[int]) -> bool:
    """A page number only as the outermost line of its band (furniture already set aside):
    alone, or, given the page's number, closing a footer set apart from it at the page's foot
    ('LKjIP Dinas ... Tahun 2025      2')."""
    texts = [seg.text.strip() for seg in line.segments]
    own = page is not None and band == "bottom" and len(texts) == 2 and texts[1] == str(page) \
        and len(texts[0].split()) >= FOOTER_WORDS
    if not (is_page_number(line.text) or own):
        return False
    others = [ln for ln in lines if ln is not line]
    if band == "bottom":
        return not any(ln.box.y0 >= line.box.y1 for ln in others)
    return not any(ln.box.y1 <= line.box.y0 for ln in others)
