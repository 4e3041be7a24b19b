"""Tables pdftotext wrote column by column: NO 1 2 3 4, then PROGRAM and its names, then ANGGARAN
and its figures.

The numbers give the row count; names are split at their lead word (Program, Kegiatan,
Persentase ...), figures are read one by one; the table stands only when every column holds
that many items (or one more, the last a total).
"""

import re

from kinerja.parsers.textdump.cellruns.runs import (
    NO_LABEL,
    Run,
    column_kind,
    is_header_run,
    is_row_number,
    label_words,
)
from kinerja.schema import Lexicon

_TOTAL = re.compile(r"^\s*(?:jumlah|total|jumlah total)\s*:?\s*$", re.I)
_VALUE_LINE = re.compile(r"^(?:rp\.?|[\d.,%\s\-])+$", re.I)
# a figure as printed: thousands with dots (a stray space after a dot is a wrap), decimals with a
# comma or a point, an optional percent sign
_FIGURE = re.compile(r"\d{1,3}(?:\.\s?\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?(?:\s*%)?")


def _label_lines(run: Run, lex: Lexicon) -> int:
    """How many leading lines of the run are column-header words."""
    n = 0
    for line in run.lines:
        if not is_header_run(Run([line], 0, 0), lex):
            break
        n += 1
    return n


def stacked_columns(runs: list[Run], at: int, lex: Lexicon) -> tuple[list[Run], list[list[Run]], int, list[str]] | None:
    """A table pdftotext wrote column by column: NO and its numbers 1..n, then each column's header
    word followed by its n items (names split at their lead word, figures read one by one).
    Returns the label runs, the columns' items, the index after the last run read and notes; None
    unless every column holds n items (or every non-number column n+1, the last a total)."""
    first = runs[at]
    if not NO_LABEL.match(first.lines[0]):
        return None
    if len(first.lines) > 1:
        numbers = [Run([line], first.start + i, first.start + i) for i, line in enumerate(first.lines[1:], 1)]
        j = at + 1
    elif at + 1 < len(runs):
        nxt = runs[at + 1]
        numbers = [Run([line], nxt.start + i, nxt.start + i) for i, line in enumerate(nxt.lines)]
        j = at + 2
    else:
        return None
    if len(numbers) < 2 or any(not is_row_number(r, k) for k, r in enumerate(numbers, 1)):
        return None
    n = len(numbers)
    labels, columns = [Run(first.lines[:1], first.start, first.start)], [numbers]
    while j < len(runs):
        head = _label_lines(runs[j], lex)
        if not head or head == len(runs[j].lines) and j + 1 < len(runs) and _label_lines(runs[j + 1], lex):
            break  # no label, or a header cell of another table
        run = runs[j]
        label = Run(run.lines[:head], run.start, run.start + head - 1)
        content = [(run.start + i, line) for i, line in enumerate(run.lines) if i >= head]
        j += 1
        value_col = column_kind(label.text, lex) == "value"
        while j < len(runs):
            figures = all(_VALUE_LINE.match(line) for line in runs[j].lines)  # "Rp." alone is no header
            if (value_col and not figures) or (not value_col and _label_lines(runs[j], lex)):
                break
            content += [(runs[j].start + i, line) for i, line in enumerate(runs[j].lines)]
            j += 1
        items = _figures(content) if value_col else _names(content, label.text, lex)
        if items is None:
            return None
        labels.append(label)
        columns.append(items)
        if value_col and len(items) >= n:
            break_here = j >= len(runs) or not _label_lines(runs[j], lex)
            if break_here:
                break
    counts = {len(c) for c in columns[1:]}
    kinds = [column_kind(label.text, lex) for label in labels]
    if len(columns) < 3 or "value" not in kinds or len(counts) != 1:
        return None
    rows = counts.pop()
    if rows == n:
        return labels, columns, j, []
    if rows == n + 1 and all(kind != "name" or _TOTAL.match(c[-1].text) for kind, c in zip(kinds, columns)):
        return labels, columns, j, ["the last row (a total) prints no number"]
    return None


def _figures(content: list[tuple[int, str]]) -> list[Run]:
    """The figures of a value column, one per printed figure; a lone '-' is an empty value."""
    out = []
    for no, line in content:
        if line.strip() in ("-", "–"):
            out.append(Run([line], no, no, value="-"))
            continue
        for m in _FIGURE.finditer(line):
            out.append(Run([line], no, no, value=re.sub(r"\s+(?=\d)", "", m.group())))
    return out


def _leads(word: str, lex: Lexicon) -> tuple[str, ...]:
    """Words the items of a column headed `word` start with (a column of indicators: their names'
    lead words)."""
    return lex.name_leads if word == "indikator" else lex.item_leads.get(word, ())


def _names(content: list[tuple[int, str]], label: str, lex: Lexicon) -> list[Run] | None:
    """Items of a name column: a new item at each line opening with the column's lead word."""
    words = label_words(label)
    leads = next((_leads(w, lex) for w in words if _leads(w, lex)), None)
    if leads is None or not content:
        return None
    items: list[list[tuple[int, str]]] = []
    for no, line in content:
        stripped = line.strip()
        if _TOTAL.match(stripped) or any(stripped.startswith(lead + " ") for lead in leads) or not items:
            items.append([(no, line)])
        else:
            items[-1].append((no, line))
    if not all(any(i[0][1].strip().startswith(lead + " ") for lead in leads) or _TOTAL.match(i[0][1])
               for i in items):
        return None  # text before the first item: not a column of names
    return [Run([t for _, t in item], item[0][0], item[-1][0]) for item in items]
