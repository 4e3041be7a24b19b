"""A rate wrapped after its slash ('88,10/' over '100.000KH'): one value, not two rows.

A narrow column prints a rate per population ('angka kematian ibu 88,10/100.000 KH') over two
lines, broken after the slash; where the row's lines fall into two grid rows, the upper row
ends every such cell with '/' and the lower one continues it with a number. Such a pair of rows
is one record: the lower row's cells are joined to the upper's (a fraction without a space, any
other text with one) and the lower row goes. Only rows of one-row cells are joined.
"""

import re

from kinerja.parsers.grid.model import GridCell, TableGrid, quality

OPEN = re.compile(r"\d\s*/$")  # a figure and its slash, the rest on the next line
CONTINUES = re.compile(r"^\d")


def join_open_fractions(grid: TableGrid) -> TableGrid:
    """The grid with each row of fractions broken after the slash joined to the row below."""
    r, joined = 0, False
    while r < grid.n_rows - 1:
        if _open_row(grid, r):
            _join(grid, r)
            joined = True
        r += 1
    if joined:
        grid.quality = quality(grid)
    return grid


def _row(grid: TableGrid, r: int) -> dict[int, GridCell]:
    return {c.col: c for c in grid.cells if c.row == r}


def _open_row(grid: TableGrid, r: int) -> bool:
    upper, lower = _row(grid, r), _row(grid, r + 1)
    if any(c.row_span != 1 for c in (*upper.values(), *lower.values())):
        return False
    open_cols = [k for k, c in upper.items() if OPEN.search(c.text.strip())]
    return bool(open_cols) and all(k in lower and CONTINUES.match(lower[k].text.strip()) for k in open_cols)


def _join(grid: TableGrid, r: int) -> None:
    upper, lower = _row(grid, r), _row(grid, r + 1)
    for k, below in lower.items():
        above = upper.get(k)
        if above is None:
            below.row = r
            continue
        sep = "" if above.text.rstrip().endswith("/") else " "
        above.text = (above.text.rstrip() + sep + below.text.strip()).strip()
        above.words = above.words + below.words
        if above.box is not None and below.box is not None:
            above.box = above.box.union(below.box)
    grid.cells = sorted((c for c in grid.cells if not (c.row == r + 1 and c.col in upper)),
                        key=lambda c: (c.row, c.col))
    for c in grid.cells:
        if c.row > r + 1:
            c.row -= 1
    grid.n_rows -= 1
