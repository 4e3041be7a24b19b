"""Columns of a space-aligned table region: character ranges found from its words.

Words of the region's multi-segment lines that overlap (share a character column, their end
characters aside) fall in one column; the gap between two such groups is a gutter when lines
keep their words two spaces apart across it (a justified line's stretched space is not);
one-segment lines (wrapped cell text) widen the column they keep to; a column of 'Rp' marks
joins the amount beside it. Each word then goes to a column by its centre. Two text columns
whose cells stand a space apart are split again per row, where the right cell's lines open.
"""

import re
from dataclasses import dataclass
from typing import Optional

from kinerja.parsers.text.numbering import column_number
from kinerja.parsers.textdump.layout.lines import (
    CURRENCY, NUMBER, SEGMENT_GAP, UNIT, LayoutLine, Word, is_currency,
)

MIN_COLS = 3  # two-column layouts (forms, signature blocks) are not data tables
CORE = 1  # characters at each end of a word of 3+ that may overlap a neighbour column's words


def column_spans(lines: list[LayoutLine]) -> list[tuple[int, int]]:
    """Character ranges of the columns. Words of the multi-segment lines that overlap (share a
    character column) are in one column; a gap between two such groups, even one no wider than
    zero characters (centred figures of different widths), separates columns when the lines
    reaching both sides keep their words two spaces apart there (_real_gutter)."""
    multi = [ln for ln in lines if ln.multi]
    if not multi:
        return []
    groups: list[_Group] = []
    for w in sorted((w for ln in multi for w in ln.words), key=lambda w: _core(w)[0]):
        a, b = _core(w)
        if groups and a < groups[-1].core_end:
            groups[-1].add(w, b)
        else:
            groups.append(_Group([w], b))
    merged = _merged(groups)
    while len(again := _merged(merged)) < len(merged):
        # a group of header words alone ('K') shares no line with the figures left of it and
        # looks like a gutter; joined with the figures under it, the lines tell
        merged = again
    spans = _widened([(min(w.x0 for w in g.words), max(w.x1 for w in g.words)) for g in merged],
                     [ln for ln in lines if ln.words and not ln.multi])
    # neighbours' ends may overlap by the characters the cores left out: meet halfway
    for k in range(1, len(spans)):
        if spans[k][0] < spans[k - 1][1]:
            mid = (spans[k][0] + spans[k - 1][1]) // 2
            spans[k - 1], spans[k] = (spans[k - 1][0], mid), (mid, spans[k][1])
    return _currency_joined(spans, multi)


def _merged(groups: list["_Group"]) -> list["_Group"]:
    """Neighbour groups joined where no real gutter stands between them."""
    merged = [_Group(list(groups[0].words), groups[0].core_end)]
    for group in groups[1:]:
        if _real_gutter(merged[-1], group):
            merged.append(_Group(list(group.words), group.core_end))
        else:
            merged[-1].words += group.words
            merged[-1].core_end = max(merged[-1].core_end, group.core_end)
    return merged


def _widened(spans: list[tuple[int, int]], singles: list[LayoutLine]) -> list[tuple[int, int]]:
    """Columns widened by the one-segment lines (wrapped cell text) that meet only them or lie
    in the gap beside them; a line reaching over two columns (a title row) widens none."""
    spans = [list(s) for s in spans]
    for ln in singles:
        x0, x1 = ln.words[0].x0, ln.words[-1].x1
        hit = [k for k, (a, b) in enumerate(spans) if min(b, x1) > max(a, x0)]
        if not hit:
            hit = [column_of((x0 + x1) / 2, [tuple(s) for s in spans])]
        if len(hit) == 1:
            k = hit[0]
            left = spans[k - 1][1] if k else -1
            right = spans[k + 1][0] if k + 1 < len(spans) else 10 ** 6
            if left < x0 and x1 < right:
                spans[k] = [min(spans[k][0], x0), max(spans[k][1], x1)]
    return [tuple(s) for s in spans]


