"""HTML tables inside a text dump, as the rows of a tab-separated table.

Converters of PDFs to Markdown (MinerU, marker, docling's HTML, OCR services) write a table
they cannot draw with pipes as HTML: `<table><tr><td rowspan="2">1.</td>...`. Each `<tr>`
becomes one RawRow with the line it starts on; a cell spanning columns is its text then empty
cells, and the rows a cell spans down hold an empty cell in its column: what a spanned cell
looks like in a tab-separated dump, so the TSV reader's header and span rules apply unchanged.
"""

import re
from html.parser import HTMLParser
from typing import Optional

from kinerja.parsers.textdump.tsv import RawRow

TABLE_OPEN = re.compile(r"<table\b", re.I)
TABLE_CLOSE = re.compile(r"</table\s*>", re.I)
_MAX_SPAN = 100  # a span beyond this is a typo, not a layout


def table_end(lines: list[str], start: int, limit: int = 5000) -> Optional[int]:
    """Index of the line closing the table opened on lines[start], or None when it is not closed
    within `limit` lines (a stray tag, read as text)."""
    depth = 0
    for k in range(start, min(len(lines), start + limit)):
        depth += len(TABLE_OPEN.findall(lines[k])) - len(TABLE_CLOSE.findall(lines[k]))
        if depth <= 0:
            return k
    return None


def outside(first: str, last: str) -> tuple[str, str]:
    """Text on the table's first line before `<table` and on its last line after `</table>`."""
    before = first[:TABLE_OPEN.search(first).start()].strip()
    closes = list(TABLE_CLOSE.finditer(last))
    return before, last[closes[-1].end():].strip() if closes else ""


class _Cells(HTMLParser):
    """Rows of (text, rowspan, colspan) cells with the line offset each row starts on; a table
    nested in a cell is read as that cell's text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows: list[tuple[int, list[tuple[str, int, int]]]] = []
        self._cell: Optional[list[str]] = None
        self._spans = (1, 1)
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._depth += 1
        elif self._depth > 1:
            self._space()
        elif tag == "tr":
            self.rows.append((self.getpos()[0], []))
        elif tag in ("td", "th"):
            if not self.rows:
                self.rows.append((self.getpos()[0], []))
            a = dict(attrs)
            self._cell, self._spans = [], (_span(a.get("rowspan")), _span(a.get("colspan")))
        elif tag in ("br", "p", "div", "li"):
            self._space()

    def handle_endtag(self, tag):
        if tag == "table":
            self._depth -= 1
        elif tag in ("td", "th") and self._depth == 1 and self._cell is not None:
            text = " ".join("".join(self._cell).split())
            self.rows[-1][1].append((text, *self._spans))
            self._cell = None
        elif tag in ("p", "div", "li"):
            self._space()

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)

    def _space(self):
        if self._cell is not None:
            self._cell.append(" ")


def _span(value: Optional[str]) -> int:
    try:
        return max(1, min(int(str(value).strip()), _MAX_SPAN))
    except (TypeError, ValueError):
        return 1


def html_rows(lines: list[str], first_line: int, page: Optional[int] = None) -> list[RawRow]:
    """The rows of the HTML table in `lines` (the first being line `first_line` of the file)."""
    parser = _Cells()
    parser.feed("\n".join(lines))
    parser.close()
    out: list[RawRow] = []
    below: dict[int, int] = {}  # column -> rows a cell above still spans
    for offset, cells in parser.rows:
        row: list[str] = []
        col = 0
        queue = list(cells)
        while queue or any(c >= col and n > 0 for c, n in below.items()):
            if below.get(col, 0) > 0:
                row.append("")  # spanned from above
                below[col] -= 1
                col += 1
                continue
            if not queue:
                col += 1
                row.append("")
                continue
            text, down, across = queue.pop(0)
            for k in range(across):
                row.append(text if k == 0 else "")
                if down > 1:
                    below[col + k] = down - 1
            col += across
        while row and not row[-1]:
            row.pop()
        line = first_line + offset - 1
        out.append(RawRow(line, line, row, page=page))
    return [r for r in out if any(c.strip() for c in r.cells)]
