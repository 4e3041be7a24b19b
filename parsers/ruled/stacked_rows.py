"""Rows printed without a ruling between them: one ruled row holding several stacked records.

Reports often draw one box around several indicators, each on its own line in every value
column ("70 %" over "100%" over "335 buah"). When two or more cells of a ruled row hold the same
number (>= 2) of short value lines whose tops line up, those tops start sub-rows: every word of
the row goes to the sub-row its top falls in, and a cell whose words all sit in the first
sub-row (a label written once for the group) spans the group. A ruled row whose name cell sets a
one-line label with no figure over a numbered item, the row's figures beside the item ('Tugas
Pembantuan' over '1. Program X  5.212.370.000'), the label alone on its line and a paragraph's
space above the item, is split the same way: the label is a section row of its own.
"""

import re

from kinerja.parsers.grid.headers import is_value
from kinerja.parsers.grid.model import GridCell, TableGrid, quality
from kinerja.parsers.page.geometry import Box
from kinerja.parsers.page.words import Word, figure_runs_on, word_lines, words_text

ALIGN = 3.0  # points: line tops this close are the same sub-row
SHORT_VALUE = re.compile(r"^[\w.,%()\s/-]{1,16}$")
GRADE_CODE = re.compile(r"^[A-Z]{1,4}[+-]?$")  # 'WTP', 'BB', 'A': an opinion or a grade


def _value_tops(words: list[Word]) -> list[float] | None:
    lines = word_lines(words)
    if len(lines) < 2:
        return None
    texts = [_line_text(ln) for ln in lines]
    # an opinion or grade code may stand among the figures ('Level 3' / '22' / 'WTP'); a
    # wrapped word ('Level 3' / 'Plus') or a remark ('Pengukuran' / '4 karena') is no figure
    if not all(SHORT_VALUE.match(t) and (any(ch.isdigit() for ch in t) or GRADE_CODE.match(t)) for t in texts) \
            or sum(any(ch.isdigit() for ch in t) for t in texts) < 2:
        return None
    if _two_kinds(texts) or any(_runs_on(a, b) for a, b in zip(texts, texts[1:])):
        return None
    return [min(w.box.y0 for w in ln) for ln in lines]


RANGE_OPEN = re.compile(r"\d\s*(?:[-–/]|s/?d\.?)$")


def _runs_on(line: str, below: str) -> bool:
    """One figure printed over two lines: a range or a ratio broken after its dash or slash
    ('68,65-' over '69,15'), or before its slash ('15 TPU' over '/263.136'), a figure wrapped
    inside a narrow cell ('99,4' over '7%')."""
    return bool(RANGE_OPEN.search(line)) or below.lstrip().startswith("/") \
        or figure_runs_on(line.strip(), below.strip())


AMOUNT = re.compile(r"\d{1,3}(?:[.,]\d{3}){2,}")  # a grouped amount: '1.040.398.275,00'


def _two_kinds(texts: list[str]) -> bool:
    """Lines of one record's two figures, not stacked records: a quantity over an amount (a
    report printing each row's target over its budget, '95%' over '155.898.000,00'). Stacked
    records print the same kind of figure on every line ('70 %' / '100%' / '335 buah')."""
    return len({bool(AMOUNT.search(t)) for t in texts}) == 2


def _bands(cells: list[GridCell]) -> list[float] | None:
    """Line tops shared by at least two value cells of the row."""
    tops = [t for c in cells if (t := _value_tops(c.words))]
    for candidate in sorted(tops, key=len, reverse=True):
        agreeing = [t for t in tops if len(t) == len(candidate)
                    and all(abs(a - b) <= ALIGN for a, b in zip(t, candidate))]
        if len(agreeing) >= 2:
            return candidate
    return None


NUMBERED = re.compile(r"^\(?(?:\d{1,2}|[a-z])[.)]\s+\S")  # '1. Program X', 'a) ...'
CODE_ONLY = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?$")  # '2.', '1.3': a row's number, not a figure


def _label_above(cells: list[GridCell], bands: list[float] | None) -> list[float] | None:
    """The sub-row tops with a section label's prepended, when a cell sets a figure-less label
    over the numbered item the row's first figures stand beside: `bands` (the stacked records),
    or that one item when the row stacks none."""
    figures = [min(w.box.y0 for w in ln) for c in cells for ln in word_lines(c.words)
               if is_value(t := _line_text(ln)) and not CODE_ONLY.match(t)]
    if not (bands or figures):
        return bands
    first = bands[0] if bands else min(figures)
    if figures and min(figures) < first - ALIGN:
        return bands  # a figure beside the label: it is a record
    for c in cells:
        lines = word_lines(c.words)
        above = [ln for ln in lines if min(w.box.y0 for w in ln) < first - ALIGN]
        if len(above) == 1 and len(lines) > 1 and _is_label(cells, c, lines, first):
            return [min(w.box.y0 for w in above[0])] + (bands or [first])
    return bands


def _is_label(cells: list[GridCell], cell: GridCell, lines: list[list[Word]], first: float) -> bool:
    """The cell's first line is a section label over the numbered item on its second line, at
    `first`: no figure, no list marker of its own (a wrapped item's last line, a bullet), alone on
    its line and a paragraph's space above the item."""
    label, item = _line_text(lines[0]), _line_text(lines[1])
    if abs(min(w.box.y0 for w in lines[1]) - first) > ALIGN or is_value(label):
        return False
    if not NUMBERED.match(item) or ITEM_START.match(label):
        return False
    return not _beside(cells, cell, min(w.box.y0 for w in lines[0])) and _set_apart(lines, 1)


