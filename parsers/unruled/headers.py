"""Header cells of a table printed without rulings: merged labels widened over the columns
they head, and header lines set apart inside a cell joined back to it.

Without rulings a merged header cell ('Jadwal Pelaksanaan' over Jan..Dec, 'Realisasi' over
TW I..IV) shows only as its text, which covers one or a few of the sub-columns: left-aligned
it sits over the first ones, centred over the middle ones. In a header row, an empty slot
above a labelled sub-column belongs to a group label beside it (one with sub-column labels
under it); a run of such slots between two group labels is shared so that each label sits
where a writer puts it (left-aligned or centred over its span), a run beside one group label
goes to it. An empty slot in the header's last row above a column of body text belongs to
the label beside it that sits better over the widened span (on its left unless the right one
is centred over both, or heads no body text of its own). A header row whose texts each sit under a label of their own column
('(Rp)', or '% ' over 'Realisasi' closing the header) finishes those labels.
"""

import re
from typing import Optional

from kinerja.parsers.grid.headers import is_value, resolve
from kinerja.parsers.grid.model import GridCell, TableGrid, quality
from kinerja.parsers.page.geometry import Box
from kinerja.parsers.text.numbering import is_numbering_row

MAX_GROUP_ROWS = 3  # header rows that may hold group labels


def _label_row(texts: list[str]) -> bool:
    filled = [t for t in texts if t.strip()]
    return bool(filled) and not any(is_value(t) for t in filled) and not is_numbering_row(texts)


def widen_group_labels(grid: TableGrid) -> TableGrid:
    """Deepest group row first: a label widened over its sub-columns ('I' over 'K | Rp')
    labels them all for the group above it ('Triwulan' over 'I | II | III | IV')."""
    rows = []
    for row in range(min(MAX_GROUP_ROWS, grid.n_rows - 1)):
        if not (_label_row(grid.row_texts(row)) and _label_row(grid.row_texts(row + 1))):
            break
        rows.append(row)
    for row in reversed(rows):
        _widen_row(grid, row, _covering_texts(grid, row + 1), _reach(grid, row + 1))
    grid.quality = quality(grid)
    return grid


def _covering_texts(grid: TableGrid, row: int) -> list[str]:
    """The text over each column in a row, a label spanning columns counted in each."""
    texts = [""] * grid.n_cols
    for cell in grid.cells:
        if cell.row == row:
            for c in range(cell.col, cell.col + cell.col_span):
                texts[c] = cell.text
    return texts


def _reach(grid: TableGrid, top: int) -> list[int]:
    """The lowest row, from `top` down the header's label rows, where text stands over each
    column (-1 for none)."""
    last = top
    while last + 1 < grid.n_rows and _label_row(grid.row_texts(last + 1)):
        last += 1
    out = [-1] * grid.n_cols
    for cell in grid.cells:
        if top <= cell.row <= last and cell.text.strip():
            for c in range(cell.col, cell.col + cell.col_span):
                out[c] = max(out[c], min(cell.row + cell.row_span - 1, last))
    return out


def _widen_row(grid: TableGrid, row: int, below: list[str], reach: list[int]) -> None:
    slots: dict[int, GridCell] = {}
    for cell in grid.cells:
        if cell.row <= row < cell.row + cell.row_span:
            for c in range(cell.col, cell.col + cell.col_span):
                slots[c] = cell

    parents = {c: cell for cell in grid.cells if cell.text.strip()
               and cell.row + cell.row_span == row
               for c in range(cell.col, cell.col + cell.col_span)}

    def empty_over_label(c: int) -> bool:
        cell = slots.get(c)
        return cell is not None and cell.row == row and not cell.text.strip() and \
            cell.col_span == 1 and bool(below[c].strip())

    def group(cell) -> bool:
        return cell is not None and cell.row == row and cell.row_span == 1 and \
            bool(cell.text.strip()) and \
            any(below[c].strip() for c in range(cell.col, cell.col + cell.col_span))

    lone = sum(1 for cell in grid.cells if cell.row == row and cell.text.strip()) == 1
    c = 0
    while c < grid.n_cols:
        if not empty_over_label(c):
            c += 1
            continue
        end = c
        while end + 1 < grid.n_cols and empty_over_label(end + 1):
            end += 1
        left, right = slots.get(c - 1) if c > 0 else None, slots.get(end + 1)
        k = end - c + 1
        if group(left) and group(right):
            to_left = _best_share(grid, left, right, k)
        else:
            to_left = k if group(left) else 0
        to_right = k - to_left if group(right) else 0
        if lone:  # one label over the header: over its sub-columns only, not the tall labels beside
            to_left = _reaching(reach, range(c, c + to_left))
            to_right = _reaching(reach, range(end, end - to_right, -1))
        to_left = _under_same(parents, left, range(c, c + to_left))
        to_right = _under_same(parents, right, range(end, end - to_right, -1))
        if to_left:
            _absorb(grid, left, range(c, c + to_left))
        if to_right:
            _absorb(grid, right, range(end + 1 - to_right, end + 1))
        c = end + 1