@dataclass
class _Group:
    """Words sharing character columns, and where their cores end."""

    words: list[Word]
    core_end: int

    def add(self, w: Word, core_end: int) -> None:
        self.words.append(w)
        self.core_end = max(self.core_end, core_end)


def _core(w: Word) -> tuple[int, int]:
    """pdftotext places a line's words a character or so off their true column: a word of three
    or more characters joins another column's words only through its inner characters."""
    return (w.x0 + CORE, w.x1 - CORE) if len(w.text) >= 3 else (w.x0, w.x1)


def _real_gutter(left: _Group, right: _Group) -> bool:
    """A gap between two groups separates columns when at least half the lines with words on
    both sides keep them two spaces apart (a justified line of one cell stretches its spaces,
    the cell's other lines do not), or when no line reaches both sides and it is wide."""
    lefts: dict[int, Word] = {}
    for w in left.words:
        if w.line not in lefts or w.x1 > lefts[w.line].x1:
            lefts[w.line] = w
    rights: dict[int, Word] = {}
    for w in right.words:
        if w.line in lefts and (w.line not in rights or w.x0 < rights[w.line].x0):
            rights[w.line] = w
    if not rights:
        return min(w.x0 for w in right.words) - max(w.x1 for w in left.words) >= SEGMENT_GAP - 1
    opened = [no for no, w in rights.items() if w.x0 - lefts[no].x1 >= SEGMENT_GAP]
    return bool(opened) and 2 * len(opened) >= len(rights)


def _currency_joined(columns: list[tuple[int, int]], lines: list[LayoutLine]) -> list[tuple[int, int]]:
    """A column holding only 'Rp' marks is part of the amount column right of it."""
    out: list[tuple[int, int]] = []
    skip_to = None
    for k, (a, b) in enumerate(columns):
        words = [w.text for ln in lines for w in ln.words if a <= w.cx < b]
        if k + 1 < len(columns) and words and all(CURRENCY.match(t) for t in words):
            skip_to = a
            continue
        out.append((skip_to if skip_to is not None else a, b))
        skip_to = None
    return out


MIN_GLUED_LINES = 2  # lines showing a figure and a word one space apart before a column is cut


def figures_cut_from_text(columns: list[tuple[int, int]], lines: list[LayoutLine]) -> list[tuple[float, float]]:
    """Right-aligned figures meeting a left-aligned text column ('2.250.000 Sedang'): where
    the widest figure leaves one space, pdftotext prints no gutter and the two columns read
    as one. A column is cut between its lines' leading figures and the words after them when
    every figure stands left of every word (no word a unit, which belongs to its figure), both
    found on one line on at least MIN_GLUED_LINES lines."""
    out: list[tuple[float, float]] = []
    for k, (a, b) in enumerate(columns):
        cells = [[w for w in ln.words if column_of(w.cx, columns) == k] for ln in lines]
        cut = _figure_edge([ws for ws in cells if ws])
        out.extend([(a, cut), (cut, b)] if cut is not None else [(a, b)])
    return out


def _figure_edge(cells: list[list[Word]]) -> Optional[float]:
    figures, words, both = [], [], 0
    for ws in cells:
        n = next((i for i, w in enumerate(ws) if not NUMBER.match(w.text)), len(ws))
        if n < len(ws) and n and UNIT.match(ws[n].text):
            return None
        figures += ws[:n]
        words += ws[n:]
        both += bool(n and n < len(ws))
    if both < MIN_GLUED_LINES or max(w.cx for w in figures) >= min(w.cx for w in words):
        return None
    return (max(w.x1 for w in figures) + min(w.x0 for w in words)) / 2


def column_of(x: float, columns: list[tuple[int, int]]) -> int:
    """The column whose range holds x, else the nearer neighbour across the gutter."""
    for i, (a, b) in enumerate(columns):
        if x < b:
            if i and x < a and (a - x) > (x - columns[i - 1][1]):
                return i - 1
            return i
    return len(columns) - 1


