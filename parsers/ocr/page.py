"""Scanned pages: Tesseract OCR (Indonesian + English) into the same lines and table grids as the
text layer, with word confidence kept.

The page is rendered by pdfium (pixel count capped), straightened when fed crooked
(skew.py), read by `tesseract` through pytesseract's
word boxes, and the words become Lines. Rulings are found in the image (rules.py) and go
through the same edge -> cell chain as text-layer tables; words fill the cells. Tesseract reads
the page with its rulings painted out, so that borders are not read as characters, and short
cells are read a second time (reread.py). A page without rulings but with column-aligned
words gets rows of cells by clustering.
"""

import os
import re
from dataclasses import dataclass, field, replace
from typing import Optional

import numpy as np
import pypdfium2 as pdfium
from PIL import Image

from kinerja.parsers.grid.model import TableGrid
from kinerja.parsers.ocr.ink import without_coloured_ink
from kinerja.parsers.ocr.reread import reread_cells
from kinerja.parsers.ocr.rules import image_to_masks, masks_to_edges, without_rules
from kinerja.parsers.ocr.skew import SHEAR_BELOW_DEG, Tilt, skew_angle, straightened
from kinerja.parsers.ocr.words import repair_word
from kinerja.parsers.page.geometry import Box, Edge
from kinerja.parsers.page.lines import Line, Segment, lines_from_runs
from kinerja.parsers.page.words import Word
from kinerja.parsers.ruled.ruling import edges_to_cell_groups, grid_from_cells
from kinerja.parsers.unruled.tables import unruled_grids

MAX_RENDER_PIXELS = 40_000_000  # a page is never rendered larger than this
MIN_WORD_CONF = 0  # tesseract's -1 marks non-words; 0..100 otherwise
TURNED_BELOW = 0.6  # mean word confidence under which the page may be turned
SCAN_JOIN = 6.0  # points: scanned rulings break into dashes; gaps this wide are bridged
SPECK_PT = 1.2  # a 'word' this small on both sides is a speck of dust or a ruling's remnant:
# a printed stop or dash is wider (tesseract reads specks as ':', '5', '©' at 0.5 x 0.5 pt)
FLAT_PT = 1.5  # a letter or digit is taller than this in any legible print; a dash is not
RULE_ARTEFACT = re.compile(r"^([|_]+|[—–=~-]{3,})$")  # table borders read as characters


class OcrUnavailable(Exception):
    """tesseract or its language data is missing."""


class OcrTimeout(Exception):
    pass


@dataclass
class OcrResult:
    """Lines and grids in the frame where the text reads upright; `turn` is how far (degrees,
    clockwise) that frame is turned from the page as rendered (a table scanned sideways)."""

    lines: list[Line] = field(default_factory=list)
    grids: list[TableGrid] = field(default_factory=list)
    confidence: Optional[float] = None
    turn: int = 0
    skew: float = 0.0  # degrees (counter-clockwise) the page was tilted by: turned out from a
    # degree on, taken out of the geometry below (the boxes are in the straightened frame either way)


def render(page: pdfium.PdfPage, width: float, height: float, dpi: int):
    """Grayscale PIL image of the page, stamps and signatures in coloured ink dropped (ink.py),
    and the points-per-pixel factor."""
    scale = dpi / 72
    if width * height * scale * scale > MAX_RENDER_PIXELS:
        scale = (MAX_RENDER_PIXELS / (width * height)) ** 0.5
    gray = page.render(scale=scale, grayscale=True).to_pil().convert("L")
    image = without_coloured_ink(gray, page.render(scale=scale).to_pil())
    return image, 1 / scale


def ocr_page(page: pdfium.PdfPage, number: int, triage, lang: str = "ind+eng", dpi: int = 300,
             timeout_s: float = 120.0) -> OcrResult:
    image, k = render(page, triage.width, triage.height, dpi)
    skew = skew_angle(np.asarray(image))
    if abs(skew) >= SHEAR_BELOW_DEG:  # boxes are then in the turned frame: within a few points of the page's
        image = straightened(image, skew)
    masks = image_to_masks(np.asarray(image))
    clean = Image.fromarray(without_rules(np.asarray(image), masks, k))
    words = read_words(clean, k, lang, timeout_s)
    turn = 0
    if _mean_confidence(words) < TURNED_BELOW:
        clean, words, turn = _upright(clean, words, k, lang, timeout_s)
    # a slight tilt is read as scanned and taken out of the geometry (skew.py); it was measured
    # on the page as rendered, so a page turned upright keeps its words where they were read
    tilt = Tilt.of(skew, image.size, k) if 0 < abs(skew) < SHEAR_BELOW_DEG and not turn else None
    if turn:
        masks = image_to_masks(np.asarray(image.rotate(-turn, expand=True)))
    elif tilt is not None:  # words and rulings meet in the straightened frame
        words = [replace(w, box=tilt.straight(w.box)) for w in words]
        masks = image_to_masks(np.asarray(straightened(image, skew)))
    lines = lines_from_runs([Segment(w.box, w.text) for w in words], number)
    _attach_confidence(lines, words)
    grids = ruled_grids(masks_to_edges(masks, k), words, number)
    for grid in grids:
        _reread(grid, clean, k, lang, timeout_s, tilt.scanned if tilt else None)
    # words aligned in columns outside the ruled tables (or on a page without rulings)
    # still make rows of cells: a budget list under a ruled indicator table
    outside = [ln for ln in lines if not any(g.box.contains_point(ln.box.cx, ln.box.cy)
                                             for g in grids)]
    segments = [Segment(w.box, w.text) for w in words]
    grids += _confident(unruled_grids(outside, number, segments), words)
    return OcrResult(lines, grids, _mean_confidence(words) if words else None, turn, skew)


