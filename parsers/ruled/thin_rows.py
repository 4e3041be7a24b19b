"""Grid rows thinner than a line of text that hold no text of their own: slices, not rows.

Word draws a frame around the text of some cells; where a frame's top falls a few points below
the row's top border, the grid gets a line there and the row a thin first slice. The cells that
reach over the whole row (a percentage set beside a two-line name, the name itself) then start
in the slice and the rest start in the row below it, so one record reads as two rows. A row
that is thinner than a text line, whose filled cells all reach into the next row, is merged into
that row.
"""

from kinerja.parsers.grid.model import GridCell, TableGrid, quality

THIN = 1.2  # text line heights: a row this thin holds no line of its own


def merge_thin_rows(grid: TableGrid) -> TableGrid:
    """The grid with each thin slice row merged into the row below it."""
    height = _line_height(grid)
    if height is None:
        return grid
    r = 0
    while r < grid.n_rows - 1:
        if _slice(grid, r, height):
            _merge_down(grid, r)
        else:
            r += 1
    grid.quality = quality(grid)
    return grid


def _line_height(grid: TableGrid) -> float | None:
    heights = sorted(w.box.height for c in grid.cells for w in c.words)
    return heights[len(heights) // 2] if heights else None


def _slice(grid: TableGrid, r: int, height: float) -> bool:
    starting = [c for c in grid.cells if c.row == r]
    boxes = [c.box for c in starting if c.box is not None and c.row_span == 1]
    if not boxes or max(b.y1 - b.y0 for b in boxes) >= THIN * height:
        return False
    filled = [c for c in starting if c.text.strip()]
    below = [c for c in grid.cells if c.row == r + 1 and c.text.strip()]
    return bool(filled) and bool(below) and all(c.row_span >= 2 for c in filled)


def _merge_down(grid: TableGrid, r: int) -> None:
    """Row r dropped: its empty one-row cells go, cells reaching over it lose a row."""
    cells: list[GridCell] = []
    for c in grid.cells:
        if c.row == r and c.row_span == 1:
            continue
        if c.row > r:
            c.row -= 1
        elif c.row + c.row_span > r:
            c.row_span -= 1
        cells.append(c)
    grid.cells = sorted(cells, key=lambda c: (c.row, c.col))
    grid.n_rows -= 1