def line_cells(line: LayoutLine, columns: list[tuple[int, int]], values: frozenset[int] = frozenset(),
               centres: Optional[list] = None, units: frozenset[str] = frozenset()) -> list[list[Word]]:
    """The line's words per column, by their centre; a figure and the unit after it ('100 %',
    '2 buah') go together, by the centre of both (a centred value in a narrow column), and a
    currency mark goes with the amount after it. With the `values` columns and the label
    `centres`, a figure run on into the next column's text is its own (_run_on_figures), with
    its unit when that is one of `units`; an item number in a value column on a line of text is
    the next column's (_item_numbers_on)."""
    cells = _cells(line, columns)
    if values and centres:
        _run_on_figures(cells, values, centres, units)
        _text_run_back(cells, values, units)
        _figures_in_order(cells, values, centres)
    if values:
        _item_numbers_on(cells, values)
    return cells


_ITEM_NUMBER = re.compile(r"^\d{1,2}[.)]?$")
ITEM_GAP = 4  # characters at most between an item number and its text


def _item_numbers_on(cells: list[list[Word]], values: frozenset[int]) -> None:
    """On a line holding no other figure (a cell's wrapped text, no row number), a lone item
    number in the last of a run of value columns, a few spaces before the next column's text or
    with its text on the next line, is that text's list numbering ('1   dermaga sungai ...'),
    which pdftotext set left of the gutter; not a value of the row."""
    # a figure in another value column, or a row number in the first, makes the line a row's
    figures = [c for c, cell in enumerate(cells) if (c in values or c == 0)
               and any(NUMBER.match(w.text) for w in cell)]
    if len(values) < 2 or len(figures) != 1 or figures[0] not in values:
        return  # (in a table of one value column, every row's figure stands alone)
    c = figures[0]
    cell = cells[c]
    if c - 1 not in values or c + 1 >= len(cells) or c + 1 in values or len(cell) != 1 \
            or not _ITEM_NUMBER.match(cell[0].text):
        return  # (a column of row numbers before a text column is no run of values)
    after = cells[c + 1]
    if not after or 1 < after[0].x0 - cell[0].x1 <= ITEM_GAP:  # (or its text on the next line)
        cells[c], cells[c + 1] = [], cell + after


def _text_run_back(cells: list[list[Word]], values: frozenset[int], units: frozenset[str]) -> None:
    """Words closing a value column's cell after its figure are the next column's: one space
    before that column's text ('43 Sub | Bagian Umum ...', set a character left of where the
    columns part), or after a rupiah amount, a cell of its own ('Rp. 2.731.000.000,- APBD' with
    'APBD' or '-' under 'Keterangan'). A unit word stays with its figure."""
    for c in sorted(values):
        if c + 1 >= len(cells) or not cells[c]:
            continue
        cell, after = cells[c], cells[c + 1]
        k = len(cell)
        while k > 1 and _trailing_word(cell[k - 1].text) and cell[k - 1].text.lower() not in units \
                and not MAGNITUDE.match(cell[k - 1].text):
            k -= 1
        if k == len(cell) or not NUMBER.match(cell[k - 1].text):
            continue
        money = cell[k - 1].text.endswith(",-") or any(is_currency(w.text) for w in cell[:k])
        if money or (after and after[0].x0 - cell[-1].x1 == 1):
            cells[c], cells[c + 1] = cell[:k], cell[k:] + after


MAGNITUDE = re.compile(r"(?i)^(ribu|rb|juta|jt|miliar|milyar|m|triliun|t)\.?$")  # part of an amount


def _trailing_word(text: str) -> bool:
    """A word that may close a cell after its figure: letters, or a dash marking an empty cell."""
    return text[:1].isalpha() and not NUMBER.match(text) or text in ("-", "–")


