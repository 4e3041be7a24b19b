"""Scanned pages: Tesseract OCR (Indonesian + English) into the same lines and table grids as the
text layer, with word confidence kept.

The page is rendered by pdfium (pixel count capped), read by `tesseract` through pytesseract's
word boxes, and the words become Lines. Rulings are found in the image (morphological opening
along each axis) and go through the same edge -> cell chain as text-layer tables; words fill the
cells. A page without rulings but with column-aligned words gets rows of cells by clustering.
"""

import os
import re
from dataclasses import dataclass, field
from typing import Optional

import numpy as np
from PIL import ImageOps
import pypdfium2 as pdfium

from .geometry import Box
from .pdf_text import Line, Segment, lines_from_runs
from .ruling import Edge, Word, edges_to_cell_groups, grid_from_cells
from .table_grid import TableGrid, quality
from .unruled import unruled_grids

MAX_RENDER_PIXELS = 40_000_000  # a page is never rendered larger than this
MIN_WORD_CONF = 0  # tesseract's -1 marks non-words; 0..100 otherwise
MAX_REREAD_CELLS = 40  # per table: bounds the time spent re-reading cells
SHORT_CELL = 20  # characters: a cell this short is cheap to read again
CROP_MARGIN_PX = 16  # white border around a cell crop: tesseract misreads text at the edge
TURNED_BELOW = 0.6  # mean word confidence under which the page may be turned
ONE_LINE_HEIGHT = 22.0  # points: a cell lower than this holds a single text line
SCAN_JOIN = 6.0  # points: scanned rulings break into dashes; gaps this wide are bridged
REREAD_BELOW = 0.75  # word confidence under which a short cell is read again
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


def render(page: pdfium.PdfPage, width: float, height: float, dpi: int):
    """Grayscale PIL image of the page and the points-per-pixel factor."""
    scale = dpi / 72
    if width * height * scale * scale > MAX_RENDER_PIXELS:
        scale = (MAX_RENDER_PIXELS / (width * height)) ** 0.5
    image = page.render(scale=scale, grayscale=True).to_pil().convert("L")
    return image, 1 / scale


def ocr_page(page: pdfium.PdfPage, number: int, triage, lang: str = "ind+eng", dpi: int = 300,
             timeout_s: float = 120.0) -> OcrResult:
    image, k = render(page, triage.width, triage.height, dpi)
    words = read_words(image, k, lang, timeout_s)
    turn = 0
    if _mean_confidence(words) < TURNED_BELOW:
        image, words, turn = _upright(image, words, k, lang, timeout_s)
    lines = lines_from_runs([Segment(w.box, w.text) for w in words], number)
    _attach_confidence(lines, words)
    grids = ruled_grids(np.asarray(image), k, words, number)
    for grid in grids:
        _reread_cells(grid, image, k, lang, timeout_s)
    if not grids:  # no rulings: words aligned in columns still make rows of cells
        grids = _confident(unruled_grids(lines, number), words)
    return OcrResult(lines, grids, _mean_confidence(words) if words else None, turn)


def _mean_confidence(words: list[Word]) -> float:
    confs = [w.confidence for w in words if w.confidence is not None]
    return sum(confs) / len(confs) if confs else 0.0


def _upright(image, words: list[Word], k: float, lang: str, timeout_s: float):
    """A page read with low confidence may be turned (a landscape table scanned sideways):
    tesseract's orientation detection names the turn; the page is read again turned upright
    and that reading kept when it is more confident."""
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
    upright = image.rotate(-turn, expand=True)  # PIL turns counter-clockwise
    again = read_words(upright, k, lang, timeout_s)
    if _mean_confidence(again) <= _mean_confidence(words):
        return image, words, 0
    return upright, again, turn


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
        text = text.strip().strip("|")
        if text and not RULE_ARTEFACT.match(text):
            words.append(Word(Box(x * k, y * k, (x + w) * k, (y + h) * k), text, conf / 100))
    return words


def _reread_cells(grid: TableGrid, image, k: float, lang: str, timeout_s: float) -> None:
    """Page-level OCR misses or garbles short text boxed by rulings (a lone row number, a
    bold header, '100 %'): empty cells and short low-confidence cells are read again one by
    one, cropped inside their borders; the better-confidence reading is kept."""
    todo = [c for c in grid.cells if c.box is not None and c.box.width > 8 and c.box.height > 8
            and (not c.text or (len(c.text) <= SHORT_CELL and (c.confidence or 0) < REREAD_BELOW))]
    for cell in todo[:MAX_REREAD_CELLS]:
        inset = 2.5
        crop = image.crop((int((cell.box.x0 + inset) / k), int((cell.box.y0 + inset) / k),
                           int((cell.box.x1 - inset) / k), int((cell.box.y1 - inset) / k)))
        # tesseract reads small crops better with a white margin; one text line: psm 7
        crop = ImageOps.expand(crop, border=CROP_MARGIN_PX, fill=255)
        one_line = cell.box.height < ONE_LINE_HEIGHT
        try:
            words = read_words(crop, k, lang, min(timeout_s, 10.0), psm=7 if one_line else 6)
        except (OcrTimeout, OcrUnavailable):
            continue
        if not words:
            continue
        conf = sum(w.confidence for w in words) / len(words)
        if not cell.text or conf > (cell.confidence or 0):
            cell.text = " ".join(w.text for w in words)
            cell.confidence = conf
    if todo:
        grid.quality = quality(grid)


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


def image_edges(gray: np.ndarray, k: float) -> list[Edge]:
    """Long horizontal and vertical strokes of the page image, in points."""
    import cv2

    binary = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV,
                                   25, 15)
    h, w = binary.shape
    edges: list[Edge] = []
    for orientation, kernel in (("h", (max(20, w // 40), 1)), ("v", (1, max(20, h // 80)))):
        mask = cv2.morphologyEx(binary, cv2.MORPH_OPEN,
                                cv2.getStructuringElement(cv2.MORPH_RECT, kernel))
        mask = cv2.dilate(mask, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
        n, _, stats, _ = cv2.connectedComponentsWithStats(mask)
        for x, y, bw, bh, _area in stats[1:n]:
            if orientation == "h" and bw > 3 * bh:
                cy = (y + bh / 2) * k
                edges.append(Edge("h", x * k, cy, (x + bw) * k, cy))
            elif orientation == "v" and bh > 3 * bw:
                cx = (x + bw / 2) * k
                edges.append(Edge("v", cx, y * k, cx, (y + bh) * k))
    return edges


def ruled_grids(gray: np.ndarray, k: float, words: list[Word], number: int) -> list[TableGrid]:
    grids = []
    for group in edges_to_cell_groups(image_edges(gray, k), join=SCAN_JOIN):
        grid = grid_from_cells(group, words, number, "ocr-ruled")
        if grid is not None and grid.quality > 0:
            grids.append(grid)
    return grids