def _reaching(reach: list[int], cols: range) -> int:
    """How many of `cols`, from the first, hold text down to the header's lowest label row: the
    sub-columns of a group ('TAHUN 2025', 'I' .. 'IV' under 'TARGET'); a label centred in a cell
    as tall as the header ('SATUAN', 'PENANGGUNG JAWAB') stands higher and heads no group."""
    deepest = max(reach)
    n = 0
    for c in cols:
        if reach[c] != deepest:
            break
        n += 1
    return n


def _under_same(parents: dict[int, GridCell], label: Optional[GridCell], cols: range) -> int:
    """How many of `cols`, from the first, lie under the label's own parent (the label over it
    in the row above) or under none: a label never widens under another group's label."""
    if label is None:
        return 0
    mine = parents.get(label.col)
    n = 0
    for c in cols:
        if parents.get(c) is not None and parents.get(c) is not mine:
            break
        n += 1
    return n


def _best_share(grid: TableGrid, left: GridCell, right: GridCell, k: int) -> int:
    """How many of the k empty slots between two group labels go to the left one: the share
    that sets each label where a writer puts it, left-aligned or centred over its span."""
    if len(grid.col_edges) != grid.n_cols + 1 or not left.words or not right.words:
        return (k + 1) // 2
    lefts = _column_lefts(grid)
    first_right = right.col + right.col_span - 1  # right label's last column stays
    costs = []
    for share in range(k + 1):
        l_span = (left.col, left.col + left.col_span - 1 + share)
        r_span = (right.col - (k - share), first_right)
        costs.append((_misplaced(grid, lefts, left, l_span)
                      + _misplaced(grid, lefts, right, r_span), -share))
    return -min(costs)[1]


def _misplaced(grid: TableGrid, lefts: dict[int, float], label: GridCell,
               span: tuple[int, int]) -> float:
    """Points between a label and where it would sit in `span`: centred, or at the left text
    edge of the span's first column."""
    x0 = min(w.box.x0 for w in label.words)
    x1 = max(w.box.x1 for w in label.words)
    centre = (grid.col_edges[span[0]] + grid.col_edges[span[1] + 1]) / 2
    off = abs(centre - (x0 + x1) / 2)
    if span[0] in lefts:
        off = min(off, abs(lefts[span[0]] - x0))
    return off


def _column_lefts(grid: TableGrid) -> dict[int, float]:
    """Left edge of the text in each column (cells of one column only)."""
    out: dict[int, float] = {}
    for cell in grid.cells:
        if cell.col_span == 1 and cell.words:
            x0 = min(w.box.x0 for w in cell.words)
            out[cell.col] = min(out.get(cell.col, x0), x0)
    return out


def _absorb(grid: TableGrid, label: GridCell, cols: range) -> None:
    """The label widened over `cols`; the empty cells it now covers go."""
    rows = range(label.row, label.row + label.row_span)
    gone = {(r, c) for r in rows for c in cols}
    grid.cells = [x for x in grid.cells
                  if (x.row, x.col) not in gone or x is label or x.text.strip()]
    first = min(label.col, cols.start)
    last = max(label.col + label.col_span - 1, cols.stop - 1)
    label.col, label.col_span = first, last - first + 1
    if label.box is not None and len(grid.col_edges) == grid.n_cols + 1:
        label.box = Box(grid.col_edges[first], label.box.y0, grid.col_edges[last + 1],
                        label.box.y1)


SHORT_NOTE = 20  # characters: a word or two closing a header label
# '(Rp)', '(%)', '(Rp.)' under a header label; not a column number '(3)'
UNIT_NOTE = re.compile(r"^\((?!\s*\d+\s*\))[^()]{1,15}\)$")


