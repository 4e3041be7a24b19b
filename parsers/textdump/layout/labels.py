"""The labels of a space-aligned table's header lines, each over the columns its words stand in.

Per line, a segment whose words reach over several columns is one group label (so is a phrase
naming a period or a measure over years, one set a blank line above the rest, or one whose
words run on across a column's edge); other segments give a label per column. A label
continued on a later line of its column is one label ('TARGE' / 'T' mended), unless the lines
between show two cells: a year over the labels it heads, or two label lines and more between.
How far a label reaches over the columns beside is group_labels.py's.
"""

import re
from dataclasses import dataclass
from typing import Optional

from kinerja.parsers.text.years import YEAR_PATTERN
from kinerja.parsers.textdump.layout.columns import covered
from kinerja.parsers.textdump.layout.lines import LayoutLine, Word


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


def read_labels(lines: list[LayoutLine], columns: list[tuple[int, int]]) -> list[Label]:
    """Labels of the header: per line, segments whose words reach over several columns are
    one group label; others give one label per column. A label continuing the one above it
    over the same columns (a label broken over lines) is joined to it."""
    items: list[tuple[list[Word], int, int, int]] = []  # words, first, last column, line
    top = next((ln for ln in lines if ln.words), None)
    for ln in lines:
        in_order = _years_in_order(ln, columns)
        if in_order:
            items += in_order
            continue
        lone = _lone_top_phrase(ln, top)
        for seg in ln.segments:
            spans = [covered(w, columns) for w in seg]
            if any(b > a for a, b in spans) or _period_group(seg, spans) or lone \
                    or _phrase_of_its_year(seg, spans) \
                    or _measure_over_years(seg, spans, lines, ln.no) or _over_blank(spans, lines, ln.no) \
                    or _one_phrase(seg, spans) or _group_over_labels(seg, spans, lines, ln.no, columns):
                items.append((seg, min(a for a, _ in spans), max(b for _, b in spans), ln.no))
                continue
            cols = _cut_at_units(seg, [a for a, _ in spans])
            by_col: dict[int, list[Word]] = {}
            for w, a in zip(seg, cols):
                by_col.setdefault(a, []).append(w)
            items += [(words, col, col, ln.no) for col, words in by_col.items()]
    labels: list[Label] = []
    filled = sorted({line for *_, line in items})
    for words, first, last, line in items:
        _add_label(labels, words, first, last, line,
                   _opens_sub_labels(items, first, last, line), filled)
    return labels


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


# a label over the periods under it: 'Realisasi Kinerja Pada Triwulan' over 'I  II  III  IV',
# 'Target Kinerja pada Tahun ke-' over '1  2  3  4'
_PERIOD_GROUP = re.compile(r"(?i)^(triwulan|semester|bulan|tw|ke-?)$")


def _period_group(seg: list[Word], spans: list[tuple[int, int]]) -> bool:
    """A phrase naming a kind of period whose words fall in several columns is one label over
    them (a group over its periods, split by the gaps of the sub-columns), not one per column."""
    return len({a for a, _ in spans}) > 1 and any(_PERIOD_GROUP.match(w.text) for w in seg)


def _over_blank(spans: list[tuple[int, int]], lines: list[LayoutLine], line: int) -> bool:
    """A phrase over several columns with a blank line under it, above the header's other
    lines ('REALISASI CAPAIAN' over 'TAHUN KE-1 ... KE-5'): a group label, printed apart from
    the labels it heads (the lines of a wrapped label follow one another)."""
    if len({a for a, _ in spans}) < 2:
        return False
    k = next((i for i, ln in enumerate(lines) if ln.no == line), None)
    if k is None or k + 2 >= len(lines) or lines[k + 1].words:
        return False
    after = next((ln for ln in lines[k + 2:] if ln.words), None)
    # the header's labels after it, not a line of units closing the header ('(Rp)  (Rp)')
    return after is not None and not all(_UNIT_NOTE.match(w.text) for w in after.words)


_UNIT_NOTE = re.compile(r"^\(.{1,8}\)$")
_CONNECTOR = re.compile(r"(?i)^(dan|atau|dan/atau|pada|di|ke|yang|dari|untuk|per|serta|terhadap)$")


MIN_YEARS_IN_ORDER = 3


def _years_in_order(line: LayoutLine, columns: list[tuple[int, int]]
                    ) -> list[tuple[list[Word], int, int, int]]:
    """A line of years only, as many as the columns from the first one's to the table's last
    ('2020 2021 2022 2023 2024' under 'Realisasi' and again under 'Rasio', some printed a space
    apart and run together): one year over each of those columns, in order, however the gaps
    fell. Empty when the counts differ."""
    words = line.words
    if len(words) < MIN_YEARS_IN_ORDER or not all(YEAR_LABEL.match(w.text) for w in words):
        return []
    first = covered(words[0], columns)[0]
    if first + len(words) != len(columns):
        return []
    return [([w], first + k, first + k, line.no) for k, w in enumerate(words)]


LONE_PHRASE_WORDS = 5


def _lone_top_phrase(line: LayoutLine, top: Optional[LayoutLine]) -> bool:
    """A short phrase of words alone on the header's first line ('Capaian Kinerja' centred over
    the years '2017  2018' and their 'Target  Realisasi  %'): one group label, wherever its words
    fall. A year group ('Tahun 2024') is _period_group's and _group_over_labels'."""
    return line is top and len(line.segments) == 1 and len(line.words) <= LONE_PHRASE_WORDS \
        and not any(ch.isdigit() for ch in line.text)


