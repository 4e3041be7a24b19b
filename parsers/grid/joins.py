"""Tables that run over a page break, joined into one.

Table B continues table A when B is on the page after A's last page, A is the last content of
its page and B the first of its page (running headers and footers aside), and both have the same
columns: the same count and similar relative widths, or column edges that match except for
slivers (a ruling drawn on one page only, a cell split on one side) and the same outer edges.
B's cells are then moved onto A's columns. A continuation without rulings is fitted to A's
columns by refit.py. B's repeated header (and numbering row) is dropped; a B without a
header contributes all its rows as body. A row broken by the page (Word lets a row run on over
the break) is mended: B's first row, text only, finishing phrases that A's last row left open.
"""

import re
from dataclasses import replace
from typing import Optional

from kinerja.parsers.grid import refit as unruled_joins
from kinerja.parsers.grid.headers import ResolvedTable, is_value
from kinerja.parsers.grid.model import GridCell
from kinerja.parsers.page.geometry import Box

WIDTH_TOLERANCE = 0.06
# a cell cut by the page break ends mid-phrase: on a joining word or mark
OPEN_END = re.compile(r"(\b(dan|atau|serta|yang|di|ke|dari|untuk|dengan|pada|dalam|bagi|oleh|"
                      r"terhadap|melalui|and|or|of|the)|[,&/(+-])\s*$", re.IGNORECASE)
EDGE_TOLERANCE = 0.02  # share of the table's width within which two column edges are one


def _norm(text: str) -> str:
    return re.sub(r"[\s\W]+", "", text.lower())


def same_columns(a: ResolvedTable, b: ResolvedTable) -> bool:
    if a.n_cols != b.n_cols:
        return False
    if len(a.col_edges) != a.n_cols + 1 or len(b.col_edges) != b.n_cols + 1:
        return True
    wa, wb = _relative_widths(a.col_edges), _relative_widths(b.col_edges)
    return all(abs(x - y) <= WIDTH_TOLERANCE for x, y in zip(wa, wb))


def _relative_widths(edges: list[float]) -> list[float]:
    total = (edges[-1] - edges[0]) or 1.0
    return [(edges[i + 1] - edges[i]) / total for i in range(len(edges) - 1)]


def edge_map(a: ResolvedTable, b: ResolvedTable) -> Optional[dict[int, int]]:
    """B's column -> A's column when their column edges agree: same outer edges (or B starting at
    an inner edge of A, its left columns not drawn), and every inner edge of the part with fewer
    columns found in the other. None otherwise."""
    ea, eb = a.col_edges, b.col_edges
    if len(ea) != a.n_cols + 1 or len(eb) != b.n_cols + 1 or a.n_cols < 2 or b.n_cols < 2:
        return None
    tol = max(4.0, EDGE_TOLERANCE * (ea[-1] - ea[0]))
    if abs(ea[-1] - eb[-1]) > tol:
        return None
    if abs(ea[0] - eb[0]) > tol:
        ea = _right_part(ea, eb[0], tol)
        if ea is None:
            return None
    fewer, more = (ea, eb) if len(ea) <= len(eb) else (eb, ea)
    if not all(any(abs(x - y) <= tol for y in more[1:-1]) for x in fewer[1:-1]):
        return None
    mapping = {}
    skipped = len(a.col_edges) - len(ea)  # A's columns left of B
    for col in range(b.n_cols):
        x0, x1 = eb[col], eb[col + 1]
        overlap = [min(x1, ea[i + 1]) - max(x0, ea[i]) for i in range(len(ea) - 1)]
        mapping[col] = skipped + max(range(len(ea) - 1), key=lambda i: overlap[i])
    return mapping


MIN_RIGHT_PART = 0.5  # share of A's width a continuation without A's left columns must cover


