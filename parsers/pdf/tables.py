"""Table finders on text-layer pages, each turned into a TableGrid: pdfplumber's ruling-line
finder first (fast, exact cell boxes), camelot lattice when that scores poorly on a ruled page,
camelot stream for column-aligned text without rulings. The best grid per table area wins."""

import contextlib
import io
import warnings
from pathlib import Path
from typing import Optional

from kinerja.parsers.grid.model import GridCell, TableGrid, quality
from kinerja.parsers.page.geometry import Box, cluster, from_bottom_left
from kinerja.parsers.text.lines import join_lines

# a grid scoring at least this is kept without asking camelot (sparse SAKIP tables with
# group rows score about 0.5-0.7; broken grids with spurious columns below 0.5)
GOOD_ENOUGH = 0.5
SNAP = 2.0  # points: cell edges closer than this are one grid line


def cell_text(raw: Optional[str]) -> str:
    return join_lines((raw or "").split("\n"))


# ---- pdfplumber -------------------------------------------------------------------------

def plumber_grids(page, number: int) -> list[TableGrid]:
    """Ruled tables on one pdfplumber page; cell boxes give spans directly."""
    grids = []
    for table in page.find_tables({"vertical_strategy": "lines", "horizontal_strategy": "lines"}):
        grid = _plumber_grid(table, number)
        if grid is not None:
            grid.quality = quality(grid)
            grids.append(grid)
    return grids


def _plumber_grid(table, number: int) -> Optional[TableGrid]:
    boxes = [b for b in table.cells]
    if len(boxes) < 2:
        return None
    xs = cluster([v for b in boxes for v in (b[0], b[2])], SNAP)
    ys = cluster([v for b in boxes for v in (b[1], b[3])], SNAP)
    texts = {}
    for row, row_texts in zip(table.rows, table.extract()):
        for bbox, text in zip(row.cells, row_texts):
            if bbox is not None:
                texts[tuple(bbox)] = text
    cells = []
    for b in boxes:
        c0, c1 = _index(b[0], xs), _index(b[2], xs)
        r0, r1 = _index(b[1], ys), _index(b[3], ys)
        if c1 <= c0 or r1 <= r0:
            continue
        cells.append(GridCell(r0, c0, cell_text(texts.get(tuple(b))), Box(*b),
                              row_span=r1 - r0, col_span=c1 - c0, page=number))
    return _dedupe(TableGrid(number, Box(*table.bbox), len(ys) - 1, len(xs) - 1,
                             cells, "pdfplumber-lines", col_edges=xs, pages=[number]))


def _index(value: float, positions: list[float]) -> int:
    return min(range(len(positions)), key=lambda i: abs(positions[i] - value))


def _dedupe(grid: TableGrid) -> TableGrid:
    """Keep one cell per start slot (finders occasionally emit nested boxes)."""
    seen = {}
    for cell in sorted(grid.cells, key=lambda c: (c.row, c.col, -c.row_span * c.col_span)):
        seen.setdefault((cell.row, cell.col), cell)
    grid.cells = sorted(seen.values(), key=lambda c: (c.row, c.col))
    return grid


# ---- camelot ----------------------------------------------------------------------------

def camelot_grids(path: Path, number: int, page_height: float, flavor: str,
                  areas: Optional[list[Box]] = None, password: Optional[str] = None) -> list[TableGrid]:
    """camelot on one page; its bottom-left boxes are flipped to top-left here, once."""
    import camelot

    kwargs = {}
    if areas:
        kwargs["table_areas"] = [
            f"{a.x0},{page_height - a.y0},{a.x1},{page_height - a.y1}" for a in areas
        ]
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        tables = camelot.read_pdf(str(path), pages=str(number), flavor=flavor,
                                  password=password, suppress_stdout=True, **kwargs)
    grids = []
    for table in tables:
        grid = camelot_grid(table, number, page_height, flavor)
        if grid is not None:
            grid.quality = quality(grid)
            grids.append(grid)
    return grids


def camelot_grid(table, number: int, page_height: float, flavor: str) -> Optional[TableGrid]:
    """One camelot table (lattice or stream) as a TableGrid, top-left boxes; lattice slots
    not separated by a drawn edge are one spanning cell. Unscored: callers set .quality."""
    rows = table.cells
    if not rows or not rows[0]:
        return None
    n_rows, n_cols = len(rows), len(rows[0])
    data = table.df.values.tolist()
    groups = _span_groups(rows) if flavor == "lattice" else {
        (r, c): [(r, c)] for r in range(n_rows) for c in range(n_cols)
    }
    cells = []
    for (r0, c0), members in groups.items():
        r1 = max(r for r, _ in members) + 1
        c1 = max(c for _, c in members) + 1
        text = join_lines([cell_text(str(data[r][c])) for r, c in sorted(members)
                           if r < len(data) and c < len(data[r])])
        first, last = rows[r0][c0], rows[r1 - 1][c1 - 1]
        box = from_bottom_left(first.x1, last.y1, last.x2, first.y2, page_height)
        cells.append(GridCell(r0, c0, text, box, row_span=r1 - r0, col_span=c1 - c0, page=number))
    x0, y0, x1, y1 = table._bbox
    col_edges = [rows[0][c].x1 for c in range(n_cols)] + [rows[0][-1].x2]
    return TableGrid(number, from_bottom_left(x0, y0, x1, y1, page_height), n_rows, n_cols,
                     sorted(cells, key=lambda c: (c.row, c.col)), f"camelot-{flavor}",
                     col_edges=col_edges, pages=[number])


def _span_groups(rows) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """Merge lattice slots not separated by a drawn edge (a merged cell) into one group,
    keyed by its top-left slot."""
    n_rows, n_cols = len(rows), len(rows[0])
    parent = {(r, c): (r, c) for r in range(n_rows) for c in range(n_cols)}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in range(n_rows):
        for c in range(n_cols):
            cell = rows[r][c]
            if c + 1 < n_cols and not cell.right and not rows[r][c + 1].left:
                parent[find((r, c + 1))] = find((r, c))
            if r + 1 < n_rows and not cell.bottom and not rows[r + 1][c].top:
                parent[find((r + 1, c))] = find((r, c))
    groups: dict = {}
    for slot in parent:
        groups.setdefault(find(slot), []).append(slot)
    return {min(members): members for members in groups.values()}


# ---- choosing ---------------------------------------------------------------------------

def best_per_area(primary: list[TableGrid], alternative: list[TableGrid]) -> list[TableGrid]:
    """For each area found by either finder, keep the grid with the higher quality."""
    chosen = list(primary)
    for alt in alternative:
        rivals = [g for g in chosen if _overlap(g.box, alt.box) > 0.5]
        if not rivals:
            if alt.quality >= GOOD_ENOUGH / 2:
                chosen.append(alt)
        elif alt.quality > max(g.quality for g in rivals) + 0.05:
            chosen = [g for g in chosen if g not in rivals] + [alt]
    return sorted(chosen, key=lambda g: (g.box.y0, g.box.x0))


def _overlap(a: Box, b: Box) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    if w <= 0 or h <= 0:
        return 0.0
    smaller = min(a.width * a.height, b.width * b.height) or 1.0
    return w * h / smaller
