"""Rows of a table in cell runs, read row by row: one run per column.

A row opens with its number (numbered_rows) or a dotted code (coded_rows), or holds a unit cell
(unit_rows). Runs left over before the next number are continuation rows whose first cells span
from the row above; a row one run short because a figure shares the line of the cell before it
is split; anything else ends the table there. check_rows ends a table at the first row whose
value columns hold prose.
"""

import re

from kinerja.parsers.textdump.cellruns.header import Header, same_header
from kinerja.parsers.textdump.cellruns.runs import (
    AMOUNT,
    NUMBERISH,
    ROW_NUMBER,
    Run,
    column_kind,
    holds_several,
    is_header_run,
    is_row_number,
    is_unit_cell,
    is_value,
)
from kinerja.schema import Lexicon


def check_rows(rows: list[list[Run | None]], header: Header, lex: Lexicon) -> tuple[list[list[Run | None]], list[str]]:
    """Keep rows up to the first whose value columns hold prose or whose name columns hold a bare
    figure: a cell shifted from its column shows as one of these."""
    kinds = [column_kind(c, lex) for c in header.columns]
    for r, row in enumerate(rows):
        for kind, cell in zip(kinds, row):
            if cell is None:
                continue
            if (kind == "value" and not is_value(cell.text)) or (kind == "name" and AMOUNT.match(cell.text)) \
                    or holds_several(cell.text):
                start = min(c.start for c in row if c is not None)
                return rows[:r], [f"the row at line {start}: a cell does not fit its column; the table "
                                  "ends before it"]
    return rows, []


def numbered_rows(runs: list[Run], header: Header, lex: Lexicon) -> tuple[list[list[Run | None]], int, list[str]]:
    """Rows that open with their number in the NO column: number i, then width-1 cells, then number
    i+1. Fewer than width runs more before i+1 are a continuation row whose leading cells span
    from the row above (they fill the last columns). A repeated header between rows is skipped;
    the first row that fits neither way ends the table."""
    width = len(header.columns)
    rows: list[list[Run | None]] = []
    notes: list[str] = []
    k = header.last + 1
    first = ROW_NUMBER.match(runs[k].text) if k < len(runs) else None
    expected = int(first.group(1)) if first else 1  # a table continued from the previous page
    while k < len(runs):
        skip = _repeated_header(runs, k, header, notes, lex)
        if skip:
            k += skip
            continue
        if rows and _unnumbered_row(runs, k, width, expected):
            rows.append([None] + runs[k:k + width - 1])
            notes.append(f"the row at line {runs[k].start} prints no number where {expected} was due: "
                         f"read as row {expected}, its cells between rows {expected - 1} and {expected + 1}")
            expected += 1
            k += width - 1
            continue
        if not is_row_number(runs[k], expected) or k + width > len(runs):
            break
        nxt = _next_row_start(runs, k + width, k + max(2 * width, width + 8), expected + 1, header, lex)
        end = k + width if nxt is None else nxt
        cells = runs[k:end]
        if nxt is None and _row_ends(runs, k + width - 1, expected + 1, header, lex):
            split = split_merged_figure(runs[k:k + width - 1], header, lex)  # one run short
            if split is None:
                notes.append(f"row {expected} at line {runs[k].start}: a cell short of the {width} columns; "
                             "the table ends before it")
                break
            cells, end = split, k + width - 1
            notes.append(f"row {expected} at line {runs[k].start}: a figure printed on the line of the cell "
                         "before it was split off into its own column")
        labels = {c.lower() for c in header.columns}
        if any(c.text.lower() in labels for c in cells[1:]):
            break  # a header cell inside the row: the rows lost their order
        if nxt is None and _numbered_like(runs[k], expected + 1, cells[1:]):
            notes.append(f"row {expected} at line {runs[k].start}: the next row's number sits among its "
                         "cells (a cell is missing); the table ends before it")
            break
        more = continuation_rows(cells[:width], cells[width:], header, lex)
        if more is None:
            notes.append(f"row {expected} at line {runs[k].start}: its cells do not fit the {width} "
                         "columns; the table ends before it")
            break
        rows.append(list(cells[:width]))
        rows += more
        if more:
            notes.append(f"row {expected} at line {runs[k].start}: {len(cells) - width} more cell(s) read "
                         f"as {len(more)} continuation row(s) filling the last columns (their first "
                         "cells span from above)")
        expected += 1
        k = end
    return rows, k, notes

