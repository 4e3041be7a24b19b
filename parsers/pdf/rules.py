"""Ruling lines of a text-layer page, read from pdfium's path objects (no layout analysis).

Thin filled rectangles (how Word exports draw borders) give one edge each; stroked paths give
one edge per axis-aligned straight segment. Curves and slanted strokes are ignored.
"""

import ctypes
from collections import defaultdict
from typing import Optional

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from kinerja.parsers.page.geometry import Box, Edge, PageFrame
from kinerja.parsers.pdf.objects import PageObject, apply, compose, object_matrix, page_objects

THIN = 3.0  # points: a path object thinner than this is itself a ruling
STRAIGHT = 1.0  # points of drift allowed along a ruling


def page_edges(page: pdfium.PdfPage, frame: PageFrame,
               objects: Optional[list[PageObject]] = None) -> list[Edge]:
    """Rulings as displayed (the page's /Rotate applied), top-left origin. `objects`
    (objects.page_objects): the page's, when already read."""
    height = frame.height
    paths = [o for o in (page_objects(page) if objects is None else objects) if o.type == pdfium_c.FPDF_PAGEOBJ_PATH]
    done, edges = _shaded(paths, height)
    for k, obj in enumerate(paths):
        if k in done:
            continue
        left, bottom, right, top = obj.bounds
        w, h = right - left, top - bottom
        if w <= THIN and h > THIN:
            x = (left + right) / 2
            edges.append(Edge("v", x, height - top, x, height - bottom))
        elif h <= THIN and w > THIN:
            y = height - (top + bottom) / 2
            edges.append(Edge("h", left, y, right, y))
        elif w > THIN and h > THIN:
            edges.extend(_segment_edges(obj, height))
        elif w > 0.2 and h > 0.2:
            # a corner square where cell borders meet: it bridges the gaps between them
            x, y = (left + right) / 2, height - (top + bottom) / 2
            edges.append(Edge("h", left, y, right, y))
            edges.append(Edge("v", x, height - top, x, height - bottom))
    return [_rotated(e, frame) for e in edges] if frame.rotation else edges


MAX_FILLS = 800  # boxes of one colour on a page beyond which their sides are not compared (quadratic)
NEST = 0.5  # points of tolerance where boxes meet


def _shaded(paths: list[PageObject], height: float) -> tuple[set[int], list[Edge]]:
    """The sides that show of boxes filled and not stroked, where the top or bottom of a box does
    not: colour on the same colour draws no edge. Word shades a cell and then each line of its
    text, or tiles a shaded cell with a box per line and per padding; those hidden sides would cut
    the cell into a row per line. Returns the boxes so read (their shown sides instead of their
    outline)."""
    by_colour: dict[tuple, list[tuple[int, tuple]]] = defaultdict(list)
    for k, o in enumerate(paths):
        if _boxy(o) and _one_rectangle(o) and (colour := _fill_only_colour(o)) is not None:
            by_colour[colour].append((k, o.bounds))
    done: set[int] = set()
    edges: list[Edge] = []
    for boxes in by_colour.values():
        if len(boxes) > MAX_FILLS:
            continue
        for n, (k, box) in enumerate(boxes):
            others = [b for m, (_, b) in enumerate(boxes) if m != n and (m < n or b != box)]
            if any(_inside(box, other) for other in others):
                done.add(k)  # a line shaded inside its shaded cell: no side shows
                continue
            shown = _shown_sides(box, others)
            if len(shown) < 4:
                done.add(k)
                edges += [_side_edge(box, side, height) for side in shown]
    return done, edges


def _inside(box: tuple, other: tuple) -> bool:
    l, b, r, t = box
    L, B, R, T = other
    return L - NEST <= l and B - NEST <= b and r <= R + NEST and t <= T + NEST


def _shown_sides(box: tuple, others: list[tuple]) -> list[str]:
    """The sides of box (left, bottom, right, top; y up) that show: its top and bottom unless the
    others cover what lies beyond them. Its left and right always count: Word shades each cell of
    a row on its own, and the sides where two shaded cells meet may be that table's only column
    lines."""
    l, b, r, t = box
    out = ["left", "right"]
    for side, y in (("bottom", b), ("top", t)):
        across = [(L, R) for L, B, R, T in others
                  if (B < y - NEST <= T if side == "bottom" else B - NEST <= y + NEST < T)]
        if not _covers(across, l, r):
            out.append(side)
    return out


def _covers(spans: list[tuple[float, float]], lo: float, hi: float) -> bool:
    """Whether the spans together cover lo..hi (gaps up to NEST allowed)."""
    reach = lo + NEST
    for a, z in sorted(spans):
        if a > reach + NEST:
            break
        reach = max(reach, z)
    return reach >= hi - NEST


def _side_edge(box: tuple, side: str, height: float) -> Edge:
    l, b, r, t = box
    if side in ("left", "right"):
        x = l if side == "left" else r
        return Edge("v", x, height - t, x, height - b)
    y = height - (b if side == "bottom" else t)
    return Edge("h", l, y, r, y)


def _boxy(obj: PageObject) -> bool:
    left, bottom, right, top = obj.bounds
    return right - left > THIN and top - bottom > THIN


def _one_rectangle(obj: PageObject) -> bool:
    """A path of one box ('re', or a move and three or four lines): not a whole table's rulings
    drawn as one path of many thin boxes, whose bounds say nothing of its edges."""
    return pdfium_c.FPDFPath_CountSegments(obj.handle) <= RECTANGLE_SEGMENTS


RECTANGLE_SEGMENTS = 5


def _fill_only_colour(obj: PageObject) -> Optional[tuple[int, int, int, int]]:
    mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj.handle, mode, stroke) or stroke.value or not mode.value:
        return None
    rgba = [ctypes.c_uint() for _ in range(4)]
    if not pdfium_c.FPDFPageObj_GetFillColor(obj.handle, *rgba):
        return None
    return tuple(v.value for v in rgba)


def _rotated(e: Edge, frame: PageFrame) -> Edge:
    b = frame.rotate(Box(e.x0, e.y0, e.x1, e.y1))
    orientation = e.orientation
    if frame.rotation in (90, 270):
        orientation = "v" if orientation == "h" else "h"
    return Edge(orientation, b.x0, b.y0, b.x1, b.y1)


def _segment_edges(obj: PageObject, height: float) -> list[Edge]:
    m = compose(obj.form, object_matrix(obj.handle))
    points: list[tuple[float, float]] = []
    start = None
    out: list[Edge] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for i in range(pdfium_c.FPDFPath_CountSegments(obj.handle)):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj.handle, i)
        if not pdfium_c.FPDFPathSegment_GetPoint(seg, x, y):
            continue
        px, py = apply(m, x.value, y.value)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or not points:
            points, start = [(px, py)], (px, py)
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO:
            _add(out, points[-1], (px, py), height)
            points.append((px, py))
        else:  # a curve breaks the chain
            points = [(px, py)]
        if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
            _add(out, points[-1], start, height)
    return out


def _add(out: list[Edge], a, b, height: float) -> None:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) <= STRAIGHT and abs(ax - bx) > THIN:
        y = height - (ay + by) / 2
        out.append(Edge("h", min(ax, bx), y, max(ax, bx), y))
    elif abs(ax - bx) <= STRAIGHT and abs(ay - by) > THIN:
        x = (ax + bx) / 2
        out.append(Edge("v", x, height - max(ay, by), x, height - min(ay, by)))
