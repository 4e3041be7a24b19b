"""Glyphs that draw ink but carry no text, read back by OCR.

Word exports some equations in an embedded math font (a 'Cambria Math' subset) whose ToUnicode
map sends almost every glyph to a space: the text layer then holds '( )' where a formula is
printed. Such glyphs are told apart from real spaces by their box: a space's glyph box is flat,
theirs covers the ink (text.inked_blanks). pdfium keeps only the first glyph of a run of
blanks as a character, so the page's text objects that draw but give no text are read too.

The glyph boxes are joined into pieces along a line (a formula's line, a numerator, a
denominator), together with the few mapped glyphs touching them (its parentheses); each piece is
read by Tesseract (ocr/regions.py) and its words replace the text-layer words inside it, flagged
by a confidence below one. Pieces stacked around a drawn bar read as 'A / B' (grid/fractions.py,
as in table cells), whether or not a table holds them.

Nothing runs on a page without such glyphs beyond one box check per blank character.
"""

from dataclasses import dataclass, field
from typing import Optional

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from kinerja.parsers.grid.fractions import bars_in, stack_fractions
from kinerja.parsers.page.geometry import Box, PageFrame, union_all
from kinerja.parsers.page.lines import Line, Segment
from kinerja.parsers.page.words import Word, word_lines, words_text
from kinerja.parsers.pdf.objects import page_objects
from kinerja.parsers.pdf.text import MIN_INK, inked_blanks

JOIN_EM = 1.0  # line heights: glyph runs of one line closer than this are one piece
TOUCH_EM = 0.2  # line heights: a mapped word this close to a piece is one of its glyphs
TOUCH_CHARS = 2  # ... when it is this short: a parenthesis, an operator, a digit
STACK_EM = 1.0  # line heights between the pieces of one formula (a numerator, its bar, a denominator)
BAR_ROOM_EM = 0.5  # line heights around a formula where its fraction bars are looked for
NOTE = "read by OCR: glyphs without text in the text layer"


@dataclass
class Piece:
    """A run of glyphs without text on one line, and what OCR read in it."""

    box: Box
    words: list[Word] = field(default_factory=list)


@dataclass(slots=True)
class OcrSegment(Segment):
    """A word read by OCR among a text layer's words: it keeps its confidence."""

    confidence: Optional[float] = None


def find_pieces(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, frame: PageFrame,
                blanks: list[int], words: list[Segment]) -> list[Piece]:
    """Pieces of the page where glyphs draw ink without text; `blanks`: the indices of the
    characters read as no letter (text.page_words). None on most pages, at the cost of one
    box check per blank."""
    seeds = inked_blanks(textpage, frame, blanks)
    if not seeds:
        return []
    boxes = _runs(seeds + blank_objects(page, textpage, frame))
    return [Piece(b) for b in (_with_touching(b, words) for b in boxes) if b.width >= b.height]


def blank_objects(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage,
                  frame: PageFrame) -> list[Box]:
    """Boxes (as displayed) of the text objects that draw ink but give no text: pdfium keeps
    only the first of consecutive blank glyphs as a character, the others only here."""
    out = []
    for obj in page_objects(page, kinds=(pdfium_c.FPDF_PAGEOBJ_TEXT,)):
        left, bottom, right, top = obj.bounds
        if right - left >= MIN_INK and top - bottom >= MIN_INK \
                and not _object_text(obj.handle, textpage).strip(" \x00\ufffe\ufeff\xa0"):
            out.append(frame.box(left, bottom, right, top))
    return out