CODE_ANCHOR = re.compile(r"^\d{1,2}(?:\.\d{1,4}){1,6}\.?$")


def coded_rows(runs: list[Run], header: Header, lex: Lexicon) -> tuple[list[list[Run | None]], int, list[str]]:
    """Rows that open with a dotted code ("1.1", "1.1.2") in a column the header leaves unnamed:
    the code, then exactly one cell per header column, then the next code."""
    width = len(header.columns) + 1
    rows: list[list[Run | None]] = []
    notes: list[str] = []
    k = header.last + 1
    named = [j + 1 for j, label in enumerate(header.columns) if column_kind(label, lex) != "value"]
    coded = Header(header.first, header.last, ["Kode"] + header.columns)
    while k < len(runs) and CODE_ANCHOR.match(runs[k].text) and len(runs[k].lines) == 1:
        cells = runs[k:k + width]
        if k + width - 1 < len(runs) and CODE_ANCHOR.match(runs[k + width - 1].text):
            split = split_merged_figure(runs[k:k + width - 1], coded, lex)  # one run short
            if split is None:
                break
            notes.append(f"the row at line {runs[k].start}: a figure printed on the line of the cell before "
                         "it was split off into its own column")
            rows.append(split)
            k += width - 1
            continue
        # a code where a name is due: the row is short of a cell ("1.5" in a value column is a figure)
        if len(cells) < width or any(CODE_ANCHOR.match(cells[j].text) for j in named):
            break
        after = k + width
        if after < len(runs) and not CODE_ANCHOR.match(runs[after].text) \
                and any(CODE_ANCHOR.match(r.text) for r in runs[after:after + 2]):
            notes.append(f"the row at line {runs[k].start}: its cells do not fit the {width} columns; "
                         "the table ends before it")
            break
        rows.append(list(cells))
        k = after
    return rows, k, notes


def _numbered_like(number: Run, following: int, cells: list[Run]) -> bool:
    """A cell reading as the next row number while no next row follows: the row is a cell short
    (a figure equal to it, in the last row, is given up with it)."""
    return any(c.text in (f"{following}", f"{following}.") for c in cells)

_TRAILING_FIGURE = re.compile(r"^(.*\S)\s+((?:rp\.?\s*)?\(?\d[\d.,]*\)?\s*%?)$", re.I)


def split_merged_figure(cells: list[Run], header: Header, lex: Lexicon) -> list[Run] | None:
    """A row one run short because pdftotext put a figure on the same line as the cell before it
    ('Kegiatan Administrasi Barang milik daerah 21,991,112.00'): split it off when exactly one
    line of one cell ends with a figure and the column after that cell holds figures."""
    kinds = [column_kind(c, lex) for c in header.columns]
    found = []
    for c, run in enumerate(cells):
        if c + 1 >= len(kinds) or kinds[c] == "value" or kinds[c + 1] != "value":
            continue
        for i, line in enumerate(run.lines):
            m = _TRAILING_FIGURE.match(line.strip())
            if m and NUMBERISH.search(m.group(2)) and len(re.findall(r"[A-Za-z]{3,}", m.group(1))) >= 2:
                found.append((c, i, m))
    if len(found) != 1:
        return None
    c, i, m = found[0]
    run = cells[c]
    kept = run.lines[:i] + [m.group(1)] + run.lines[i + 1:]
    return cells[:c] + [Run(kept, run.start, run.end), Run([m.group(2)], run.start + i, run.start + i)] + cells[c + 1:]


def _unnumbered_row(runs: list[Run], k: int, width: int, expected: int) -> bool:
    """width-1 cells and then the number after `expected`: a row whose number pdftotext put
    elsewhere (or the PDF left out)."""
    if k + width - 1 >= len(runs) or not is_row_number(runs[k + width - 1], expected + 1):
        return False
    return not any(ROW_NUMBER.match(r.text) for r in runs[k:k + width - 1])


