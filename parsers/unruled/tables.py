"""Tables without rulings (a Word table printed without borders): columns found as vertical
gutters of whitespace, rows from where the text of each column starts.

Steps: the page's lines into one region per table (regions.py); with the page's
words, each region's lines split again at gaps too narrow to split a printed line but wide
enough to part two cells (words.py); the gutters (columns.py); each column's text in blocks
(blocks.py), rows and cells with their spans (rows.py), a header of centred labels in one
row per level (header_rows.py); a label and its column's text read as two columns joined
(split_columns.py); header labels widened over their sub-columns and header lines set apart
joined back (headers.py); merged cells read from the empty slots under them (spans.py). A
continuation on the next page is fitted to the table's columns by grid/refit.py, called from
grid/joins.py. A frame drawn around such a
table (read by the ruling finder as one or two big cells) is replaced by the table inside
it (boxed.py, called from pdf/reader.py).
"""

from typing import Optional

from kinerja.parsers.grid.headers import is_value, resolve
from kinerja.parsers.grid.model import TableGrid
from kinerja.parsers.page.geometry import Box
from kinerja.parsers.page.lines import Line, Segment
from kinerja.parsers.unruled.blocks import placed_segments
from kinerja.parsers.unruled.columns import column_edges, gutters, over_gutters, under_group_labels
from kinerja.parsers.unruled.fractions import stack_region
from kinerja.parsers.unruled.headers import join_unit_notes, widen_group_labels, widen_over_empty
from kinerja.parsers.unruled.regions import MIN_COLS, height_of, regions
from kinerja.parsers.unruled.rows import cells, rows
from kinerja.parsers.unruled.spans import span_groups
from kinerja.parsers.unruled.split_columns import join_split_columns
from kinerja.parsers.unruled.words import split_lines


def region_grid(region: list[Line], number: int) -> Optional[TableGrid]:
    height = height_of(region)
    cuts = gutters(region, height)
    if len(cuts) + 1 < MIN_COLS:
        return None
    cuts = under_group_labels(region, cuts, height)
    edges = column_edges(region, cuts)
    n_cols = len(edges) - 1
    placed = over_gutters(placed_segments(region, edges), cuts)
    found, tops = rows(region, placed, n_cols, height)
    grid_cells = cells(found, tops, edges, height, number)
    box = region_box(region)
    grid = TableGrid(number, box, len(tops), n_cols, grid_cells, "whitespace-columns",
                     col_edges=edges, pages=[number])
    grid = span_groups(widen_over_empty(widen_group_labels(join_unit_notes(join_split_columns(grid)))))
    if grid.n_rows == 1:
        grid.quality = fragment_quality(grid)
    return grid


def fragment_quality(grid: TableGrid) -> float:
    """A one-row grid (a page holding a single tall row of a long table) scored as a row of
    a larger table: the share of its columns holding text."""
    filled = {c for cell in grid.cells if cell.text.strip()
              for c in range(cell.col, cell.col + cell.col_span)}
    return round(len(filled) / grid.n_cols, 4)


def unruled_grids(lines: list[Line], number: int, words: Optional[list[Segment]] = None,
                  rules: Optional[list] = None) -> list[TableGrid]:
    """Tables without rulings on a page, from its lines; with the page's words, each table's
    lines are split at narrower gaps too (words.py); with the page's rulings
    (page.geometry.Edge: a few short bars), stacked fractions are read (fractions.py).
    Aligned text holding no data stays text: every row a label, or rows mostly of one cell
    and not a value anywhere (a signature block, names under titles)."""
    grids = []
    for region in regions(lines):
        grid = region_grid(region, number)
        if grid is not None and (words or rules):
            # the finer reading only refines a table the printed lines already show
            grid = region_grid(_refined(region, words, rules), number) or grid
        if grid is not None and grid.quality > 0 and resolve(grid).body and \
                (_rows_across(grid) or any(is_value(c.text) for c in grid.cells)):
            grids.append(grid)
    return grids


def _refined(region: list[Line], words, rules) -> list[Line]:
    if words:
        region = split_lines(region, words)
    if rules:
        region = stack_region(region, rules)
    return region


def _rows_across(grid: TableGrid) -> bool:
    """Most rows hold text in two cells or more."""
    across = sum(1 for row in grid.rows() if sum(1 for c in row if c.text.strip()) >= 2)
    return across >= 0.5 * grid.n_rows


def region_box(region: list[Line]) -> Box:
    box = region[0].box
    for ln in region[1:]:
        box = box.union(ln.box)
    return box
