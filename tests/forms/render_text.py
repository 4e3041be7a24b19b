"""Text dumps of a generated document: the Markdown-ish export a converter makes of it (lines,
tables as tab-separated rows with their caption, header rows and numbering row), the same
export with its tables as HTML (rowspan and colspan as converters write them) and as Markdown
pipe tables repeating a spanning cell's text in every place it covers (docling, pandas), and poppler's
`pdftotext -layout` and plain `pdftotext` of its PDF."""

import html
import subprocess
from pathlib import Path

from .model import Cell, Doc, Heading, Lines, PageBreak, Para, Signature, TableBlock


def markdown(doc: Doc, tables: str = "tsv") -> str:
    """The document as a converter exports it; `tables` "tsv", "html" or "pipes"."""
    parts: list[str] = []
    for block in doc.blocks:
        if isinstance(block, (Heading, Para)):
            parts.append(block.text)
        elif isinstance(block, Lines):
            parts.append("\n".join(f"{k} : {v}" for k, v in block.pairs))
        elif isinstance(block, Signature):
            parts.append("\n".join(line for col in block.columns for line in col))
        elif isinstance(block, TableBlock):
            parts.append({"tsv": _table, "html": _html_table, "pipes": _pipe_table}[tables](block))
        elif not isinstance(block, PageBreak):
            raise TypeError(block)
    return "\n\n".join(parts) + "\n"


def _table(block: TableBlock) -> str:
    """A spanning cell's text in its first place, the places it covers empty; a cell's lines
    joined by <br> as converters leave them."""
    lines = [block.caption, ""] if block.caption else []
    for row in block.header + block.body:
        lines.append("\t".join(_cell(c) for c in row))
    return "\n".join(lines)


def _html_table(block: TableBlock) -> str:
    """One <table>, a row a line as converters write it; covered places are left out (the
    spanning cell's rowspan/colspan say what they hold); header rows in <th>."""
    lines = [block.caption, ""] if block.caption else []
    lines.append("<table>")
    for tag, rows in (("th", block.header), ("td", block.body)):
        for row in rows:
            cells = "".join(_html_cell(tag, c) for c in row if c is not None)
            lines.append(f"<tr>{cells}</tr>")
    lines.append("</table>")
    return "\n".join(lines)


def _pipe_table(block: TableBlock) -> str:
    """Pipe rows, the header closed by a delimiter row; a spanning cell's text (lines joined by
    a space) printed in every place it covers."""
    rows = block.header + block.body
    width = max(len(r) for r in rows)
    grid = [[""] * width for _ in rows]
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell is not None:
                text = " ".join(cell.text.split("\n")).replace("|", "/")
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        if r + dr < len(rows) and c + dc < width:
                            grid[r + dr][c + dc] = text
    lines = [block.caption, ""] if block.caption else []
    for r, row in enumerate(grid):
        lines.append("| " + " | ".join(row) + " |")
        if r == len(block.header) - 1:
            lines.append("|" + "---|" * width)
    return "\n".join(lines)


def _html_cell(tag: str, cell: Cell) -> str:
    spans = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") \
        + (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "")
    text = "<br>".join(html.escape(line) for line in cell.text.strip("\n").split("\n"))
    return f"<{tag}{spans}>{text}</{tag}>"


def _cell(cell: Cell | None) -> str:
    if cell is None:
        return ""
    return "<br>".join(cell.text.strip("\n").split("\n"))


def pdftotext(pdf: Path, out: Path, layout: bool) -> Path:
    """poppler's text of the PDF (`-layout` keeps the page's columns) written to `out`."""
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(pdf), str(out)]
    subprocess.run(args, check=True, capture_output=True, timeout=60)
    return out