def join_unit_notes(grid: TableGrid) -> TableGrid:
    """A header row whose every text sits under a label of its own column finishes those
    labels (a line set apart inside the header cell), not a row: parenthesised notes
    ('(Rp)'), or a few short words closing the header (the next row numbers the columns or
    holds values)."""
    for row in range(min(MAX_GROUP_ROWS, grid.n_rows - 1)):
        above = {c.col: c for c in grid.cells if c.row == row and c.text.strip()}
        notes = [c for c in grid.cells if c.row == row + 1 and c.text.strip()]
        if not above or not _label_row(grid.row_texts(row)):
            break
        under = notes and all(c.col in above and above[c.col].col_span == c.col_span
                              and above[c.col].row_span == 1 and c.row_span == 1
                              for c in notes)
        if under and (all(UNIT_NOTE.match(c.text.strip()) for c in notes)
                      or _closing(grid, row + 1, notes, len(above))):
            for note in notes:
                label = above[note.col]
                label.words = label.words + note.words
                label.text = f"{label.text} {note.text}"
                if label.box and note.box:
                    label.box = label.box.union(note.box)
            _drop_row(grid, row + 1)
            break
    grid.quality = quality(grid)
    return grid


def _closing(grid: TableGrid, row: int, notes: list[GridCell], labels: int) -> bool:
    """Short words in fewer columns than the labels above, the header's last row."""
    if len(notes) >= labels or any(len(c.text.strip()) > SHORT_NOTE for c in notes):
        return False
    if not _label_row(grid.row_texts(row)) or row + 1 >= grid.n_rows:
        return False
    after = grid.row_texts(row + 1)
    return is_numbering_row(after) or any(is_value(t) for t in after)


def _drop_row(grid: TableGrid, row: int) -> None:
    """Remove a row whose text has been moved up: cells starting in it go, cells reaching
    over it shrink, rows below move up."""
    kept = []
    for cell in grid.cells:
        if cell.row == row:
            continue
        if cell.row < row < cell.row + cell.row_span:
            cell.row_span -= 1
        elif cell.row > row:
            cell.row -= 1
        kept.append(cell)
    grid.cells = kept
    grid.n_rows -= 1


def widen_over_empty(grid: TableGrid) -> TableGrid:
    """A header slot left empty above a column holding body text belongs to the label on
    its left ('Program/Kegiatan' set left-aligned over the code and name columns)."""
    table = resolve(grid)
    if not table.header:
        return grid
    first_row, last = table.header[0][0].row, table.header[-1][0].row
    labelled = {c for cell in grid.cells if first_row <= cell.row <= last and cell.text.strip()
                for c in range(cell.col, cell.col + cell.col_span)}
    body_cols = {c for row in table.body for cell in row if cell.text.strip()
                 for c in range(cell.col, cell.col + cell.col_span)}
    covering: dict[int, GridCell] = {}
    for cell in grid.cells:
        if cell.row <= last < cell.row + cell.row_span:
            for c in range(cell.col, cell.col + cell.col_span):
                covering[c] = cell
    for col in range(1, grid.n_cols):
        cell, left = covering.get(col), covering.get(col - 1)
        if cell is None or left is None or cell.text.strip() or cell.row != last \
                or cell.col_span != 1 or cell.row_span != 1 or col not in body_cols \
                or col in labelled:
            continue
        if not (left.text.strip() and left.row + left.row_span == last + 1):
            continue
        right = covering.get(col + 1)
        if right is not None and right.text.strip() and right.row + right.row_span == last + 1 \
                and (_fits_better(grid, right, left, col) or _heads_nothing(right, body_cols)):
            _absorb(grid, right, range(col, col + 1))  # a label centred over 'Rp.' and amount
            covering[col] = right
        else:
            _absorb(grid, left, range(col, col + 1))
            covering[col] = left
    grid.quality = quality(grid)
    return grid


def _heads_nothing(label: GridCell, body_cols: set[int]) -> bool:
    """No body text stands under the label's own columns: its values sit left of it (short
    words left-aligned in a wide column under a centred 'Keterangan')."""
    return not any(c in body_cols for c in range(label.col, label.col + label.col_span))


def _fits_better(grid: TableGrid, right: GridCell, left: GridCell, col: int) -> bool:
    """The right label sits better over its columns with `col` added than the left one
    with `col` added."""
    if len(grid.col_edges) != grid.n_cols + 1 or not right.words or not left.words:
        return False
    lefts = _column_lefts(grid)
    to_right = _misplaced(grid, lefts, right, (col, right.col + right.col_span - 1))
    to_left = _misplaced(grid, lefts, left, (left.col, col))
    return to_right < to_left
