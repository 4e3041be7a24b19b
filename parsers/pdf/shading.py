"""Shaded boxes: which sides of a filled box show on the page.

A box filled with the colour of the box it lies in, or of the boxes tiled beside it, draws no
edge there. Word shades a table cell and then each line of its text again, or tiles a shaded cell
with a box per text line and per padding; read as rulings, those boxes' edges cut one cell into
a row per line (and a wrapped name into fragments).
"""

import ctypes
from collections import defaultdict
from typing import Optional

import numpy as np
import pypdfium2.raw as pdfium_c

from kinerja.parsers.page.geometry import Edge
from kinerja.parsers.pdf.objects import PageObject

MAX_FILLS = 800  # boxes of one colour on a page beyond which their sides are not compared (quadratic)
NEST = 0.5  # points of tolerance where boxes meet


def shown_sides(boxes: list[tuple[int, PageObject]], height: float) -> tuple[set[int], list[Edge]]:
    """The sides that show of boxes filled and not stroked, where the top or bottom of a box does
    not. `boxes`: (index, path) of the page's paths wide and tall enough to be boxes. Returns the
    indices so read (their shown sides stand for their outline) and those sides."""
    by_colour: dict[tuple, list[tuple[int, tuple]]] = defaultdict(list)
    for k, o in boxes:
        if _one_rectangle(o) and (colour := _fill_only_colour(o)) is not None:
            by_colour[colour].append((k, o.bounds))
    done: set[int] = set()
    edges: list[Edge] = []
    for group in by_colour.values():
        if len(group) > MAX_FILLS:
            continue
        sides = np.array([b for _, b in group], dtype=float).reshape(-1, 4)  # (left, bottom, right, top)
        for n, (k, box) in enumerate(group):
            # every other box of the colour; of boxes drawn twice, only the first counts
            others = sides[(np.arange(len(group)) < n) | ((sides != sides[n]).any(axis=1))]
            if _inside_any(box, others):
                done.add(k)  # a line shaded inside its shaded cell: no side shows
                continue
            shown = _shown_sides(box, others)
            if len(shown) < 4:
                done.add(k)
                edges += [_side_edge(box, side, height) for side in shown]
    return done, edges


def _inside_any(box: tuple, others: np.ndarray) -> bool:
    l, b, r, t = box
    L, B, R, T = others.T
    return bool(((L - NEST <= l) & (B - NEST <= b) & (r <= R + NEST) & (t <= T + NEST)).any())


def _shown_sides(box: tuple, others: np.ndarray) -> list[str]:
    """The sides of box (left, bottom, right, top; y up) that show: its top and bottom unless the
    others cover what lies beyond them. Its left and right always count: Word shades each cell of
    a row on its own, and the sides where two shaded cells meet may be that table's only column
    lines. (The boxes are compared as arrays: a page may hold hundreds of one colour.)"""
    l, b, r, t = box
    L, B, R, T = others.T
    out = ["left", "right"]
    for side, y in (("bottom", b), ("top", t)):
        beyond = (B < y - NEST) & (y - NEST <= T) if side == "bottom" else (B - NEST <= y + NEST) & (y + NEST < T)
        if not _covers(list(zip(L[beyond].tolist(), R[beyond].tolist())), l, r):
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
