"""Tab-separated rows of a text dump into a Table: header rows, spans, column paths, body.

The steps are small named functions, each keeping its output for the next:
rows_to_grid (pad, drop separators) -> split_header (header rows, numbering row, body rows)
-> header_to_cells (col/row spans, column paths) -> body_to_cells (row spans of continued rows).
A table is built from one or more row groups; `continues` decides whether a later group
(after a blank line, page break or a short interrupting text) is the same table.
"""

import re
from dataclasses import dataclass, field

from kinerja.parsers.text.numbering import ROW_NUMBER, is_numbering_row
from kinerja.parsers.text.years import is_year, without_years
from kinerja.parsers.textdump.markup import to_plain
from kinerja.parsers.textdump.repeated_spans import unrepeat
from kinerja.schema import Cell, Provenance, Table


@dataclass
class RawRow:
    """One tab-separated line (or a short text interrupting a table) as read."""

    line_start: int
    line_end: int
    cells: list[str]
    interjection: bool = False  # text between table rows whose place in the row is unknown
    page: int | None = None
    shifted: bool = False  # realigned by realign_overflow: its cells' columns are a guess


@dataclass
class RowGroup:
    """Consecutive tab-separated lines, before deciding which table they belong to."""

    rows: list[RawRow] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((_trimmed_len(r.cells) for r in self.rows if not r.interjection), default=0)


_SEPARATOR = re.compile(r"^[\s\-=_:|+]*$")
_PAGE_NUMBER = re.compile(r"^([ivxlcdm]{1,6}|\d{1,4})$", re.I)
_HEADER_FIRST = re.compile(r"^(no|no\.|nomor|nomer|#)$", re.I)


def _trimmed_len(cells: list[str]) -> int:
    n = len(cells)
    while n and not cells[n - 1].strip():
        n -= 1
    return n


def is_separator(cells: list[str]) -> bool:
    """A row of dashes only ('---|---|--'), left by Markdown converters."""
    return any(c.strip() for c in cells) and all(_SEPARATOR.match(c) and "-" in c or not c.strip()
                                                 for c in cells)


def marked_header(rows: list[RawRow], most: int = 4) -> int:
    """Rows above a Markdown delimiter row ('|---|---|') near the top when it closes two or more
    rows of labels: the header a converter marked; 0 otherwise."""
    filled = [r for r in rows if not r.interjection and any(c.strip() for c in r.cells)]
    for k, r in enumerate(filled[:most + 1]):
        if is_separator(r.cells):  # a delimiter closing a table's rows is no header's end
            labels = not any(_body_like(row.cells) for row in filled[:k])
            return k if k >= 2 and labels and k + 1 < len(filled) else 0
    return 0


def _body_like(cells: list[str]) -> bool:
    """A row opening with its row number ('1.') or holding a sentence: no header row."""
    first = next((c.strip() for c in cells if c.strip()), "")
    return (bool(ROW_NUMBER.match(first)) and not numbering_row(cells)) \
        or any(len(c.strip()) > 2 * MAX_LABEL for c in cells)


def looks_like_header_row(cells: list[str]) -> bool:
    """A row opening a new table rather than continuing one: 'No | Sasaran | ...'."""
    first = cells[0].strip() if cells else ""
    return bool(_HEADER_FIRST.match(first))


def is_toc_row(cells: list[str]) -> bool:
    """'Title ..... <tab> 12': a title and a page number (roman or arabic) last."""
    filled = [c.strip() for c in cells if c.strip()]
    if not filled or len(cells) > 3:
        return False
    if len(filled) == 1:
        return len(cells) >= 2 and not _PAGE_NUMBER.match(filled[0])  # title with the page missing
    return bool(_PAGE_NUMBER.match(filled[-1])) and not _PAGE_NUMBER.match(filled[0])


def is_toc(rows: list[RawRow]) -> bool:
    data = [r for r in rows if not r.interjection]
    if not data:
        return False
    hits = sum(is_toc_row(r.cells) for r in data)
    with_number = sum(bool(_PAGE_NUMBER.match(r.cells[-1].strip())) for r in data if r.cells)
    return hits >= 0.7 * len(data) and with_number >= 0.5 * len(data)


