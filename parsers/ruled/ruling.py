"""Ruled tables from line segments and positioned words, whatever drew them.

The chain is pdfplumber's (edges -> merged edges -> intersections -> cells -> tables), reused
here for edges that come from pdfium's path objects (text-layer pages) or from an image's
detected lines (scanned pages). Words are then dropped into the cell holding their centre.
Word's frames around text lines inside cells are told from cell borders (row_lines, _frame),
and rows are then mended: thin slices merged (thin_rows), stacked records split (tall_rows,
stacked_rows).
"""

from bisect import bisect_left, bisect_right
from typing import Iterable, Optional

from pdfplumber import table as plumber_table

from kinerja.parsers.grid.fractions import bars_in, stack_fractions
from kinerja.parsers.grid.headers import is_value
from kinerja.parsers.grid.model import GridCell, TableGrid, quality
from kinerja.parsers.page.geometry import Box, Edge, cluster
from kinerja.parsers.page.words import Word, words_text
from kinerja.parsers.ruled import chain as ruling_cells
from kinerja.parsers.ruled.cut_rows import join_cut_rows
from kinerja.parsers.ruled.open_rows import closing_edges
from kinerja.parsers.ruled.open_fractions import join_open_fractions
from kinerja.parsers.ruled.stacked_rows import split_stacked_rows
from kinerja.parsers.ruled.tall_rows import split_tall_rows
from kinerja.parsers.ruled.thin_rows import merge_thin_rows

SNAP = 3.0  # points: parallel edges closer than this are one line
JOIN = 3.0  # points: collinear edges with a gap smaller than this are one line
MIN_EDGE = 4.0  # points: shorter strokes are glyph parts or dots, not rulings
MIN_SLOT = 6.0  # points: no real column or row is narrower; closer grid lines are one
ACROSS = 0.75  # share of the table's width a row line inside a mesh of text frames must cover



def edges_to_cell_groups(edges: Iterable[Edge], join: float = JOIN) -> list[list[tuple]]:
    """Groups of cell boxes (x0, top, x1, bottom), one group per table. `join` bridges gaps
    along a ruling (wider for scans, whose strokes break up)."""
    h, v = [], []
    for e in edges:
        (h if e.orientation == "h" else v).append(
            [e.x0, e.y0, e.x1, e.y1, e.x1 - e.x0, e.y1 - e.y0])
    if not h and not v:
        return []
    # short pieces are joined first (some writers draw a border as many dashes), then filtered
    h, v = ruling_cells.merge_edges(h, v, SNAP, join)
    h = [e for e in h if max(e[4], e[5]) >= MIN_EDGE]
    v = [e for e in v if max(e[4], e[5]) >= MIN_EDGE]
    h += closing_edges(h, v, SNAP, MIN_SLOT)
    cells = ruling_cells.intersections_to_cells(ruling_cells.intersections(h, v, SNAP))
    return [g for g in plumber_table.cells_to_tables(cells) if len(g) >= 2]


