"""Lines of a page grouped into headings and paragraphs."""

import re
from dataclasses import dataclass, field
from typing import Optional

from kinerja.parsers.page.geometry import Box, union_all
from kinerja.parsers.page.lines import Line
from kinerja.parsers.text.lines import join_lines


@dataclass
class TextBlock:
    kind: str  # "heading" or "paragraph"
    page: int
    box: Box
    text: str
    level: int = 1
    confidence: Optional[float] = None
    notes: list[str] = field(default_factory=list)  # its lines' notes, each once


def blocks_from_lines(lines: list[Line]) -> list[TextBlock]:
    """Consecutive lines close together and left-aligned form a paragraph; short title-like
    lines (upper case, or numbered and without a final period) are headings. 'Close' is
    measured against the page's own line spacing (single, 1.5 or double spaced)."""
    blocks: list[TextBlock] = []
    current: list[Line] = []
    rights = sorted(ln.box.x1 for ln in lines)
    right = rights[int(0.9 * (len(rights) - 1))] if rights else 0.0
    limit = _paragraph_gap(lines, right)
    for line in lines:
        if _is_heading(line):
            _flush(current, blocks)
            current = []
            blocks.append(_block("heading", [line], _heading_level(line.text)))
            continue
        if current and not _continues(current[-1], line, limit, right):
            _flush(current, blocks)
            current = []
        current.append(line)
    _flush(current, blocks)
    return blocks


ITEM_START = re.compile(r"^(\d{1,2}[.)]|[a-z][.)]|[•\-–*▪●])\s")


def _paragraph_gap(lines: list[Line], right: float) -> float:
    """Gap between lines above which a new paragraph starts: the page's usual line gap plus
    a third of a line. The usual gap is read below lines that wrapped (ran to the right margin
    and went on at the same indent): on a page of short paragraphs and list items, gaps between
    paragraphs outnumber those inside them and would pass for the line gap."""
    heights = sorted(ln.box.height for ln in lines) or [10.0]
    height = heights[len(heights) // 2]
    pairs = [(a, b, b.box.y0 - a.box.y1) for a, b in zip(lines, lines[1:])]
    gaps = sorted(g for _, _, g in pairs if 0 <= g <= 1.5 * height)
    wrapped = sorted(g for a, b, g in pairs if 0 <= g <= 1.5 * height and a.box.x1 >= right - 2 * height
                     and abs(a.box.x0 - b.box.x0) <= 0.5 * height)
    if len(wrapped) >= 2:
        usual = wrapped[(len(wrapped) - 1) // 2]
    else:
        usual = gaps[len(gaps) // 2] if gaps else 0.2 * height
    return min(usual + 0.35 * height, 1.2 * height)


def _continues(prev: Line, line: Line, limit: float, right: float) -> bool:
    """The next line of the same paragraph: close below, overlapping horizontally, not
    opening a list item, not indented as a first line, and the line above not a paragraph's
    short last line (ending a sentence well before the right margin)."""
    gap = line.box.y0 - prev.box.y1
    height = max(prev.box.height, line.box.height, 1.0)
    indented = line.box.x0 - prev.box.x0 > 1.5 * height
    ended = prev.text.rstrip().endswith((".", ":", ";")) and prev.box.x1 < right - 3 * height
    return (-0.3 * height <= gap <= limit and prev.box.x_overlap(line.box) > 0.3
            and not ITEM_START.match(line.text) and not indented and not ended
            and not (gap > SPACED_GAP * height and _broke_early(prev, line, right)))


# a gap above this many line heights is wider than single spacing: a paragraph's spacing, or 1.5
# or double line spacing (the two are told apart by where the line above stops)
SPACED_GAP = 0.6


def _broke_early(prev: Line, line: Line, right: float) -> bool:
    """The line above stopped although the next line's first word would have fitted after it:
    its end is a paragraph's end, not a wrap (a page of one-line paragraphs gives no line gap
    to measure paragraph gaps against). Left-aligned lines only: centred titles break early
    by design ("Tabel 2.1" over the table's name)."""
    words = line.text.split()
    if not words or abs(prev.box.x0 - line.box.x0) > 0.5 * line.box.height:
        return False
    char = line.box.width / len(line.text)
    space = char  # a space is about one average character wide
    return prev.box.x1 + space + len(words[0]) * char < right


def _is_heading(line: Line) -> bool:
    text = line.text
    if len(text) > 90 or len(text) < 3 or text.endswith((".", ",", ";")):
        return False
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 3:
        return False
    upper = sum(c.isupper() for c in letters) / len(letters)
    return upper > 0.8 or bool(re.match(r"^BAB\s+[IVXLC]+\b", text))


def _heading_level(text: str) -> int:
    if re.match(r"^BAB\s+[IVXLC]+\b", text):
        return 1
    if re.match(r"^[IVXLC]+\.\s", text):
        return 2
    if re.match(r"^[A-H]\.\s", text):
        return 3
    if re.match(r"^\d+(\.\d+)+\.?\s", text):
        return 4
    return 2


def _block(kind: str, lines: list[Line], level: int = 1) -> TextBlock:
    confs = [ln.confidence for ln in lines if ln.confidence is not None]
    notes = list(dict.fromkeys(n for ln in lines for n in ln.notes))
    return TextBlock(kind, lines[0].page, union_all(ln.box for ln in lines),
                     join_lines([ln.text for ln in lines]), level,
                     sum(confs) / len(confs) if confs else None, notes)


def _flush(current: list[Line], blocks: list[TextBlock]) -> None:
    if current:
        blocks.append(_block("paragraph", current))