def _object_text(handle, textpage: pdfium.PdfTextPage) -> str:
    size = pdfium_c.FPDFTextObj_GetText(handle, textpage.raw, None, 0)
    if size <= 2:  # the terminator alone
        return ""
    buffer = (pdfium_c.c_ushort * (size // 2))()
    pdfium_c.FPDFTextObj_GetText(handle, textpage.raw, buffer, size)
    return bytes(buffer).decode("utf-16-le", errors="ignore").rstrip("\x00")


def _runs(boxes: list[Box]) -> list[Box]:
    """Boxes joined while two share a line (half their height) less than JOIN_EM apart."""
    runs = sorted(boxes, key=lambda b: b.x0)
    joined = True
    while joined:
        joined = False
        out: list[Box] = []
        for b in runs:
            for i, r in enumerate(out):
                if _same_line(r, b) and _gap_x(r, b) <= JOIN_EM * max(r.height, b.height):
                    out[i], joined = r.union(b), True
                    break
            else:
                out.append(b)
        runs = out
    return runs


def _with_touching(box: Box, words: list[Segment]) -> Box:
    """The piece with the short mapped words that touch it on its line: an equation font
    maps a few glyphs (parentheses, operators) while it blanks the letters."""
    reach = TOUCH_EM * box.height
    for w in words:
        if len(w.text) <= TOUCH_CHARS and _same_line(box, w.box) and _gap_x(box, w.box) <= reach:
            box = box.union(w.box)
    return box


def _same_line(a: Box, b: Box) -> bool:
    return a.y_overlap(b) >= 0.5


def _gap_x(a: Box, b: Box) -> float:
    return max(0.0, b.x0 - a.x1, a.x0 - b.x1)


def _gap_y(a: Box, b: Box) -> float:
    return max(0.0, b.y0 - a.y1, a.y0 - b.y1)


def on_line(words: list[Word], piece: Piece) -> list[Word]:
    """OCR words given the piece's band: a piece is one line, whose glyph boxes are exact, and
    tesseract's word boxes are not (they reach into a fraction's bar)."""
    b = piece.box
    return [Word(Box(max(b.x0, w.box.x0), b.y0, min(b.x1, w.box.x1), b.y1), w.text, w.confidence)
            for w in words]


def merge_readings(pieces: list[Piece], words: list[Segment], edges: list) -> list[Segment]:
    """The page's words with those inside each piece OCR read replaced by OCR's, fractions
    around drawn bars (`edges`, page.geometry.Edge) stacked into one word."""
    read = [p for p in pieces if p.words]
    if not read:
        return words
    kept = [w for w in words if not any(p.box.contains_point(w.box.cx, w.box.cy) for p in read)]
    out = list(kept)
    for group in formulas(read):
        out += _stacked(group, edges)
    return out


def formulas(pieces: list[Piece]) -> list[list[Piece]]:
    """Pieces grouped into formulas: those within STACK_EM line heights up or down and JOIN_EM
    across of each other (a numerator, its denominator, 'f(x) =' before them, 'x 100%' after)."""
    groups: list[list[Piece]] = []
    for p in sorted(pieces, key=lambda p: (p.box.y0, p.box.x0)):
        near = [g for g in groups if any(_near(p.box, q.box) for q in g)]
        merged = [p] + [q for g in near for q in g]
        groups = [g for g in groups if not any(g is n for n in near)] + [merged]
    return groups


def _near(a: Box, b: Box) -> bool:
    h = max(a.height, b.height)
    return _gap_x(a, b) <= JOIN_EM * h and _gap_y(a, b) <= STACK_EM * h


def _stacked(group: list[Piece], edges: list) -> list[OcrSegment]:
    """A formula's OCR words, each fraction around a drawn bar made one word 'A / B'."""
    words = [w for p in group for w in p.words]
    box = union_all(p.box for p in group)
    room = BAR_ROOM_EM * max(p.box.height for p in group)
    bars = bars_in(edges, Box(box.x0 - room, box.y0 - room, box.x1 + room, box.y1 + room))
    if bars:
        words = stack_fractions(words, bars, lambda ws: words_text(ws)[0],
                                lambda b, t: Word(b, t, _mean_confidence(words)))
    return [OcrSegment(w.box, w.text, confidence=w.confidence) for w in words]


def _mean_confidence(words: list[Word]) -> Optional[float]:
    confs = [w.confidence for w in words if w.confidence is not None]
    return sum(confs) / len(confs) if confs else None


def leading_equation(words: list[Word], text: str) -> Optional[str]:
    """The equation opening a cell, where text-layer lines follow it: a Word equation is the
    formula, the lines below it are its legend ('Σ rute pelayanan mudik balik' over 'Jumlah rute
    ... pada tahun yang dievaluasi'), printed with no 'Dengan :' to tell them apart. OCR words
    are those with a confidence (on a text page, only the glyphs read back by OCR have one)."""
    lines = word_lines(words)
    read = [any(w.confidence is not None for w in line) for line in lines]
    if not read or not read[0] or all(read):
        return None
    legend = " ".join(w.text for w in sorted(lines[read.index(False)], key=lambda w: w.box.x0))
    at = text.find(legend)
    return (text[:at].strip() or None) if at > 0 else None


def mark_lines(lines: list[Line], words: list[Segment]) -> None:
    """Lines holding OCR words carry NOTE and the mean confidence of those words."""
    read = [w for w in words if isinstance(w, OcrSegment)]
    for line in lines:
        mine = [w for w in read if line.box.contains_point(w.box.cx, w.box.cy)]
        if mine:
            line.notes.append(NOTE)
            line.confidence = _mean_confidence(mine)