def grid_from_cells(boxes: list[tuple], words: list[Word], page: int, method: str,
                    rules: Iterable[Edge] = ()) -> Optional[TableGrid]:
    """A TableGrid from cell boxes: grid lines from all cell edges (lines closer than a narrow
    column are one: sloppy borders drawn a few points apart), spans from each box's reach,
    text from the words whose centre lies in the box. `rules`: the page's rulings, whose short
    bars inside a cell are fraction bars (grid/fractions.py)."""
    xs = cluster([v for b in boxes for v in (b[0], b[2])], MIN_SLOT)
    ys = row_lines(boxes)
    if len(xs) < 2 or len(ys) < 2:
        return None
    table_box = Box(xs[0], ys[0], xs[-1], ys[-1])
    rules = [e for e in rules if e.orientation == "h" and table_box.contains_point(e.x0, e.y0)
             and table_box.contains_point(e.x1, e.y1)]
    inside = [w for w in words if table_box.contains_point(w.box.cx, w.cy)]
    # rulings by height, to hand each cell only those crossing its band (most cells: none)
    by_y = sorted(range(len(rules)), key=lambda i: rules[i].y0)
    rule_ys = [rules[i].y0 for i in by_y]
    slots: dict[tuple[int, int], list] = {}
    for b in boxes:
        c0, c1 = _index(b[0], xs), _index(b[2], xs)
        r0, r1 = _index(b[1], ys), _index(b[3], ys)
        if c1 <= c0 or r1 <= r0:
            continue
        box = Box(*b)
        if (r0, c0) in slots:  # boxes that collapsed onto one slot are one cell
            prev = slots[(r0, c0)]
            slots[(r0, c0)] = [max(prev[0], r1), max(prev[1], c1), prev[2].union(box)]
        else:
            slots[(r0, c0)] = [r1, c1, box]
    inside.sort(key=lambda w: w.cy)
    centres = [w.cy for w in inside]
    cells = []
    slots = {k: v for k, v in slots.items()
             if not _frame(v[2], Box(xs[k[1]], ys[k[0]], xs[v[1]], ys[v[0]]), inside)}
    for (r0, c0), (r1, c1, box) in sorted(slots.items()):
        band = inside[bisect_left(centres, box.y0):bisect_right(centres, box.y1)]
        mine = [w for w in band if box.x0 <= w.box.cx <= box.x1]
        band = by_y[bisect_right(rule_ys, box.y0):bisect_left(rule_ys, box.y1)]
        bars = bars_in([rules[i] for i in sorted(band)], box) if band else []
        split = _split_at_columns(mine, xs, ys, r0, r1, c0, c1, page) if c1 - c0 >= MIN_SPLIT_SPAN else None
        if split:
            cells += split
            continue
        read = stack_fractions(mine, bars, lambda ws: words_text(ws)[0],
                               lambda b, t: Word(b, t, _mean_confidence(mine))) if bars else mine
        text, conf = words_text(read, box)
        cells.append(GridCell(r0, c0, text, box, row_span=r1 - r0, col_span=c1 - c0,
                              confidence=conf, page=page, words=mine))
    held = {id(w) for c in cells for w in c.words}
    cells += _uncovered(slots, xs, ys, [w for w in inside if id(w) not in held], page)
    if not cells:
        return None
    grid = TableGrid(page, table_box, len(ys) - 1, len(xs) - 1, cells, method,
                     col_edges=xs, pages=[page])

    grid = join_cut_rows(join_open_fractions(split_stacked_rows(split_tall_rows(merge_thin_rows(grid)))))
    confs = [c.confidence for c in cells if c.confidence is not None and c.text]
    grid.confidence = sum(confs) / len(confs) if confs else None
    grid.quality = quality(grid)
    return grid


def row_lines(boxes: list[tuple]) -> list[float]:
    """Row lines from cell edges: edges closer than MIN_SLOT are one line (their mean). A
    chain of such edges reaching much wider than a slot is not one sloppy line but a mesh of
    frames Word draws around each text line inside a cell, closer than a text line: only its
    outermost lines can be cell borders, and are when they run across the table (a frame's
    top or bottom covers a column or two)."""
    values = sorted(v for b in boxes for v in (b[1], b[3]))
    groups: list[list[float]] = []
    for v in values:
        if groups and v - groups[-1][-1] <= MIN_SLOT:
            groups[-1].append(v)
        else:
            groups.append([v])
    x0, x1 = min(b[0] for b in boxes), max(b[2] for b in boxes)
    out = []
    for g in groups:
        lines = cluster(g, SNAP)
        if _thin_rows(lines, boxes, ACROSS * (x1 - x0)):
            out += lines
            continue
        ends = [] if g[-1] - g[0] <= 2 * MIN_SLOT else [lines[0], lines[-1]]
        out += [y for y in ends if _coverage(boxes, y) >= ACROSS * (x1 - x0)] or [sum(g) / len(g)]
    return out


MIN_THIN_ROW = 4.0  # points: a spreadsheet's rows of small print can be this low


def _thin_rows(lines: list[float], boxes: list[tuple], across: float) -> bool:
    """Close lines each running across the table are the borders of low rows (a spreadsheet
    printed small: rows of 5.5 points), not one sloppy line or a mesh of frames around text."""
    return len(lines) > 1 and all(b - a >= MIN_THIN_ROW for a, b in zip(lines, lines[1:])) \
        and all(_coverage(boxes, y) >= across for y in lines)


def _coverage(boxes: list[tuple], y: float) -> float:
    """Width covered by the boxes having their top or bottom edge at y."""
    spans = sorted((b[0], b[2]) for b in boxes if abs(b[1] - y) <= SNAP or abs(b[3] - y) <= SNAP)
    total, reach = 0.0, float("-inf")
    for a, b in spans:
        if b > reach:
            total += b - max(a, reach)
            reach = b
    return total


