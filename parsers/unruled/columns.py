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
from kinerja.parsers.text.numbering import MIN_CELLS, is_numbering_row

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
    excluded). A label spanning columns (passing over a gutter) owns no strip by ending in
    one: a group label ending a little past its last sub-column's text ends inside the
    gutter after it."""
    kept = [ln for ln in lines if not numbering_line(ln)]
    boxes = [s.box for ln in kept for s in ln.segments]
    if not boxes:
        return []
    found = _clear_strips(boxes, boxes, len(lines), height)
    # a strip most of its lines pass over is a dent inside a column (amounts of unequal length
    # set right-aligned): what passes over it spans nothing
    between = [g for g in found if not _inside_column(g, kept, height)]
    spanning = [b for b in boxes if any(b.x0 < g.x0 - CROSS and b.x1 > g.x1 + CROSS for g in between)]
    if spanning:
        spans = {id(b) for b in spanning}
        owners = [b for b in boxes if id(b) not in spans]
        found = _clear_strips(boxes, owners, len(lines), height)
    found = [g for g in found if not _inside_column(g, kept, height)]
    return [g for i, g in enumerate(found) if not _passed_by_its_column(g, found, i, boxes)]


def _passed_by_its_column(gutter: Gutter, cuts: list[Gutter], i: int, boxes) -> bool:
    """Every text starting in the column left of a strip, or ending in the one right of it,
    passes over it: the strip is a dent in that column's edge (figures of unequal width set
    right-aligned), not the space between two columns."""
    if not gutter.crossed:
        return False
    lo = cuts[i - 1].x1 if i > 0 else float("-inf")
    hi = cuts[i + 1].x0 if i + 1 < len(cuts) else float("inf")
    left = [b for b in boxes if lo - CROSS <= b.x0 < gutter.x0 - CROSS]
    right = [b for b in boxes if gutter.x1 + CROSS < b.x1 <= hi + CROSS]

    def passing(side) -> bool:
        return bool(side) and all(b.x0 < gutter.x0 - CROSS and b.x1 > gutter.x1 + CROSS for b in side)
    return passing(left) or passing(right)


NEAR = 2.0  # line heights either side of a gutter where the lines of its columns are counted


def _inside_column(gutter: Gutter, lines: list[Line], height: float) -> bool:
    """Half or more of the lines with text beside a strip pass over it: it lies inside a
    column whose texts differ in width (figures right-aligned under a centred label), not
    between two columns. The crossing allowance counts all the table's lines, most of them
    wrapped names elsewhere; this counts the lines of the columns at hand."""
    if gutter.crossed < 2:
        return False
    lo, hi = gutter.x0 - NEAR * height, gutter.x1 + NEAR * height
    beside = sum(1 for ln in lines if any(s.box.x1 > lo and s.box.x0 < hi for s in ln.segments))
    return 2 * gutter.crossed >= beside


def numbering_line(line: Line) -> bool:
    """The row of column numbers under a header: each number centred in its column, it says
    nothing of where a column's text runs (a '4' centred in a wide column of short names would
    cut it in two)."""
    texts = [s.text for s in line.segments]
    return len(texts) >= MIN_CELLS and is_numbering_row(texts)


def _clear_strips(boxes, owners, n_lines: int, height: float) -> list[Gutter]:
    """Strips between segment edges that no owner covers from its own start or end and few
    segments pass over."""
    tolerance = max(1, int(MAX_CROSSING * n_lines))
    starts: dict[float, float] = {}  # x0 -> farthest x1 of segments starting there
    ends: dict[float, float] = {}  # x1 -> smallest x0 of segments ending there
    for b in owners:
        x0, x1 = round(b.x0, 1), round(b.x1, 1)
        starts[x0] = max(starts.get(x0, x0), x1)
        ends[x1] = min(ends.get(x1, x1), x0)
    events: list[tuple[float, int]] = []
    for b in boxes:
        events += [(round(b.x0, 1), 1), (round(b.x1, 1), -1)]
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


def over_gutters(placed: list[tuple[int, int, Segment]], cuts: list[Gutter]) -> list[tuple[int, int, Segment]]:
    """A segment centred inside a gutter ('IV' over 'K' and 'Rp') is a label over the columns
    either side of it, not the next column's alone."""
    out = []
    for first, last, s in placed:
        k = next((i for i, g in enumerate(cuts) if g.x0 <= s.box.cx <= g.x1), None)
        out.append((min(first, k), max(last, k + 1), s) if k is not None else (first, last, s))
    return out


def crosses(segment: Segment, cuts: list[Gutter]) -> int:
    """How many gutters a segment passes over."""
    return sum(1 for g in cuts if segment.box.x0 < g.x0 - CROSS and segment.box.x1 > g.x1 + CROSS)


MAX_LABEL_LINES = 12  # top lines a header's group labels may take
MIN_BODY_LINES = 3  # lines under them a gutter must run clear through
NEIGHBOUR = 2.0  # line heights: text this close either side of a gutter is its two columns'


def under_group_labels(lines: list[Line], cuts: list[Gutter], height: float) -> list[Gutter]:
    """`cuts` with the gutters that open only under a header's top lines: a narrow group label
    centred over a pair of narrow sub-columns ('Triwulan' / 'IV' over 'K' and 'Rp', each with a
    lone '-' under it) sits in the gutter between them and owns it for the whole table. A strip
    clear from some top line down through the table's last line, with text on both its sides
    below, is a gutter that the labels above pass over."""
    kept = [ln for ln in lines if not numbering_line(ln)]
    added: list[Gutter] = []
    settled: list[Gutter] = []  # strips the line under the labels parts: its sub-labels' gutter
    for top in range(1, min(MAX_LABEL_LINES, len(kept) - MIN_BODY_LINES) + 1):
        below = [s.box for ln in kept[top:] for s in ln.segments]
        for g in _clear_strips(below, below, len(kept) - top, height):
            if g.crossed or any(_overlap(g, f) for f in cuts + settled):
                continue
            above = [s.box for ln in kept[:top] for s in ln.segments if s.box.x0 < g.x1 and s.box.x1 > g.x0]
            if not above or not _parted(below, g, height):
                continue
            inside = [a for a in added if _overlap(g, a)]
            # the same strip widens as the lines of a label over it drop out ('IV' under 'Triwulan')
            if all(g.x0 <= a.x0 and a.x1 <= g.x1 for a in inside):
                gutter = Gutter(g.x0, g.x1, len(above))
                added = [a for a in added if a not in inside] + [gutter]
                if _parted([s.box for s in kept[top].segments], g, height):
                    settled.append(gutter)
    return sorted(cuts + added, key=lambda g: g.x0)


def _overlap(a: Gutter, b: Gutter) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1


def _parted(boxes, g: Gutter, height: float) -> bool:
    """Text ends just left of the strip and starts just right of it: two columns side by side."""
    reach = NEIGHBOUR * height
    return (any(g.x0 - reach <= b.x1 <= g.x0 + CROSS for b in boxes)
            and any(g.x1 - CROSS <= b.x0 <= g.x1 + reach for b in boxes))