LABEL_SPACING = 1.3  # a label's line is set farther above its item than the item's lines are apart


def _set_apart(lines: list[list[Word]], item: int) -> bool:
    """The label line (lines[item - 1]) stands farther above the item than a wrapped line of one
    name would ('Tugas Pembantuan' a paragraph's space over '1. Program X'; a name's last line
    carried into the next ruled row sits at the line pitch)."""
    tops = [min(w.box.y0 for w in ln) for ln in lines]
    heights = [max(w.box.height for w in ln) for ln in lines]
    pitches = [b - a for a, b in zip(tops[item:], tops[item + 1:])]
    pitch = min(pitches) if pitches else 1.2 * heights[item]
    return tops[item] - tops[item - 1] >= LABEL_SPACING * pitch


def _beside(cells: list[GridCell], label: GridCell, top: float) -> bool:
    """Another cell holds words on the label's line (a number apart): the line is the tail of
    the record above, its other cells' tails beside it, not a section label standing alone."""
    return any(abs(min(w.box.y0 for w in ln) - top) <= ALIGN and not CODE_ONLY.match(_line_text(ln))
               for c in cells if c is not label for ln in word_lines(c.words))


def _line_text(line: list[Word]) -> str:
    return " ".join(w.text for w in sorted(line, key=lambda w: w.box.x0))


def split_stacked_rows(grid: TableGrid) -> TableGrid:
    """The grid with each stacked row split into its sub-rows; other rows unchanged."""
    plans: dict[int, list[float]] = {}
    for r, row in enumerate(grid.rows()):
        single = [c for c in row if c.row_span == 1]
        bands = _label_above(single, _bands(single))
        if bands:
            plans[r] = bands
    if not plans:
        return grid
    shift, new_index = 0, {}
    for r in range(grid.n_rows + 1):
        new_index[r] = r + shift
        shift += len(plans.get(r, [None])) - 1
    cells: list[GridCell] = []
    for cell in grid.cells:
        start, end = new_index[cell.row], new_index[cell.row + cell.row_span]
        if cell.row in plans and cell.row_span == 1:
            cells.extend(_split(cell, plans[cell.row], cell.words, start))
        else:
            cell.row, cell.row_span = start, end - start
            cells.append(cell)
    grid.cells = sorted(cells, key=lambda c: (c.row, c.col))
    grid.n_rows = new_index[grid.n_rows]
    grid.quality = quality(grid)
    return grid


def _split(cell: GridCell, bands: list[float], words: list[Word], start: int) -> list[GridCell]:
    groups = _assign(word_lines(words), bands)
    filled = [i for i, g in enumerate(groups) if g]
    if filled == [0] or not filled:
        # a label written once for the whole group spans it
        cell.row, cell.row_span = start, len(bands)
        return [cell]
    out = []
    for i, group in enumerate(groups):
        text, conf = words_text(group, cell.box)
        box = _box_of(group) or cell.box
        out.append(GridCell(start + i, cell.col, text, box, row_span=1, col_span=cell.col_span,
                            confidence=conf, page=cell.page, words=group))
    return out


def _assign(lines: list[list[Word]], bands: list[float]) -> list[list[Word]]:
    """Lines to sub-rows: a cell holding as many paragraphs (bulleted items, or blocks
    separated by a blank gap) as there are sub-rows gives one paragraph to each, whatever
    its vertical alignment; one holding more (a group label above numbered items) keeps each
    paragraph whole, in the sub-row nearest its first line, so a numbered item's wrapped last
    line ('(04)') stays with it; otherwise each line goes to the sub-row nearest its top."""
    groups: list[list[Word]] = [[] for _ in bands]
    paragraphs = _paragraphs(lines)
    if len(paragraphs) == len(bands):
        for i, para in enumerate(paragraphs):
            groups[i] = [w for line in para for w in line]
        return groups
    limits = [(a + b) / 2 for a, b in zip(bands, bands[1:])] + [float("inf")]
    units = paragraphs if len(paragraphs) > len(bands) else [[line] for line in lines]
    for unit in units:
        top = min(w.box.y0 for w in unit[0])
        groups[next(i for i, lim in enumerate(limits) if top < lim)].extend(w for line in unit for w in line)
    return groups


ITEM_START = re.compile(r"^([•\-–*]|[a-z]\.|\d{1,2}[.)])(\s|$)")


def _paragraphs(lines: list[list[Word]]) -> list[list[list[Word]]]:
    out: list[list[list[Word]]] = []
    for line in lines:
        first = min(line, key=lambda w: w.box.x0)
        top, height = min(w.box.y0 for w in line), max(w.box.height for w in line)
        gap = top - max(w.box.y1 for w in out[-1][-1]) if out else 0.0
        if not out or ITEM_START.match(first.text) or gap > 0.6 * height:
            out.append([line])
        else:
            out[-1].append(line)
    return out


def _box_of(words: list[Word]) -> Box | None:
    if not words:
        return None
    box = words[0].box
    for w in words[1:]:
        box = box.union(w.box)
    return box
