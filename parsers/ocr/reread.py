"""Second reading of short table cells, all of a table's in one tesseract call.

Page-level OCR garbles what rulings box in small: a lone row number, a code ('1.4.1' read
'LAL'), a number whose decimal point vanished ('4.11' read '411'), text wrapped in a narrow
cell ('TW' over '1'). Each such cell is cropped inside its borders, trimmed to its ink, and
the crops are stacked one under another on a white page read once (tesseract's start-up
costs more than reading a crop); words go back to the crop they sit in. Cells holding numbers
are then read once more, enlarged, for separators lost in small print.
"""

import re
from dataclasses import dataclass
from typing import Optional

import numpy as np
from PIL import Image

from kinerja.parsers.grid.model import GridCell, TableGrid, quality

SHORT_CELL = 20  # characters: a cell this short is cheap to read again
REREAD_BELOW = 0.75  # word confidence under which a short cell is read again
INSET_PT = 1.0  # inside the cell's borders (the rulings are painted out already; text sits close to them)
INK_LEVEL = 128  # gray level under which a pixel is ink
MIN_INK_PX = 12  # fewer dark pixels than this: the cell is empty (scan specks)
MARGIN_PX = 16  # white around each crop: tesseract misreads text at an image edge
UPSCALE = 2  # enlarged, small print keeps its decimal point ('4.11', read '411' at 300 dpi)
GAP_PX = 40  # white between stacked crops: each stays a line block of its own
MAX_STACK = 80  # crops per tesseract call
MIN_NEW_CONF = 0.3  # an empty cell takes a second reading only this confident
DASH_PT = (1.5, 14.0)  # points: how long a printed dash is
DASH_THICK_PT = 2.0  # points: how thick at most
DIGIT = re.compile(r"\d")
SEPARATORS = re.compile(r"[.,]")
NUMBER = re.compile(r"\d[\d.,]*\d|\d")


@dataclass
class Crop:
    cell: GridCell
    image: Image.Image
    dash: bool = False  # the ink is one short flat bar: tesseract drops a lone '-'
    top: int = 0  # y of the crop on the stacked page


def cells_to_reread(grid: TableGrid) -> list[GridCell]:
    """Empty cells, short low-confidence cells, and short cells holding a digit (a number or
    a code, where one misread character changes the fact)."""
    out = []
    for c in grid.cells:
        text = c.text.strip()
        if not text or (len(text) <= SHORT_CELL
                        and ((c.confidence or 0) < REREAD_BELOW or DIGIT.search(text))):
            out.append(c)
    return out


def _croppable(cell: GridCell) -> bool:
    return cell.box is not None and min(cell.box.width, cell.box.height) > 2 * INSET_PT + 3