def _frame(box: Box, slot: Box, words: list[Word]) -> bool:
    """A box covering a small part of the grid slot it reaches, with words of the slot outside
    it, is a frame around one text line inside a cell (row_lines dropped its rulings), not the
    cell: the slot is filled by _uncovered instead, so those words are not lost."""
    def area(b: Box) -> float:
        return max(0.0, b.x1 - b.x0) * max(0.0, b.y1 - b.y0)

    if area(box) >= 0.6 * area(slot):
        return False
    return any(slot.contains_point(w.box.cx, w.cy)
               and not box.contains_point(w.box.cx, w.cy) for w in words)


def _uncovered(slots: dict, xs: list[float], ys: list[float], words: list[Word],
               page: int) -> list[GridCell]:
    """Cells for grid slots no cell box reached (their rulings were frames that row_lines
    dropped) but that hold words, so their text is not lost: one per slot, or one over
    uncovered slots of a row that a line of text runs across (frames' sides made column lines)."""
    covered = {(r, c) for (r0, c0), (r1, c1, _) in slots.items()
               for r in range(r0, r1) for c in range(c0, c1)}
    out = []
    for r in range(len(ys) - 1):
        runs: list[list] = []  # [first col, last col, words]
        for c in range(len(xs) - 1):
            if (r, c) in covered:
                continue
            box = Box(xs[c], ys[r], xs[c + 1], ys[r + 1])
            mine = [w for w in words if box.contains_point(w.box.cx, w.cy)]
            if not mine:
                continue
            between = range(runs[-1][1] + 1, c) if runs else range(0)
            if runs and not any((r, k) in covered for k in between) \
                    and _one_line_across(runs[-1][2], mine):
                runs[-1][1], runs[-1][2] = c, runs[-1][2] + mine
            else:
                runs.append([c, c, mine])
        for c0, c1, mine in runs:
            box = Box(xs[c0], ys[r], xs[c1 + 1], ys[r + 1])
            text, conf = words_text(mine, box)
            out.append(GridCell(r, c0, text, box, col_span=c1 - c0 + 1, confidence=conf,
                                page=page, words=mine))
    return out


def _one_line_across(left: list[Word], right: list[Word]) -> bool:
    """Some word on the left is followed on its line, a word space away, by one on the right."""
    return any(abs(a.box.cy - b.box.cy) < 0.5 * a.box.height
               and 0 <= b.box.x0 - a.box.x1 <= 0.6 * a.box.height for a in left for b in right)


MIN_SPLIT_SPAN = 3  # columns a box must span before its words may be split among them
MIN_SPLIT_FIGURES = 2  # columns of figures that show a row whose inner rulings were not drawn


def _split_at_columns(words: list[Word], xs: list[float], ys: list[float], r0: int, r1: int,
                      c0: int, c1: int, page: int) -> Optional[list[GridCell]]:
    """A row drawn without its inner rulings (alternate rows of some spreadsheets and Word
    tables), one box across the table: its words fall into the table's columns, no word
    crossing a column line and figures in two columns at least ('Penyediaan Jasa | 900.000,00 |
    900.000,00 | 100,00'). A title across the table has words over the lines, or no figures."""
    by_col: dict[int, list[Word]] = {}
    for w in words:
        if any(w.box.x0 < xs[k] - 1 < xs[k] + 1 < w.box.x1 for k in range(c0 + 1, c1)):
            return None  # a word across a column line: the text spans
        by_col.setdefault(min(max(_index_left(w.box.cx, xs), c0), c1 - 1), []).append(w)
    texts = {c: words_text(ws)[0] for c, ws in by_col.items()}
    if len(texts) < 2 or sum(is_value(t) for t in texts.values()) < MIN_SPLIT_FIGURES:
        return None
    return [GridCell(r0, c, texts[c], Box(xs[c], ys[r0], xs[c + 1], ys[r1]), row_span=r1 - r0,
                     confidence=_mean_confidence(ws), page=page, words=ws)
            for c, ws in sorted(by_col.items())]


def _index_left(value: float, positions: list[float]) -> int:
    """The slot (between two positions) holding `value`."""
    return max(0, bisect_right(positions, value) - 1)


def _mean_confidence(words: list[Word]) -> Optional[float]:
    confs = [w.confidence for w in words if w.confidence is not None]
    return sum(confs) / len(confs) if confs else None


def _index(value: float, positions: list[float]) -> int:
    """The nearest of the (strictly increasing) positions; the lower one on a tie."""
    i = bisect_left(positions, value)
    if i == 0:
        return 0
    if i == len(positions) or abs(positions[i - 1] - value) <= abs(positions[i] - value):
        return i - 1
    return i
