"""The header of a space-aligned table: its label lines, labels, header rows and column paths.

Header lines are the lines above the body: up to a numbering row ('(1) (2) (3)'), up to the
blank line under a line of labels (with a line of units such as '(Rp)' after it), or while
lines are capital labels, or short labels while some column has none yet (group labels above
sub-labels such as 'TW 1  TW 2'). A label is a header segment's words over one column, or over several
when its words reach across gutters (a group label), or when sub-labels under it and beside it
show it names the columns beside (a group label printed at the left of its merged cell, '2023'
over 'Target  Realisasi  % Capaian'); a label continued on the next line in the same column is
one label ('TARGE' / 'T' mended). The labels also refine the columns: a column
under two labels is cut between them, a column named by no label that holds one line only is
a stretched space, and two figure columns meet halfway between their labels' centres.
"""

import re
from dataclasses import dataclass
from typing import Optional

from kinerja.parsers.text.numbering import is_numbering_row
from kinerja.parsers.text.years import YEAR_PATTERN
from kinerja.parsers.textdump.layout.columns import MIN_COLS, column_of, covered, line_cells, line_texts
from kinerja.parsers.textdump.layout.lines import LayoutLine, Word, capitals, has_figure, has_value, is_year
from kinerja.parsers.textdump.layout.regions import HEADER_FIRST
from kinerja.schema import Cell, Provenance

MAX_HEADER_LINES = 8
# a numbering row closes a header even after many lines: a form's narrow columns wrap their
# labels over twenty lines and more
NUMBERING_SCAN = 32
_PERIOD_WORD = re.compile(r"^(tw|triwulan|semester|tahun|th\.?)$", re.I)
_UNIT_LABEL = re.compile(rf"^(\(.{{1,8}}\)|{YEAR_PATTERN}|[IVX]{{1,4}}|TW)$")


def split_header(lines: list[LayoutLine], columns: list[tuple[int, int]]
                 ) -> tuple[list[LayoutLine], Optional[LayoutLine], list[LayoutLine]]:
    """Header lines, the numbering row if any, body lines. A first line holding a figure, or
    not reading as labels (cell text carried over from the page before), opens no header."""
    filled = [i for i, ln in enumerate(lines) if ln.words]
    for k in filled[1:NUMBERING_SCAN]:
        # by its words: the columns found so far may split or join the numbers wrongly
        if (is_numbering_row([w.text for w in lines[k].words])
                or is_numbering_row(line_texts(lines[k], columns))) and _from_the_left(lines[k], columns):
            return lines[:k], lines[k], lines[k + 1:]
    if not filled:
        return [], None, lines
    first = filled[0]
    if has_value(lines[first]):
        return [], None, lines
    # a blank line soon after the first line closes a header of label lines
    for k in range(first + 1, min(len(lines), first + 5)):
        if not lines[k].words:
            above = [ln for ln in lines[first:k] if ln.words]
            if all(not has_value(ln) for ln in above) and _labels_first(lines[first]):
                return lines[:_unit_lines_after(lines, k)], None, lines[_unit_lines_after(lines, k):]
            break
    opener = _opening_line(lines, filled)
    if opener is None:
        return [], None, lines
    end = _header_end(lines, opener, columns)
    return lines[:end], None, lines[end:]


def _from_the_left(line: LayoutLine, columns: list[tuple[int, int]]) -> bool:
    """A row numbering the table's columns starts at its first column (or the second, beside a
    bullet column); '1 2 3 4 5' over the target columns alone ('Target pada Tahun ke-') are
    labels naming the years."""
    return column_of(line.words[0].cx, columns) <= 1


GROUP_LINES = 3  # label lines of group labels ('Kondisi   Target Kinerja pada Tahun ke-') over a header's opening line


def _opening_line(lines: list[LayoutLine], filled: list[int]) -> Optional[int]:
    """The line the header's labels run on from: the first line when it reads as labels, or a
    line a few lines down that opens a header ('No  Sasaran  Indikator ...') under lines of
    short group labels only (a tall header whose top lines name merged cells: they are the
    header's too); None for no header."""
    if _labels_first(lines[filled[0]]):
        return filled[0]
    for k in filled[:GROUP_LINES + 1]:
        if k != filled[0] and _opens_header(lines[k]):
            return k
        if not (_group_row(lines[k]) or _label_row(lines[k])):
            return None
    return None