def _run_on_figures(cells: list[list[Word]], values: frozenset[int], centres: list,
                    units: frozenset[str]) -> None:
    """A value column's figure printed one space before the next column's text ('3,04 (Jumlah
    ...', '48,08% waktu ...'): pdftotext leaves no gutter where a right-aligned value meets a
    left-aligned cell. The figure standing nearer the value column's label than the next one's,
    on a line where that column is empty, is moved back; so is a unit word right after a
    figure ('8 Unit ∑ Sarana ...', '53 Dokumen Jumlah ...') when it is one of `units` that
    opens no formula (_unit_after)."""
    for c in sorted(values):
        if c + 1 >= len(cells) or centres[c] is None or centres[c + 1] is None:
            continue
        words = cells[c + 1]
        if len(words) < 2:
            continue
        if cells[c]:  # the figure stands in its column, its unit word run on into the next
            if NUMBER.match(cells[c][-1].text) and _unit_after(cells[c][-1], words, 0, units):
                cells[c], cells[c + 1] = cells[c] + words[:1], words[1:]
        elif NUMBER.match(words[0].text) and \
                abs(words[0].cx - centres[c]) < abs(words[0].cx - centres[c + 1]):
            k = 2 if _unit_after(words[0], words, 1, units) else 1
            cells[c], cells[c + 1] = words[:k], words[k:]


def _figures_in_order(cells: list[list[Word]], values: frozenset[int], centres: list) -> None:
    """pdftotext squeezes each line's spaces its own way, so a row's figures drift off the
    columns the table's words found: two land in one column, one in a column no label of its
    own names ('3  6  9  12' under 'I II III IV' read as I, III, a stray column, IV). In a run
    of figure columns, where that happened and the line holds as many figures as the run has
    labelled columns, the figures go one per labelled column, in their order. A labelled
    column between two figure columns, empty on the line ('2025' over nothing, its figure
    drifted under '2026'), is in the run."""
    bridged = values | {c for c in _values_gaps(values) if centres[c] is not None and not cells[c]}
    for run in _value_runs(bridged):
        leaves = [c for c in run if centres[c] is not None]
        if len(leaves) < 2 or any(cells[c] for c in run if not leaves[0] <= c <= leaves[-1]):
            continue  # (figures in unlabelled columns beyond the labels: a table of its own)
        run = [c for c in run if leaves[0] <= c <= leaves[-1]]
        parts = [_figure_items(cells[c]) for c in run]
        if any(cells[c] and not p for c, p in zip(run, parts)):
            continue  # (a cell of words: no run of figures to realign)
        items = [it for p in parts for it in p]
        placed = [len(p) for p in parts]
        after = run[-1] + 1
        run_on = after < len(cells) and len(cells[after]) >= 2 and NUMBER.match(cells[after][0].text) \
            and not NUMBER.match(cells[after][1].text) and len(items) + 1 == len(leaves) \
            and (centres[after] is None or abs(cells[after][0].cx - centres[leaves[-1]])
                 < abs(cells[after][0].cx - centres[after]))
        if run_on:  # the last figure printed a space before the next column's text
            items.append(cells[after][:1])
        if len(items) != len(leaves) or not run_on and all(
                n == 0 or (n == 1 and centres[c] is not None) for c, n in zip(run, placed)):
            continue  # (one figure per labelled column already; a line of fewer is left as it stands)
        if run_on:
            cells[after] = cells[after][1:]
        for c in run:
            cells[c] = []
        for it, c in zip(items, leaves):
            cells[c] = it


def _values_gaps(values: frozenset[int]) -> set[int]:
    """Single columns between two figure columns."""
    return {c + 1 for c in values if c + 1 not in values and c + 2 in values}


