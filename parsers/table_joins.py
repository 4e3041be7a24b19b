"""Tables that run over a page break, joined into one.

Table B continues table A when B is on the page after A's last page, A is the last content of
its page and B the first of its page (running headers and footers aside), and both have the same
columns (same count, similar relative widths). B's repeated header (and numbering row) is
dropped; a B without a header contributes all its rows as body.
"""

import re

from .table_headers import ResolvedTable

WIDTH_TOLERANCE = 0.06


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


def _header_key(t: ResolvedTable) -> list[str]:
    return [_norm(p) for p in t.column_paths()]


def continues(a: ResolvedTable, b: ResolvedTable, a_is_last: bool, b_is_first: bool) -> bool:
    return b.page == a.pages[-1] + 1 and a_is_last and b_is_first and same_columns(a, b)


def join(a: ResolvedTable, b: ResolvedTable) -> ResolvedTable:
    """A with B's rows appended; B's header, when it repeats A's, is not a body row."""
    rows = list(b.body)
    repeated = bool(b.header) and _header_key(b) == _header_key(a)
    if b.header and not repeated:
        rows = list(b.header) + rows
    a.body = a.body + rows
    a.pages = a.pages + [p for p in b.pages if p not in a.pages]
    a.quality = min(a.quality, b.quality)
    if a.method != b.method:
        a.method = f"{a.method}+{b.method}"
    return a


def join_all(tables: list[ResolvedTable], last_on_page: set[int], first_on_page: set[int]) -> list[ResolvedTable]:
    """Join each table into its predecessor while it continues it. `last_on_page` and
    `first_on_page` hold ids of tables with no content after / before them on their page."""
    out: list[ResolvedTable] = []
    for table in tables:
        prev = out[-1] if out else None
        if prev is not None and continues(prev, table, id(prev) in last_on_page,
                                          id(table) in first_on_page):
            out[-1] = join(prev, table)
            # the joined table now ends where the continuation ends
            if id(table) in last_on_page:
                last_on_page.add(id(out[-1]))
            else:
                last_on_page.discard(id(out[-1]))
            continue
        out.append(table)
    return out

