"""One column read as two: its header label and its body text printed apart.

A label centred over a column whose figures or codes are left- or right-aligned ('Program'
centred over codes '01', '02' set at the cell's left) can stand clear of them, and the
whitespace between reads as a gutter: the label gets a column with no body text, the codes a
column with no label. Two neighbouring columns where one holds only header text and the
other only body text are one column.
"""

from kinerja.parsers.grid.headers import resolve
from kinerja.parsers.grid.model import GridCell, TableGrid, quality


def join_split_columns(grid: TableGrid) -> TableGrid:
    table = resolve(grid)
    if not table.header or not table.body:
        return grid
    header_rows = {c.row for row in table.header for c in row}
    body_rows = {c.row for row in table.body for c in row}
    col = 0
    while col < grid.n_cols - 1:
        left, right = _texts(grid, col, header_rows, body_rows), _texts(grid, col + 1, header_rows, body_rows)
        if _complement(left, right):
            _merge(grid, col)
        elif col > 0 and _between_sub_labels(grid, col, header_rows, body_rows):
            _merge(grid, col - 1)
        else:
            col += 1
    grid.quality = quality(grid)
    return grid


def _texts(grid: TableGrid, col: int, header_rows: set[int], body_rows: set[int]) -> tuple[bool, bool]:
    """(a label of this column alone in the header's last row, body text) in column `col`:
    a label spanning several columns, or one over another row of labels, is a group's."""
    leaf = max(header_rows)
    head = any(c.text.strip() and c.col == col and c.col_span == 1 and c.row in header_rows
               and c.row + c.row_span - 1 >= leaf for c in grid.cells)
    body = any(c.text.strip() and c.col <= col < c.col + c.col_span and c.row in body_rows
               for c in grid.cells)
    return head, body


def _between_sub_labels(grid: TableGrid, col: int, header_rows: set[int], body_rows: set[int]) -> bool:
    """A column holding only a group label centred in the gutter between the two sub-columns
    it heads ('I' over 'K | Rp'): no body text, and the row under the label labels both
    neighbours but not this column. It is the left one's."""
    if any(c.text.strip() and c.col == col and c.row in body_rows for c in grid.cells):
        return False
    own = [c for c in grid.cells if c.text.strip() and c.col == col and c.col_span == 1
           and c.row in header_rows]
    if not own:
        return False
    row = max(x.row for x in own)
    below = {c.col for c in grid.cells if c.text.strip() and c.col_span == 1
             and c.row == row + 1 and c.row in header_rows}
    # the column on the left holds no label of its own in the label's row: a label beside a
    # group ('Keterangan' between two K | Rp groups) is not one of its sub-labels
    left_free = not any(c.text.strip() and c.row <= row < c.row + c.row_span
                        and c.col <= col - 1 < c.col + c.col_span for c in grid.cells)
    return left_free and col - 1 in below and col + 1 in below and col not in below


def _complement(left: tuple[bool, bool], right: tuple[bool, bool]) -> bool:
    return (left == (True, False) and right == (False, True)) or \
        (left == (False, True) and right == (True, False))


def _merge(grid: TableGrid, col: int) -> None:
    """Column col+1 folded into col: the two cells of a row joined (one of them is empty),
    spans over both shrunk, columns right of them moved left."""
    by_slot: dict[int, GridCell] = {}
    kept: list[GridCell] = []
    for cell in sorted(grid.cells, key=lambda c: (c.row, c.col)):
        last = cell.col + cell.col_span - 1
        if cell.col <= col and last >= col + 1:
            cell.col_span -= 1
        elif cell.col > col:
            cell.col -= 1
        if cell.col == col and cell.col_span == 1:
            other = by_slot.get(cell.row)
            if other is not None:
                _join(other, cell)
                continue
            by_slot[cell.row] = cell
        kept.append(cell)
    grid.cells = _uncovered(kept)
    grid.n_cols -= 1
    if len(grid.col_edges) == grid.n_cols + 2:
        del grid.col_edges[col + 1]


def _join(keep: GridCell, other: GridCell) -> None:
    """Two cells of one row in the merged column: texts joined, left first, boxes joined."""
    if other.text.strip() and not keep.text.strip():
        keep.text, keep.words, keep.row_span = other.text, other.words, other.row_span
        keep.confidence = other.confidence
    elif other.text.strip():
        keep.text, keep.words = f"{keep.text} {other.text}", keep.words + other.words
    if keep.box is not None and other.box is not None:
        keep.box = keep.box.union(other.box)


def _uncovered(cells: list[GridCell]) -> list[GridCell]:
    """A cell now spanning down over text of the other column stops above it; empty cells
    left under a cell spanning down over them go."""
    for cell in cells:
        if cell.text.strip() and cell.row_span > 1:
            under = [c.row for c in cells if c is not cell and c.text.strip()
                     and cell.row < c.row < cell.row + cell.row_span
                     and c.col < cell.col + cell.col_span and cell.col < c.col + c.col_span]
            if under:
                cell.row_span = min(under) - cell.row
    covered = {(r, c): cell for cell in cells if cell.text.strip()
               for r in range(cell.row, cell.row + cell.row_span)
               for c in range(cell.col, cell.col + cell.col_span)}
    return [c for c in cells if c.text.strip() or covered.get((c.row, c.col), c) is c]
