"""Tables of plain pdftotext dumps, whose cells come out as runs of lines.

pdftotext without -layout writes a ruled table cell by cell: each cell is a run of lines (its
text wrapped at the cell width) and runs are separated by blank lines; nothing marks the
columns. What still tells the table apart from prose:

- the column headers come first, each a short run of the genre's header words (NO, SASARAN,
  INDIKATOR KINERJA, SATUAN, TARGET, REALISASI, ANGGARAN, TW I, 2024 ...);
- a row opens with its number (1, 2, 3 ...) in the NO column or a dotted code (1.1, 1.1.2), or
  holds a lone unit word in the SATUAN column (definition sheets);
- value columns hold figures ("100 %", "Rp 5.733.449.100", "0,93", "-").

The steps: lines_to_runs (runs) -> find_header (header) -> one reading of the rows,
each exact about counts (a value paired with the wrong row is worse than none):
- numbered_rows / coded_rows (rows): header cells, then rows of one run per column between
  row numbers (codes); fewer runs before the next number are continuation rows whose first cells
  span from the row above; a repeated header (next page) is skipped;
- definition_rows (sheets): definition sheets whose cells come out of column order: a unit
  cell anchors indicator (before it), definition and formula (after it);
- stacked_columns (stacked): tables written column by column (NO 1 2 3 4, PROGRAM ...,
  ANGGARAN ...): the numbers give the row count and every column must hold that many items;
-> check_rows -> to_table. The text of rows not read stays prose; tables are flagged
low_confidence with notes saying what was guessed. insert_tables is the entry point textdump
calls.
"""

from dataclasses import dataclass, field

from kinerja.parsers.textdump.cellruns.header import Header, find_header
from kinerja.parsers.textdump.cellruns.rows import (
    CODE_ANCHOR,
    check_rows,
    coded_rows,
    numbered_rows,
    unit_rows,
)
from kinerja.parsers.textdump.cellruns.runs import Run, column_kind, label_words, lines_to_runs
from kinerja.parsers.textdump.cellruns.sheets import definition_rows
from kinerja.parsers.textdump.cellruns.stacked import stacked_columns
from kinerja.schema import Cell, Lexicon, PageBreak, Provenance, Table


@dataclass
class Recovered:
    """A table found in the runs: its header, rows of runs and what was guessed."""

    header: Header
    rows: list[list[Run | None]]
    start: int  # first line (header's)
    end: int    # last line
    anchor: str
    notes: list[str] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)  # form-feed lines crossed
    columns: list[str] = field(default_factory=list)  # labels when not the header's own

    def used_lines(self) -> set[int]:
        runs = list(self.header.runs) + [c for row in self.rows for c in row if c is not None]
        return {no for r in runs for no in range(r.start, r.end + 1)}


def find_tables(lines: list[str], lex: Lexicon, furniture: set[int] = frozenset()) -> list[Recovered]:
    """Every table recoverable from the runs of `lines`, in order."""
    if not lex:
        return []  # without a genre's words no header or unit cell is known
    runs = lines_to_runs(lines, furniture)
    found: list[Recovered] = []
    k = 0
    while k < len(runs):
        stacked = stacked_columns(runs, k, lex)
        if stacked is not None:
            found.append(_stacked_table(runs, k, *stacked))
            k = stacked[2]
            continue
        header = find_header(runs, k, lex)
        if header is None:
            k += 1
            continue
        if _is_definition_sheet(header, lex):
            rows, notes = definition_rows(runs, header.first, lex)
            anchor, columns, more = "definition", list(lex.definition_columns), []
        else:
            rows, _, notes, anchor = _rows(runs, header, lex)
            columns = (["Kode"] if anchor == "coded" else []) + header.columns
            rows, more = check_rows(rows, Header(header.first, header.last, columns), lex)
        if len(rows) < 2 and not (rows and _single_row_trusted(header, columns, lex)):
            k = header.last + 1
            continue
        last = max(c.end for row in rows for c in row if c is not None)
        first = runs[header.first].start
        breaks = [r.page_break_before for r in runs[header.first + 1:] if r.page_break_before
                  and first <= r.page_break_before <= last]
        found.append(Recovered(header, rows, first, last, anchor, notes + more, breaks, list(columns)))
        k = next(j for j in range(k, len(runs) + 1) if j == len(runs) or runs[j].start > last)
    return found


def _single_row_trusted(header: Header, columns: list[str], lex: Lexicon) -> bool:
    """One row is a table when a numbering row confirmed the column count and the last column holds
    figures (a run of prose swallowed into the row would not pass as one)."""
    return header.numbered and len(columns) == len(header.columns) and column_kind(columns[-1], lex) == "value"


def _stacked_table(runs: list[Run], at: int, labels: list[Run], columns: list[list[Run]], end: int,
                   notes: list[str]) -> Recovered:
    n = max(len(c) for c in columns)
    rows = [[col[r] if r < len(col) else None for col in columns] for r in range(n)]
    cells = [c for row in rows for c in row if c is not None]
    first, last = runs[at].start, max(c.end for c in cells)
    header = Header(at, at, [label.text for label in labels], labels)
    breaks = [r.page_break_before for r in runs[at + 1:end] if r.page_break_before]
    return Recovered(header, rows, first, last, "stacked", notes, breaks, header.columns)


