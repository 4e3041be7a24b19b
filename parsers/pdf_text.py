"""Lines of text from pdfium's text layer, and lines grouped into headings and paragraphs.

pdfium reports text as runs ("rects") in user space; runs sharing a baseline band become a Line
(top-left boxes). Lines are kept with their segments (runs separated by wide gaps) so that
column-aligned text can be recognised later.
"""

import ctypes
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .geometry import Box, PageFrame, union_all

# a gap wider than this many line heights splits a line into segments (columns, tab stops)
SEGMENT_GAP = 1.6


@dataclass
class Segment:
    box: Box
    text: str


@dataclass
class Line:
    page: int
    box: Box
    segments: list[Segment]
    confidence: Optional[float] = None
    notes: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments if s.text)


def page_words(page: pdfium.PdfPage, frame: PageFrame) -> list[Segment]:
    textpage = page.get_textpage()
    try:
        return _runs(textpage, frame)
    finally:
        textpage.close()


def page_lines(page: pdfium.PdfPage, number: int, frame: PageFrame) -> list[Line]:
    return lines_from_runs(page_words(page, frame), number)


def _runs(textpage: pdfium.PdfTextPage, frame: PageFrame) -> list[Segment]:
    """Words from pdfium's characters: a space, a line change or a gap ends a word. Read char by
    char because pdfium's own text runs overlap and repeat characters at their edges. Plain
    floats in the loop: it runs for every character of every page."""
    raw = textpage.raw
    runs: list[Segment] = []
    chars: list[str] = []
    word = None  # [x0, y0, x1, y1] of the word being read, top-left origin
    box = [ctypes.c_double() for _ in range(4)]  # pdfium order: left, right, bottom, top
    ox, oy = ctypes.c_double(), ctypes.c_double()
    count = pdfium_c.FPDFText_CountChars(raw)
    for i in range(count):
        code = pdfium_c.FPDFText_GetUnicode(raw, i)
        if 0xDC00 <= code <= 0xDFFF:
            continue  # the low half of a pair read with its high half below
        if 0xD800 <= code <= 0xDBFF:
            code = _astral(code, pdfium_c.FPDFText_GetUnicode(raw, i + 1) if i + 1 < count else 0)
        ch = _plain_letter(chr(code)) if 0 < code < 0x110000 else ""
        if not ch.strip() or ch in "\ufffe\ufeff":
            word = _flush_word(runs, chars, word)
            continue
        pdfium_c.FPDFText_GetCharBox(raw, i, *box)
        size = pdfium_c.FPDFText_GetFontSize(raw, i)
        x0, y0, x1, y1 = _char_box(raw, i, frame, [v.value for v in box], size, ox, oy)
        ref = size if 2.0 <= size <= 200.0 else (y1 - y0)  # tight glyph boxes of '.' are tiny
        if word is not None:
            shorter = min(word[3] - word[1], y1 - y0) or 1.0
            overlap = (min(word[3], y1) - max(word[1], y0)) / shorter
            if overlap < 0.4 or not -0.5 * ref <= x0 - word[2] <= 0.3 * ref:
                word = _flush_word(runs, chars, word)
        chars.append(ch)
        if word is None:
            word = [x0, y0, x1, y1]
        else:
            word = [min(word[0], x0), min(word[1], y0), max(word[2], x1), max(word[3], y1)]
    _flush_word(runs, chars, word)
    return runs


def _astral(high: int, low: int) -> int:
    """pdfium gives a character beyond the Basic Multilingual Plane (Word's equation letters,
    U+1D400..) as two UTF-16 halves, each with the glyph's box: they are one character."""
    if 0xDC00 <= low <= 0xDFFF:
        return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
    return 0


# Word sets equations in mathematical italic letters ('𝐽𝑢𝑚𝑙𝑎ℎ'): read as the letters they are
_MATH_LETTERS = range(0x1D400, 0x1D800)
_MATH_LIKE = {"\u210e": "h"}  # the italic h lives among the letterlike symbols (Planck constant)


def _plain_letter(ch: str) -> str:
    if ord(ch) in _MATH_LETTERS:
        return unicodedata.normalize("NFKC", ch)
    return _MATH_LIKE.get(ch, ch)


def _char_box(raw, i: int, frame: PageFrame, box: list[float], size: float, ox, oy):
    """A character's box from its origin and font size: pdfium's loose boxes can reach far
    above the line for some fonts and its tight boxes shrink to the glyph. On a rotated page
    the glyph box itself is used (the font-size band would lie along the wrong axis)."""
    left, right, bottom, top = box
    if frame.rotation == 0:
        if 2.0 <= size <= 200.0 and pdfium_c.FPDFText_GetCharOrigin(raw, i, ox, oy):
            bottom, top = oy.value - 0.22 * size, oy.value + 0.78 * size
        return left, frame.height - top, right, frame.height - bottom
    b = frame.box(left, bottom, right, top)
    return b.x0, b.y0, b.x1, b.y1


def _flush_word(runs: list[Segment], chars: list[str], word) -> None:
    if chars and word is not None:
        runs.append(Segment(Box(*word), clean_text("".join(chars))))
    chars.clear()
    return None


def clean_text(text: str) -> str:
    text = text.replace("\x00", "").replace("\ufffe", "").replace("\x02", "-")
    return re.sub(r"\s+", " ", text).strip()


def lines_from_runs(runs: list[Segment], number: int) -> list[Line]:
    """Group runs into lines by vertical overlap, then order and split each line by wide gaps."""
    rows: list[list[Segment]] = []
    boxes: list[Box] = []
    for run in sorted(runs, key=lambda r: (r.box.cy, r.box.x0)):
        for i in range(len(rows) - 1, max(-1, len(rows) - 4), -1):
            if boxes[i].y_overlap(run.box) >= 0.5:
                rows[i].append(run)
                boxes[i] = boxes[i].union(run.box)
                break
        else:
            rows.append([run])
            boxes.append(run.box)
    lines = [Line(number, box, _segments(row)) for row, box in zip(rows, boxes)]
    return sorted(lines, key=lambda ln: (ln.box.y0, ln.box.x0))


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


# ---- lines into blocks ------------------------------------------------------------------

HEADING_PATTERN = re.compile(
    r"^(BAB\s+[IVXLC]+\b|[IVXLC]+\.\s|[A-H]\.\s|\d+(\.\d+)*\.?\s)"
)


@dataclass
class TextBlock:
    kind: str  # "heading" or "paragraph"
    page: int
    box: Box
    text: str
    level: int = 1
    confidence: Optional[float] = None


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
    return TextBlock(kind, lines[0].page, union_all(ln.box for ln in lines),
                     join_lines([ln.text for ln in lines]), level,
                     sum(confs) / len(confs) if confs else None)


def _flush(current: list[Line], blocks: list[TextBlock]) -> None:
    if current:
        blocks.append(_block("paragraph", current))


def join_lines(parts: list[str]) -> str:
    """Join wrapped lines; a line ending in a hyphen joins the next word without a space."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and part[:1].isalpha():
            out += part
        else:
            out = f"{out} {part}" if out else part
    return out