def _group_row(line: LayoutLine) -> bool:
    """A line of group labels over a header: one to three segments of up to six words, each
    opening with a capital, no figure ('Target Kinerja pada Tahun ke-')."""
    segments = line.segments
    return len(segments) <= 3 and all(len(seg) <= 6 and seg[0].text[:1].isupper() for seg in segments) \
        and not any(has_figure(w.text) for w in line.words)


def _header_end(lines: list[LayoutLine], first: int, columns: list[tuple[int, int]]) -> int:
    """Past the first header line: lines of capital labels; and, while some column has no
    label yet (group labels above sub-labels), lines of short labels and blank lines."""
    named = {c for c, cell in enumerate(line_cells(lines[first], columns)) if cell}
    end = first + 1
    j = end
    while j < len(lines) and j - first < MAX_HEADER_LINES:
        line = lines[j]
        unnamed = len(named) < len(columns)
        if not line.words and unnamed:
            j += 1
            continue
        if not line.words or not (label_line(line) or (unnamed and _label_row(line)) or _ordinal_row(line)
                                  or (_label_row(line) and sum(bool(_YEAR.match(w.text)) for w in line.words) >= 2)):
            break  # (a row of years under group labels, with the last words of tall labels beside)
        named |= {c for c, cell in enumerate(line_cells(line, columns)) if cell}
        j = end = j + 1
    return end


def _ordinal_row(line: LayoutLine) -> bool:
    """Years and the plan's year ordinals under a header: '(2019)  1  2  3  4  (2023)'."""
    words = [w.text for w in line.words]
    ordinals = [int(t) for t in words if re.fullmatch(r"\d{1,2}", t)]
    return len(ordinals) >= 2 and ordinals == list(range(1, len(ordinals) + 1)) \
        and all(re.fullmatch(r"\d{1,2}", t) or _YEAR.match(t) for t in words)


_ORDINAL = re.compile(r"^ke-?\d{1,2}$", re.I)  # the end of 'Tahun ke-1' broken over two lines


def _label_row(line: LayoutLine) -> bool:
    """A line of short labels: segments of four words at most, each opening with a capital or a
    bracket, and no figure but a period's number or a year ('TW 1', 'Tahun 2023', '(2016)')."""
    segments = line.segments
    if any(len(seg) > 4 for seg in segments):
        return False
    if any(seg[0].text[0].isalpha() and not seg[0].text[0].isupper() and not _ORDINAL.match(seg[0].text)
           for seg in segments):
        return False
    words = line.words
    return not any(has_figure(w.text) and not _period_number(words, k) and not _YEAR.match(w.text)
                   for k, w in enumerate(words))


def _unit_lines_after(lines: list[LayoutLine], k: int) -> int:
    """Past the blank line closing a header, a line of units or years only ('(Rp)  (Rp)') is
    still the header's: the end of the header."""
    j = k
    while j < len(lines) and not lines[j].words:
        j += 1
    if j < len(lines) and lines[j].words and all(_UNIT_LABEL.match(w.text) for w in lines[j].words):
        return j + 1
    return k


def _labels_first(line: LayoutLine) -> bool:
    """A first header line: one that opens a header (_opens_header), or three or more segments
    each opening with a capital, a figure or a bracket ('Tahun  Belanja Operasi  Jumlah')."""
    return _opens_header(line) or (len(line.segments) >= MIN_COLS and all(
        not seg[0].text[0].isalpha() or seg[0].text[0].isupper() for seg in line.segments))


def _opens_header(line: LayoutLine) -> bool:
    """A header's first line holds labels: in capitals, or three or more opening with 'No'
    ('No.  Sasaran Strategis  Indikator Kinerja  Target'); cell text carried over from the
    page before is neither."""
    return label_line(line) or (len(line.segments) >= 3 and bool(HEADER_FIRST.match(line.words[0].text)))


