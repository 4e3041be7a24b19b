"""Lines of positioned text, whatever read them (a PDF's text layer, OCR): words grouped into
Lines by their baseline band, each line split into Segments at wide gaps, so that
column-aligned text can be recognised later. Top-left boxes, PDF points.
"""

import re
from dataclasses import dataclass, field
from typing import Optional

from kinerja.parsers.page.geometry import Box

# a gap wider than this many line heights splits a line into segments (columns, tab stops)
SEGMENT_GAP = 1.6


@dataclass(slots=True)
class Segment:
    box: Box
    text: str
    # the middle height of the word's ink, where the text layer tells it: a word set lower
    # than its line band (text overflowing a ruled row) still belongs to the row its ink is in
    ink_cy: Optional[float] = None


@dataclass(slots=True)
class Line:
    page: int
    box: Box
    segments: list[Segment]
    confidence: Optional[float] = None
    notes: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments if s.text)


def clean_text(text: str) -> str:
    text = text.replace("\x00", "").replace("\ufffe", "").replace("\x02", "-")
    return re.sub(r"\s+", " ", text).strip()


def lines_from_runs(runs: list[Segment], number: int) -> list[Line]:
    """Group runs into lines by vertical overlap, then order and split each line by wide gaps.
    A run joins a line by overlapping the line's runs beside it, or the nearest one (a skewed
    scan's line drifts down word by word), not the whole line's box: the labels centred in
    cells of one header row stand half a line apart, and joining each to the line it
    overlaps would chain the whole header into one line."""
    rows: list[list[Segment]] = []
    boxes: list[list[float]] = []  # each row's box as plain floats: x0, y0, x1, y1
    for run in sorted(runs, key=lambda r: (r.box.cy, r.box.x0)):
        b = run.box
        for i in range(len(rows) - 1, max(-1, len(rows) - 4), -1):
            if _y_overlap(boxes[i], b) >= 0.5 and _joins(rows[i], b):
                rows[i].append(run)
                row = boxes[i]
                row[0], row[1] = min(row[0], b.x0), min(row[1], b.y0)
                row[2], row[3] = max(row[2], b.x1), max(row[3], b.y1)
                break
        else:
            rows.append([run])
            boxes.append([b.x0, b.y0, b.x1, b.y1])
    lines = [Line(number, Box(*box), _segments(row)) for row, box in zip(rows, boxes)]
    return sorted(lines, key=lambda ln: (ln.box.y0, ln.box.x0))


BESIDE = 2.0  # line heights: runs of a line this close in x are its neighbours


def _joins(row: list[Segment], b: Box) -> bool:
    """The run overlaps a run of the line beside it, or, with none near, the nearest one."""
    reach = BESIDE * max(b.height, 1.0)
    near = [r.box for r in row if r.box.x0 - reach <= b.x1 and b.x0 <= r.box.x1 + reach]
    if near:
        return any(n.y_overlap(b) >= 0.5 for n in near)
    return min((r.box for r in row), key=lambda r: max(r.x0 - b.x1, b.x0 - r.x1)).y_overlap(b) >= 0.5


def _y_overlap(row: list[float], b: Box) -> float:
    """Box.y_overlap of a row's box (as floats) and a run's box."""
    inter = min(row[3], b.y1) - max(row[1], b.y0)
    shorter = min(row[3] - row[1], b.y1 - b.y0) or 1.0
    return max(0.0, inter) / shorter


def _segments(row: list[Segment]) -> list[Segment]:
    row = sorted(row, key=lambda r: r.box.x0)
    height = max(r.box.height for r in row) or 1.0
    out = [row[0]]
    for run in row[1:]:
        last = out[-1]
        gap = run.box.x0 - last.box.x1
        if gap > SEGMENT_GAP * height:
            out.append(run)
        else:
            sep = "" if gap < 0.15 * height and not last.text.endswith(" ") else " "
            out[-1] = Segment(last.box.union(run.box), (last.text + sep + run.text).strip())
    return out
