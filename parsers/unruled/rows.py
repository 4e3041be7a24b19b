"""Rows and cells of a table without rulings, from its lines and its column edges.

Word exports align every cell's text to the top of its row, and the row below starts after
the tallest cell and the cell padding. So in each column the text falls into blocks (lines
no farther apart than the line spacing; a wider gap, or a change of the columns a line
spans, ends a block), and each block start is a row top (starts closer than half a line are
one). A block reaching past the next row top spans those rows (a merged cell: 'SASARAN'
beside its indicators, a header label beside a two-row header). A segment reaching over
several columns makes one cell spanning them.

When no gap stands out (cells printed without padding, or a page holding one tall row of a
long table), rows start at lines holding a value or opening a numbered item (item_tops).
A list whose short cells are centred in their rows beside wrapped ones (lines overlapping
off the line grid) starts a row at each number of its first column (numbered_tops). In a
list without padding, a line back at the left edge of an item whose first line hangs out
left of its wrapped lines starts the next item (blocks._outdented). Header rows: header_rows.py.
"""

import re
from bisect import bisect_right

from kinerja.parsers.grid.headers import is_value
from kinerja.parsers.grid.model import GridCell
from kinerja.parsers.page.geometry import Box
from kinerja.parsers.page.lines import Line, Segment
from kinerja.parsers.page.words import Word, words_text
from kinerja.parsers.unruled.blocks import (ROW_GAP, SAME_TOP, Block, blocks, cut_at,
                                             line_spacing, row_tops)
from kinerja.parsers.unruled.header_rows import header_apart, header_levels

MIN_BODY_GAPS = 3  # gaps between body lines that can show them evenly spaced on their own
HEADER_LINES = 3  # lines a header of an unpadded table may take


def rows(region: list[Line], placed, n_cols: int, height: float) -> tuple[list[Block], list[float]]:
    """Blocks and row tops. When the lines are evenly spaced (cells printed without padding,
    or a page holding one tall row) the gaps say nothing: see item_tops."""
    if _evenly_spaced(region, height):
        tops = item_tops(region, placed)
        return header_apart(cut_at(blocks(placed, n_cols, float("inf")), tops, height), tops,
                            placed, n_cols, height)
    tops = numbered_tops(region, placed, height)
    if tops:
        return header_apart(cut_at(blocks(placed, n_cols, float("inf")), tops, height), tops,
                            placed, n_cols, height)
    row_gap = line_spacing(placed, n_cols) + ROW_GAP * height
    found = blocks(placed, n_cols, row_gap)
    tops = _figures_under_label(found, row_tops(found, height), row_gap, height)
    return found, header_levels(found, tops, height)


def _evenly_spaced(region: list[Line], height: float) -> bool:
    """No gap between lines stands out, except one under a header of a few lines. A header's
    lines set tighter than the body's (a label over its unit) leave the body's gaps to judge."""
    gaps = [b.box.y0 - a.box.y1 for a, b in zip(region, region[1:])]
    if not gaps:
        return True
    body = gaps[HEADER_LINES:]
    if len(body) >= MIN_BODY_GAPS and max(body) <= min(body) + ROW_GAP * height:
        return True
    wide = [i for i, g in enumerate(gaps) if g > min(gaps) + ROW_GAP * height]
    return not wide or (len(wide) == 1 and wide[0] < HEADER_LINES)


NUMBER = re.compile(r"^(\d{1,3})[.)]?$")
CENTRED = 0.2  # line heights: lines overlapping more than this are set off-grid (centred)


def numbered_tops(region: list[Line], placed, height: float) -> list[float]:
    """Row tops of a list whose cells are centred in their rows (each short cell halfway
    down beside a wrapped one, its lines overlapping the wrapped lines): gaps and block
    starts then cut every row in two. When the first column numbers the rows 1, 2, 3..., each
    number starts a row; lines above the first one are the header."""
    overlapping = sum(1 for a, b in zip(region, region[1:])
                      if a.box.y0 + CENTRED * height < b.box.y0 < a.box.y1 - CENTRED * height)
    if overlapping < 2:
        return []
    firsts = sorted((s for f, l, s in placed if f == l == 0), key=lambda s: s.box.y0)
    numbered = [i for i, s in enumerate(firsts) if NUMBER.match(s.text)]
    if len(numbered) < 3 or numbered != list(range(numbered[0], len(firsts))):
        return []
    values = [int(NUMBER.match(firsts[i].text).group(1)) for i in numbered]
    if values != list(range(values[0], values[0] + len(values))):
        return []
    tops = [firsts[i].box.y0 for i in numbered]
    tops = _with_sub_rows(tops, _figure_lines(region, placed), height)
    tops = _with_repeated_figures(tops, region, placed, height)
    return ([region[0].box.y0] if region[0].box.y1 < tops[0] else []) + tops