def label_line(line: LayoutLine) -> bool:
    """Header labels: capitals, years, '(%)' or a period's number ('TW 1'), no other figures."""
    words = line.words
    return all(capitals(w.text) or is_year(w.text) or not any(ch.isalnum() for ch in w.text)
               or re.fullmatch(r"\(.{1,6}\)", w.text) or _period_number(words, k)
               for k, w in enumerate(words))


def _period_number(words: list[Word], k: int) -> bool:
    """'1' in 'TW 1', 'II' in 'Triwulan II'."""
    return k > 0 and bool(_PERIOD_WORD.match(words[k - 1].text)) \
        and bool(re.fullmatch(r"\d{1,2}|[IVX]{1,4}", words[k].text))


@dataclass
class Label:
    """A header label and the columns it names."""

    text: str
    first: int  # first column covered
    last: int  # last column covered
    line: int
    line_end: int
    x: Optional[float] = None  # centre character column of its first line
    x0: Optional[int] = None  # first character column of its first line


def header_labels(lines: list[LayoutLine], columns: list[tuple[int, int]],
                  spread: bool = True) -> list[Label]:
    """Labels of the header: per line, segments whose words reach over several columns are
    one group label; others give one label per column. A label continuing the one above it
    over the same columns (a label broken over lines) is joined to it."""
    items: list[tuple[list[Word], int, int, int]] = []  # words, first, last column, line
    for ln in lines:
        for seg in ln.segments:
            spans = [covered(w, columns) for w in seg]
            if any(b > a for a, b in spans) or _period_group(seg, spans) \
                    or _measure_over_years(seg, spans, lines, ln.no):
                items.append((seg, min(a for a, _ in spans), max(b for _, b in spans), ln.no))
                continue
            cols = _cut_at_units(seg, [a for a, _ in spans])
            by_col: dict[int, list[Word]] = {}
            for w, a in zip(seg, cols):
                by_col.setdefault(a, []).append(w)
            items += [(words, col, col, ln.no) for col, words in by_col.items()]
    labels: list[Label] = []
    for words, first, last, line in items:
        _add_label(labels, words, first, last, line, _opens_sub_labels(items, first, last, line))
    if not spread:
        return labels
    labels = _over_cycles(labels, columns)
    return _over_unlabelled(_over_sub_labels(_centred_over_sub_labels(labels, columns)))


_UNIT_END = re.compile(r"^\((?:rp\.?|%|persen|juta|ribu)\)$", re.I)


def _cut_at_units(seg: list[Word], cols: list[int]) -> list[int]:
    """Columns of the words of one segment that several columns' labels share, one space apart:
    a unit in brackets ends a label ('ANGGARAN (Rp) REALISASI (Rp)'), so when the segment
    reaches over as many columns as it holds such labels, label k names column k, however the
    gutter between figures of uneven width was cut."""
    first, last = min(cols), max(cols)
    ends = [k for k, w in enumerate(seg) if _UNIT_END.match(w.text)]
    if first == last or not ends or ends[-1] != len(seg) - 1 or len(ends) != last - first + 1:
        return cols
    out, col = [], first
    for k in range(len(seg)):
        out.append(col)
        if k in ends:
            col += 1
    return out


def _over_sub_labels(labels: list[Label]) -> list[Label]:
    """A label over one column with sub-labels under it ('2023' over 'Target'), opening where
    they open, names the columns right of it that hold sub-labels on the same lower line and
    no label of their own at its level: a group label printed at the left of its merged cell
    ('2023' over 'Target  Realisasi  % Capaian'), or not reaching across it ('TARGET TAHUNAN'
    over '2023 ... 2026')."""
    for lab in sorted(labels, key=lambda lab: lab.line):
        if lab.first != lab.last:
            continue
        subs = _sub_labels(labels, lab, lab.first)
        if not subs or any(o.first != o.last for o in subs) or not _left_aligned(lab, subs):
            continue
        top = min(o.line for o in subs)
        c = lab.last + 1
        while True:
            under = _sub_labels(labels, lab, c)
            blocked = any(o is not lab and o.first <= c <= o.last and o.line <= lab.line_end
                          and not o.first <= lab.first <= o.last for o in labels)
            if blocked or not under or abs(min(o.line for o in under) - top) > 1:
                break
            c += 1
        lab.last = c - 1
    return labels


