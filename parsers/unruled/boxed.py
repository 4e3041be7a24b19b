"""A table printed without rulings inside a frame: a box drawn (or a background filled) around
the whole list, or around its header and its body apart.

The ruling finder reads such a frame as a grid of one or two big cells, each holding the
whole table's text run together. A cell whose own lines hold several rows of text split into
column-aligned segments is no cell but a table: the lines inside the frame are read by the
unruled finder (unruled.py) instead, and its tables replace the frame.
"""

from typing import Optional

from kinerja.parsers.grid.model import TableGrid
from kinerja.parsers.page.geometry import Box
from kinerja.parsers.page.lines import Line, Segment
from kinerja.parsers.unruled.regions import MIN_ROWS
from kinerja.parsers.unruled.tables import unruled_grids

PAD = 1.0  # points: a line on the frame's edge is inside it
FRAME_CELLS = 2  # rows, columns: a frame is one box, or two set side by side or one above another


def unframed(grids: list[TableGrid], lines: list[Line], number: int,
             words: Optional[list[Segment]] = None,
             rules: Optional[list] = None) -> list[TableGrid]:
    """The ruled grids, each frame around a table without rulings replaced by that table. In a
    frame around a ruled table (a slide's background panel, a page border) only the lines outside
    the tables it holds may form one: the ruled table is not read a second time."""
    out = []
    for grid in grids:
        if not _frame(grid):
            out.append(grid)
            continue
        held = [g for g in grids if g is not grid and _holds(grid.box, g.box)]
        inside = [ln for ln in lines if _within(ln.box, grid.box) and not any(_within(ln.box, g.box) for g in held)]
        found = unruled_grids(inside, number, words, rules) if _frames_table(grid, inside) else []
        out += found or [grid]
    return out


def _frame(grid: TableGrid) -> bool:
    """A box of a cell or two (the header's and the body's); a grid of more cells is a ruled table,
    whose merged cells may hold aligned text of their own."""
    return grid.n_rows <= FRAME_CELLS and grid.n_cols <= FRAME_CELLS


def _frames_table(grid: TableGrid, lines: list[Line]) -> bool:
    """A frame one of whose cells holds MIN_ROWS lines or more split into two segments or more."""
    for cell in grid.cells:
        if cell.box is None:
            continue
        aligned = sum(1 for ln in lines
                      if sum(1 for s in ln.segments if _within(s.box, cell.box)) >= 2)
        if aligned >= MIN_ROWS:
            return True
    return False


def _holds(frame: Box, box: Box) -> bool:
    """The whole of `box` lies inside `frame`."""
    return frame.contains_point(box.x0, box.y0, pad=PAD) and frame.contains_point(box.x1, box.y1, pad=PAD)


def _within(box: Box, frame: Box) -> bool:
    return frame.contains_point(box.cx, box.cy, pad=PAD)