def numbering_row(cells: list[str]) -> bool:
    """'1 | 2 | 3 ...', '(1) | (2) ...' or '... | 9=8/7*100%' under a header (cells as printed)."""
    return is_numbering_row([to_plain(c)[0] for c in cells])


# --- grid ------------------------------------------------------------------------------------

def rows_to_grid(rows: list[RawRow]) -> tuple[list[RawRow], int, list[str]]:
    """Drop separator and empty rows; pad every row to the table width (its widest row)."""
    notes: list[str] = []
    kept = [r for r in rows if r.interjection or (any(c.strip() for c in r.cells) and not is_separator(r.cells))]
    if len(kept) < len(rows):
        dropped = len(rows) - len(kept)
        notes.append(f"{dropped} separator or empty row(s) dropped")
    width = max((_trimmed_len(r.cells) for r in kept if not r.interjection), default=0)
    for r in kept:
        if not r.interjection:
            r.cells = (r.cells + [""] * width)[:width] if len(r.cells) <= width else r.cells[:width]
    return kept, width, notes


def fold_wide_rows(rows: list[RawRow], width: int) -> int:
    """Rows wider than the table by k: join their first k+1 cells (a number split from its label)."""
    folded = 0
    for r in rows:
        extra = len(r.cells) - width
        if r.interjection or extra <= 0:
            continue
        head = " ".join(c.strip() for c in r.cells[:extra + 1] if c.strip())
        r.cells = [head] + r.cells[extra + 1:]
        folded += 1
    return folded


def realign_overflow(header: list[RawRow], body: list[RawRow]) -> int:
    """Rows spilling into a trailing column that has no header, when only a few rows do, were
    shifted right by a converter: drop one empty cell from their rightmost run of empty cells."""
    labelled = max((_trimmed_len(r.cells) for r in header), default=0)
    spilled = [r for r in body if not r.interjection and _trimmed_len(r.cells) > labelled]
    if not labelled or not spilled or len(spilled) * 2 >= len(body):
        return 0
    shifted = 0
    for r in spilled:
        while _trimmed_len(r.cells) > labelled:
            gap = _rightmost_empty(r.cells[:_trimmed_len(r.cells)])
            if gap is None:
                break
            del r.cells[gap]
            r.cells.append("")
            r.shifted = True
            shifted += 1
    return len(spilled) if shifted else 0


def _rightmost_empty(cells: list[str]) -> int | None:
    for k in range(len(cells) - 1, -1, -1):
        if not cells[k].strip():
            return k
    return None


def join_wrapped_tails(body: list[RawRow]) -> int:
    """A row holding only a short text in its first cell, after a row whose cell ends with an
    operator ('... / keseluruhan layanan X' then '100%'), is the end of that cell wrapped onto a
    line of its own: append it there and drop the row."""
    joined = 0
    k = 1
    while k < len(body):
        row, prev = body[k], body[k - 1]
        filled = [c.strip() for c in row.cells if c.strip()]
        if (not row.interjection and not prev.interjection and len(filled) == 1
                and row.cells and row.cells[0].strip() and len(filled[0]) <= 20):
            target = _operator_tail_cell(prev.cells)
            if target is not None:
                prev.cells[target] = prev.cells[target].rstrip() + " " + filled[0]
                prev.line_end = row.line_end
                del body[k]
                joined += 1
                continue
        k += 1
    return joined


def _operator_tail_cell(cells: list[str]) -> int | None:
    for c in range(len(cells) - 1, -1, -1):
        if re.search(r"\s(?:[xX×/+=]|-)\s*$", cells[c]):
            return c
    return None


