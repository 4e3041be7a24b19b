"""The header of a space-aligned table: its label lines, header rows and column paths.

Header lines are the lines above the body: up to a numbering row ('(1) (2) (3)'), up to the
blank line under a line of labels (with a line of units such as '(Rp)' after it; not when a
header line opens after it: the lines above are its group labels), or while lines are capital
labels, or short labels while some column has none yet (group labels above sub-labels such as
'TW 1  TW 2'); a tall header may open lines above its 'No' or 'Kode' line. The labels are read
in labels.py and widened over the columns they name in group_labels.py. The labels also refine
the columns: a column under two labels (on one line, or on staggered lines sharing no character
column) is cut between them, a column named by no label that holds one line only is a stretched
space, and two figure columns meet halfway between their labels' centres.
"""

import re
from typing import Optional

from kinerja.parsers.text.numbering import is_numbering_row
from kinerja.parsers.text.years import YEAR_PATTERN
from kinerja.parsers.textdump.layout.columns import MIN_COLS, column_of, line_cells, line_texts
from kinerja.parsers.textdump.layout.group_labels import spread_labels
from kinerja.parsers.textdump.layout.labels import YEAR_LABEL, Label, named_columns, read_labels
from kinerja.parsers.textdump.layout.lines import (
    LayoutLine, Word, capitals, has_figure, has_value, is_year, short_labels,
)
from kinerja.parsers.textdump.layout.pairs import mark_words
from kinerja.parsers.textdump.layout.regions import HEADER_FIRST
from kinerja.schema import Cell, Provenance

MAX_HEADER_LINES = 12  # a Renstra matrix of narrow columns wraps its labels over ten lines and more
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
    # a blank line soon after the first line closes a header of label lines, unless a header
    # line opens after it: the lines above are its group labels
    for k in range(first + 1, min(len(lines), first + 5)):
        if not lines[k].words:
            above = [ln for ln in lines[first:k] if ln.words]
            after = next((ln for ln in lines[k:] if ln.words), None)
            if after is not None and HEADER_FIRST.match(after.words[0].text) and _opens_header(after) \
                    and not has_value(after):
                break
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
            break
    return _numbered_opening(lines, filled)


def _numbered_opening(lines: list[LayoutLine], filled: list[int]) -> Optional[int]:
    """A line opening with 'No' or 'Kode' and labels beside, a few lines down under lines
    without figures: the lines above are a tall header's upper lines, their labels wrapped
    ('Data Capaian' / 'pada Tahun' / 'Awal')."""
    for k in filled[1:MAX_HEADER_LINES]:
        if has_value(lines[k]):
            return None
        if _no_line(lines[k], NO_LINE_UNDER_GROUPS):
            return k
    return None


# labels a 'No' line needs under group label lines: the others' labels may stand on lines of
# their own above and below it ('No  Indikator Kinerja' beside 'Target Renstra' / 'Tahun ke-1')
NO_LINE_UNDER_GROUPS = 2


def _group_row(line: LayoutLine) -> bool:
    """A line of group labels over a header: one to three segments of up to six words, each
    opening with a capital, no figure ('Target Kinerja pada Tahun ke-')."""
    return len(line.segments) <= 3 and short_labels(line, 6) and not any(has_figure(w.text) for w in line.words)


def _header_end(lines: list[LayoutLine], first: int, columns: list[tuple[int, int]]) -> int:
    """Past the first header line: lines of capital labels; while some column has no label yet
    (group labels above sub-labels), lines of short labels and blank lines; rows of years or of
    the plan's year ordinals, the 'ke-1  ke-2' ends of broken labels; and wrapped label ends of
    any case down to a line of K and Rp marks under them."""
    named = _named(lines[first], columns)
    end = first + 1
    j = end
    while j < len(lines) and j - first < MAX_HEADER_LINES:
        line = lines[j]
        unnamed = len(named) < len(columns)
        if not line.words and unnamed:
            j += 1
            continue
        if (not unnamed or _years_row(lines[end - 1])) and _banner(line, columns):
            break  # every column labelled, or the years said: a band across the body opens it
        # (a row of years under group labels, with the last words of tall labels beside)
        if not line.words or not (label_line(line) or (unnamed and _label_row(line)) or _ordinal_row(line)
                                  or (_label_row(line) and _years_row(line)) or _ordinal_ends(line)):
            marks = _marks_below(lines, j)
            if marks is None and j == first + 1:
                marks = _years_below(lines, j)
            if marks is None:
                break
            for ln in lines[j:marks]:
                named |= _named(ln, columns)
            line, j = lines[marks], marks
        named |= _named(line, columns)
        j = end = j + 1
    return end


BANNER_COLUMNS = 3  # columns a band's one phrase stands over at least


YEARS_BELOW = 2  # lines of broken label words ('Th', 'et Th', 'sd') over a header's row of years
BROKEN_WORD = 7  # characters at most of the words of a label broken one word a line


