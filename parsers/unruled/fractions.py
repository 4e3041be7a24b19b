"""Stacked fractions in a table without rulings: numerator, drawn bar, denominator.

Word prints an equation's fraction as two lines of text with a short rule between them. In a
table without rulings those rules are the only lines drawn inside the table, so a short
horizontal rule inside the region (well narrower than the table) is taken as a bar, and
grid.fractions.stack_fractions turns the text over and under it into one segment reading
'numerator / denominator', placed on the numerator's line, before rows are read: the gap
around the bar would otherwise part numerator and denominator into two rows.
"""

from kinerja.parsers.grid.fractions import Bar, stack_fractions
from kinerja.parsers.page.geometry import union_all
from kinerja.parsers.page.lines import Line, Segment
from kinerja.parsers.page.words import Word, words_text

MAX_SHARE = 0.5  # a bar is narrower than this share of the table
SAME = 1.5  # points: rules this close are one, drawn twice
BESIDE = 1.0  # line heights: text beside a bar ('x 100%') starts this close to it


def bars(region: list[Line], rules: list) -> list[Bar]:
    """Short horizontal rules (page.geometry.Edge) inside the region."""
    box = union_all(ln.box for ln in region)
    out: list[Bar] = []
    for e in rules:
        if e.orientation != "h" or not box.y0 < e.y0 < box.y1:
            continue
        if e.x0 < box.x0 - SAME or e.x1 > box.x1 + SAME or e.x1 - e.x0 > MAX_SHARE * box.width:
            continue
        bar = Bar(e.x0, e.x1, e.y0)
        if not any(abs(bar.x0 - b.x0) <= SAME and abs(bar.x1 - b.x1) <= SAME
                   and abs(bar.y - b.y) <= SAME for b in out):
            out.append(bar)
    return sorted(out, key=lambda b: (b.y, b.x0))


def stack_region(region: list[Line], rules: list) -> list[Line]:
    """The region's lines with each fraction read as one segment on its numerator's line."""
    found = bars(region, rules)
    if not found:
        return region
    segments = [s for ln in region for s in ln.segments]
    merged: list[Segment] = []
    height = sorted(ln.box.height for ln in region)[len(region) // 2]
    for bar in found:  # one at a time: a fraction read is not the numerator of the next
        # only the bar's own column: what stands beside it starts right after it
        plain = [s for s in segments if id(s) not in {id(m) for m in merged}
                 and s.box.x0 <= bar.x1 + BESIDE * height and s.box.x1 >= bar.x0 - BESIDE * height]
        read = stack_fractions(plain, [bar], _text, Segment)
        gone = {id(p) for p in plain} - {id(s) for s in read}
        new = [s for s in read if id(s) not in {id(p) for p in plain}]
        if new:
            segments = [s for s in segments if id(s) not in gone] + new
            merged += new
    if not merged:
        return region
    read = segments
    left = {id(s) for s in read}
    out = []
    for line in region:
        own = [s for s in line.segments if id(s) in left]
        own += [m for m in merged if line.box.y0 - 1 <= m.box.y0 < line.box.y1]
        if own:
            out.append(Line(line.page, line.box, sorted(own, key=lambda s: s.box.x0),
                            line.confidence, list(line.notes)))
    return out


def _text(segments: list[Segment]) -> str:
    return words_text([Word(s.box, s.text) for s in segments])[0]
