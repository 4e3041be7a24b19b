"""Columns of a table without rulings: vertical strips of whitespace between segments.

Between consecutive segment edges (all x0 and x1 of the region's segments) lies an elementary
x-interval. It belongs to a column when a segment starting or ending at its bounds covers it
(text of that column, however sparse: a lone check mark or number owns its strip). It is a
gutter when no segment covers it, or when the only segments covering it pass straight over it,
few enough to be labels spanning several columns (a group header centred over its
sub-columns, a full-width row) rather than a column of text.
"""

from dataclasses import dataclass

from kinerja.parsers.page.lines import Line, Segment

MIN_GUTTER = 4.0  # points: a clear strip narrower than this is a space inside a column
CROSSED_GUTTER = 0.9  # line heights: a strip that spanning labels pass over must be this wide
MAX_CROSSING = 0.2  # share of the lines whose segments may pass over a gutter
CROSS = 2.0  # points: a segment reaching less than this past a boundary does not span it


@dataclass(frozen=True)
class Gutter:
    x0: float
    x1: float
    crossed: int  # segments passing over it

    @property
    def mid(self) -> float:
        return (self.x0 + self.x1) / 2


def gutters(lines: list[Line], height: float) -> list[Gutter]:
    """Clear vertical strips between columns, left to right (the table's outer margins
    excluded)."""
    boxes = [s.box for ln in lines for s in ln.segments]
    if not boxes:
        return []
    tolerance = max(1, int(MAX_CROSSING * len(lines)))
    starts: dict[float, float] = {}  # x0 -> farthest x1 of segments starting there
    ends: dict[float, float] = {}  # x1 -> smallest x0 of segments ending there
    events: list[tuple[float, int]] = []
    for b in boxes:
        x0, x1 = round(b.x0, 1), round(b.x1, 1)
        starts[x0] = max(starts.get(x0, x0), x1)
        ends[x1] = min(ends.get(x1, x1), x0)
        events += [(x0, 1), (x1, -1)]
    xs = sorted({x for x, _ in events})
    delta: dict[float, int] = {}
    for x, d in events:
        delta[x] = delta.get(x, 0) + d
    found: list[Gutter] = []
    active = 0
    for a, b in zip(xs, xs[1:]):
        active += delta[a]
        owned = starts.get(a, a) >= b or ends.get(b, b) <= a
        if owned or active > tolerance:
            continue
        if found and abs(found[-1].x1 - a) < 1e-6:  # adjacent clear strips are one gutter
            prev = found.pop()
            found.append(Gutter(prev.x0, b, max(prev.crossed, active)))
        else:
            found.append(Gutter(a, b, active))
    return [g for g in found if g.x1 - g.x0 >= (CROSSED_GUTTER * height if g.crossed else MIN_GUTTER)]


def column_edges(lines: list[Line], cuts: list[Gutter]) -> list[float]:
    """x of the table's left edge, each gutter's middle, and the right edge."""
    boxes = [s.box for ln in lines for s in ln.segments]
    return [min(b.x0 for b in boxes)] + [g.mid for g in cuts] + [max(b.x1 for b in boxes)]


def columns_of(segment: Segment, edges: list[float]) -> tuple[int, int]:
    """First and last column a segment lies in: the column of its centre, widened to every
    column it reaches well into (a label spanning sub-columns)."""
    box = segment.box
    n = len(edges) - 1
    centre = next((i for i in range(n) if box.cx < edges[i + 1]), n - 1)
    first = last = centre
    while first > 0 and box.x0 < edges[first] - CROSS:
        first -= 1
    while last < n - 1 and box.x1 > edges[last + 1] + CROSS:
        last += 1
    return first, last


def crosses(segment: Segment, cuts: list[Gutter]) -> int:
    """How many gutters a segment passes over."""
    return sum(1 for g in cuts if segment.box.x0 < g.x0 - CROSS and segment.box.x1 > g.x1 + CROSS)
