"""Ruling lines of a text-layer page, read from pdfium's path objects (no layout analysis).

Thin filled rectangles (how Word exports draw borders) give one edge each; stroked paths give
one edge per axis-aligned straight segment. Curves and slanted strokes are ignored.
"""

import ctypes
from typing import Optional

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from kinerja.parsers.page.geometry import Box, Edge, PageFrame
from kinerja.parsers.pdf.objects import PageObject, apply, compose, object_matrix, page_objects
from kinerja.parsers.pdf.shading import shown_sides

THIN = 3.0  # points: a path object thinner than this is itself a ruling
STRAIGHT = 1.0  # points of drift allowed along a ruling


def page_edges(page: pdfium.PdfPage, frame: PageFrame,
               objects: Optional[list[PageObject]] = None) -> list[Edge]:
    """Rulings as displayed (the page's /Rotate applied), top-left origin. `objects`
    (objects.page_objects): the page's, when already read."""
    height = frame.height
    paths = [o for o in (page_objects(page) if objects is None else objects) if o.type == pdfium_c.FPDF_PAGEOBJ_PATH]
    done, edges = shown_sides([(k, o) for k, o in enumerate(paths) if _boxy(o)], height)
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


def _boxy(obj: PageObject) -> bool:
    left, bottom, right, top = obj.bounds
    return right - left > THIN and top - bottom > THIN


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
