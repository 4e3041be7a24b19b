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
from .hard_wrap import join_lines

# a gap wider than this many line heights splits a line into segments (columns, tab stops)
SEGMENT_GAP = 1.6


@dataclass(slots=True)
class Segment:
    box: Box
    text: str


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


def page_words(page: pdfium.PdfPage, frame: PageFrame,
               textpage: Optional[pdfium.PdfTextPage] = None) -> list[Segment]:
    """Words of the page's text layer; `textpage`: one already loaded (it stays open)."""
    if textpage is not None:
        return _runs(textpage, frame)
    textpage = page.get_textpage()
    try:
        return _runs(textpage, frame)
    finally:
        textpage.close()


def page_lines(page: pdfium.PdfPage, number: int, frame: PageFrame) -> list[Line]:
    return lines_from_runs(page_words(page, frame), number)


def _runs(textpage: pdfium.PdfTextPage, frame: PageFrame) -> list[Segment]:
    """Words from pdfium's characters: a space, a line change or a gap ends a word. Read char by
    char because pdfium's own text runs overlap and repeat characters at their edges. The loop
    runs for every character of every page: pdfium's functions and the box buffers are bound
    once, the word's box is four plain floats."""
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    handle = ctypes.c_void_p(ctypes.cast(raw, ctypes.c_void_p).value)
    # FPDFText_GetText would give all codes in one call, but it drops characters without a code
    # and shifts every later one: one code per index is read instead
    codes = [_GET_CODE(handle, i) for i in range(count)]
    runs: list[Segment] = []
    chars: list[str] = []
    letters: dict[int, str] = {}  # code -> the character read, "" for a word separator
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    box_refs = [ctypes.byref(v) for v in (left, right, bottom, top)]
    ox, oy = ctypes.c_double(), ctypes.c_double()
    origin_refs = (ctypes.byref(ox), ctypes.byref(oy))
    get_box, get_size, get_origin = _GET_BOX, _GET_SIZE, _GET_ORIGIN
    upright, height = frame.rotation == 0, frame.height
    in_word = False
    last = 0  # the character read last
    wx0 = wy0 = wx1 = wy1 = 0.0  # the box of the word being read, top-left origin
    for i in range(count):
        code = codes[i]
        if 0xD800 <= code <= 0xDFFF:
            if code >= 0xDC00:
                continue  # the low half of a pair read with its high half
            code = _astral(code, codes[i + 1] if i + 1 < count else 0)
        ch = letters.get(code)
        if ch is None:
            ch = letters[code] = _letter(code)
        if not ch:
            if in_word:
                _flush_word(runs, chars, [wx0, wy0, wx1, wy1])
                in_word = False
            continue
        get_box(handle, i, *box_refs)
        size = get_size(handle, i)
        sized = 2.0 <= size <= 200.0
        if not upright:
            x0, y0, x1, y1 = _char_box(raw, i, frame, [left.value, right.value, bottom.value,
                                                       top.value], size, ox, oy)
        elif sized and get_origin(handle, i, *origin_refs):
            # pdfium's loose boxes can reach far above the line for some fonts and its tight
            # boxes shrink to the glyph: the band comes from the origin and the font size
            x0, y0 = left.value, height - (oy.value + 0.78 * size)
            x1, y1 = right.value, height - (oy.value - 0.22 * size)
        else:
            x0, y0, x1, y1 = left.value, height - top.value, right.value, height - bottom.value
        if in_word:  # (conditionals, not min/max calls: the same values, a third the time)
            ref = size if sized else (y1 - y0)  # tight glyph boxes of '.' are tiny
            shorter = (y1 - y0 if y1 - y0 < wy1 - wy0 else wy1 - wy0) or 1.0
            overlap = ((y1 if y1 < wy1 else wy1) - (y0 if y0 > wy0 else wy0)) / shorter
            gap = x0 - wx1
            if overlap < 0.4 or not -0.5 * ref <= gap <= 0.3 * ref:
                if not (upright and overlap >= 0.4 and 0 < gap <= ref and _advances_meet(handle, last, i, ref)):
                    _flush_word(runs, chars, [wx0, wy0, wx1, wy1])
                    in_word = False
        last = i
        chars.append(ch)
        if not in_word:
            wx0, wy0, wx1, wy1, in_word = x0, y0, x1, y1, True
        else:
            if x0 < wx0:
                wx0 = x0
            if y0 < wy0:
                wy0 = y0
            if x1 > wx1:
                wx1 = x1
            if y1 > wy1:
                wy1 = y1
    if in_word:
        _flush_word(runs, chars, [wx0, wy0, wx1, wy1])
    return runs


def _advances_meet(handle, a: int, b: int, ref: float) -> bool:
    """Characters a and b follow each other without a space: their advance boxes meet though
    their glyphs stand apart (a '1' inks a third of its width: "110" is one word)."""
    prev, this = pdfium_c.FS_RECTF(), pdfium_c.FS_RECTF()
    if not (_GET_LOOSE(handle, a, ctypes.byref(prev)) and _GET_LOOSE(handle, b, ctypes.byref(this))):
        return False
    return abs(this.left - prev.right) <= 0.1 * ref


def _bare(function, restype):
    """A pdfium function called through its bare address: pypdfium2's bindings check and
    convert every argument, half the cost of a call; the character loop passes its arguments
    already in C form (a void pointer, an int, byref'd doubles)."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(restype)(address)


_GET_CODE = _bare(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
_GET_BOX = _bare(pdfium_c.FPDFText_GetCharBox, ctypes.c_int)
_GET_SIZE = _bare(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
_GET_ORIGIN = _bare(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int)
_GET_LOOSE = _bare(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int)


def _letter(code: int) -> str:
    """The character a code is read as; "" for what ends a word (spaces, byte-order marks,
    invalid codes)."""
    ch = _plain_letter(chr(code)) if 0 < code < 0x110000 else ""
    return "" if not ch.strip() or ch in "\ufffe\ufeff" else ch


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
    boxes: list[list[float]] = []  # each row's box as plain floats: x0, y0, x1, y1
    for run in sorted(runs, key=lambda r: (r.box.cy, r.box.x0)):
        b = run.box
        for i in range(len(rows) - 1, max(-1, len(rows) - 4), -1):
            if _y_overlap(boxes[i], b) >= 0.5:
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