CENTRED = 0.15  # of the group's width: how far off its middle a centred group label may stand


# a label over the periods under it: 'Realisasi Kinerja Pada Triwulan' over 'I  II  III  IV',
# 'Target Kinerja pada Tahun ke-' over '1  2  3  4'
_PERIOD_GROUP = re.compile(r"(?i)^(triwulan|semester|bulan|tw|ke-?)$")


def _period_group(seg: list[Word], spans: list[tuple[int, int]]) -> bool:
    """A phrase naming a kind of period whose words fall in several columns is one label over
    them (a group over its periods, split by the gaps of the sub-columns), not one per column."""
    return len({a for a, _ in spans}) > 1 and any(_PERIOD_GROUP.match(w.text) for w in seg)


# the measure a group of year columns is of: 'Target Renstra Perangkat Daerah' over 2019 ... 2022
_MEASURE = re.compile(r"(?i)^(target|realisasi|rasio|anggaran|pagu)$")
_YEAR = re.compile(rf"^\(?{YEAR_PATTERN}\)?$")  # '2019', '(2019)'


def _measure_over_years(seg: list[Word], spans: list[tuple[int, int]], lines: list[LayoutLine],
                        line: int) -> bool:
    """A phrase naming one measure, its words over several columns, with two years or more
    printed under it further down the header (below `line`), is one group label over those
    years (two measures side by side, 'Target  Realisasi', are two labels)."""
    if len({a for a, _ in spans}) < 2 or sum(bool(_MEASURE.match(w.text)) for w in seg) != 1:
        return False
    lo, hi = seg[0].x0, seg[-1].x1
    years = [w for ln in lines if ln.no > line for w in ln.words if _YEAR.match(w.text) and lo <= w.cx <= hi]
    return len(years) >= 2


def _over_cycles(labels: list[Label], columns: list[tuple[int, int]]) -> list[Label]:
    """Sub-labels printed in cycles under a header ('2019 ... 2022' under each of 'Target',
    'Realisasi', 'Rasio'; 'Target  Realisasi  %' under each year): a label above them standing
    over one cycle alone names that cycle, wherever in it it stands (centred, or at its left)."""
    for cycle in _cycles(labels):
        first, last = cycle[0].first, cycle[-1].last
        left, right = columns[first][0], columns[last][1]
        above = [o for o in labels if o.line_end < cycle[0].line and o.x is not None
                 and left <= o.x <= right and o.first >= first and o.last <= last + 1]
        by_line: dict[int, list[Label]] = {}
        for o in above:
            by_line.setdefault(o.line, []).append(o)
        for group in by_line.values():
            if len(group) == 1:
                group[0].first, group[0].last = first, last
    return labels


MAX_CYCLE = 6  # sub-labels in one cycle at most


def _cycles(labels: list[Label]) -> list[list[Label]]:
    """The cycles of the longest run of one-column labels on one line, side by side, whose
    texts repeat with a period of 2 .. MAX_CYCLE (two cycles at least)."""
    by_line: dict[int, list[Label]] = {}
    for o in labels:
        if o.first == o.last:
            by_line.setdefault(o.line, []).append(o)
    best: list[list[Label]] = []
    for row in by_line.values():
        row.sort(key=lambda o: o.first)
        texts = [o.text.strip().lower() for o in row]
        for period in range(2, MAX_CYCLE + 1):
            for start in range(len(row)):
                n = 0
                while start + n + period < len(row) and texts[start + n] == texts[start + n + period] \
                        and row[start + n + period].first == row[start + n + period - 1].first + 1:
                    n += 1
                cycles = (n + period) // period
                if cycles >= 2 and n + period > sum(len(c) for c in best) \
                        and all(row[k + 1].first == row[k].first + 1 for k in range(start, start + period - 1)):
                    best = [row[start + k * period:start + (k + 1) * period] for k in range(cycles)]
    return best