def _right_part(ea: list[float], left: float, tol: float) -> Optional[list[float]]:
    """A's edges from the one B starts at: a continuation page that draws no left columns (their
    merged cells, a sasaran or tujuan spanning down from the page before, ended there) starts at
    an inner edge of A. None unless B starts at one and covers most of A's width."""
    start = next((i for i in range(1, len(ea) - 2) if abs(ea[i] - left) <= tol), None)
    if start is None or (ea[-1] - ea[start]) < MIN_RIGHT_PART * (ea[-1] - ea[0]):
        return None
    return ea[start:]


def _remap(row: list[GridCell], mapping: dict[int, int], a: ResolvedTable) -> list[GridCell]:
    """B's row on A's columns: cells landing on one column merged, empty columns filled."""
    placed: dict[int, GridCell] = {}
    for cell in sorted(row, key=lambda c: c.col):
        first, last = mapping[cell.col], mapping[cell.col + cell.col_span - 1]
        moved = replace(cell, col=first, col_span=max(1, last - first + 1))
        if first in placed:  # a sliver column of B: its text belongs to its neighbour
            prev = placed[first]
            text = " ".join(t for t in (prev.text, moved.text) if t.strip())
            box = prev.box.union(moved.box) if prev.box and moved.box else prev.box or moved.box
            span = max(prev.col + prev.col_span, moved.col + moved.col_span) - first
            placed[first] = replace(prev, text=text, box=box, col_span=span,
                                    words=prev.words + moved.words)
        else:
            placed[first] = moved
    cells = sorted(placed.values(), key=lambda c: c.col)
    if not cells:
        return cells
    taken = {c for cell in cells for c in range(cell.col, cell.col + cell.col_span)}
    ref = cells[0]
    top, bottom = (ref.box.y0, ref.box.y1) if ref.box else (0.0, 0.0)
    cells += [GridCell(ref.row, col, "", Box(a.col_edges[col], top, a.col_edges[col + 1], bottom),
                       page=ref.page) for col in range(a.n_cols) if col not in taken]
    return sorted(cells, key=lambda c: c.col)


def fitted(a: ResolvedTable, b: ResolvedTable) -> Optional[ResolvedTable]:
    """B on A's columns, or None when B's columns are not A's."""
    if same_columns(a, b):
        return b
    if unruled_joins.fits(a, b):
        return unruled_joins.aligned(a, b)
    mapping = edge_map(a, b)
    if mapping is None:
        return None
    moved = replace(b, header=[_remap(r, mapping, a) for r in b.header],
                    body=[_remap(r, mapping, a) for r in b.body],
                    n_cols=a.n_cols, col_edges=list(a.col_edges))
    # a header of its own (not A's repeated) marks a new table that happens to line up, unless
    # it is a row of A's body that the page break left on top of B
    if moved.header and not repeats_header(a, moved):
        if _with_cut_row_below_header(a, moved) is not None:
            return moved  # join moves the cut row to the body and mends A's last row with it
        if not _header_is_body(a, moved):
            return None
        moved = replace(moved, header=[], body=list(moved.header) + list(moved.body))
    return moved


def _with_cut_row_below_header(a: ResolvedTable, b: ResolvedTable) -> Optional[ResolvedTable]:
    """B's header is A's repeated with one more row under it holding only the words of A's last
    row that the page break cut off ('Bermotor dibandingkan kebutuhan' under 'INDIKATOR
    KINERJA'): that row is B's first body row, to be mended onto A's last."""
    if len(b.header) < 2:
        return None
    upper = replace(b, header=b.header[:-1])
    if not repeats_header(a, upper) or not _header_is_body(a, replace(b, header=b.header[-1:])):
        return None
    return replace(b, header=b.header[:-1], body=[b.header[-1]] + list(b.body))