def split_header(rows: list[RawRow]) -> tuple[list[RawRow], RawRow | None, list[RawRow]]:
    """Header rows, the numbering row if any, body rows."""
    if not rows:
        return [], None, []
    data = rows
    # a numbering row within the first rows closes the header: everything above it is header
    for k in range(1, min(5, len(data))):
        if data[k].interjection:
            break
        if numbering_row(data[k].cells):
            return data[:k], data[k], data[k + 1:]
    n = 1
    title_row = sum(bool(c.strip()) for c in data[0].cells) == 1 and len(data[0].cells) >= 2
    while n < len(data) and n < 4 and not data[n].interjection:
        cells = data[n].cells
        if title_row and n == 1:
            n += 1
            continue
        if not _continues_header(data[n - 1].cells, cells):
            break
        n += 1
    return data[:n], None, data[n:]


def _continues_header(above: list[str], cells: list[str]) -> bool:
    """A row of short labels, first cell empty, filling slots left empty in the row above."""
    if not cells or cells[0].strip() or not any(c.strip() for c in cells):
        return False
    if all(is_year(c) or PERIOD_LABEL.match(c.strip()) for c in cells if c.strip()):
        # 'Kondisi Awal | Target' over '2022 | 2023', 'Target | Realisasi' over 'Tahun ke-1' each:
        # the years of the labels above
        return True
    if not any(not c.strip() for c in above[1:]):
        return False
    if any(len(c.strip()) > MAX_LABEL for c in cells):
        return False
    if any(c.strip() and not above[k].strip() for k, c in enumerate(cells) if k < len(above)):
        return True
    labels = [c.strip() for c in cells if c.strip()]
    if not all(_is_label(c) or is_year(c) for c in labels):
        return False
    # one label under a label spanning the empty slots to its right: 'PENGUKURAN KINERJA' over
    # 'TAHUN 2021' (over 'TARGET | REALISASI | CAPAIAN')
    return len(labels) >= 2 or any(c.strip() and k + 1 < len(above) and above[k].strip()
                                   and not above[k + 1].strip() for k, c in enumerate(cells))


MAX_LABEL = 40  # characters of a sub-label in a header row (longer: a body cell's text)
# a period a column covers: 'Tahun ke-1', 'Tahun 2', 'Tahun 2024', 'TW I', 'Triwulan IV', 'Semester II'
PERIOD_LABEL = re.compile(r"(?i)^(?:tahun\s*(?:ke\s*-?\s*)?\d{1,4}|(?:tw|triwulan)\.?\s*-?\s*(?:[ivx]{1,3}|[1-4])"
                          r"|semester\s*(?:[i]{1,2}|[12]))$")


def _is_label(text: str) -> bool:
    """Short words such as '(Rp)', 'Target' or 'Keluaran Kegiatan (Output)': letters, no
    figures other than a year."""
    return (len(text) <= MAX_LABEL and any(ch.isalpha() for ch in text)
            and not re.search(r"\d", without_years(text)))


# --- header ----------------------------------------------------------------------------------

def header_to_cells(rows: list[RawRow], width: int, file: str, table_index: int
                    ) -> tuple[list[list[Cell]], list[str]]:
    """Header cells with col/row spans, and each column's path from top to bottom."""
    texts = [[_header_text(c) for c in r.cells] for r in rows]
    n = len(texts)
    owner: list[list[Cell | None]] = [[None] * width for _ in range(n)]
    cells: list[list[Cell]] = []
    for r in range(n):
        row_cells: list[Cell] = []
        for c in range(width):
            if owner[r][c] is not None:
                continue
            col_span = _header_col_span(texts, owner, r, c, width)
            row_span = _header_row_span(texts, r, c, col_span)
            cell = Cell(text=texts[r][c], row=r, col=c, row_span=row_span, col_span=col_span,
                        provenance=Provenance(file=file, line_start=rows[r].line_start,
                                              line_end=rows[r + row_span - 1].line_end,
                                              table=table_index, col=c, page=rows[r].page))
            _attach_raw(cell, rows[r].cells[c])
            for rr in range(r, r + row_span):
                for cc in range(c, c + col_span):
                    owner[rr][cc] = cell
            row_cells.append(cell)
        cells.append(row_cells)
    paths = []
    for c in range(width):
        parts: list[str] = []
        above: Cell | None = None
        for r in range(n):
            cell = owner[r][c]
            if cell is None or not cell.text or cell is above:
                continue
            if cell.col_span == width > 1 and n > 1:
                continue  # a title across the whole table names no column
            if above is not None and above.col_span == 1 and cell.col_span == 1 and not _period(cell.text):
                parts[-1] += " " + cell.text  # one label broken over two header lines: '%' 'Realisasi'
            else:
                parts.append(cell.text)
            above = cell
        paths.append(" / ".join(parts))
    return cells, paths