def continuation_rows(row: list[Run], extra: list[Run], header: Header, lex: Lexicon) -> list[list[Run | None]] | None:
    """Runs left over between a full row and the next number: rows whose leading cells span from
    the row above (a sasaran with several indicators, a quarter per sub-row), m cells each, filling
    the last m columns. The m that puts figures in every value column and names in the name
    columns is taken; where several do, the one whose rows repeat the full row's label word
    ('Triwulan I' ... 'Triwulan II') wins, else the reading is ambiguous and None."""
    width = len(header.columns)
    if not extra:
        return []
    fits: list[tuple[bool, list[list[Run | None]]]] = []
    for m in range(min(len(extra), width - 1), 0, -1):
        if len(extra) % m:
            continue
        groups = [extra[g:g + m] for g in range(0, len(extra), m)]
        rows = [[None] * (width - m) + list(g) for g in groups]
        if len(check_rows(rows, header, lex)[0]) != len(rows) or _value_in_name_column(rows, header, lex):
            continue
        if len(groups) > 1 and not all(_holds_figure(r, header, lex) for r in rows):
            continue  # several sub-rows, each must bring a figure of its own
        fits.append((all(_same_label(row[width - m], g[0]) for g in groups), rows))
    labelled = [rows for same, rows in fits if same]
    if len(labelled) == 1:
        return labelled[0]
    return fits[0][1] if len(fits) == 1 else None


def _holds_figure(row: list[Run | None], header: Header, lex: Lexicon) -> bool:
    kinds = [column_kind(c, lex) for c in header.columns]
    return any(cell is not None and kind == "value" for kind, cell in zip(kinds, row))


def _value_in_name_column(rows: list[list[Run | None]], header: Header, lex: Lexicon) -> bool:
    kinds = [column_kind(c, lex) for c in header.columns]
    return any(cell is not None and kind == "name" and is_value(cell.text)
               for row in rows for kind, cell in zip(kinds, row))


def _same_label(above: Run, cell: Run) -> bool:
    a, b = above.text.split(), cell.text.split()
    return bool(a and b) and a[0].lower() == b[0].lower() and not NUMBERISH.search(a[0])


def _next_row_start(runs: list[Run], first: int, last: int, number: int, header: Header, lex: Lexicon) -> int | None:
    """Index of the run opening row `number` (or a repeated header) in runs[first:last]."""
    for j in range(first, min(last, len(runs))):
        if _row_ends(runs, j, number, header, lex):
            return j
    return None


def _row_ends(runs: list[Run], at: int, next_number: int, header: Header, lex: Lexicon) -> bool:
    return is_row_number(runs[at], next_number) or bool(same_header(runs, at, header, lex))


def _repeated_header(runs: list[Run], k: int, header: Header, notes: list[str], lex: Lexicon) -> int:
    """Runs of a header repeated at `k` (a page break inside the table), noted; 0 if none."""
    skip = same_header(runs, k, header, lex)
    if skip:
        notes.append(f"header repeated at line {runs[k].start} dropped")
    return skip


def unit_rows(runs: list[Run], header: Header, unit_col: int, lex: Lexicon) -> tuple[list[list[Run | None]], int, list[str]]:
    """Rows of a sheet without numbers, anchored on the SATUAN cell: the cells after it fill the
    columns after SATUAN exactly; the 1..unit_col cells before it fill the columns before it from
    the right (leading columns spanning several rows print once, on their first row)."""
    width = len(header.columns)
    after_n = width - unit_col - 1
    rows: list[list[Run | None]] = []
    notes: list[str] = []
    k = header.last + 1
    while k < len(runs):
        skip = _repeated_header(runs, k, header, notes, lex)
        if skip:
            k += skip
            continue
        anchor = next((j for j in range(k + 1, min(k + unit_col + 1, len(runs))) if is_unit_cell(runs[j], lex)), None)
        if anchor is None:
            break
        before = runs[k:anchor]
        after = runs[anchor + 1:anchor + 1 + after_n]
        if len(after) < after_n or any(is_unit_cell(r, lex) or is_header_run(r, lex) for r in before + after):
            break
        rows.append([None] * (unit_col - len(before)) + before + [runs[anchor]] + after)
        k = anchor + 1 + after_n
    spanned = sum(1 for row in rows if row[0] is None)
    if spanned:
        notes.append(f"{spanned} row(s) print no cell in their first column(s): read as spanned from "
                     "the row above and left empty")
    return rows, k, notes
