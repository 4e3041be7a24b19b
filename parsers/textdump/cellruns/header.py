"""The header of a table in cell runs: its labels, one per column.

Header cells come first, each a short run of header words. Two-level headers come out either
with the group label in the first child's run ('2023' above 'Target') or one level after the
other ('2023', '2024', 'Target', 'Realisasi', ...); a column-numbering row (1) (2) ... under the
header says how many columns there are. Unit cells of a second header line ('(Rp)') join the
labels above them.
"""

import re
from dataclasses import dataclass, field

from kinerja.parsers.text.numbering import numbering_width
from kinerja.parsers.text.years import is_year
from kinerja.parsers.textdump.cellruns.runs import Run, is_header_run, label_words
from kinerja.schema import Lexicon


@dataclass
class Header:
    """Where a table's header sits among the runs and the label of each column."""

    first: int          # index of the first header run
    last: int           # index of the last header run (numbering row included)
    columns: list[str]  # one label per column
    runs: list[Run] = field(default_factory=list)
    numbered: bool = False  # a column-numbering row (1) (2) ... confirmed the column count


def find_header(runs: list[Run], at: int, lex: Lexicon) -> Header | None:
    """The header starting at runs[at]: consecutive header runs naming a name column and a measure
    or unit column, followed by an optional column-numbering row ((1) (2) ... or 1 2 ...)."""
    k = at
    while k < len(runs) and (is_header_run(runs[k], lex) or k > at and is_year(runs[k].text)) \
            and not _breaks_between(runs, at, k):
        k += 1  # a bare year inside the header heads a group of columns
    cols = runs[at:k]
    if len(cols) < 3:
        return None
    words = {w for r in cols for w in label_words(r.text)}
    if not words & lex.name_headers or not words & (lex.measure_headers | {lex.unit_header} | lex.definition_headers):
        return None
    last = k - 1
    labels = _attach_unit_labels(_spread_year_groups(cols, lex))
    numbering = numbering_width([r.text for r in runs[k:k + len(labels)]]) == len(labels)
    if not numbering:
        width = numbering_width(runs[j].text for j in range(k, len(runs)))
        grouped = _year_group_row(cols, width, lex) if width and width < len(labels) else None
        if grouped:
            labels, numbering = grouped, True
    if numbering:
        last = k + len(labels) - 1
    return Header(at, last, labels, list(cols[:len(labels)]), numbering)


def _year_group_row(cols: list[Run], width: int, lex: Lexicon) -> list[str] | None:
    """Labels of a two-level header printed one level after the other: 'No', 'Indikator', '2023',
    '2024', 'Target', 'Realisasi', '% Capaian', 'Target', ... The numbering row says how many
    columns there are; the bare years beyond that head equal groups of the measure labels after
    them. None unless the counts work out exactly."""
    texts = [r.text for r in cols]
    years = [j for j, t in enumerate(texts) if is_year(t)]
    if not years or years != list(range(years[0], years[0] + len(years))) or len(texts) - len(years) != width:
        return None
    after = years[-1] + 1
    leaves = after
    while leaves < len(texts) and set(label_words(texts[leaves])) <= lex.yearly_measures:
        leaves += 1
    size, extra = divmod(leaves - after, len(years))
    if size == 0 or extra:
        return None
    grouped = [f"{texts[years[g // size]]} / {texts[after + g]}" for g in range(leaves - after)]
    return texts[:years[0]] + grouped + texts[leaves:]


def _spread_year_groups(cols: list[Run], lex: Lexicon) -> list[str]:
    """'2023' printed above 'Target' in one run heads a group: the year goes to the measure labels
    after it ('Realisasi', '% Capaian') up to the next year or a label of another kind."""
    labels: list[str] = []
    year = None
    for run in cols:
        first = run.lines[0].strip()
        if is_year(first) and len(run.lines) > 1:
            year = first
            labels.append(f"{year} / " + " ".join(line.strip() for line in run.lines[1:]))
        elif year and set(label_words(run.text)) <= lex.yearly_measures:
            labels.append(f"{year} / {run.text}")
        else:
            year = None
            labels.append(run.text)
    return labels

_UNIT_LABEL = re.compile(r"^\(?(?:rp\.?|%|persen)\)?$", re.I)


def _attach_unit_labels(labels: list[str]) -> list[str]:
    """'Sebelum', 'Sesudah', '(Rp)', '(Rp)': unit cells printed under the last columns' labels (a
    second header line) belong to them."""
    m = 0
    while m < len(labels) and _UNIT_LABEL.match(labels[len(labels) - 1 - m]):
        m += 1
    if m < 2 or 2 * m > len(labels):  # one '%' alone is a column of its own (capaian)
        return labels
    named = labels[:len(labels) - m]
    return named[:len(named) - m] + [f"{a} {u}" for a, u in zip(named[len(named) - m:], labels[len(labels) - m:])]


def _breaks_between(runs: list[Run], first: int, k: int) -> bool:
    return k > first and runs[k].page_break_before is not None


def same_header(runs: list[Run], at: int, header: Header, lex: Lexicon) -> int:
    """Length of a repeated header (a table continued on the next page) at runs[at], else 0."""
    again = find_header(runs, at, lex)
    if again is None or [c.lower() for c in again.columns] != [c.lower() for c in header.columns]:
        return 0
    return again.last - again.first + 1