def _years_below(lines: list[LayoutLine], j: int) -> Optional[int]:
    """The row of years a line or two below `j`, the header's second line, under lines of short
    label words without figures: 'Hasil' / 'Th' / '2012' stacked one word a line, the year row
    is the header's last."""
    for k in range(j, min(len(lines), j + YEARS_BELOW + 1)):
        if not lines[k].words or has_value(lines[k]):
            return None
        if k == j and any(len(w.text) > BROKEN_WORD for w in lines[k].words):
            return None  # (a line of whole labels, no label's broken end)
        if k > j and _years_row(lines[k]):
            return k
    return None


def _years_row(line: LayoutLine) -> bool:
    return sum(bool(YEAR_LABEL.match(w.text)) for w in line.words) >= 2


def _banner(line: LayoutLine, columns: list[tuple[int, int]]) -> bool:
    """One phrase alone on its line over several columns: a band naming the rows below (an
    agency, a misi, a program), not a label once every column has its own."""
    return len(line.segments) == 1 and len(line.words) >= 2 \
        and len({column_of(w.cx, columns) for w in line.words}) >= BANNER_COLUMNS


def _named(line: LayoutLine, columns: list[tuple[int, int]]) -> set[int]:
    """The columns the line holds words in."""
    return {c for c, cell in enumerate(line_cells(line, columns)) if cell}


def _marks_below(lines: list[LayoutLine], j: int) -> Optional[int]:
    """The index of a line of K and Rp marks ('K  Rp  K  Rp') at most two lines below line j,
    none of the lines down to it holding a figure: the lines between are the wrapped ends of
    a tall header's labels ('dan Kegiatan  (2016)'), however they are cased."""
    for k in range(j, min(len(lines), j + 3)):
        if any(has_figure(w.text) and not YEAR_LABEL.match(w.text) for w in lines[k].words):
            return None
        if k > j and mark_words([lines[k]]):
            return k
    return None


def _ordinal_ends(line: LayoutLine) -> bool:
    """A line of nothing but the ends of 'Tahun ke-1' labels broken over two lines ('ke-1
    ke-2 ke-3'): still the header, though every column has a label already."""
    return all(_ORDINAL.match(w.text) for w in line.words)


def _ordinal_row(line: LayoutLine) -> bool:
    """Years and the plan's year ordinals under a header: '(2019)  1  2  3  4  (2023)', maybe
    beside the last words of tall labels: 'Tahun', or words in capitals left of them ('KINERJA
    1  2  3  4  5'); a row 'Jumlah Inovasi  1  2  3  4  5' is the body's."""
    words = [w.text for w in line.words]
    ordinals = [k for k, t in enumerate(words) if re.fullmatch(r"\d{1,2}", t)]
    if len(ordinals) < 2 or [int(words[k]) for k in ordinals] != list(range(1, len(ordinals) + 1)):
        return False
    return all(re.fullmatch(r"\d{1,2}", t) or YEAR_LABEL.match(t) or _PERIOD_WORD.match(t)
               or (k < ordinals[0] and t.isalpha() and t.isupper()) for k, t in enumerate(words))


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
    return not any(has_figure(w.text) and not _period_number(words, k) and not YEAR_LABEL.match(w.text)
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
    return label_line(line) or _no_line(line)


def _no_line(line: LayoutLine, labels: int = 3) -> bool:
    """`labels` labels or more opening with 'No' or 'Kode': a header's own line."""
    return len(line.segments) >= labels and bool(HEADER_FIRST.match(line.words[0].text))


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


def header_labels(lines: list[LayoutLine], columns: list[tuple[int, int]],
                  spread: bool = True) -> list[Label]:
    """The header's labels (labels.py), with `spread` each widened over the columns it names
    (group_labels.py)."""
    labels = read_labels(lines, columns)
    return spread_labels(labels, columns) if spread else labels


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
        apart = _apart_across_lines(header, a, b)
        if len(apart) > len(cuts):
            cuts = apart
        edges = [a] + cuts + [b]
        out += [(edges[i], edges[i + 1]) for i in range(len(edges) - 1)]
    return out


def _apart_across_lines(header: list[LayoutLine], a: int, b: int) -> list[int]:
    """Cuts between the labels of a column's header lines that share no character column
    ('Target' / '2022' staggered beside 'Formula / Penjelasan'): the lines of one cell's label,
    centred or aligned, overlap one another, so labels side by side are two cells' even when
    their lines are staggered (a one-line label centred beside a two-line one)."""
    spans = sorted((seg[0].x0, seg[-1].x1) for ln in header for seg in _label_items(ln)
                   if a <= (seg[0].x0 + seg[-1].x1) / 2 < b)
    groups: list[list[int]] = []
    for x0, x1 in spans:
        if groups and x0 <= groups[-1][1] + 1:
            groups[-1][1] = max(groups[-1][1], x1)
        else:
            groups.append([x0, x1])
    return [(left[1] + right[0]) // 2 for left, right in zip(groups, groups[1:])]


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


def lone_columns_joined(columns: list[tuple[int, int]], labels: list[Label],
                        body: list[LayoutLine]) -> list[tuple[int, int]]:
    """Under a header, a column no label names that holds words on one body line only is a
    justified line's stretched space ('Jumlah      LPK'): part of the column on its left."""
    if not labels:
        return columns
    named = named_columns(labels)
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
    named = named_columns(labels)
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
    named = named_columns(labels)
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