def _period(text: str) -> bool:
    """A year or a plan year under a label: a level of its own ('Target' / 'Tahun ke-1' / '2016')."""
    return bool(PERIOD_LABEL.match(text.strip())) or is_year(text.strip("() "))


def _header_text(raw: str) -> str:
    return " ".join(to_plain(raw)[0].split())


def _header_col_span(texts, owner, r: int, c: int, width: int) -> int:
    """A label spans the empty slots to its right that hold sub-labels below, or that are
    followed by another label in the same row (a column with no label of its own)."""
    if not texts[r][c]:
        return 1
    span = 1
    while c + span < width:
        k = c + span
        if texts[r][k] or owner[r][k] is not None:
            break
        if r > 0 and owner[r - 1][k] is not owner[r - 1][c]:
            break  # never cross the edge of the parent label
        below = any(texts[rr][k] for rr in range(r + 1, len(texts)))
        later_label = any(texts[r][kk] for kk in range(k + 1, width))
        if not below and not later_label:
            break
        if not below and any(texts[rr][c] for rr in range(r + 1, len(texts))):
            break  # the label has its own sub-label: the empty slot is not under it
        span += 1
    return span


def _header_row_span(texts, r: int, c: int, col_span: int) -> int:
    span = 1
    while r + span < len(texts) and not any(texts[r + span][k] for k in range(c, c + col_span)):
        span += 1
    return span


# --- body ------------------------------------------------------------------------------------

def body_to_cells(rows: list[RawRow], width: int, file: str, table_index: int) -> list[list[Cell]]:
    """Body cells; a row's leading empty slots under a filled cell extend that cell's row span."""
    body: list[list[Cell]] = []
    owner: list[Cell | None] = [None] * width
    for i, r in enumerate(rows):
        prov = dict(file=file, line_start=r.line_start, line_end=r.line_end, table=table_index,
                    row=i, page=r.page)
        if r.interjection:
            text = " ".join(to_plain("\n".join(r.cells))[0].split("\n"))
            body.append([Cell(text=text, row=i, col=0, col_span=max(width, 1), confidence=0.5,
                              provenance=Provenance(**prov, col=0))])
            owner = [None] * width
            continue
        leading = _leading_empty(r.cells)
        last_filled = _trimmed_len(r.cells) - 1
        if _is_section_row(r.cells):
            leading = 0  # 'URUSAN PEMERINTAHAN BIDANG ...': a heading across the table, no span
            owner = [None] * width
        row_cells: list[Cell] = []
        for c in range(width):
            raw = r.cells[c]
            above = owner[c]
            # in a row continuing the one above, an empty slot left of the row's last filled
            # cell stands for the filled cell above it (merged in the original layout)
            if (leading and c < last_filled and not raw.strip() and above is not None and above.text):
                above.row_span += 1
                above.provenance.line_end = r.line_end
                continue
            plain, formulas = to_plain(raw)
            stripped = raw.strip()
            cell = Cell(text=plain, row=i, col=c, provenance=Provenance(**prov, col=c),
                        confidence=0.6 if r.shifted else None, formulas=formulas,
                        raw_text=stripped if stripped != plain else None)
            owner[c] = cell
            row_cells.append(cell)
        body.append(row_cells)
    return body


def _is_section_row(cells: list[str]) -> bool:
    """One filled cell in capitals, no figures, in a table of several columns."""
    filled = [c.strip() for c in cells if c.strip()]
    if len(cells) < 3 or len(filled) != 1 or re.search(r"\d", filled[0]):
        return False
    letters = [ch for ch in filled[0] if ch.isalpha()]
    return len(letters) >= 8 and all(ch.isupper() for ch in letters)