def _centred_over_sub_labels(labels: list[Label], columns: list[tuple[int, int]]) -> list[Label]:
    """A label over one column, centred over a run of columns whose labels all end on the
    header's last label line under it, names that run: 'Triwulan' centred over 'I II III IV',
    'Target' over 'Tahun 2017' and the quarters. Columns with a label on the group label's own
    lines (a neighbour at its level), or whose label ends higher (a tall cell centred in the
    header: 'Satuan'), are not in the run; the label must stand over the run's middle."""
    for lab in sorted(labels, key=lambda lab: -lab.line):
        if lab.x is None:
            continue
        bottom = _bottom_line(labels, lab, lab.first)
        if bottom is None or any(_bottom_line(labels, lab, c) != bottom for c in range(lab.first, lab.last + 1)):
            continue
        if _left_aligned(lab, _sub_labels(labels, lab, lab.first)):
            continue  # a label at the left of its merged cell: _over_sub_labels
        first, last = lab.first, lab.last
        while first > 0 and _in_group(labels, lab, first - 1, bottom):
            first -= 1
        while last + 1 < len(columns) and _in_group(labels, lab, last + 1, bottom):
            last += 1
        run = _centred_run(labels, lab, columns, first, last)
        if run is not None:
            lab.first, lab.last = run
    return labels


def _centred_run(labels: list[Label], lab: Label, columns: list[tuple[int, int]], lo: int, hi: int
                 ) -> Optional[tuple[int, int]]:
    """Within columns lo..hi, the widest run around the label's columns that it stands over the
    middle of, holding two of its sub-labels at least (among equals, the one nearest its
    middle): years centred over 'Target  Realisasi  %' each take their three columns, not the
    next year's first."""
    under = {c: _sub_labels(labels, lab, c) for c in range(lo, hi + 1)}
    best = None
    for a in range(lo, lab.first + 1):
        for b in range(lab.last, hi + 1):
            if (a, b) == (lab.first, lab.last):
                continue
            left, right = columns[a][0], columns[b][1]
            off = abs(lab.x - (left + right) / 2)
            subs = {id(o) for c in range(a, b + 1) for o in under[c] if a <= o.first and o.last <= b}
            if off > max(2.0, CENTRED * (right - left)) or len(subs) < 2:
                continue
            key = (b - a, -off)
            if best is None or key > best[0]:
                best = (key, (a, b))
    return best[1] if best else None


def _bottom_line(labels: list[Label], lab: Label, c: int) -> Optional[int]:
    """The last line of the labels under `lab` over column c, None if none is under it."""
    under = _sub_labels(labels, lab, c)
    return max(o.line_end for o in under) if under else None


def _in_group(labels: list[Label], lab: Label, c: int, bottom: int) -> bool:
    level = any(o is not lab and o.first <= c <= o.last and o.line <= lab.line_end and o.line_end >= lab.line
                for o in labels)
    return not level and _bottom_line(labels, lab, c) == bottom


def _left_aligned(lab: Label, subs: list[Label]) -> bool:
    """The label opens where its column's sub-labels open: printed at the left of a merged
    cell (a label centred over its group sits over a middle column, naming no side)."""
    starts = [o.x0 for o in subs if o.x0 is not None]
    return lab.x0 is not None and bool(starts) and abs(lab.x0 - min(starts)) <= 1


def _sub_labels(labels: list[Label], lab: Label, c: int) -> list[Label]:
    """Labels over column c on lines below `lab`."""
    return [o for o in labels if o.first <= c <= o.last and o.line > lab.line_end]


def _over_unlabelled(labels: list[Label]) -> list[Label]:
    """A column no label names, with a labelled column further right, is under the label to
    its left (a merged header cell over a number column and a name column: 'Program/Kegiatan'
    over '1.1' and 'PROGRAM PENUNJANG ...')."""
    if not labels:
        return labels
    named = _named(labels)
    right = max(named)
    for lab in sorted(labels, key=lambda lab: lab.first):
        if any(o.first <= lab.first and lab.last <= o.last and o is not lab for o in labels):
            continue  # a sub-label keeps to its columns
        while lab.last + 1 < right and lab.last + 1 not in named:
            lab.last += 1
            named.add(lab.last)
    return labels


