"""Header rows of a grid: how many there are, the numbering row under them, column paths.

A header is the top rows that hold labels, not values, extended downwards while a header cell
spans into the next row or a spanning header cell has labelled sub-columns under it. A row of
column numbers ("(1) (2) (3)" or "1 2 3") closes the header. A column's path joins the labels
above it from top to bottom: "TARGET TAHUNAN / 2023".
"""

import re
from dataclasses import dataclass, field
from typing import Optional

from kinerja.parsers.grid.model import GridCell, TableGrid
from kinerja.parsers.page.geometry import Box
from kinerja.parsers.text.numbering import is_numbering_row
from kinerja.parsers.text.years import is_year

MAX_HEADER_ROWS = 5
TITLE_SHARE = 2 / 3  # of the table's columns a title covers from its left edge
UNDRAWN = "whitespace"  # grid methods whose columns come from gaps in the text, not rulings
# a numbering row closes a header even after many rows: an unruled form's narrow columns wrap
# their labels over a dozen lines, each a row of its own
NUMBERING_SCAN = 24
# a figure holds a digit: a lone ',' or '.' is a misread mark (a numeral 'I' read ','), no value
VALUE = re.compile(r"^(?=.*\d)[-+(]?\s*(rp\.?)?\s*[\d.,]+\s*(%|persen)?\s*\)?[-,.]*$", re.IGNORECASE)


@dataclass
class ResolvedTable:
    page: int
    pages: list[int]
    box: Box
    n_cols: int
    header: list[list[GridCell]]
    numbering: Optional[list[str]]
    body: list[list[GridCell]]
    method: str
    quality: float
    col_edges: list[float] = field(default_factory=list)
    caption: Optional[str] = None
    confidence: Optional[float] = None

    def column_paths(self) -> list[str]:
        return column_paths(self.header, self.n_cols, wrapped=len(self.header) > MAX_HEADER_ROWS)


def is_value(text: str) -> bool:
    """A figure, not a label; a year is a label, bracketed too ('(2022)' under 'Tahun ke-1')."""
    text = text.strip()
    return bool(text) and bool(VALUE.match(text)) and not is_year(text.strip("()[] "))


def _label_row(texts: list[str]) -> bool:
    filled = [t for t in texts if t.strip()]
    return bool(filled) and not any(is_value(t) for t in filled) and \
        sum(len(t) for t in filled) / len(filled) < 60


def resolve(grid: TableGrid) -> ResolvedTable:
    rows = grid.rows()
    start, caption = _titles(grid, rows)
    depth, numbered = _header_depth(grid, rows, start)
    header = rows[start:start + depth]
    number_row = None
    body_start = start + depth
    if numbered:
        number_row = grid.row_texts(body_start)
        body_start += 1
    return ResolvedTable(
        grid.page, grid.pages or [grid.page], grid.box, grid.n_cols, header, number_row,
        [r for r in rows[body_start:] if r], grid.method, grid.quality, grid.col_edges,
        caption, grid.confidence,
    )


def _titles(grid: TableGrid, rows: list[list[GridCell]]) -> tuple[int, Optional[str]]:
    """The first rows that title the table inside its frame ('PAGU DAN REALISASI ...' / 'TAHUN
    ANGGARAN 2022'), not column labels: how many, and their text as the caption. An empty row
    under a title goes with it. A title that stops short of the frame's edge, or shares its row
    with a form's label ('FORMULIR DPA-SKPD 2.2'), is one only where column labels follow."""
    start, titles = 0, []
    strict: Optional[tuple[int, int]] = None  # rows and titles before the first wide title
    # only a frame's rulings bound a title; columns found in the whitespace stretch a group label to the left edge
    drawn = not grid.method.startswith(UNDRAWN)
    while start < len(rows) and grid.n_cols > 1:
        row = rows[start]
        if _title_row(row, grid.n_cols):
            titles += [c.text.strip() for c in row[:1] if c.text.strip()]
        elif drawn and _wide_title_row(row, grid.n_cols):
            strict = strict or (start, len(titles))
            titles.append(" ".join(c.text.strip() for c in row if c.text.strip()))
        elif not (titles and not any(c.text.strip() for c in row)):
            break
        start += 1
    if strict and (start >= len(rows) or not _label_row(grid.row_texts(start))
                   or any(c.row + c.row_span > start for r in rows[:start] for c in r)):
        # no labels under them, or a cell beside them reaching into the labels ('Keterangan' by a
        # group label): the wide rows are the header's
        start, titles = strict[0], titles[:strict[1]]
    return start, " ".join(titles) or None


def _title_row(row: list[GridCell], n_cols: int) -> bool:
    return len(row) == 1 and row[0].col_span == n_cols


def _wide_title_row(row: list[GridCell], n_cols: int) -> bool:
    """One text from the left edge over most of the table, beside at most one label and empty cells."""
    first, rest = row[0] if row else None, [c for c in row[1:] if c.text.strip()]
    return first is not None and first.col == 0 and bool(first.text.strip()) \
        and first.col_span >= TITLE_SHARE * n_cols and len(rest) <= 1 \
        and not any(is_value(c.text) for c in [first, *rest])


def _header_depth(grid: TableGrid, rows: list[list[GridCell]], start: int) -> tuple[int, bool]:
    texts = [grid.row_texts(r) for r in range(grid.n_rows)]
    for k in range(start, min(start + NUMBERING_SCAN + 1, grid.n_rows)):
        if is_numbering_row(texts[k], ocr=grid.method.startswith("ocr")):
            return k - start, True
        if k >= start + MAX_HEADER_ROWS and not _label_row(texts[k]):
            break  # past the usual depth only labels (a tall header's wrapped lines) lead to it
    if start >= grid.n_rows or not _label_row(texts[start]):
        return 0, False
    depth = 1
    while start + depth < grid.n_rows and depth < MAX_HEADER_ROWS:
        nxt = start + depth
        header_cells = [c for r in rows[start:nxt] for c in r]
        spans_down = any(c.row + c.row_span > nxt for c in header_cells)
        under_span = any(c.col_span > 1 and c.row + c.row_span == nxt
                         and any(texts[nxt][k].strip() for k in range(c.col, c.col + c.col_span))
                         for c in header_cells)
        if (spans_down or under_span) and _label_row(texts[nxt]):
            depth += 1
        else:
            break
    return depth, False


def column_paths(header: list[list[GridCell]], n_cols: int, wrapped: bool = False) -> list[str]:
    """Each column's labels top to bottom, ' / ' between them; `wrapped`: a header taller than
    labels are stacked (each row a wrapped line), where a label's lines in one column are one
    label ('Target Renstra' 'Perangkat' 'Daerah' -> 'Target Renstra Perangkat Daerah')."""
    paths = []
    for col in range(n_cols):
        parts: list[str] = []
        above = None
        for row in header:
            for cell in row:
                if cell.col <= col < cell.col + cell.col_span and cell.text.strip():
                    text = cell.text.strip()
                    if parts and parts[-1] == text:
                        continue
                    if wrapped and above is not None and above.col_span == cell.col_span == 1:
                        parts[-1] = f"{parts[-1]} {text}"
                    else:
                        parts.append(text)
                    above = cell
        paths.append(" / ".join(parts))
    return paths