def _mean_confidence(words: list[Word]) -> float:
    confs = [w.confidence for w in words if w.confidence is not None]
    return sum(confs) / len(confs) if confs else 0.0


def _upright(image, words: list[Word], k: float, lang: str, timeout_s: float):
    """A page read with low confidence may be turned (a landscape table scanned sideways):
    tesseract's orientation detection names the turn; the page is read again turned upright
    and that reading kept when it is more confident. Detection mistakes a quarter turn for
    its opposite on sparse table pages (low orientation confidence), so a quarter turn is
    tried both ways and the more confident reading wins."""
    import pytesseract

    try:
        osd = pytesseract.image_to_osd(image.reduce(2), config="--psm 0",
                                       timeout=min(timeout_s, 30.0))
    except (RuntimeError, pytesseract.TesseractError):
        return image, words, 0
    found = re.search(r"Rotate:\s*(\d+)", osd)
    turn = int(found.group(1)) % 360 if found else 0
    if turn not in (90, 180, 270):
        return image, words, 0
    best = (_mean_confidence(words), image, words, 0)
    for candidate in (turn, (turn + 180) % 360) if turn in (90, 270) else (turn,):
        upright = image.rotate(-candidate, expand=True)  # PIL turns counter-clockwise
        again = read_words(upright, k, lang, timeout_s)
        if _mean_confidence(again) > best[0]:
            best = (_mean_confidence(again), upright, again, candidate)
    return best[1:]


def read_words(image, k: float, lang: str, timeout_s: float, psm: int = 3) -> list[Word]:
    import pytesseract

    # tesseract's OpenMP threads oversubscribe small machines (3x slower measured on 2 busy
    # cores); one thread per process unless the caller chose otherwise
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")

    try:
        data = pytesseract.image_to_data(image, lang=lang, config=f"--psm {psm}",
                                         output_type=pytesseract.Output.DICT, timeout=timeout_s)
    except pytesseract.TesseractNotFoundError as exc:
        raise OcrUnavailable("tesseract is not installed") from exc
    except RuntimeError as exc:
        if "timeout" in str(exc).lower():
            raise OcrTimeout(str(exc)) from exc
        raise OcrUnavailable(str(exc)) from exc
    except pytesseract.TesseractError as exc:
        raise OcrUnavailable(str(exc).strip()[:200]) from exc
    words = []
    for i, text in enumerate(data["text"]):
        conf = float(data["conf"][i])
        if not text.strip() or conf < MIN_WORD_CONF:
            continue
        x, y, w, h = (data[key][i] for key in ("left", "top", "width", "height"))
        if max(w, h) * k < SPECK_PT or (h * k < FLAT_PT and any(ch.isalnum() for ch in text)):
            continue  # a speck, or a flat mark read as a letter ('7' over a 6 x 1.4 pt smear)
        text = repair_word(text.strip().strip("|"))
        if text and not RULE_ARTEFACT.match(text):
            words.append(Word(Box(x * k, y * k, (x + w) * k, (y + h) * k), text, conf / 100))
    return words


def _reread(grid: TableGrid, clean, k: float, lang: str, timeout_s: float, to_image=None) -> None:
    """Short cells read again from the page without rulings; a failed call keeps the first
    reading (psm 6: the stacked crops are one block of lines). `to_image`: where a cell's box
    lies on the image when the grid's frame is straightened from it."""
    def read(image):
        try:
            return read_words(image, 1.0, lang, min(timeout_s, 30.0), psm=6)
        except (OcrTimeout, OcrUnavailable):
            return []

    reread_cells(grid, np.asarray(clean), k, read, to_image)


def _confident(grids: list[TableGrid], words: list[Word]) -> list[TableGrid]:
    """Cells of whitespace-column grids carry the confidence of the OCR words inside them."""
    for grid in grids:
        for cell in grid.cells:
            inside = [w.confidence for w in words if cell.box is not None and w.confidence is not None
                      and cell.box.contains_point(w.box.cx, w.box.cy)]
            cell.confidence = sum(inside) / len(inside) if inside else None
        confs = [c.confidence for c in grid.cells if c.confidence is not None]
        grid.confidence = sum(confs) / len(confs) if confs else None
    return grids


def _attach_confidence(lines: list[Line], words: list[Word]) -> None:
    """A line's confidence is the mean of its words' (matched by box centre)."""
    for line in lines:
        confs = [w.confidence for w in words
                 if line.box.contains_point(w.box.cx, w.box.cy) and w.confidence is not None]
        line.confidence = sum(confs) / len(confs) if confs else None


def ruled_grids(edges: list[Edge], words: list[Word], number: int) -> list[TableGrid]:
    grids = []
    for group in edges_to_cell_groups(edges, join=SCAN_JOIN):
        grid = grid_from_cells(group, words, number, "ocr-ruled")
        if grid is not None and grid.quality > 0:
            grids.append(grid)
    return grids
