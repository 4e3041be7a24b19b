"""Grid rows that continue the row above: a spreadsheet's record printed over two ruled rows,
its amounts cut where the cell wrapped ('108.600.00' over '0').

A row whose figures each finish a figure of the row above (the row above ends on a thousands
group one or two digits short, the row below holds the missing digits), while its other cells
carry on the text above them, is merged into that row. A figure under a complete figure is the
next record's, and keeps the rows apart.
"""

import re
from dataclasses import replace
from typing import Optional

from kinerja.parsers.grid.model import GridCell, TableGrid, quality

# an amount whose last group is short, one separator throughout: '108.600.00' ('11.5' and
# '1.250,50' are decimals)
CUT = re.compile(r"^(?:rp\.?\s*)?\d{1,3}(?:(?P<sep>[.,])\d{3})+(?P=sep)(?P<last>\d{1,2})$", re.IGNORECASE)
TAIL = re.compile(r"^\d{1,2}$")
FIGURE = re.compile(r"\d")


def join_cut_rows(grid: TableGrid) -> TableGrid:
    """The grid with each row that finishes the cut figures above it merged into that row."""
    r = 0
    merged = False
    while r < grid.n_rows - 1:
        if _continues(_row(grid, r), _row(grid, r + 1)):
            _merge_up(grid, r + 1)
            merged = True
        else:
            r += 1
    if merged:
        grid.quality = quality(grid)
    return grid


def _row(grid: TableGrid, r: int) -> dict[int, GridCell]:
    return {c.col: c for c in grid.cells if c.row == r and c.row_span == 1 and c.text.strip()}


def _continues(above: dict[int, GridCell], below: dict[int, GridCell]) -> bool:
    cut = 0
    for col, cell in below.items():
        top = above.get(col)
        if top is None:
            continue
        if _finishes(top.text.strip(), cell.text.strip()):
            cut += 1
        elif FIGURE.search(top.text) and FIGURE.search(cell.text):
            return False  # a figure under a figure: two records ('11.5' over '85')
    return cut > 0


def _finishes(top: str, text: str) -> bool:
    m = CUT.match(top)
    return bool(m) and bool(TAIL.match(text)) and len(m["last"]) + len(text) == 3


def _merge_up(grid: TableGrid, r: int) -> None:
    """Row r's cells joined onto row r-1's; the rows under r move up one."""
    above = {c.col: c for c in grid.cells if c.row == r - 1 and c.row_span == 1}
    cells: list[GridCell] = []
    for c in grid.cells:
        if c.row == r and c.row_span == 1:
            top = above.get(c.col)
            if top is not None:
                if top.text.strip():
                    glue = "" if _finishes(top.text.strip(), c.text.strip()) else " "
                    joined = replace(top, text=f"{top.text.rstrip()}{glue}{c.text.strip()}",
                                     box=_union(top, c), words=top.words + c.words)
                else:  # an empty cell above: the text moves up into its place
                    joined = replace(c, row=r - 1, box=_union(top, c))
                cells = [joined if x is top else x for x in cells]
                above[c.col] = joined
                continue
            c = replace(c, row=r - 1)
        elif c.row > r:
            c = replace(c, row=c.row - 1)
        elif c.row + c.row_span > r:
            c = replace(c, row_span=c.row_span - 1)
        cells.append(c)
    grid.cells = sorted(cells, key=lambda c: (c.row, c.col))
    grid.n_rows -= 1


def _union(a: GridCell, b: GridCell) -> Optional[object]:
    return a.box.union(b.box) if a.box is not None and b.box is not None else a.box or b.box
