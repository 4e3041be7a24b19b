"""A table as found on a page, before headers are resolved: a grid of cells with spans.

Every finder (pdfplumber, camelot, OCR) produces this one shape, so scoring, header resolution
and cross-page joins are written once.
"""

import re
from dataclasses import dataclass, field
from typing import Optional

from kinerja.parsers.page.geometry import Box


@dataclass
class GridCell:
    row: int
    col: int
    text: str
    box: Optional[Box] = None
    row_span: int = 1
    col_span: int = 1
    confidence: Optional[float] = None
    page: Optional[int] = None
    words: list = field(default_factory=list, repr=False)  # positioned words, when known


@dataclass
class TableGrid:
    page: int
    box: Box
    n_rows: int
    n_cols: int
    cells: list[GridCell]
    method: str
    col_edges: list[float] = field(default_factory=list)
    quality: float = 0.0
    pages: list[int] = field(default_factory=list)
    confidence: Optional[float] = None

    def rows(self) -> list[list[GridCell]]:
        """Cells grouped by the row they start in, left to right."""
        out: list[list[GridCell]] = [[] for _ in range(self.n_rows)]
        for cell in self.cells:
            out[cell.row].append(cell)
        return [sorted(r, key=lambda c: c.col) for r in out]

    def row_texts(self, row: int) -> list[str]:
        texts = [""] * self.n_cols
        for cell in self.cells:
            if cell.row == row:
                texts[cell.col] = cell.text
        return texts


def quality(grid: TableGrid) -> float:
    """0..1: how much the grid looks like a data table (filled cells, no empty columns or rows,
    no column that swallowed several values)."""
    if grid.n_rows < 2 or grid.n_cols < 2 or not grid.cells:
        return 0.0
    filled = sum(1 for c in grid.cells if c.text.strip()) / len(grid.cells)
    used_cols = {c for cell in grid.cells if cell.text.strip()
                 for c in range(cell.col, cell.col + cell.col_span)}
    col_share = len(used_cols) / grid.n_cols
    rows_ok = sum(1 for r in grid.rows() if sum(1 for c in r if c.text.strip()) >= 2) / grid.n_rows
    crowded = sum(1 for c in grid.cells if _several_numbers(c.text)) / len(grid.cells)
    return round(max(0.0, 0.45 * filled + 0.25 * col_share + 0.3 * rows_ok - crowded), 4)


def _several_numbers(text: str) -> bool:
    """A cell holding several separate figures ('84 % 79,82 %') usually merged two columns."""
    return len(re.findall(r"(?<![\w.,])\d[\d.,]*\s*%?(?![\w])", text)) >= 3
