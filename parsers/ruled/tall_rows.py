"""Ruled tables whose records are not separated by rulings: one tall row per page or per group.

Word tables are often drawn with their column rulings only, or with a horizontal line here and
there that does not cross the table: the grid then holds a whole page of records in one row,
every cell a stack of codes, names or amounts. The records are still apart on the page: inside a
cell lines follow at the line spacing, between records there is the cell padding. So within a
band of rows that no full-width ruling divides, the words' vertical extents (over all columns)
fall into runs separated by gaps wider than the tightest line spacing; each run is a record. A
name wrapped over two lines, a code centred beside it, an amount printed on the line below it
all overlap one run, so they stay one record; two codes in one run (records set without
padding) cut it between them. A run holding no value or code continues the record above, a
group label ('1.' and a name, no amounts) opens the record below. The band is re-rowed only
when the ruled cells really stack records: at least two columns hold one cell whose words
fall into several runs (a cell of several paragraphs beside one-line cells is a cell, not
stacked records), and most records fill two columns or more.
"""

import re

from kinerja.parsers.grid.headers import is_value
from kinerja.parsers.grid.model import GridCell, TableGrid, quality
from kinerja.parsers.page.geometry import Box
from kinerja.parsers.page.words import Word, word_lines, words_text

CODE = re.compile(r"^\d{1,3}(\.\d{1,3})*\.?$")  # a budget or item code: '29', '29.01', '4.1.2.'

ROW_GAP = 0.35  # line heights above the tightest line spacing that separate two records
MIN_STACKING_COLS = 2  # columns with a cell holding several records, for a band to be re-rowed
MIN_FILLED = 2  # records of a re-rowed band fill at least this many columns (most of them)


def split_tall_rows(grid: TableGrid) -> TableGrid:
    """The grid with each band of stacked records re-rowed one record a row; columns kept."""
    plans: dict[int, tuple[int, list[tuple[float, float]]]] = {}
    for r0, r1 in _bands(grid):
        cells = [c for c in grid.cells if r0 <= c.row < r1]
        if not _may_stack(cells):
            continue
        words = [w for c in cells for w in c.words]
        records = _anchored(cells, _split_at_codes(cells, _records(words), words))
        if len(records) >= 2 and _stacked(cells, records):
            plans[r0] = (r1, records)
    if not plans:
        return grid
    out: list[GridCell] = []
    by_row: dict[int, list[GridCell]] = {}
    for c in grid.cells:
        by_row.setdefault(c.row, []).append(c)
    shift, r = 0, 0
    while r < grid.n_rows:
        if r in plans:
            r1, records = plans[r]
            cells = [c for k in range(r, r1) for c in by_row.get(k, [])]
            out += _rerowed(grid, cells, records, r + shift)
            shift += len(records) - (r1 - r)
            r = r1
            continue
        for c in by_row.get(r, []):
            c.row += shift
            out.append(c)
        r += 1
    grid.n_rows += shift
    grid.cells = sorted(out, key=lambda c: (c.row, c.col))
    grid.quality = quality(grid)
    return grid


def _may_stack(cells: list[GridCell]) -> bool:
    """Cheap test first: records can only stack where two columns hold cells of several lines."""
    return len({c.col for c in cells if len(word_lines(c.words)) >= 2}) >= MIN_STACKING_COLS


def _bands(grid: TableGrid) -> list[tuple[int, int]]:
    """Row ranges between full-width grid lines (lines no cell spans across)."""
    crossed = {k for c in grid.cells for k in range(c.row + 1, c.row + c.row_span)}
    bounds = [0] + [k for k in range(1, grid.n_rows) if k not in crossed] + [grid.n_rows]
    return list(zip(bounds, bounds[1:]))


