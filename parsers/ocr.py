"""Scanned pages: Tesseract OCR (Indonesian + English) into the same lines and table grids as the
text layer, with word confidence kept.

The page is rendered by pdfium (pixel count capped), read by `tesseract` through pytesseract's
word boxes, and the words become Lines. Rulings are found in the image (morphological opening
along each axis) and go through the same edge -> cell chain as text-layer tables; words fill the
cells. A page without rulings but with column-aligned words gets rows of cells by clustering.
"""

import re
from dataclasses import dataclass, field
from typing import Optional

import numpy as np
import pypdfium2 as pdfium

from .geometry import Box
from .pdf_text import Line, Segment, lines_from_runs
from .ruling import Edge, Word, edges_to_cell_groups, grid_from_cells
from .table_grid import TableGrid, quality

MAX_RENDER_PIXELS = 40_000_000  # a page is never rendered larger than this
MIN_WORD_CONF = 0  # tesseract's -1 marks non-words; 0..100 otherwise
MAX_REREAD_CELLS = 40  # per table: bounds the time spent re-reading empty cells
RULE_ARTEFACT = re.compile(r"^[|_—–=~\-]+$")  # table borders read as characters


class OcrUnavailable(Exception):
    """tesseract or its language data is missing."""


class OcrTimeout(Exception):
    pass


@dataclass
class OcrResult:
    lines: list[Line] = field(default_factory=list)
    grids: list[TableGrid] = field(default_factory=list)
    confidence: Optional[float] = None


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
    lines = lines_from_runs([Segment(w.box, w.text) for w in words], number)
    _attach_confidence(lines, words)
    grids = ruled_grids(np.asarray(image), k, words, number)
    for grid in grids:
        _reread_empty_cells(grid, image, k, lang, timeout_s)
    confs = [w.confidence for w in words if w.confidence is not None]
    return OcrResult(lines, grids, sum(confs) / len(confs) if confs else None)


def read_words(image, k: float, lang: str, timeout_s: float, psm: int = 3) -> list[Word]:
    import pytesseract

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


def _reread_empty_cells(grid: TableGrid, image, k: float, lang: str, timeout_s: float) -> None:
    """Page-level OCR misses short text boxed by rulings (a lone row number, a bold header):
    empty cells are read again one by one, cropped inside their borders."""
    empty = [c for c in grid.cells if not c.text and c.box is not None
             and c.box.width > 8 and c.box.height > 8][:MAX_REREAD_CELLS]
    for cell in empty:
        inset = 2.5
        crop = image.crop((int((cell.box.x0 + inset) / k), int((cell.box.y0 + inset) / k),
                           int((cell.box.x1 - inset) / k), int((cell.box.y1 - inset) / k)))
        try:
            words = read_words(crop, k, lang, min(timeout_s, 10.0), psm=6)
        except (OcrTimeout, OcrUnavailable):
            continue
        if words:
            cell.text = " ".join(w.text for w in words)
            cell.confidence = sum(w.confidence for w in words) / len(words)
    if empty:
        grid.quality = quality(grid)


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
    for orientation, kernel in (("h", (max(20, w // 40), 1)), ("v", (1, max(20, h // 60)))):
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
    for group in edges_to_cell_groups(image_edges(gray, k)):
        grid = grid_from_cells(group, words, number, "ocr-ruled")
        if grid is not None and grid.quality > 0:
            grids.append(grid)
    return grids
