"""Merged cells of a table without rulings, read from the empty slots below them.

A cell merged over several rows prints its text once, at the top; without rulings the rows
below simply show nothing in that column. Rows whose first column is empty continue the row
above that has text there (its group: the targets of one indicator per quarter, the
activities of one programme), so a cell of the group's first row spans down over the
group's rows for as long as its column stays empty. The header (and a numbering row) is left
alone.
"""

from kinerja.parsers.grid.headers import resolve
from kinerja.parsers.grid.model import GridCell, TableGrid, quality


def span_groups(grid: TableGrid) -> TableGrid:
    body_start = grid.n_rows - len(resolve(grid).body)
    rows = grid.rows()
    first_col = [any(c.col == 0 and c.text.strip() for c in row) for row in rows]
    start = None
    for r in range(body_start, grid.n_rows + 1):
        if r == grid.n_rows or first_col[r]:
            if start is not None and r - start > 1:
                _span_down(grid, start, r)
            start = r if r < grid.n_rows else None
    grid.quality = quality(grid)
    return grid


def _span_down(grid: TableGrid, first: int, end: int) -> None:
    """Cells of row `first` reach down over empty slots of rows first+1 .. end-1."""
    slot: dict[tuple[int, int], GridCell] = {}
    for cell in grid.cells:
        for r in range(cell.row, cell.row + cell.row_span):
            for c in range(cell.col, cell.col + cell.col_span):
                slot[(r, c)] = cell
    gone: set[int] = set()
    for cell in [c for c in grid.cells if c.row <= first < c.row + c.row_span]:
        if not cell.text.strip():
            continue
        bottom = cell.row + cell.row_span
        while bottom < end and all(_empty(slot.get((bottom, c))) and slot[(bottom, c)].row == bottom
                                   for c in range(cell.col, cell.col + cell.col_span)):
            gone |= {id(slot[(bottom, c)]) for c in range(cell.col, cell.col + cell.col_span)}
            bottom += 1
        cell.row_span = bottom - cell.row
    grid.cells = [c for c in grid.cells if id(c) not in gone]


def _empty(cell) -> bool:
    return cell is not None and not cell.text.strip() and cell.row_span == 1 and cell.col_span == 1