def _header_is_body(a: ResolvedTable, b: ResolvedTable) -> bool:
    """B's header is one row of text only in columns where A's body prints names, its other
    columns empty, over a body that prints figures in A's figure columns: an item's name row
    ('Sub Kegiatan Pengadaan Mebel') the page break left on top of the next page, not labels."""
    if len(b.header) != 1 or not a.body or not b.body:
        return False
    names = _columns(a.body, lambda t: not is_value(t))
    figures = _columns(a.body, is_value) - names
    filled = [c for c in b.header[0] if c.text.strip()]
    if not filled or not figures or any(is_value(c.text) or c.col not in names for c in filled):
        return False
    return bool(_columns(b.body, is_value) & figures)


def _columns(rows: list[list[GridCell]], test) -> set[int]:
    """Columns holding a cell that passes `test` in at least half the rows with text there."""
    seen: dict[int, list[bool]] = {}
    for row in rows:
        for c in row:
            if c.text.strip():
                seen.setdefault(c.col, []).append(bool(test(c.text.strip())))
    return {col for col, marks in seen.items() if sum(marks) * 2 >= len(marks)}


def _header_key(t: ResolvedTable) -> list[str]:
    return [_norm(p) for p in t.column_paths()]


def repeats_header(a: ResolvedTable, b: ResolvedTable) -> bool:
    """B's header is A's printed again: the same column paths, or their upper rows only (a
    row of sub-labels such as 'TW I ... TW IV' not repeated on the next page)."""
    if not b.header or b.n_cols != a.n_cols:
        return False
    mine, theirs = _header_key(a), _header_key(b)
    filled = [k for k in theirs if k]
    return len(filled) * 2 >= len(theirs) and all(m.startswith(t) for m, t in zip(mine, theirs))


def continues(a: ResolvedTable, b: ResolvedTable, a_is_last: bool, b_is_first: bool) -> bool:
    return b.page == a.pages[-1] + 1 and a_is_last and b_is_first and fitted(a, b) is not None


def join(a: ResolvedTable, b: ResolvedTable) -> ResolvedTable:
    """A with B's rows appended; B's header, when it repeats A's, is not a body row."""
    b = fitted(a, b) or b
    rows = list(b.body)
    if b.header and not repeats_header(a, b):
        cut = _with_cut_row_below_header(a, b)
        rows = list(cut.body) if cut is not None else list(b.header) + rows
        if cut is not None and a.body:  # the words under the header end A's last row
            a.body[-1] = _mended(a.body[-1], rows[0])
            rows = rows[1:]
    if a.body and rows and broken_row(a.body[-1], rows[0]):
        a.body[-1] = _mended(a.body[-1], rows[0])
        rows = rows[1:]
    a.body = a.body + rows
    a.pages = a.pages + [p for p in b.pages if p not in a.pages]
    a.quality = min(a.quality, b.quality)
    if a.method != b.method:
        a.method = f"{a.method}+{b.method}"
    return a


def _covering(row: list[GridCell], col: int) -> Optional[GridCell]:
    return next((c for c in row if c.col <= col < c.col + c.col_span), None)


def broken_row(last: list[GridCell], first: list[GridCell]) -> bool:
    """`first` (B's first row) is the rest of `last` (A's last row) cut by the page break: text
    only, each of its cells under a text cell of `last` and going on with it (the cell above
    ends on a joining word, or this one starts in lower case)."""
    filled = [c for c in first if c.text.strip()]
    if not filled or any(is_value(c.text) for c in filled):
        return False
    above = [_covering(last, c.col) for c in filled]
    if any(o is None or not o.text.strip() or is_value(o.text) for o in above):
        return False
    return all(OPEN_END.search(o.text) or c.text.strip()[:1].islower()
               for o, c in zip(above, filled))


def _mended(last: list[GridCell], first: list[GridCell]) -> list[GridCell]:
    ends = {id(_covering(last, c.col)): c for c in first if c.text.strip()}
    out = []
    for cell in last:
        rest = ends.get(id(cell))
        if rest is not None:
            box = cell.box.union(rest.box) if cell.box and rest.box else cell.box
            cell = replace(cell, text=f"{cell.text.rstrip()} {rest.text.strip()}", box=box,
                           words=cell.words + rest.words)
        out.append(cell)
    return out