def _phrase_of_its_year(seg: list[Word], spans: list[tuple[int, int]]) -> bool:
    """Words one space apart over several columns closed by their one year ('Target dan Pagu
    Indikatif 2017' over 'K  Rp'): one label naming a year's group, not a label per column."""
    return len({a for a, _ in spans}) >= 2 and len(seg) >= 2 and bool(YEAR_LABEL.match(seg[-1].text)) \
        and not any(YEAR_LABEL.match(w.text) for w in seg[:-1])


def _one_phrase(seg: list[Word], spans: list[tuple[int, int]]) -> bool:
    """Words one space apart falling in several columns read as one phrase when a column's
    part ends on a connector or the next opens in lower case ('Target Kinerja Program dan
    Kerangka Pendanaan'): labels side by side each open with a capital and end on a noun."""
    cols = [a for a, _ in spans]
    if len(set(cols)) < 2:
        return False
    for k in range(1, len(seg)):
        if cols[k] != cols[k - 1] and (_CONNECTOR.match(seg[k - 1].text) or seg[k].text[:1].islower()):
            return True
    return False


def _group_over_labels(seg: list[Word], spans: list[tuple[int, int]], lines: list[LayoutLine],
                       line: int, columns: list[tuple[int, int]]) -> bool:
    """A phrase whose words fall over several columns that each carry labels of their own
    further down the header ('Rencana Tahun 2024', 'Perkiraan Maju Rencana Tahun 2025', 'Hasil
    Analisis Kebutuhan'): one group label, centred over the labels it heads. Two measures side by
    side ('Target Realisasi' over their years) stay two labels, as do a run of years and labels
    that say a word twice."""
    cols = {a for a, _ in spans}
    words = [w.text.lower() for w in seg if len(w.text) > 3]
    if len(cols) < 2 or YEAR_LABEL.match(seg[0].text) or sum(bool(_MEASURE.match(w.text)) for w in seg) > 1 \
            or sum(bool(YEAR_LABEL.match(w.text)) for w in seg) > 1 or len(set(words)) < len(words):
        return False  # (a word said twice: 'Sebelum Perubahan Sesudah Perubahan' is two labels)
    # labels of their own, not the units closing the header ('(Rp)  (Rp)' under 'Sebelum
    # Perubahan Sesudah Perubahan')
    under = {covered(w, columns)[0] for ln in lines if ln.no > line for w in ln.words
             if not _UNIT_NOTE.match(w.text) and w.text not in ("%", "Rp", "Rp.")}
    return len(under & cols) >= 2


# the measure a group of year columns is of: 'Target Renstra Perangkat Daerah' over 2019 ... 2022
_MEASURE = re.compile(r"(?i)^(target|realisasi|rasio|anggaran|pagu)$")


YEAR_LABEL = re.compile(rf"^\(?{YEAR_PATTERN}\)?$")  # '2019', '(2019)'


def _measure_over_years(seg: list[Word], spans: list[tuple[int, int]], lines: list[LayoutLine],
                        line: int) -> bool:
    """A phrase naming one measure, its words over several columns, with two years or more
    printed under it further down the header (below `line`), is one group label over those
    years (two measures side by side, 'Target  Realisasi', are two labels)."""
    if len({a for a, _ in spans}) < 2 or sum(bool(_MEASURE.match(w.text)) for w in seg) != 1:
        return False
    lo, hi = seg[0].x0, seg[-1].x1
    years = [w for ln in lines if ln.no > line for w in ln.words
             if YEAR_LABEL.match(w.text) and lo <= w.cx <= hi]
    return len(years) >= 2


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
               sub: bool, filled: list[int]) -> None:
    """A new label, or the continuation of the label above it over the same columns; a
    sub-label (`sub`: one of a row of labels opening on this line) starts anew."""
    text = " ".join(w.text for w in words)
    for lab in reversed(labels):
        if lab.first == first and lab.last == last:
            if lab.line_end < line and not sub and not _cells_apart(lab, line, filled):
                lab.text = _join_label(lab.text, text)
                lab.line_end = line
                return
            break
        if lab.first <= last and first <= lab.last and lab.line_end < line:
            break  # another label lies between: this one starts anew
    labels.append(Label(text, first, last, line, line, (words[0].x0 + words[-1].x1) / 2,
                        words[0].x0))


def _cells_apart(above: Label, below: int, filled: list[int]) -> bool:
    """Two labels in one column are two cells when two label lines or more stand between them
    (the lines of one wrapped label interleave with a neighbour's staggered lines one at a
    time: 'Rasio' / 'Target Realisasi' / '(%)'), or when the upper one is a year: a year heads
    the labels under it ('2020' over 'Target Capaian Kinerja'); a label does not go on after one."""
    return sum(above.line_end < k < below for k in filled) >= 2 or YEAR_LABEL.match(above.text) is not None


def _join_label(above: str, below: str) -> str:
    """'TARGE' + 'T' -> 'TARGET' (a word broken by a narrow column), else a space."""
    if above[-1:].isupper() and len(below) <= 2 and below.isalpha() and below.isupper():
        return above + below
    if above.endswith("-") and below[:1].isalpha():
        return above + below
    return f"{above} {below}"


def named_columns(labels: list[Label]) -> set[int]:
    """The columns some label stands over."""
    return {c for lab in labels for c in range(lab.first, lab.last + 1)}