def _opens_sub_labels(items: list[tuple[list[Word], int, int, int]], first: int, last: int,
                      line: int) -> bool:
    """An item on `line` whose right neighbour column is first labelled on that same line, its
    own column holding nothing under the neighbour's last label line: the first of a row of
    sub-labels, not the rest of the label above it ('2023' / 'Target' beside 'Realisasi';
    whereas 'INDIKATOR' / 'TUJUAN' or 'JUMLAH' / 'DESA' / 'UCI' stand above and below the
    lines of their neighbours' labels, centred in a taller header)."""
    lines = [ln for _, a, b, ln in items if a <= last + 1 <= b]
    if not lines or min(lines) != line:
        return False
    return not any(ln > max(lines) for _, a, b, ln in items if a == first and b == last)


def _add_label(labels: list[Label], words: list[Word], first: int, last: int, line: int,
               sub: bool = False) -> None:
    """A new label, or the continuation of the label above it over the same columns; a
    sub-label (`sub`: one of a row of labels opening on this line) starts anew."""
    text = " ".join(w.text for w in words)
    for lab in reversed(labels):
        if lab.first == first and lab.last == last:
            if lab.line_end < line and not sub:
                lab.text = _join_label(lab.text, text)
                lab.line_end = line
                return
            break
        if lab.first <= last and first <= lab.last and lab.line_end < line:
            break  # another label lies between: this one starts anew
    labels.append(Label(text, first, last, line, line, (words[0].x0 + words[-1].x1) / 2,
                        words[0].x0))


def _join_label(above: str, below: str) -> str:
    """'TARGE' + 'T' -> 'TARGET' (a word broken by a narrow column), else a space."""
    if above[-1:].isupper() and len(below) <= 2 and below.isalpha() and below.isupper():
        return above + below
    if above.endswith("-") and below[:1].isalpha():
        return above + below
    return f"{above} {below}"


def header_cells(labels: list[Label], n_cols: int, lines: list[LayoutLine], file: str,
                 table_index: int) -> tuple[list[list[Cell]], list[str]]:
    """Header rows by nesting: a label inside another's columns sits one row lower; a label
    with nothing under it spans down to the last header row."""
    def level(lab: Label) -> int:
        return sum(1 for o in labels if o is not lab and o.first <= lab.first and lab.last <= o.last
                   and (o.last - o.first) > (lab.last - lab.first))

    if not labels:
        return [], [""] * n_cols
    levels = {id(lab): level(lab) for lab in labels}
    depth = max(levels.values()) + 1
    page = next((ln.page for ln in lines if ln.words), None)
    rows: list[list[Cell]] = [[] for _ in range(depth)]
    for lab in sorted(labels, key=lambda lab: (levels[id(lab)], lab.first)):
        lv = levels[id(lab)]
        below = any(levels[id(o)] > lv and lab.first <= o.first and o.last <= lab.last for o in labels)
        rows[lv].append(Cell(
            text=lab.text, row=lv, col=lab.first, col_span=lab.last - lab.first + 1,
            row_span=1 if below else depth - lv,
            provenance=Provenance(file=file, line_start=lab.line, line_end=lab.line_end,
                                  table=table_index, col=lab.first, page=page)))
    ordered = sorted(labels, key=lambda lab: (levels[id(lab)], lab.line))
    paths = []
    for c in range(n_cols):
        # a title across the whole table names no column
        parts = [lab.text for lab in ordered if lab.first <= c <= lab.last
                 and not (depth > 1 and lab.first == 0 and lab.last == n_cols - 1)]
        paths.append(" / ".join(parts))
    return [r for r in rows if r], paths


