"""Body rows of a space-aligned table: which lines make one row.

A row sits on its anchor: a line holding a figure in a value column, or a number in a column of
row numbers (anchor lines a line or two apart with figures in different columns are one row).
Blank lines always end a row. Between anchors, each column's lines go to rows by a small
dynamic programme that keeps every cell a run of lines, as near its anchor as its alignment
says: its middle for cells centred on the row, its first line for top-aligned cells, whichever
fits the column better; a cell never reaches over another row's anchor line. Under a numbered
row, sub-rows without a number (figures only at their right) leave the text cells on their left
whole: those are merged over them. Between two labelled text columns, each block finds its own
gutter (columns.aligned_gutters): justified Word cells shift from row to row.
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Optional

from kinerja.parsers.textdump.layout.columns import aligned_gutters, column_of, line_cells
from kinerja.parsers.textdump.layout.lines import LayoutLine, Word, is_currency, numeric_cell

_ROW_NUMBER = re.compile(r"^\(?(\d{1,3}|[a-zA-Z])[.)]?$")
_ITEM_MARK = re.compile(r"^(\(?[a-zA-Z\d]{1,2}[.)]|[•\-–])\s")  # 'a. ', '1) ', '• ': a new item


def value_columns(lines: list[LayoutLine], columns: list[tuple[int, int]]) -> set[int]:
    """Columns (not the first) where most filled cells hold a figure."""
    filled = [0] * len(columns)
    numeric = [0] * len(columns)
    for ln in lines:
        for c, cell in enumerate(line_cells(ln, columns)):
            if cell:
                filled[c] += 1
                numeric[c] += numeric_cell(cell)
    return {c for c in range(1, len(columns)) if filled[c] and numeric[c] >= 0.5 * filled[c]}


def _numbering_column(lines: list[LayoutLine], columns) -> bool:
    """The first column holds row numbers only ('1', '2.', 'a')."""
    cells = [" ".join(w.text for w in line_cells(ln, columns)[0]) for ln in lines if ln.words]
    cells = [c for c in cells if c]
    return bool(cells) and all(_ROW_NUMBER.match(c) for c in cells)


@dataclass
class _Anchor:
    """Where a row sits: its anchor lines, and its middle (that of its figures when it has
    any: a row number printed a line off its figures is the less exact of the two)."""

    lines: list[int]
    figures: list[int]
    cols: frozenset = frozenset()  # columns of its figures, 0 for a row number

    @property
    def centre(self) -> float:
        ref = self.figures or self.lines
        return sum(ref) / len(ref)


def anchors(block: list[LayoutLine], columns, values: set[int], numbered: bool,
            centres: Optional[list] = None, units: frozenset[str] = frozenset()) -> list[_Anchor]:
    """Rows of a block: lines holding a figure in a value column or a number in the numbering
    column. Anchor lines a line or two apart whose figures are in different columns are one
    row (a cell printed a little higher than its neighbours)."""
    found: list[tuple[_Anchor, set[int]]] = []
    values = frozenset(values)
    for ln in block:
        cells = line_cells(ln, columns, values, centres)
        cols = {c for c in values if numeric_cell(cells[c])}
        figures = [ln.no] if cols else []
        if numbered and cells[0]:
            cols.add(0)
        if numbered and not values and _record_start(cells, units):
            cols.add(RECORD_START)
        if not cols:
            continue
        if found and ln.no - found[-1][0].lines[-1] <= 2 and not (found[-1][1] & cols):
            anchor, seen = found[-1]
            found[-1] = (_Anchor(anchor.lines + [ln.no], anchor.figures + figures), seen | cols)
            continue
        found.append((_Anchor([ln.no], figures), cols))
    return [_Anchor(anchor.lines, anchor.figures, frozenset(cols)) for anchor, cols in found]


RECORD_START = -1  # an anchor's mark for a line opening a record in a table of text only
MIN_OPENING = 3  # columns whose cells open together with a capital on a record's first line


def _record_start(cells: list[list], units: frozenset[str] = frozenset()) -> bool:
    """In a numbered table of text only (an IKU's indicators, formulas and sources), the line
    where the cells of several columns open together with a capital starts a record of its
    own, under the number of the group above ('Persentase ...  Jumlah ...  Laporan ...  Sekretariat');
    a wrapped cell's next line opens in one or two columns, or in lower case."""
    opening = [cell for cell in cells[1:] if cell and cell[0].text[:1].isupper()]
    # '%', '(∑ ...' are neither; a unit word alone ('persen' under Satuan) is no wrapped text
    lower = [cell for cell in cells[1:] if cell and cell[0].text[:1].islower()
             and not (len(cell) == 1 and cell[0].text.lower() in units)]
    return len(opening) >= MIN_OPENING and not lower


def _blocks(lines: list[LayoutLine]) -> list[list[LayoutLine]]:
    out: list[list[LayoutLine]] = []
    for ln in lines:
        if not ln.words:
            if out and out[-1]:
                out.append([])
            continue
        if not out:
            out.append([])
        out[-1].append(ln)
    return [b for b in out if b]


def _partition(items: list[int], marks: list[_Anchor], centred: bool) -> tuple[float, list[int]]:
    """Assign sorted line numbers to rows in order (each row takes a run of them, maybe none),
    minimising how far each run sits from its row's anchor: its first line (top-aligned) or
    its middle (centred). Rows do not overlap: a row's run lies between the anchor lines of the
    rows before and after it. Returns the cost and each item's row index."""
    n, m = len(items), len(marks)
    centres = [mk.centre for mk in marks]
    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    for j in range(1, m + 1):
        t = j - 1
        lo = bisect_right(items, marks[t - 1].lines[-1]) if t else 0
        hi = bisect_left(items, marks[t + 1].lines[0]) if t + 1 < m else n
        for i in range(n + 1):
            best[j][i], back[j][i] = best[j - 1][i], i  # row t takes nothing
            if not lo < i <= hi:
                continue
            for k in range(lo, i):  # items[k:i] go to row t
                if best[j - 1][k] == inf:
                    continue
                first, last = items[k], items[i - 1]
                pos = (first + last) / 2 if centred else first
                cost = best[j - 1][k] + abs(pos - centres[t])
                if cost < best[j][i]:
                    best[j][i], back[j][i] = cost, k
    owner = [0] * n
    i = n
    for j in range(m, 0, -1):
        k = back[j][i]
        for t in range(k, i):
            owner[t] = j - 1
        i = k
    return best[m][n], owner


@dataclass
class _Row:
    lines: dict[int, list[tuple[int, str]]] = field(default_factory=dict)  # col -> (line, text)
    line_start: int = 0
    line_end: int = 0
    page: Optional[int] = None


def body_rows(lines: list[LayoutLine], columns: list[tuple[int, int]],
              centres: Optional[list] = None, units: frozenset[str] = frozenset()) -> list[_Row]:
    """Rows of the body; with the label `centres`, the gutter between two labelled text columns
    is found again in each block (aligned_gutters)."""
    lines = _wrapped_ranges_joined(_wrapped_amounts_joined(lines, columns), columns)
    values = frozenset(value_columns(lines, columns))
    numbered = _numbering_column(lines, columns)
    blocks = _blocks(lines)
    fixed = values | ({0} if numbered else set())
    block_columns = [aligned_gutters(b, columns, centres, fixed) if centres else columns
                     for b in blocks]
    marks = [anchors(b, cols, values, numbered, centres, units) for b, cols in zip(blocks, block_columns)]
    per_col_cells = []  # per block: per column, [(line, text)]
    for block, spans in zip(blocks, block_columns):
        cols: list[list[tuple[int, str]]] = [[] for _ in columns]
        for ln in block:
            for c, cell in enumerate(line_cells(ln, spans, values, centres, units)):
                if cell:
                    cols[c].append((ln.no, " ".join(w.text for w in cell)))
        per_col_cells.append(cols)
    centred = [_centred(c, per_col_cells, marks) for c in range(len(columns))]
    rows: list[_Row] = []
    for block, cols, mk in zip(blocks, per_col_cells, marks):
        page = block[0].page
        if len(mk) <= 1:
            row = _Row(page=page)
            for c, items in enumerate(cols):
                if items:
                    row.lines[c] = items
            rows.append(_span(row, block))
            continue
        block_rows = [_Row(page=page) for _ in mk]
        for c, items in enumerate(cols):
            if not items:
                continue
            _, owner = _partition([no for no, _ in items], mk, centred[c])
            if numbered and c and c not in values:
                owner = _spanning_cells(items, owner, mk, c)
            owner = _totals_on_their_row(items, owner, mk)
            for item, j in zip(items, owner):
                block_rows[j].lines.setdefault(c, []).append(item)
        for row in _rupiah_lines_joined(block_rows, mk, cols, values):
            nos = [no for items in row.lines.values() for no, _ in items]
            if nos:
                row.line_start, row.line_end = min(nos), max(nos)
                rows.append(row)
    return rows


# a total's label ('Jumlah Total', 'JUMLAH', 'Sub Total'): it opens a row, it never ends a name
TOTAL_LABEL = re.compile(r"(?i)^(?:sub\s*-?\s*)?(?:total|jumlah)(?:\s+(?:total|keseluruhan|anggaran|belanja))?\s*:?$")
TOTAL_REACH = 2  # lines at most between a total's label and its figures


def _totals_on_their_row(items: list[tuple[int, str]], owner: list[int], marks: list[_Anchor]) -> list[int]:
    """A total's label printed a line above its figures (centred in a taller merged cell), after
    the wrapped name of the row above, belongs to the row below: a top-aligned name column's
    partition would let the name above run on into it."""
    owner = list(owner)
    for k, ((no, text), j) in enumerate(zip(items, owner)):
        if j + 1 < len(marks) and TOTAL_LABEL.match(text.strip()) and no > marks[j].lines[-1] \
                and 0 < marks[j + 1].lines[0] - no <= TOTAL_REACH \
                and all(owner[i] == j + 1 for i in range(k + 1, len(items)) if items[i][0] < marks[j + 1].lines[0]):
            owner[k] = j + 1
    return owner


def _rupiah_lines_joined(block_rows: list[_Row], marks: list[_Anchor], cols: list[list[tuple[int, str]]],
                         values: frozenset[int]) -> list[_Row]:
    """Rows whose figures are all rupiah ('Rp 2,319,693,000', or bare amounts of millions), on
    the line right under a row's figures of another kind in the same columns, and nothing in
    the first column: that row's second line. The forms put a programme's K and its Rp in one
    cell, one over the other (Renstra target matrices: '46 Dokumen' over 'Rp 2,319,693,000')."""
    figures: dict[int, dict[int, str]] = {}  # line -> value column -> text
    for c in values:
        for no, text in cols[c]:
            figures.setdefault(no, {})[c] = text
    numbered = {no for no, _ in cols[0]}
    out = [block_rows[0]]
    for j in range(1, len(block_rows)):
        line, above = marks[j].lines[0], marks[j - 1].lines[-1]
        mine, theirs = figures.get(line, {}), figures.get(above, {})
        if line == above + 1 and mine and line not in numbered \
                and all(_amount_under_figure(t, theirs.get(c)) for c, t in mine.items()):
            for c, items in block_rows[j].lines.items():
                out[-1].lines[c] = sorted(out[-1].lines.get(c, []) + items)
            continue
        out.append(block_rows[j])
    return out


_BARE_AMOUNT = re.compile(r"^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})+(?:[.,]\d{1,2})?(?:,-)?$")  # '967.000.942'


def _amount_under_figure(text: str, above: Optional[str]) -> bool:
    """A rupiah amount ('Rp 2,319,693,000', or bare and millions-sized, '967.000.942') right
    under a figure of another kind in its column ('46 Dokumen', '2,85'): the cell's second
    line."""
    top = above.split()[0] if above else None
    if top is None or is_currency(top) or _BARE_AMOUNT.match(top):
        return False
    words = text.split()
    return is_currency(words[0]) or (len(words) == 1 and bool(_BARE_AMOUNT.match(words[0])))


def _spanning_cells(items: list[tuple[int, str]], owner: list[int], marks: list[_Anchor],
                    c: int) -> list[int]:
    """A numbered row followed by rows without a number whose figures all lie right of column c
    and right of figures of the numbered row's own (sub-rows of a nested table: 'TW 1  0,5'
    ... 'TW 4  0,9' right of the row's target and achievement): a text cell of column c that
    opens on the numbered row and runs on line after line past its sub-rows' anchors (skipping
    only their anchor lines), no line opening with an item mark, is one cell merged over them
    all (Word's vertically merged cell), not a piece for each sub-row."""
    owner = list(owner)
    numbered = [t for t, mk in enumerate(marks) if 0 in mk.cols]
    for t in numbered:
        end = next((u for u in numbered if u > t), len(marks))
        subs = marks[t + 1:end]
        if not subs or any(not mk.cols or min(mk.cols) <= c for mk in subs):
            continue
        right = min(k for mk in subs for k in mk.cols)
        if not any(c < k < right for k in marks[t].cols):
            continue  # sub-rows repeating the row's own figure columns have cells of their own
        top, bottom = marks[t].lines[0], marks[end].lines[0] if end < len(marks) else None
        run = [k for k, (no, _) in enumerate(items) if no >= top and (bottom is None or no < bottom)]
        if not run or items[run[0]][0] > marks[t].lines[-1] or owner[run[0]] != t:
            continue
        nos = [items[k][0] for k in run]
        sub_lines = {no for mk in subs for no in mk.lines}
        if any(not set(range(a + 1, b)) <= sub_lines for a, b in zip(nos, nos[1:])) \
                or any(_ITEM_MARK.match(items[k][1]) for k in run[1:]):
            continue
        for k in run:
            owner[k] = t
    return owner


# an amount a narrow cell wrapped inside its last group of digits ('24.201.795.' over '620',
# '9.992.176.7' over '20'): the cut group and the digits below make three
# (the cut group follows the thousands mark itself: '477.019.000,00' is whole, to the sen)
WRAPPED_HEAD = re.compile(r"^\d{1,3}([.,])\d{3}(?:\1\d{3})*\1(\d{0,2})$")
WRAPPED_TAIL = re.compile(r"^\d{1,3}$")
TAIL_REACH = 3  # lines at most from an amount's head to its tail (other cells' lines between)


def _wrapped_amounts_joined(lines: list[LayoutLine], columns) -> list[LayoutLine]:
    """The lines with each wrapped amount whole on its first line and its tail taken off the
    line below: the tail is no figure of a row of its own (a stray '620' under half the name)."""
    words = {ln.no: list(ln.words) for ln in lines}
    for ln in lines:
        for k, w in enumerate(words[ln.no]):
            head = WRAPPED_HEAD.match(w.text)
            if not head:
                continue
            found = _word_below(words, ln.no, column_of(w.cx, columns), columns, TAIL_REACH)
            if found is None:
                continue
            no, tail = found
            if WRAPPED_TAIL.match(tail.text) and len(head.group(2)) + len(tail.text) == 3:
                words[ln.no][k] = Word(w.line, w.x0, max(w.x1, w.x0 + len(w.text) + len(tail.text)),
                                       w.text + tail.text)
                words[no].remove(tail)
    return [LayoutLine(ln.no, words[ln.no], ln.page) for ln in lines]


def _word_below(words: dict[int, list[Word]], no: int, col: int, columns, reach: int
                ) -> Optional[tuple[int, Word]]:
    """The first word in column `col` on the `reach` lines below line `no`, with its line."""
    for below in range(no + 1, no + reach + 1):
        found = next((t for t in words.get(below, []) if column_of(t.cx, columns) == col), None)
        if found is not None:
            return below, found
    return None


RANGE_HEAD = re.compile(r"^\d+(?:[.,]\d+)?\s*[-–]$")  # '68,65-': a range broken after its dash
RANGE_TAIL = re.compile(r"^\d+(?:[.,]\d+)?%?$")
RANGE_DASH = {"-", "–"}


def _wrapped_ranges_joined(lines: list[LayoutLine], columns) -> list[LayoutLine]:
    """The lines with each range broken after its dash ('68,65-' or '75,70 –' over '69,15') whole
    on its first line: the range's end on the next line is no figure of a row of its own (a
    target '69,15' for an indicator named by the rest of the line)."""
    words = {ln.no: list(ln.words) for ln in lines}
    for ln in lines:
        line_words = words[ln.no]
        for k, w in enumerate(line_words):
            split = k + 1 < len(line_words) and line_words[k + 1].text in RANGE_DASH \
                and RANGE_TAIL.match(w.text) and line_words[k + 1].x0 - w.x1 <= 1
            if not (RANGE_HEAD.match(w.text) or split):
                continue
            found = _word_below(words, ln.no, column_of(w.cx, columns), columns, 1)
            if found is None or not RANGE_TAIL.match(found[1].text):
                continue
            no, tail = found
            head = w.text + ("-" if split else "")
            end = line_words[k + 1].x1 if split else w.x1
            line_words[k] = Word(w.line, w.x0, max(end, w.x0 + len(head) + len(tail.text)), head + tail.text)
            if split:
                del line_words[k + 1]
            words[no].remove(tail)
    return [LayoutLine(ln.no, words[ln.no], ln.page) for ln in lines]


MID_SENTENCE = 2.0  # the cost of a cell opened mid-sentence or run on past a bulleted item


def _centred(c: int, per_col_cells, marks) -> bool:
    """Whether column c's cells sit centred on their rows (else top-aligned): the cheaper fit,
    where each cell the fit would open on a lower-case word ('yang melibatkan ...', the tail of
    the name above) costs more, and so does each cell it would run on past a bulleted line ('-
    Rehab Gudang Arsip', the next item): a tall top-aligned name split at its middle is no
    centred cell, a list item opening a line above its figures is no tail of the row above.
    Where every cell opens on its row's line, the cells are top-aligned, even if a centring
    that splits each name at its middle fits as well."""
    costs = {True: 0.0, False: 0.0}
    for cols, mk in zip(per_col_cells, marks):
        if len(mk) > 1 and cols[c]:
            for centred in costs:
                cost, owner = _partition([no for no, _ in cols[c]], mk, centred)
                texts = [text for _, text in cols[c]]
                opened = [t for k, t in enumerate(texts) if k and owner[k] != owner[k - 1]]
                run_on = {owner[k] for k, t in enumerate(texts) if k and owner[k] == owner[k - 1] and BULLET.match(t)}
                costs[centred] += cost + MID_SENTENCE * (sum(t[:1].islower() for t in opened) + len(run_on))
    if costs[False] == 0:
        return False  # every cell opens on its row's line: top-aligned, however well a centring fits
    return costs[True] <= costs[False]


BULLET = re.compile(r"^[-•–]\s")  # a list item's bullet opening a cell's line


def _span(row: _Row, block: list[LayoutLine]) -> _Row:
    row.line_start, row.line_end = block[0].no, block[-1].no
    return row