def _leading_empty(cells: list[str]) -> int:
    k = 0
    while k < len(cells) and not cells[k].strip():
        k += 1
    return k


def _attach_raw(cell: Cell, raw: str) -> None:
    plain, formulas = to_plain(raw)
    cell.formulas = formulas
    if raw.strip() != plain:
        cell.raw_text = raw.strip()


# --- table -----------------------------------------------------------------------------------

def build_table(rows: list[RawRow], file: str, table_index: int, caption: str | None = None,
                notes: list[str] | None = None) -> Table:
    """One Table from its rows (all groups already merged)."""
    notes = list(notes or [])
    marked = marked_header(rows)
    kept, width, grid_notes = rows_to_grid(rows)
    notes += grid_notes
    kind = "toc" if is_toc(kept) else "data"
    header_rows, numbering, body_rows = split_header(kept) if kind == "data" else ([], None, kept)
    if kind == "data" and numbering is None and marked > len(header_rows):
        header_rows, body_rows = kept[:marked], kept[marked:]
        notes.append(f"the {marked} rows above the Markdown delimiter row read as the header")
    notes += unrepeat(header_rows, body_rows)
    if join_wrapped_tails(body_rows):
        notes.append("a cell's end wrapped onto a line of its own was joined back to it")
    realigned = realign_overflow(header_rows, body_rows)
    width = max((_trimmed_len(r.cells) for r in kept if not r.interjection), default=0)
    for r in kept:
        if not r.interjection:
            r.cells = (r.cells + [""] * width)[:width]
    if realigned:
        notes.append(f"{realigned} row(s) spilling into an unlabelled last column shifted left "
                     "by one empty cell (low confidence)")
    header, paths = header_to_cells(header_rows, width, file, table_index)
    body = body_to_cells(body_rows, width, file, table_index)
    numbering_row = [" ".join(to_plain(c)[0].split()) for c in numbering.cells] if numbering else None
    # the table's lines include its dropped separator rows
    line_start = min(r.line_start for r in rows) if rows else 1
    line_end = max(r.line_end for r in rows) if rows else line_start
    pages = sorted({r.page for r in kept if r.page})
    if any(r.interjection for r in body_rows):
        notes.append("text found between rows is kept as a full-width row; its place in the row is unknown")
    text = "\n".join("\t".join(c.text for c in row) for row in header + body)
    return Table(
        text=text, index=table_index, caption=caption, kind=kind, n_rows=len(body), n_cols=width,
        header_rows=header, column_paths=paths, numbering_row=numbering_row, body=body,
        method="tsv", notes=notes,
        provenance=Provenance(file=file, line_start=line_start, line_end=line_end,
                              table=table_index, page=pages[0] if pages else None,
                              pages=pages if len(pages) > 1 else None),
    )


def continues(table_rows: list[RawRow], group: RowGroup, gap_text: bool) -> bool:
    """Is `group` (after a blank line, page break or short text) the same table continued?"""
    first = next((r for r in group.rows if not r.interjection), None)
    if first is None or not table_rows:
        return False
    if is_toc(table_rows) != is_toc(group.rows):
        return False
    if is_toc(table_rows) and gap_text:
        return False
    header = table_rows[0].cells
    if _same_row(first.cells, header):
        return True  # header repeated on the next page
    if looks_like_header_row(first.cells) or is_numbering_row(first.cells):
        return False
    width = max(_trimmed_len(r.cells) for r in table_rows if not r.interjection)
    if gap_text:
        return group.width <= width
    return group.width <= width + 2


def _same_row(a: list[str], b: list[str]) -> bool:
    return [c.strip() for c in a[:_trimmed_len(a)]] == [c.strip() for c in b[:_trimmed_len(b)]]


def drop_repeated_header(table_rows: list[RawRow], group: RowGroup) -> list[RawRow]:
    """The group's rows without a copy of the table's header rows at its top."""
    rows = group.rows
    k = 0
    while k < len(rows) and k < len(table_rows) and _same_row(rows[k].cells, table_rows[k].cells):
        k += 1
    return rows[k:]