MIN_FIGURES = 2  # value cells on one line that make it a record's line of figures


def _figure_lines(region: list[Line], placed) -> list[float]:
    """Tops of the lines holding figures in MIN_FIGURES columns or more."""
    single = _one_column(placed)
    return [ln.box.y0 for ln in region if _figures(ln, single) >= MIN_FIGURES]


def _one_column(placed) -> set[int]:
    """The ids of the segments that keep to one column."""
    return {id(s) for f, l, s in placed if f == l}


DASHES = {"-", "\u2013", "\u2014"}  # printed for a figure the form has not
# a figure with its unit word: '38 Bulan', '5 km', '1.927 Orang' (one word: not a code and its
# name '1.02 Urusan Kesehatan', nor a year '2025 Dokumen')
COUNTED = re.compile(r"^[-+]?(?!(19|20)\d\d\b)\d[\d.,]*\s[A-Za-z][a-z/]{0,11}$")



def _figures(line: Line, single: set[int]) -> int:
    """The value cells of a line: its one-column segments reading as a value, as a figure
    with its unit, or as the dash a form prints for a figure it has not."""
    return sum(1 for s in line.segments if id(s) in single and
               (is_value(s.text) or s.text.strip() in DASHES or
                (len(s.text) <= 25 and COUNTED.match(s.text))))


def _with_sub_rows(tops: list[float], figures: list[float], height: float) -> list[float]:
    """A numbered row holding two lines of figures or more holds as many records (a sasaran
    with two indicators, each with its targets): each further line of figures starts one."""
    out = []
    for k, top in enumerate(tops):
        end = tops[k + 1] if k + 1 < len(tops) else float("inf")
        inside = [y for y in figures if top - SAME_TOP * height <= y < end - SAME_TOP * height]
        out += [top] + inside[1:]
    return out


# a rupiah amount: 'Rp' before it, ',-' / '.-' / ',00' after it, or digits grouped to the millions
MONEY = re.compile(r"^(?:rp\.?\s*\d[\d.,]*|\d[\d.,]*(?:[.,]-|,00)|\d{1,3}(?:[.,]\d{3}){2,}(?:[.,]\d{1,2})?)\s*-?$", re.I)


def _with_repeated_figures(tops: list[float], region: list[Line], placed, height: float) -> list[float]:
    """A line of a numbered row that prints a figure of the same kind in a column where the
    row has one already, beside text, starts a record of its own: a sasaran with three
    indicators, each with its satuan and one target ('100', then '775', then '95'). A rupiah
    amount under a K figure ('90%' over 'Rp 3.988.048.000') is the same record's."""
    single = _one_column(placed)
    col_of = {id(s): f for f, l, s in placed}
    starts = [t - SAME_TOP * height for t in tops]
    out = list(tops)
    row, seen = None, {}  # the numbered row in force; column -> its figure is money
    for line in sorted(region, key=lambda ln: ln.box.y0):
        k = bisect_right(starts, line.box.y0) - 1
        if k < 0:
            continue
        if k != row:
            row, seen = k, {}
        figures = {col_of[id(s)]: bool(MONEY.match(s.text.strip())) for s in line.segments
                   if id(s) in single and is_value(s.text)}
        text = any(id(s) not in single or not is_value(s.text) for s in line.segments)
        again = any(seen.get(c) == money for c, money in figures.items())
        if again and text and line.box.y0 > tops[k] + SAME_TOP * height:
            if all(abs(t - line.box.y0) >= SAME_TOP * height for t in out):
                out.append(line.box.y0)
            seen = {}
        seen.update(figures)
    return sorted(out)

ITEM = re.compile(r"^(\d{1,3}|[a-zA-Z]|[IVXL]{1,5})[.)](\s|$)")


def item_tops(region: list[Line], placed) -> list[float]:
    """Row tops among evenly spaced lines: a line holding a value ('Rp. 900.000.000,-',
    '2,50%') or opening a numbered item in the first column starts a row, other lines wrap
    the cells above. Without such lines, lines all filling the same columns are a row each
    (one-line rows), and anything else is one tall row."""
    first_of = {id(s): f for f, l, s in placed}
    single = _one_column(placed)
    tops = [region[0].box.y0]
    filled = []
    for line in region:
        cols = frozenset(first_of[id(s)] for s in line.segments)
        filled.append(cols)
        starts = _figures(line, single) > 0 or \
            any(first_of[id(s)] == 0 and ITEM.match(s.text) for s in line.segments)
        if starts and line is not region[0]:
            tops.append(line.box.y0)
    if len(tops) >= 2:
        return tops
    common = max(set(filled), key=filled.count)
    if len(common) >= 2 and filled.count(common) >= 0.8 * len(filled):
        return [ln.box.y0 for ln in region]
    return tops


