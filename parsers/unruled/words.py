"""A table region's lines split again at every gap wide enough to be a column gutter, from
the page's words.

page.lines splits a line into segments at gaps wider than 1.6 line heights, which keeps prose
whole; between two cells of a Word table the gap can be narrower (two cell margins of 5.4 pt
are under 1.6 heights of 9-pt text) when the text fills both cells. Inside a table region
each line is rebuilt from its words, split where words stand more than FINE_GAP line heights
apart (a word space is about a third of a height), so two cells' texts no longer run
together into one segment reaching over a gutter.
"""

from kinerja.parsers.page.geometry import union_all
from kinerja.parsers.page.lines import Line, Segment

FINE_GAP = 0.8  # line heights between words that may separate two columns
TIGHT = 0.15  # line heights: closer runs are one word (no space between)


def split_lines(region: list[Line], words: list[Segment]) -> list[Line]:
    """The region's lines, each rebuilt from the words lying on it (a line without words
    found is kept as it is). The lines of labels centred in one header row stand half a line
    apart, their boxes overlapping: a word goes to the one line whose middle is nearest."""
    top = min(ln.box.y0 for ln in region)
    bottom = max(ln.box.y1 for ln in region)
    near = [w for w in words if top - 1 <= w.box.cy <= bottom + 1]
    owner: dict[int, int] = {}  # word -> the line it lies on, the nearest when boxes overlap
    for k, w in enumerate(near):
        on = [i for i, ln in enumerate(region) if ln.box.contains_point(w.box.cx, w.box.cy, pad=0.5)]
        if on:
            owner[k] = min(on, key=lambda i: abs(region[i].box.cy - w.box.cy))
    out = []
    for i, line in enumerate(region):
        mine = [w for k, w in enumerate(near) if owner.get(k) == i]
        if not mine:
            out.append(line)
            continue
        out.append(Line(line.page, line.box, _segments(mine, line.box.height),
                        line.confidence, list(line.notes)))
    return out


def _segments(words: list[Segment], height: float) -> list[Segment]:
    words = sorted(words, key=lambda w: w.box.x0)
    groups: list[list[Segment]] = [[words[0]]]
    for w in words[1:]:
        if w.box.x0 - groups[-1][-1].box.x1 > FINE_GAP * max(height, 1.0):
            groups.append([w])
        else:
            groups[-1].append(w)
    return [Segment(union_all(w.box for w in g), _text(g, height)) for g in groups]


def _text(group: list[Segment], height: float) -> str:
    text = group[0].text
    for prev, w in zip(group, group[1:]):
        sep = "" if w.box.x0 - prev.box.x1 < TIGHT * height else " "
        text = f"{text}{sep}{w.text}"
    return text.strip()
