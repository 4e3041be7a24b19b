"""Tables whose converter repeats a spanning cell's text in every place it covers.

docling, pandas and spreadsheet exports write a cell spanning two columns or rows by printing
its text in each of them ('TAHUN 2024 | TAHUN 2024 | TAHUN 2024' over 'TARGET | REALISASI |
CAPAIAN'; 'NO' over 'NO'; a sasaran repeated on each of its indicators' rows), and mark the end
of a header of several rows with a Markdown delimiter row ('|---|---|', tsv.marked_header).
The TSV reader reads a span as empty places: the repeats are turned into that. Only in a
header whose rows repeat (the sign of such an export) are the leading body cells equal to the
row above also read as spans.
"""

RawRowLike = object  # tsv.RawRow (cells, interjection); not imported: tsv imports this module


def unrepeat(header: list[RawRowLike], body: list[RawRowLike]) -> list[str]:
    """Blank repeated span text in place; notes of what was read as a span."""
    if not _repeats(header):
        return []
    for r in range(len(header) - 1, -1, -1):  # bottom-up: compare with the printed text above
        cells = header[r].cells
        for c in range(len(cells) - 1, -1, -1):
            if _under_itself(header, r, c) or _beside_itself(header, r, c):
                cells[c] = ""
    spanned = 0
    for above, row in zip(body, body[1:]):
        if above.interjection or row.interjection:
            continue
        k = 0
        while k < len(row.cells) - 1 and row.cells[k].strip() and row.cells[k].strip() == above.cells[k].strip():
            k += 1
        if k and any(c.strip() for c in row.cells[k:]):
            spanned += 1
            _blank_after(row, k)
    notes = ["header labels repeated over the columns and rows they span (a converter's way of "
             "writing spans) read as spanning labels"]
    if spanned:
        notes.append(f"{spanned} row(s) repeating the leading cells of the row above read as spanned by them")
    return notes


def _repeats(header: list[RawRowLike]) -> bool:
    """A label printed twice side by side, or under itself."""
    return any(_under_itself(header, r, c) or _beside_itself(header, r, c)
               for r, row in enumerate(header) for c in range(len(row.cells)))


def _text(header: list[RawRowLike], r: int, c: int) -> str:
    cells = header[r].cells
    return cells[c].strip() if 0 <= c < len(cells) else ""


def _under_itself(header: list[RawRowLike], r: int, c: int) -> bool:
    return r > 0 and bool(_text(header, r, c)) and _text(header, r - 1, c) == _text(header, r, c)


def _beside_itself(header: list[RawRowLike], r: int, c: int) -> bool:
    """The label repeats the one to its left under one parent ('Target | Target' under '2023 |
    2024' are two labels), and under one parent's parent ('2016' under 'Tahun ke-1' each under
    'Target' and 'Realisasi' are two labels too)."""
    text = _text(header, r, c)
    return c > 0 and bool(text) and _text(header, r, c - 1) == text \
        and all(_text(header, k, c - 1) == _text(header, k, c) for k in range(r))


def _blank_after(row: RawRowLike, k: int) -> None:
    # the body's copies of the cells above are kept only in the row that prints them first
    row.cells = [""] * k + row.cells[k:]
