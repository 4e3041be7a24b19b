"""A table without rulings continued on the next page, fitted to the columns of its start.

When the header is not repeated, the continuation's columns are found from its own text
alone: a column empty on that page (a merged 'Sasaran' cell printed only where it starts)
leaves no gutter, so the part has fewer columns than the table it continues. Both parts are
one table printed at the same x positions, so each of the continuation's columns is matched
to the column of the first part whose text it overlaps most (or whose bounds hold it); the
continuation fits when its columns land in order, most of them on text of the first part.
Two columns of the continuation landing on one (a wide space inside a cell) become one.
"""

import re
from typing import Optional

from kinerja.parsers.grid.headers import ResolvedTable
from kinerja.parsers.grid.model import GridCell
from kinerja.parsers.page.geometry import Box
from kinerja.parsers.page.words import words_text

LABEL = 30  # characters: a header label is short


def _content(t: ResolvedTable) -> dict[int, tuple[float, float]]:
    """Where the text of each column usually starts and ends (medians over its cells of one
    column: a cell that took in a neighbour's text does not widen the column)."""
    spans: dict[int, list[tuple[float, float]]] = {}
    for row in t.header + t.body:
        for cell in row:
            if cell.col_span == 1 and cell.words:
                spans.setdefault(cell.col, []).append(
                    (min(w.box.x0 for w in cell.words), max(w.box.x1 for w in cell.words)))
    return {col: (_median([x0 for x0, _ in v]), _median([x1 for _, x1 in v]))
            for col, v in spans.items()}


def _median(values: list[float]) -> float:
    values = sorted(values)
    return values[len(values) // 2]


def column_map(a: ResolvedTable, b: ResolvedTable) -> Optional[dict[int, int]]:
    """B's column -> A's column, or None when B's text does not fit A's columns."""
    if len(a.col_edges) != a.n_cols + 1 or len(b.col_edges) != b.n_cols + 1:
        return None
    if "whitespace" not in b.method or b.n_cols > a.n_cols or _own_header(a, b):
        return None
    mine, theirs = _content(a), _content(b)
    mapping: dict[int, int] = {}
    overlapping = 0
    for col, (x0, x1) in sorted(theirs.items()):
        shared = {i: min(x1, hi) - max(x0, lo) for i, (lo, hi) in mine.items()}
        best = max(shared, key=shared.get, default=None)
        if best is not None and shared[best] > 0:
            mapping[col] = best
            overlapping += 1
        else:
            centre = (x0 + x1) / 2
            mapping[col] = next((i for i in range(a.n_cols) if centre < a.col_edges[i + 1]),
                                a.n_cols - 1)
    targets = [mapping[c] for c in sorted(mapping)]
    if not targets or targets != sorted(targets) or overlapping < 0.5 * len(theirs):
        return None
    return _fill(mapping, a, b)


def _own_header(a: ResolvedTable, b: ResolvedTable) -> bool:
    """B opens with a header of short labels that is not A's: a new table, not the rest of
    A (a continuation's first row of text may read as a header too, but not as labels)."""
    if not b.header:
        return False
    texts = [c.text.strip() for row in b.header for c in row if c.text.strip()]
    labels = bool(texts) and all(len(t) <= LABEL for t in texts)
    return labels and [_key(p) for p in b.column_paths()] != [_key(p) for p in a.column_paths()]


def _key(text: str) -> str:
    return re.sub(r"[\s\W]+", "", text.lower())


def _fill(mapping: dict[int, int], a: ResolvedTable, b: ResolvedTable) -> dict[int, int]:
    """Columns without text in cells of their own (only spanning cells) go to the column of
    the first part under their middle, kept in order between their neighbours."""
    out = dict(mapping)
    for col in range(b.n_cols):
        if col in out:
            continue
        middle = (b.col_edges[col] + b.col_edges[col + 1]) / 2
        target = next((i for i in range(a.n_cols) if middle < a.col_edges[i + 1]), a.n_cols - 1)
        low = max((out[c] for c in out if c < col), default=0)
        high = min((out[c] for c in out if c > col), default=a.n_cols - 1)
        out[col] = min(max(target, low), high)
    return out


def fits(a: ResolvedTable, b: ResolvedTable) -> bool:
    return column_map(a, b) is not None


def aligned(a: ResolvedTable, b: ResolvedTable) -> ResolvedTable:
    """B with its cells moved to A's columns (B unchanged when it does not fit, or already
    has A's columns)."""
    mapping = column_map(a, b)
    if mapping is None or (b.n_cols == a.n_cols and all(k == v for k, v in mapping.items())):
        return b
    b.header = [_remap(row, mapping, a) for row in b.header]
    b.body = [_remap(row, mapping, a) for row in b.body]
    b.n_cols, b.col_edges = a.n_cols, list(a.col_edges)
    return b


def _merge(a: GridCell, b: GridCell) -> GridCell:
    words = a.words + b.words
    if words:
        text, _ = words_text(words)
    else:
        text = " ".join(t for t in (a.text, b.text) if t)
    box = a.box.union(b.box) if a.box and b.box else a.box or b.box
    last = max(a.col + a.col_span, b.col + b.col_span)
    return GridCell(a.row, a.col, text, box, row_span=max(a.row_span, b.row_span),
                    col_span=last - a.col, confidence=a.confidence, page=a.page, words=words)


def _remap(row: list[GridCell], mapping: dict[int, int], a: ResolvedTable) -> list[GridCell]:
    if not row:
        return row
    merged: dict[int, GridCell] = {}
    for cell in sorted(row, key=lambda c: c.col):
        first = mapping[cell.col]
        last = mapping[cell.col + cell.col_span - 1]
        cell.col, cell.col_span = first, last - first + 1
        if first in merged:  # two columns of the part are one of the table: a wide space
            merged[first] = _merge(merged[first], cell)
        else:
            merged[first] = cell
    row = list(merged.values())
    taken = {c for cell in row for c in range(cell.col, cell.col + cell.col_span)}
    ref = row[0]
    top = ref.box.y0 if ref.box else 0.0
    bottom = ref.box.y1 if ref.box else 0.0
    for col in range(a.n_cols):
        if col not in taken:
            row.append(GridCell(ref.row, col, "", Box(a.col_edges[col], top,
                                                      a.col_edges[col + 1], bottom),
                                page=ref.page))
    return sorted(row, key=lambda c: c.col)