def _value_runs(values: frozenset[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for c in sorted(values):
        if runs and runs[-1][-1] == c - 1:
            runs[-1].append(c)
        else:
            runs.append([c])
    return runs


def _figure_items(cell: list[Word]) -> list[list[Word]]:
    """A cell's figures, each with its currency mark before and unit after it; [] when the
    cell holds any other word (then it is no run of figures to realign)."""
    items: list[list[Word]] = []
    pending: list[Word] = []
    for w in cell:
        if CURRENCY.match(w.text):
            pending.append(w)
        elif NUMBER.match(w.text) or w.text in ("-", "–"):
            items.append(pending + [w])
            pending = []
        elif items and not pending and UNIT.match(w.text) and len(items[-1]) == 1:
            items[-1].append(w)
        else:
            return []
    return [] if pending else items


FORMULA_OPENERS = {"nilai", "indeks", "index", "persen", "persentase", "skor", "angka", "rasio"}


def _unit_after(figure: Word, words: list[Word], k: int, units: frozenset[str]) -> bool:
    """words[k], one space after the figure, is its unit and the words after it another cell's
    text: not a unit of two words ('titik taman'), not a run of further values."""
    word, rest = words[k], words[k + 1:k + 4]
    return (bool(rest) and word.x0 - figure.x1 == 1 and not figure.text.endswith("%")
            and word.text.lower() in units and word.text.lower() not in FORMULA_OPENERS
            and not rest[0].text[:1].islower() and not any(NUMBER.match(w.text) for w in rest))


def _cells(line: LayoutLine, columns: list[tuple[int, int]]) -> list[list[Word]]:
    cells: list[list[Word]] = [[] for _ in columns]
    words = line.words
    k = 0
    while k < len(words):
        w = words[k]
        after = words[k + 1] if k + 1 < len(words) else None
        if CURRENCY.match(w.text) and after is not None and NUMBER.match(after.text):
            cells[column_of(after.cx, columns)].extend([w, after])  # 'Rp' goes with its amount
            k += 2
            continue
        item = [w]
        # a percentage carries its unit: the word after it is the next cell's
        if NUMBER.match(w.text) and not w.text.endswith("%") and after is not None and after.x0 - w.x1 == 1 \
                and UNIT.match(after.text):
            item.append(after)
        cells[column_of((item[0].x0 + item[-1].x1) / 2, columns)].extend(item)
        k += len(item)
    return cells


def line_texts(line: LayoutLine, columns: list[tuple[int, int]]) -> list[str]:
    """The line's text per column."""
    return [" ".join(w.text for w in cell) for cell in line_cells(line, columns)]


def covered(w: Word, columns: list[tuple[int, int]]) -> tuple[int, int]:
    """Columns a word reaches into by more than one character."""
    hit = [i for i, (a, b) in enumerate(columns) if min(b, w.x1) - max(a, w.x0) >= 2
           or (a <= w.x0 and w.x1 <= b)]
    if not hit:
        c = column_of(w.cx, columns)
        return c, c
    return hit[0], hit[-1]


def in_one_column(line: LayoutLine, columns: list[tuple[int, int]]) -> bool:
    """All the line's words keep inside one and the same column."""
    spans = {covered(w, columns) for w in line.words}
    return len(spans) == 1 and len(set(next(iter(spans)))) == 1


def crossing(lines: list[LayoutLine], columns: list[tuple[int, int]]) -> float:
    """Share of the words reaching over a gutter of the columns."""
    words = [w for ln in lines for w in ln.words]
    if not words:
        return 0.0
    return sum(1 for w in words if len(set(covered(w, columns))) > 1) / len(words)


BULLETS = {"•", "●", "▪", "-", "–"}  # a mark opening a cell's line (a list item)
_ITEM_MARK = re.compile(r"^\(?(\d{1,2}|[a-zA-Z])[.)]$")  # '1.', 'a)', '(2)'

MIN_ALIGNED = 2  # lines opening at one character column that make a gutter between text cells


def aligned_gutters(lines: list[LayoutLine], columns: list[tuple[int, int]],
                    centres: list, fixed: set[int]) -> list[tuple[int, int]]:
    """The columns for one block of lines (a row or a few): between two neighbouring text
    columns with labels (not in `fixed`), the gutter moves to the character column where the
    right cell's lines open, when no word reaches over it. Justified cells of a Word table
    leave no gutter of spaces: the left cell's last word and the right cell's first may stand
    one space apart, and where the cells meet shifts from row to row."""
    out = list(columns)
    for c in range(len(out) - 1):
        if c in fixed or c + 1 in fixed or centres[c] is None or centres[c + 1] is None:
            continue
        p = _aligned_start(lines, out[c][0], out[c + 1][1], centres[c], centres[c + 1])
        if p is not None:
            out[c], out[c + 1] = (out[c][0], p), (p, out[c + 1][1])
    return out


def _opener(text: str) -> bool:
    """A bullet or an item mark, opening a cell's line with its text a space after it."""
    return text in BULLETS or bool(_ITEM_MARK.match(text))


def _aligned_start(lines: list[LayoutLine], lo: float, hi: float, left: float, right: float):
    """The character column between two label centres where most lines open a segment (or a
    bullet), one line at least with nothing left of it or a bullet, that no word crosses and has
    text on both sides; None if no such column is shared by MIN_ALIGNED lines."""
    spans = [[w for w in ln.words if lo <= w.cx < hi] for ln in lines]
    starts: list[tuple[int, int, bool]] = []  # line, character column, first on its line or a mark
    for ws in spans:
        for k, w in enumerate(ws):
            opens = k == 0 or w.x0 - ws[k - 1].x1 >= SEGMENT_GAP or _opener(w.text)
            if opens and left < w.x0 < right:
                starts.append((w.line, w.x0, k == 0 or _opener(w.text)))
    words = [w for ws in spans for w in ws]
    best = None
    for p in sorted({x for _, x, _ in starts}):
        near = [(no, first) for no, x, first in starts if p <= x <= p + 3]  # a mark, then its text
        support = len({no for no, _ in near})
        if support < MIN_ALIGNED or (best is not None and support <= best[1]) \
                or not any(first for _, first in near):
            continue  # a cell's own lines (or list items) open there, not only stretched spaces
        if any(w.x0 < p < w.x1 for w in words):
            continue
        if any(w.x1 <= p and not _opener(w.text) for w in words) and any(w.x0 >= p for w in words):
            best = (p, support)
    return best[0] if best else None



def numbered_columns(numbering: LayoutLine, body: list[LayoutLine]) -> list[tuple[int, int]] | None:
    """Columns as a numbering row ('(1) (2) ... (10)') under the header counts them: one per
    number, each boundary at the character between two numbers (not under either) blank in
    most of the body's lines; among equals, one in a gutter (blank beside it too, not the
    space between two words of a name), then the one nearest their midpoint (a wide amount
    right-aligned past the midpoint stays whole).
    None unless the numbers rise from 0, 1 or 2 (MIN_COLS of them at least)."""
    words = numbering.words
    numbers = [column_number(w.text) for w in words]
    if len(words) < MIN_COLS or None in numbers or numbers[0] > 2 \
            or any(b <= a for a, b in zip(numbers, numbers[1:])):
        return None  # a form may number the columns it kept of a longer one: (2) (5) (8) ...
    filled = [ln for ln in body if ln.words]
    inked = [{x for w in ln.words for x in range(w.x0, w.x1)} for ln in filled]
    bounds = []
    for a, b in zip(words, words[1:]):
        # the character blank in the most lines between the two numbers (not under one: a
        # centred number stands over its column's figures); among equals, one in
        # a gutter (its neighbours blank too: not the space between two words of a name), the
        # one nearest their midpoint
        mid = (a.cx + b.cx) / 2
        clear = {x: sum(x not in ink for ink in inked) for x in range(a.x0 - 1, b.x1 + 1)}
        bounds.append(max(range(a.x1, b.x0 + 1) if b.x0 > a.x1 else range(a.x0, b.x1),
                          key=lambda x: (clear[x], clear[x - 1] + clear[x + 1], -abs(x - mid))))
    lines = [ln for ln in body if ln.words] + [numbering]
    left = min(w.x0 for ln in lines for w in ln.words)
    right = max(w.x1 for ln in lines for w in ln.words)
    edges = [left] + bounds + [right]
    return [(edges[k], edges[k + 1]) for k in range(len(words))]
