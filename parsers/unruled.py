"""Tables without rulings: columns found as vertical gutters of whitespace, rows as lines.

A region is a run of lines most of which are split into several segments by wide gaps (the
lines of a table), single-segment lines inside it being wrapped cell text. Over the region,
x positions no word covers form gutters; the spans between gutters are the columns. A line
starts a new row when it holds text in the first column or sits after a gap wider than the
region's line spacing; its words go to the column their centre falls in.
"""

from typing import Optional

from .geometry import Box
from .pdf_text import Line
from .ruling import Word, grid_from_cells

MIN_ROWS = 3  # lines with several segments a region needs
MIN_COLS = 3  # two-column layouts (signature blocks, forms) are not data tables
MIN_GUTTER = 5.0  # points of clear space between columns
REGION_GAP = 2.2  # line heights: a larger vertical gap ends a region
SINGLE_RUN = 12  # this many one-segment lines in a row end a region (one long cell wraps)


def regions(lines: list[Line]) -> list[list[Line]]:
    """Runs of lines where at least half the lines (and three or more) are multi-segment."""
    out: list[list[Line]] = []
    run: list[Line] = []
    for line in lines:
        if run and line.box.y0 - run[-1].box.y1 > REGION_GAP * max(line.box.height, 1.0):
            out.append(run)
            run = []
        if len(line.segments) >= 2 or run:
            run.append(line)
        if run and len(run) >= SINGLE_RUN and \
                sum(len(ln.segments) >= 2 for ln in run[-SINGLE_RUN:]) == 0:
            out.append(run[:-SINGLE_RUN])
            run = []
    out.append(run)
    kept = []
    for r in out:
        while r and len(r[-1].segments) < 2:
            r = r[:-1]  # trailing prose is not part of the table
        multi = sum(len(ln.segments) >= 2 for ln in r)
        if multi >= MIN_ROWS and multi >= 0.5 * len(r):
            kept.append(r)
    return kept


def gutters(region: list[Line]) -> list[float]:
    """Column boundaries: x0 of the region, the middle of each clear vertical strip, x1."""
    spans = sorted((s.box.x0, s.box.x1) for ln in region for s in ln.segments)
    left, right = spans[0][0], max(x1 for _, x1 in spans)
    edges = [left]
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= MIN_GUTTER:
            edges.append((reach + x0) / 2)
        reach = max(reach, x1)
    edges.append(right)
    return edges


def _column(x: float, edges: list[float]) -> int:
    for i in range(len(edges) - 1):
        if x < edges[i + 1]:
            return i
    return len(edges) - 2


def region_grid(region: list[Line], number: int) -> Optional[object]:
    edges = gutters(region)
    n_cols = len(edges) - 1
    if n_cols < MIN_COLS:
        return None
    heights = sorted(ln.box.height for ln in region)
    height = heights[len(heights) // 2]
    gaps = sorted(b.box.y0 - a.box.y1 for a, b in zip(region, region[1:]))
    usual = gaps[len(gaps) // 2] if gaps else 0.0
    rows = _rows(region, edges, usual + 0.5 * height)
    if len(rows) < MIN_ROWS - 1:
        return None
    boxes, words = [], []
    for i, row in enumerate(rows):
        top = row[0].box.y0 - 1
        bottom = rows[i + 1][0].box.y0 - 1 if i + 1 < len(rows) else row[-1].box.y1 + 1
        for c in range(n_cols):
            boxes.append((edges[c], top, edges[c + 1], bottom))
        words += [Word(s.box, s.text) for ln in row for s in ln.segments]
    grid = grid_from_cells(boxes, words, number, "whitespace-columns")
    return grid if grid is not None and grid.n_cols >= MIN_COLS else None


def _rows(region: list[Line], edges: list[float], row_gap: float) -> list[list[Line]]:
    """Rows by vertical gaps when the gaps tell rows apart (cells padded, text wrapped inside);
    else a row per line holding text in the first column, wrapped lines joining the row above."""
    by_gap: list[list[Line]] = []
    for line in region:
        if by_gap and line.box.y0 - by_gap[-1][-1].box.y1 <= row_gap:
            by_gap[-1].append(line)
        else:
            by_gap.append([line])
    if len(by_gap) >= MIN_ROWS:
        return by_gap
    by_first: list[list[Line]] = []
    for line in region:
        if not by_first or any(_column(s.box.cx, edges) == 0 for s in line.segments):
            by_first.append([line])
        else:
            by_first[-1].append(line)
    return by_first


def unruled_grids(lines: list[Line], number: int) -> list:
    grids = []
    for region in regions(lines):
        grid = region_grid(region, number)
        if grid is not None and grid.quality > 0:
            grids.append(grid)
    return grids


def region_box(region: list[Line]) -> Box:
    box = region[0].box
    for ln in region[1:]:
        box = box.union(ln.box)
    return box
