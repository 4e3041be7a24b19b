"""pdfplumber's ruling chain (snap -> join -> intersections -> cells) on plain lists, indexed.

The same steps and the same float arithmetic as pdfplumber.table, so the cells are identical to
its own, without its costs: an edge dict copied at every move, every intersection point compared
with every later one, and the edge sets of two points rebuilt at each comparison. Edges here are
lists [x0, top, x1, bottom, width, height] in top-left coordinates.
"""

from bisect import bisect_left, bisect_right
from collections import defaultdict
from itertools import groupby


def merge_edges(h: list[list], v: list[list], snap: float, join: float) -> tuple[list, list]:
    """Parallel edges closer than `snap` moved to their mean position, then collinear edges with
    gaps up to `join` joined (pdfplumber.table.merge_edges)."""
    return _joined(_snapped(h, 1, snap), 1, join), _joined(_snapped(v, 0, snap), 0, join)


def _snapped(edges: list[list], at: int, snap: float) -> list[list]:
    """pdfplumber.utils.snap_objects: single-link clusters of the distinct positions, members in
    their input order, each moved by (mean - position)."""
    ids: dict[float, int] = {}
    last = None
    for value in sorted({e[at] for e in edges}):
        ids[value] = len(ids) if last is None else ids[last] + (value > last + snap)
        last = value
    ordered = sorted(edges, key=lambda e: ids[e[at]])
    out = []
    for _, group in groupby(ordered, key=lambda e: ids[e[at]]):
        group = list(group)
        mean = sum(e[at] for e in group) / len(group)
        for e in group:
            shift = mean - e[at]
            if at == 0:  # a vertical edge moves along x
                out.append([e[0] + shift, e[1], e[2] + shift, e[3], e[4], e[5]])
            else:
                out.append([e[0], e[1] + shift, e[2], e[3] + shift, e[4], e[5]])
    return out


def _joined(edges: list[list], at: int, join: float) -> list[list]:
    """pdfplumber.table.join_edge_group over each line's edges: along x for horizontal edges
    (at=1), along y for vertical ones (at=0)."""
    lo, hi = (0, 2) if at == 1 else (1, 3)
    out = []
    for _, line in groupby(sorted(edges, key=lambda e: e[at]), key=lambda e: e[at]):
        line = sorted(line, key=lambda e: e[lo])
        joined = [line[0]]
        for e in line[1:]:
            last = joined[-1]
            if e[lo] <= last[hi] + join:
                if e[hi] > last[hi]:
                    if at == 1:
                        joined[-1] = [last[0], last[1], e[2], last[3], e[2] - last[0], last[5]]
                    else:
                        joined[-1] = [last[0], last[1], last[2], e[3], last[4],
                                      last[5] + (e[3] - last[3])]
            else:
                joined.append(e)
        out.extend(joined)
    return out


def intersections(h: list[list], v: list[list], tol: float) -> dict[tuple, tuple[set, set]]:
    """Points where a vertical and a horizontal edge meet within `tol`, each with the boxes of
    the vertical and of the horizontal edges through it
    (pdfplumber.table.edges_to_intersections)."""
    points: dict[tuple, tuple[set, set]] = {}
    v = sorted(v, key=lambda e: e[0])
    xs = [e[0] for e in v]
    for e in h:
        y = e[1]
        for ve in v[bisect_left(xs, e[0] - tol):bisect_right(xs, e[2] + tol)]:
            if ve[1] <= y + tol and ve[3] >= y - tol and e[0] - tol <= ve[0] <= e[2] + tol:
                vs, hs = points.setdefault((ve[0], y), (set(), set()))
                vs.add(tuple(ve[:4]))
                hs.add(tuple(e[:4]))
    return points


def intersections_to_cells(points: dict[tuple, tuple[set, set]]) -> list[tuple]:
    """For each point in (x, y) order, the smallest cell it is the top-left corner of: the first
    point below it and the first point right of it (each sharing an edge with it) whose fourth
    corner exists and shares an edge with both (pdfplumber.table.intersections_to_cells)."""
    by_x: dict[float, list] = defaultdict(list)
    by_y: dict[float, list] = defaultdict(list)
    for pt in sorted(points):
        by_x[pt[0]].append(pt[1])
        by_y[pt[1]].append(pt[0])
    cells = []
    for pt in sorted(points):
        x, y = pt
        vs, hs = points[pt]
        column, row = by_x[x], by_y[y]
        below = column[bisect_right(column, y):]
        right = row[bisect_right(row, x):]
        cell = _smallest_cell(points, x, y, vs, hs, below, right)
        if cell:
            cells.append(cell)
    return cells


def _smallest_cell(points, x, y, vs, hs, below, right):
    for by in below:
        if vs.isdisjoint(points[(x, by)][0]):
            continue
        below_h = points[(x, by)][1]
        for rx in right:
            right_v = points[(rx, y)][0]
            if hs.isdisjoint(points[(rx, y)][1]):
                continue
            corner = points.get((rx, by))
            if corner and not corner[0].isdisjoint(right_v) and not corner[1].isdisjoint(below_h):
                return (x, y, rx, by)
    return None