def _records(words: list[Word]) -> list[tuple[float, float]]:
    """Vertical runs of the words, split at gaps wider than the line spacing plus padding."""
    if len(words) < 2:
        return []
    height = sorted(w.box.height for w in words)[len(words) // 2]
    gap = _line_spacing(words) + ROW_GAP * height
    runs: list[list[float]] = []
    for w in sorted(words, key=lambda w: w.box.y0):
        if runs and w.box.y0 - runs[-1][1] <= gap:
            runs[-1][1] = max(runs[-1][1], w.box.y1)
        else:
            runs.append([w.box.y0, w.box.y1])
    return [(a, b) for a, b in runs]


def _split_at_codes(cells: list[GridCell], runs: list[tuple[float, float]],
                    words: list[Word]) -> list[tuple[float, float]]:
    """Runs holding two or more codes in one column ('62.03' over '62.04': records set with no
    more space between them than between lines) cut before each later code, at the last gap
    between lines above it (a code set beside the middle of its name is not parted from the
    name's first line, which has no gap above the code)."""
    out: list[tuple[float, float]] = []
    for a, b in runs:
        tops = _code_tops(cells, a, b)
        cuts = [_last_gap(words, lo, hi) for lo, hi in zip(tops, tops[1:])]
        edges = [a] + [y for cut in cuts if cut for y in cut] + [b]
        out += [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]
    return out


def _code_tops(cells: list[GridCell], a: float, b: float) -> list[float]:
    """Tops of the code lines of the run [a, b] in the column holding the most of them."""
    best: list[float] = []
    for c in cells:
        lines = word_lines([w for w in c.words if a <= w.box.cy <= b])
        tops = [min(w.box.y0 for w in ln) for ln in lines if CODE.match(_text(ln))]
        if len(tops) > len(best):
            best = tops
    return best if len(best) >= 2 else []


def _last_gap(words: list[Word], lo: float, hi: float) -> tuple[float, float] | None:
    """The last vertical stretch between lo and hi that no word covers."""
    spans = sorted((w.box.y0, w.box.y1) for w in words if w.box.y1 > lo and w.box.y0 < hi)
    last, reach = None, lo
    for y0, y1 in spans:
        if y0 > reach and reach > lo:
            last = (reach, min(y0, hi))
        reach = max(reach, y1)
    return (reach, hi) if lo < reach < hi else last


def _anchored(cells: list[GridCell], runs: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Runs joined into records by what they hold: a run without a value or a code in any
    column (the second paragraph of a long name, set apart by a wider line spacing) continues
    the record above; a run whose only number is the first column's ('1.' beside a group
    label, no amounts) is a group label that opens the record below, as in stacked_rows, unless
    that record names itself where the label is named ('Dekonsentrasi' over '1. Program X  4.499.237'
    in the same column): the label is then a row of its own, a section of the records under it."""
    if not runs:
        return runs
    texts: list[dict[int, list[Word]]] = [{} for _ in runs]
    for c in cells:
        for w in c.words:
            texts[_record_of(w.box.cy, runs)].setdefault(c.col, []).append(w)
    kinds = []
    for cols in texts:
        valued = {col for col, words in cols.items() if _value_line(words)}
        kinds.append("value" if valued - {0} else "label" if valued else "text")
    out: list[list[float]] = []
    opened = False  # the last record is a group label waiting for its first item
    named: set[int] = set()  # the columns where that group label names itself
    for run, kind, cols in zip(runs, kinds, texts):
        if out and (kind == "text" or (opened and not named & set(cols))):
            out[-1][1] = run[1]
            opened = opened and kind != "value"
        else:  # a band's first run without values (a name's first lines) opens one too
            out.append(list(run))
            opened = kind != "value"
            named = {c for c, words in cols.items() if not _code_line(words)} if kind == "label" else set()
    return [(a, b) for a, b in out]


def _code_line(words: list[Word]) -> bool:
    return all(CODE.match(_text(ln)) for ln in word_lines(words))


def _value_line(words: list[Word]) -> bool:
    """Some line of the words reads as a value or a code as a whole."""
    return any(is_value(_text(ln)) or CODE.match(_text(ln)) for ln in word_lines(words))


def _text(line: list[Word]) -> str:
    return " ".join(w.text for w in sorted(line, key=lambda w: w.box.x0))


def _line_spacing(words: list[Word]) -> float:
    """The tightest gap between two lines of text set one under the other (x-overlapping)."""
    lines: list[Box] = []
    for w in sorted(words, key=lambda w: (w.box.cy, w.box.x0)):
        for i, ln in enumerate(lines):
            if ln.y_overlap(w.box) >= 0.5 and abs(ln.cy - w.box.cy) < 0.5 * w.box.height:
                lines[i] = ln.union(w.box)
                break
        else:
            lines.append(w.box)
    gaps = []
    for a in lines:
        below = [b.y0 - a.y1 for b in lines if b.y0 > a.y1 - 1 and b.x0 < a.x1 and a.x0 < b.x1]
        if below:
            gaps.append(min(below))
    return max(min(gaps, default=0.0), 0.0)


def _record_of(y: float, records: list[tuple[float, float]]) -> int:
    """The record whose run holds y, or the nearest."""
    for i, (a, b) in enumerate(records):
        if y <= b:
            return i if y >= a or i == 0 or a - y < y - records[i - 1][1] else i - 1
    return len(records) - 1


def _stacked(cells: list[GridCell], records: list[tuple[float, float]]) -> bool:
    stacking = {c.col for c in cells
                if len({_record_of(w.box.cy, records) for w in c.words}) >= 2}
    if len(stacking) < MIN_STACKING_COLS:
        return False
    filled = [set() for _ in records]
    for c in cells:
        for w in c.words:
            filled[_record_of(w.box.cy, records)].add(c.col)
    return sum(1 for f in filled if len(f) >= MIN_FILLED) * 2 > len(records)


def _rerowed(grid: TableGrid, cells: list[GridCell], records: list[tuple[float, float]],
             start: int) -> list[GridCell]:
    """One row per record: each cell's words go to the record their centre falls in, the
    words of one column (and record) joined in one cell spanning the columns its cells did. A
    label written once for the whole band (its cell's words all in one record, nothing else in
    its columns) spans all the records, as in stacked_rows."""
    boxes = [c.box for c in cells if c.box is not None]
    top = min([b.y0 for b in boxes] + [records[0][0]])
    bottom = max([b.y1 for b in boxes] + [records[-1][1]])
    cuts = [top] + [(a[1] + b[0]) / 2 for a, b in zip(records, records[1:])] + [bottom]
    page = cells[0].page if cells else grid.page
    edges, out = grid.col_edges, []
    labels = _band_labels(cells, records)
    for c in labels:
        out.append(GridCell(start, c.col, c.text, Box(edges[c.col], top, edges[c.col + c.col_span],
                                                      bottom), row_span=len(records),
                            col_span=c.col_span, confidence=c.confidence, page=page,
                            words=c.words))
    spanned = {k for c in labels for k in range(c.col, c.col + c.col_span)}
    slots: dict[tuple[int, int], list] = {}  # (record, col) -> [col_span, words]
    for c in cells:
        if c in labels:
            continue
        for w in c.words:
            slot = slots.setdefault((_record_of(w.box.cy, records), c.col), [c.col_span, []])
            slot[0] = max(slot[0], c.col_span)
            slot[1].append(w)
    for i in range(len(records)):
        owner: dict[int, tuple[int, list[Word]]] = {k: (-1, []) for k in spanned}
        for (rec, col), (span, words) in sorted(slots.items()):
            if rec != i:
                continue
            if col in owner:  # under a cell spanning from the left: its words join that cell
                owner[col][1].extend(words)
                continue
            span = min(span, grid.n_cols - col)
            for k in range(col, col + span):
                owner.setdefault(k, (col, words))
        for first in sorted({f for f, _ in owner.values() if f >= 0}):
            words = next(ws for f, ws in owner.values() if f == first)
            last = max(k for k, (f, _) in owner.items() if f == first)
            box = Box(edges[first], cuts[i], edges[last + 1], cuts[i + 1])
            text, conf = words_text(words, box)
            out.append(GridCell(start + i, first, text, box, col_span=last - first + 1,
                                confidence=conf, page=page, words=words))
        out += [GridCell(start + i, col, "", Box(edges[col], cuts[i], edges[col + 1], cuts[i + 1]),
                         page=page) for col in range(grid.n_cols) if col not in owner]
    return out


def _band_labels(cells: list[GridCell], records: list[tuple[float, float]]) -> list[GridCell]:
    """Cells reaching over the whole band whose words all fall in one record, alone in their
    columns."""
    first, last = min(c.row for c in cells), max(c.row + c.row_span for c in cells)
    out = []
    for c in cells:
        if not c.words or c.row != first or c.row + c.row_span != last:
            continue
        if len({_record_of(w.box.cy, records) for w in c.words}) != 1:
            continue
        cols = range(c.col, c.col + c.col_span)
        if not any(o is not c and o.words and o.col in cols for o in cells):
            out.append(c)
    return out