def _figures_under_label(found: list[Block], tops: list[float], row_gap: float,
                         height: float) -> list[float]:
    """A row of figures alone, set under the row above no farther than one line of a cell
    from the next and only in columns that row leaves empty, is that row's second line: the
    form prints a kegiatan's rupiah under its K (in a column 'Rp' of its own, or in one cell
    with it), and a 'Jumlah' over its totals."""
    out = tops[:1]
    for top in tops[1:]:
        starting = [b for b in found if abs(b.top - top) <= SAME_TOP * height]
        above = [b for b in found if out[-1] - SAME_TOP * height <= b.top < top - SAME_TOP * height]
        figures = starting and all(all(is_value(s.text) for s in b.parts) for b in starting)
        close = above and top - max(b.bottom for b in above) <= row_gap
        apart = not any(a.first <= b.last and b.first <= a.last for a in above for b in starting)
        if not (figures and close and apart):
            out.append(top)
    return out


def _row_of(y: float, tops: list[float], height: float) -> int:
    row = 0
    for i, t in enumerate(tops):
        if y >= t - SAME_TOP * height:
            row = i
    return row


def cells(found: list[Block], tops: list[float], edges: list[float], height: float,
          page: int) -> list[GridCell]:
    """One cell per (row, first column): the blocks starting there joined, spanning the rows
    whose tops the text reaches past and the columns its segments reach over."""
    slots: dict[tuple[int, int], list[Block]] = {}
    for b in found:
        slots.setdefault((_row_of(b.top, tops, height), b.first), []).append(b)
    out: list[GridCell] = []
    taken: dict[tuple[int, int], GridCell] = {}
    for (row, first), group in sorted(slots.items()):
        segs = sorted((s for b in group for s in b.parts), key=lambda s: (s.box.y0, s.box.x0))
        if (row, first) in taken:  # text under a cell spanning its column joins that cell
            _add(taken[(row, first)], segs)
            continue
        last = max(b.last for b in group)
        bottom = max(b.bottom for b in group)
        span = 1 + sum(1 for t in tops[row + 1:] if t < bottom - SAME_TOP * height)
        span = _free_span(row, first, last, span, taken)
        words = [Word(s.box, s.text) for s in segs]
        box = Box(edges[first], tops[row], edges[last + 1],
                  tops[row + span] if row + span < len(tops) else bottom)
        text, conf = _stacked_characters(segs) or words_text(words, box)
        cell = GridCell(row, first, text, box, row_span=span, col_span=last - first + 1,
                        confidence=conf, page=page, words=words)
        out.append(cell)
        taken.update({(r, c): cell for r in range(row, row + span) for c in range(first, last + 1)})
    for row in range(len(tops)):  # empty slots, so every row reads across all columns
        for col in range(len(edges) - 1):
            if (row, col) not in taken:
                bottom = tops[row + 1] if row + 1 < len(tops) else tops[row] + height
                out.append(GridCell(row, col, "", Box(edges[col], tops[row], edges[col + 1],
                                                      bottom), page=page))
    return sorted(out, key=lambda c: (c.row, c.col))


def _add(cell: GridCell, segs: list[Segment]) -> None:
    cell.words = sorted(cell.words + [Word(s.box, s.text) for s in segs],
                        key=lambda w: (w.box.y0, w.box.x0))
    cell.text, cell.confidence = words_text(cell.words, cell.box)


def _stacked_characters(segs: list[Segment]) -> tuple[str, None] | None:
    """A word too long for a very narrow column, wrapped a character or two per line
    ('T' / 'W' / '1', '0,' / '5'): the lines joined without spaces. Whole figures of two digits
    stacked ('60' / '31') are two values: glued they would make a number nobody printed."""
    if len(segs) < 2 or any(len(s.text) > 2 or " " in s.text for s in segs):
        return None
    if all(s.text.isdigit() for s in segs) and len(segs[0].text) > 1:
        return None  # '60' over '31': two rows' figures run together, not one number wrapped
    return "".join(s.text for s in segs), None


def _free_span(row: int, first: int, last: int, span: int, taken: set) -> int:
    """A cell's row span cut where it would overlap a cell already placed."""
    for k in range(1, span):
        if any((row + k, c) in taken for c in range(first, last + 1)):
            return k
    return span