def cell_crop(gray: np.ndarray, cell: GridCell, k: float, scale: int = 1,
              to_image=None) -> Optional[Crop]:
    """The cell's inside trimmed to its ink, enlarged `scale` times, with a white margin;
    None when it holds no ink."""
    box = to_image(cell.box) if to_image else cell.box
    x0, y0 = int((box.x0 + INSET_PT) / k), int((box.y0 + INSET_PT) / k)
    x1, y1 = int((box.x1 - INSET_PT) / k), int((box.y1 - INSET_PT) / k)
    inside = gray[max(0, y0):max(0, y1), max(0, x0):max(0, x1)]
    ink = inside < INK_LEVEL
    if ink.sum() < MIN_INK_PX:
        return None
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    trimmed = inside[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    dash = is_dash(trimmed < INK_LEVEL, k)
    if scale > 1:
        trimmed = np.asarray(Image.fromarray(trimmed).resize(
            (trimmed.shape[1] * scale, trimmed.shape[0] * scale), Image.LANCZOS))
    page = np.full((trimmed.shape[0] + 2 * MARGIN_PX, trimmed.shape[1] + 2 * MARGIN_PX), 255,
                   dtype=np.uint8)
    page[MARGIN_PX:MARGIN_PX + trimmed.shape[0], MARGIN_PX:MARGIN_PX + trimmed.shape[1]] = trimmed
    return Crop(cell, Image.fromarray(page), dash)


def is_dash(ink: np.ndarray, k: float) -> bool:
    """A solid bar DASH_PT long and at most DASH_THICK_PT thick: a dash standing for nil."""
    h, w = ink.shape
    return (DASH_PT[0] <= w * k <= DASH_PT[1] and h * k <= DASH_THICK_PT and w > 2 * h
            and ink.mean() >= 0.6)


def stack(crops: list[Crop]) -> Image.Image:
    """The crops one under another, left-aligned, GAP_PX apart; each crop's `top` is set."""
    width = max(c.image.width for c in crops)
    height = sum(c.image.height for c in crops) + GAP_PX * (len(crops) - 1)
    page = Image.new("L", (width, height), 255)
    y = 0
    for crop in crops:
        crop.top = y
        page.paste(crop.image, (0, y))
        y += crop.image.height + GAP_PX
    return page


def words_per_crop(crops: list[Crop], words) -> list[list]:
    """The stacked page's words (boxes in stack pixels) grouped by the crop they sit in."""
    out: list[list] = [[] for _ in crops]
    tops = [c.top for c in crops]
    for w in words:
        cy = (w.box.y0 + w.box.y1) / 2
        i = max((j for j, t in enumerate(tops) if t <= cy), default=None)
        if i is not None and cy <= tops[i] + crops[i].image.height:
            out[i].append(w)
    return out


def better_reading(old: str, old_conf: Optional[float], new: str, new_conf: float) -> bool:
    """Whether the second reading replaces the first: it fills an empty cell; it restores a
    decimal or thousands separator the page reading lost (same digits, more separators);
    or it is more confident."""
    if not new:
        return False
    if not old.strip():
        return new_conf >= MIN_NEW_CONF
    if _digits(old) and _digits(old) == _digits(new) and _clean_number(old) and not _clean_number(new):
        return False  # the same figure with a border's fringe read as marks ('92,90. (')
    return restores_separator(old, new) or new_conf > (old_conf or 0)


CLEAN_NUMBER = re.compile(r"^[-+]?\d[\d.,]*%?$")


def _clean_number(text: str) -> bool:
    return bool(CLEAN_NUMBER.match(text.strip()))


def restores_separator(old: str, new: str) -> bool:
    """Same digits, and more decimal or thousands separators, each between digit groups as
    numbers print them: the first reading lost one ('411' -> '4.11'); a second reading that
    doubles one ('23.972,.036') restores nothing."""
    return bool(_digits(old)) and _digits(old) == _digits(new) and \
        _inner_separators(new) > _inner_separators(old) and _well_formed(new)


def _inner_separators(text: str) -> int:
    """Separators between digits ('92,90. (' has one: its trailing dot is a border's fringe)."""
    return sum(len(SEPARATORS.findall(n)) for n in NUMBER.findall(text))


def _well_formed(text: str) -> bool:
    """Every number's groups are non-empty, and those between separators three digits long."""
    for number in NUMBER.findall(text):
        groups = SEPARATORS.split(number)
        if any(len(g) != 3 for g in groups[1:-1]) or not all(groups):
            return False
    return True


def _digits(text: str) -> str:
    return "".join(DIGIT.findall(text))


def reread_cells(grid: TableGrid, gray: np.ndarray, k: float, read, to_image=None) -> None:
    """Read the grid's doubtful cells again (`read(image) -> words`, boxes in pixels of that
    image) and keep the better reading of each; then read the cells holding numbers once more
    enlarged, taken only where that restores a lost separator (enlarging also turns some
    '7's into '1's, so it never decides otherwise). `to_image(box)`: where a cell lies on
    `gray` when the grid's frame differs from it (a slight tilt straightened)."""
    changed = _read_again(gray, k, read, cells_to_reread(grid), 1, better_reading, to_image)
    numbers = [c for c in grid.cells if DIGIT.search(c.text) and len(c.text.strip()) <= SHORT_CELL]
    changed |= _read_again(gray, k, read, numbers, UPSCALE,
                           lambda old, _conf, new, _new_conf: restores_separator(old, new), to_image)
    if changed:
        grid.quality = quality(grid)


def _read_again(gray: np.ndarray, k: float, read, cells: list[GridCell], scale: int,
                keep, to_image=None) -> bool:
    """Read the cells' crops in stacks; `keep(old, old_conf, new, new_conf)` decides."""
    crops = [c for c in (cell_crop(gray, cell, k, scale, to_image) for cell in cells if _croppable(cell))
             if c is not None]
    changed = False
    for start in range(0, len(crops), MAX_STACK):
        batch = crops[start:start + MAX_STACK]
        for crop, mine in zip(batch, words_per_crop(batch, read(stack(batch)))):
            new = " ".join(_lines(mine)) or ("-" if crop.dash else "")
            conf = sum(w.confidence for w in mine) / len(mine) if mine else 0.9
            if keep(crop.cell.text, crop.cell.confidence, new, conf):
                crop.cell.text, crop.cell.confidence = new, conf
                changed = True
    return changed


def _lines(words) -> list[str]:
    """Words in reading order: lines by overlapping height, left to right within a line."""
    lines: list[list] = []
    for w in sorted(words, key=lambda w: w.box.y0):
        cy = (w.box.y0 + w.box.y1) / 2
        if lines and lines[-1][0].box.y0 <= cy <= lines[-1][0].box.y1:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [" ".join(w.text for w in sorted(line, key=lambda w: w.box.x0)) for line in lines]
