"""Blocks of a table without rulings: per column, the lines of one cell's text (no farther
apart than the line spacing, over the same columns), and the row tops they start (rows.py
says why a block start is a row top)."""

from dataclasses import dataclass, field
from typing import Optional

from kinerja.parsers.page.lines import Line, Segment
from kinerja.parsers.unruled.columns import columns_of

ROW_GAP = 0.35  # line heights above the tightest line spacing that separate two rows
SAME_TOP = 0.5  # line heights: block starts closer than this are one row top
OUTDENT = 0.8  # line heights a list item's first line hangs out left of its wrapped lines


@dataclass
class Block:
    first: int  # first column
    last: int  # last column
    parts: list[Segment] = field(default_factory=list)
    after_gap: bool = True  # False: started right under text, only the columns changed
    reach: float = 0.0  # a header label's cell reaches down to here (the header's last row)

    @property
    def top(self) -> float:
        return self.parts[0].box.y0

    @property
    def bottom(self) -> float:
        return max(max(s.box.y1 for s in self.parts), self.reach)


def placed_segments(region: list[Line], edges: list[float]) -> list[tuple[int, int, Segment]]:
    return [(*columns_of(s, edges), s) for ln in region for s in ln.segments]


def blocks(placed: list[tuple[int, int, Segment]], n_cols: int, row_gap: float) -> list[Block]:
    """Per column, consecutive segments grouped into blocks; a segment spanning columns is
    one block shared by them (returned once)."""
    out: dict[int, Block] = {}
    current: list[Optional[Block]] = [None] * n_cols
    for first, last, seg in sorted(placed, key=lambda p: (p[2].box.y0, p[2].box.x0)):
        cols = range(first, last + 1)
        prev = {id(current[c]): current[c] for c in cols if current[c] is not None}
        block = next(iter(prev.values())) if len(prev) == 1 else None
        joins = (block is not None and (block.first, block.last) == (first, last)
                 and all(current[c] is block for c in cols)
                 and seg.box.y0 - block.bottom <= row_gap and not _outdented(block, seg))
        if joins:
            block.parts.append(seg)
        else:
            close = any(seg.box.y0 - b.bottom <= row_gap for b in prev.values())
            block = Block(first, last, [seg], after_gap=not close)
            out[id(block)] = block
            for c in cols:
                current[c] = block
    return list(out.values())


def _outdented(block: Block, seg: Segment) -> bool:
    """A line back at the left of a block whose first line hangs out left of its wrapped
    lines: the next numbered item of a list printed without padding between rows. A label's
    lines centred in a header cell indent without hanging (an item's number is a digit)."""
    parts = block.parts
    if len(parts) < 2 or (_centred(parts + [seg]) and not any(c.isdigit() for c in seg.text)):
        return False
    hang = min(p.box.x0 for p in parts[1:]) - parts[0].box.x0
    return hang > OUTDENT * seg.box.height and \
        seg.box.x0 < parts[0].box.x0 + hang / 2


CENTRE_TOLERANCE = 1.5  # points between the middles of centred lines


def _centred(parts: list[Segment]) -> bool:
    """Lines of different lengths sharing their middle: centred text, which indents without
    hanging."""
    mids = [s.box.cx for s in parts]
    return max(mids) - min(mids) <= CENTRE_TOLERANCE and \
        max(s.box.x0 for s in parts) - min(s.box.x0 for s in parts) > CENTRE_TOLERANCE


def line_spacing(placed, n_cols: int) -> float:
    """The tightest gap between two lines in any column: the spacing inside a cell."""
    gaps = []
    for c in range(n_cols):
        segs = sorted((s for f, l, s in placed if f <= c <= l), key=lambda s: s.box.y0)
        gaps += [b.box.y0 - a.box.y1 for a, b in zip(segs, segs[1:]) if b.box.y0 > a.box.y1 - 1]
    return max(min(gaps, default=0.0), 0.0)


def cut_at(found: list[Block], tops: list[float], height: float) -> list[Block]:
    """Blocks cut at the given row tops."""
    out = []
    for b in found:
        pieces: dict[int, Block] = {}
        for seg in b.parts:
            row = sum(1 for t in tops if seg.box.y0 >= t - SAME_TOP * height)
            pieces.setdefault(row, Block(b.first, b.last, [])).parts.append(seg)
        out += list(pieces.values())
    return out


def row_tops(found: list[Block], height: float) -> list[float]:
    """y of each row's top: block starts (those closer than SAME_TOP are one). A block that
    starts right under text, only its columns changed (a formula set with wide spaces),
    starts a row only beside another block starting there (sub-labels under a group label
    in a header without padding)."""
    groups: list[list[Block]] = []
    for b in sorted(found, key=lambda b: b.top):
        if groups and b.top - groups[-1][0].top <= SAME_TOP * height:
            groups[-1].append(b)
        else:
            groups.append([b])
    return [g[0].top for i, g in enumerate(groups)
            if i == 0 or len(g) >= 2 or any(b.after_gap for b in g)]