def _is_definition_sheet(header: Header, lex: Lexicon) -> bool:
    labels = [label_words(c) for c in header.columns]
    words = {w for label in labels for w in label}
    return [lex.unit_header] in labels and bool(words & lex.definition_headers) \
        and labels[0][:1] not in (["no"], ["nomor"])


def _rows(runs: list[Run], header: Header, lex: Lexicon):
    labels = [label_words(c) for c in header.columns]
    if labels[0] and labels[0][0] in ("no", "nomor"):
        rows, end, notes = numbered_rows(runs, header, lex)
        return rows, end, notes, "numbered"
    nxt = runs[header.last + 1] if header.last + 1 < len(runs) else None
    if nxt is not None and CODE_ANCHOR.match(nxt.text) and "kode" not in {w for lb in labels for w in lb}:
        rows, end, notes = coded_rows(runs, header, lex)
        return rows, end, notes, "coded"
    unit_col = next((j for j, w in enumerate(labels) if w == [lex.unit_header]), None)
    if unit_col is not None and unit_col >= 1:
        rows, end, notes = unit_rows(runs, header, unit_col, lex)
        return rows, end, notes, "unit"
    return [], header.last + 1, [], "none"


def _prov(file: str, start: int, end: int, table: int | None = None, row: int | None = None,
          col: int | None = None) -> Provenance:
    return Provenance(file=file, line_start=start, line_end=end, table=table, row=row, col=col)


def to_table(found: Recovered, file: str, index: int) -> Table:
    columns = found.columns or [r.text for r in found.header.runs]
    own = columns == [r.text for r in found.header.runs]
    header_cells = [Cell(text=label, row=0, col=c, confidence=0.7,
                         provenance=_prov(file, found.header.runs[c].start, found.header.runs[c].end, index, None, c)
                         if own else _prov(file, found.start, found.start, index, None, c))
                    for c, label in enumerate(columns)]
    body: list[list[Cell]] = []
    for r, row in enumerate(found.rows):
        cells = []
        for c, run in enumerate(row):
            if run is None:
                continue  # spanned from the row above: the slot stays absent
            cells.append(Cell(text=run.text, row=r, col=c, confidence=0.6,
                              provenance=_prov(file, run.start, run.end, index, r, c)))
        body.append(cells)
    anchor = {"numbered": "each row opens with its number in the first column and has one run per column",
              "unit": "each row holds a unit word in the SATUAN column and one run per column",
              "definition": "each row holds a lone unit word",
              "coded": "each row opens with a dotted code (its column is unnamed in the header: 'Kode') "
                       "and has one run per column",
              "stacked": "pdftotext wrote the table column by column; the NO column's numbers give the "
                         "row count, names are split at their lead word, figures read one by one, and "
                         "every column holds that many items"}[found.anchor]
    notes = [
        "recovered from a plain pdftotext dump whose table cells were written one after another "
        "(blank-line separated runs): columns are not marked in the source",
        f"rows anchored on the layout: {anchor}",
    ] + found.notes + [f"continued across the page break at line {b}" for b in found.breaks]
    return Table(
        text="\n".join("\t".join(c.text for c in row) for row in body), index=index, caption=None,
        kind="data", n_rows=len(body), n_cols=len(columns), header_rows=[header_cells],
        column_paths=columns, body=body, method="cell-runs", low_confidence=True, confidence=0.5,
        notes=notes, provenance=_prov(file, found.start, found.end, index),
    )


def insert_tables(blocks: list, lines: list[str], file: str, lex: Lexicon,
                  furniture: set[int] = frozenset()) -> list:
    """Blocks with each recovered table in place of the paragraphs its lines were read as; tables
    are renumbered in document order."""
    found = find_tables(lines, lex, furniture)
    # a table another reader already found there wins: its columns were marked in the source
    found = [f for f in found if not any(isinstance(b, Table) and _inside(b, f) for b in blocks)]
    if not found:
        return blocks
    out: list = []
    used = {id(f): f.used_lines() for f in found}
    for block in blocks:
        prov = block.provenance
        span = next((f for f in found if prov.line_start is not None and f.start <= prov.line_start
                     and (prov.line_end or prov.line_start) <= f.end), None)
        lines_of = set(range(prov.line_start, (prov.line_end or prov.line_start) + 1)) if span else set()
        if span is None or isinstance(block, PageBreak) or not lines_of & used[id(span)]:
            out.append(block)  # text between the table's cells (in none of them) stays where it was
        elif all(o is not span for o in out):
            out.append(span)
    return _number_tables(out, file)


def _inside(block, found: Recovered) -> bool:
    prov = block.provenance
    return prov.line_start is not None and found.start <= (prov.line_end or prov.line_start) \
        and prov.line_start <= found.end


def _number_tables(blocks: list, file: str) -> list:
    out, index = [], 0
    for block in blocks:
        if isinstance(block, Recovered):
            block = to_table(block, file, index)
        if isinstance(block, Table):
            if block.index != index:
                _renumber(block, index)
            index += 1
        out.append(block)
    return out


def _renumber(table: Table, index: int) -> None:
    table.index = index
    table.provenance.table = index
    for row in list(table.header_rows) + list(table.body):
        for cell in row:
            if cell.provenance is not None:
                cell.provenance.table = index


__all__ = ["find_tables", "insert_tables", "to_table", "Recovered"]