def split_by_labels(columns: list[tuple[int, int]], header: list[LayoutLine]) -> list[tuple[int, int]]:
    """A column under two or more labels of one header line (set apart by two spaces or more,
    or period labels 'TW 1 TW 2') is as many columns, cut halfway between the labels: figures
    of a narrow column printed one space from the column before ran the two together."""
    out: list[tuple[int, int]] = []
    for a, b in columns:
        cuts: list[int] = []
        for ln in header:
            segs = [(seg[0].x0, seg[-1].x1) for seg in _label_items(ln) if a <= (seg[0].x0 + seg[-1].x1) / 2 < b]
            if len(segs) >= 2 and len(segs) - 1 > len(cuts):
                cuts = [(left[1] + right[0]) // 2 for left, right in zip(segs, segs[1:])]
        edges = [a] + cuts + [b]
        out += [(edges[i], edges[i + 1]) for i in range(len(edges) - 1)]
    return out


def _label_items(line: LayoutLine) -> list[list[Word]]:
    """The line's segments, a run of period labels one space apart ('TW 1 TW 2 TW 3') cut
    into one label each."""
    out: list[list[Word]] = []
    for seg in line.segments:
        pairs = [k for k in range(1, len(seg)) if _period_number(seg, k)]
        if len(pairs) < 2:
            out.append(seg)
            continue
        free = False
        k = 0
        while k < len(seg):
            if k + 1 in pairs:
                out.append(seg[k:k + 2])
                k, free = k + 2, False
                continue
            if free:
                out[-1].append(seg[k])
            else:
                out.append([seg[k]])
            k, free = k + 1, True
    return out


def _named(labels: list[Label]) -> set[int]:
    """The columns some label stands over."""
    return {c for lab in labels for c in range(lab.first, lab.last + 1)}


def lone_columns_joined(columns: list[tuple[int, int]], labels: list[Label],
                        body: list[LayoutLine]) -> list[tuple[int, int]]:
    """Under a header, a column no label names that holds words on one body line only is a
    justified line's stretched space ('Jumlah      LPK'): part of the column on its left."""
    if not labels:
        return columns
    named = _named(labels)
    used: dict[int, set[int]] = {}
    for ln in body:
        for c, cell in enumerate(line_cells(ln, columns)):
            if cell:
                used.setdefault(c, set()).add(ln.no)
    out = [columns[0]]
    for c in range(1, len(columns)):
        if c not in named and len(used.get(c, ())) <= 1:
            out[-1] = (out[-1][0], columns[c][1])
        else:
            out.append(columns[c])
    return out


def empty_headed_joined(columns: list[tuple[int, int]], labels: list[Label],
                        body: list[LayoutLine]) -> list[tuple[int, int]]:
    """A labelled column with nothing under it beside an unlabelled one holding the body's
    words on its left is one column: short cells left-aligned under a centred label ('APBD'
    under 'Keterangan', '1.' under 'No')."""
    if not labels:
        return columns
    named = _named(labels)
    used = {c for ln in body for c, cell in enumerate(line_cells(ln, columns)) if cell}
    out = [columns[0]]
    for c in range(1, len(columns)):
        if c in named and c not in used and c - 1 not in named and c - 1 in used:
            out[-1] = (out[-1][0], columns[c][1])
        else:
            out.append(columns[c])
    return out


def text_columns_joined(columns: list[tuple[int, int]], labels: list[Label],
                        values: set[int]) -> list[tuple[int, int]]:
    """Text columns no label names, right of a labelled text column, are that column's cell
    split by the stretched spaces of justified lines ('Meningkatnya     lapis' over
    'Meningkatnya     waktu'): one column. A column of figures or codes stays apart."""
    if not labels:
        return columns
    named = _named(labels)
    out = [columns[0]]
    for c in range(1, len(columns)):
        if c not in named and c not in values and c - 1 not in values and max(named) > c:
            out[-1] = (out[-1][0], columns[c][1])
        else:
            out.append(columns[c])
    return out


def label_centres(labels: list[Label], n_cols: int) -> list[Optional[float]]:
    """Per column, the centre of the lowest label over it alone (labels sit centred over
    their column), None where there is none."""
    out: list[Optional[float]] = [None] * n_cols
    for lab in sorted(labels, key=lambda lab: lab.line):
        if lab.first == lab.last and lab.x is not None:
            out[lab.first] = lab.x
    return out


def between_value_labels(columns: list[tuple[int, int]], centres: list[Optional[float]],
                         values: set[int]) -> list[tuple[float, float]]:
    """Two neighbouring figure columns meet halfway between their labels' centres: centred
    figures of different widths spread past the gutter the words alone leave."""
    out = [tuple(col) for col in columns]
    for c in range(len(out) - 1):
        if c in values and c + 1 in values and centres[c] is not None and centres[c + 1] is not None:
            mid = (centres[c] + centres[c + 1]) / 2
            if out[c][0] < mid < out[c + 1][1]:
                out[c], out[c + 1] = (out[c][0], mid), (mid, out[c + 1][1])
    return out
