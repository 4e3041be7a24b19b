"""Words of a PDF page's text layer, read from pdfium's characters.

pdfium reports text as characters in user space; they become words (Segments with top-left
boxes) that page.lines groups into Lines.
"""

import ctypes
import unicodedata
from typing import Optional

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from kinerja.parsers.page.geometry import Box, PageFrame
from kinerja.parsers.page.lines import Line, Segment, clean_text, lines_from_runs


def page_words(page: pdfium.PdfPage, frame: PageFrame,
               textpage: Optional[pdfium.PdfTextPage] = None,
               blanks: Optional[list[int]] = None) -> list[Segment]:
    """Words of the page's text layer; `textpage`: one already loaded (it stays open);
    `blanks`: a list that receives the indices of the characters read as no letter (spaces,
    invalid codes), for inked_blanks."""
    if textpage is not None:
        return _runs(textpage, frame, blanks)
    textpage = page.get_textpage()
    try:
        return _runs(textpage, frame, blanks)
    finally:
        textpage.close()


def page_lines(page: pdfium.PdfPage, number: int, frame: PageFrame) -> list[Line]:
    return lines_from_runs(page_words(page, frame), number)


def _runs(textpage: pdfium.PdfTextPage, frame: PageFrame,
          blanks: Optional[list[int]] = None) -> list[Segment]:
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
    matrix = pdfium_c.FS_MATRIX()
    matrix_ref = ctypes.byref(matrix)
    get_box, get_size, get_origin, get_matrix = _GET_BOX, _GET_SIZE, _GET_ORIGIN, _GET_MATRIX
    get_object, last_object, size = _GET_OBJECT, None, 0.0
    get_loose, loose = _GET_LOOSE, pdfium_c.FS_RECTF()
    loose_ref = ctypes.byref(loose)
    upright, height = frame.rotation == 0, frame.height
    in_word = False
    last = 0  # the character read last
    wx0 = wy0 = wx1 = wy1 = 0.0  # the box of the word being read, top-left origin
    iy0, iy1 = float("inf"), float("-inf")  # the height of its ink
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
                _flush_word(runs, chars, [wx0, wy0, wx1, wy1], iy0, iy1)
                in_word = False
            if blanks is not None and code > 13:  # line breaks are pdfium's own, never drawn
                blanks.append(i)
            continue
        get_box(handle, i, *box_refs)
        text_object = get_object(handle, i)
        if text_object != last_object or not text_object:  # one size for a text object's characters
            size = get_size(handle, i)
            if get_matrix(handle, i, matrix_ref):
                # the size is the text state's: some writers set 83 pt and scale the text by 0.12
                size *= abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
            last_object = text_object
        sized = 2.0 <= size <= 200.0
        if not upright:
            # the loose box: a tight glyph box shrinks a ',' below the digits and a '1' to its stem
            if get_loose(handle, i, loose_ref):
                box = [loose.left, loose.right, loose.bottom, loose.top]
            else:
                box = [left.value, right.value, bottom.value, top.value]
            x0, y0, x1, y1 = _char_box(raw, i, frame, box, size, ox, oy)
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
                    _flush_word(runs, chars, [wx0, wy0, wx1, wy1], iy0, iy1)
                    in_word = False
        last = i
        chars.append(ch)
        if not in_word:
            wx0, wy0, wx1, wy1, in_word = x0, y0, x1, y1, True
            iy0, iy1 = float("inf"), float("-inf")
        else:
            if x0 < wx0:
                wx0 = x0
            if y0 < wy0:
                wy0 = y0
            if x1 > wx1:
                wx1 = x1
            if y1 > wy1:
                wy1 = y1
        if upright and top.value - bottom.value >= MIN_INK:
            if height - top.value < iy0:
                iy0 = height - top.value
            if height - bottom.value > iy1:
                iy1 = height - bottom.value
    if in_word:
        _flush_word(runs, chars, [wx0, wy0, wx1, wy1], iy0, iy1)
    return runs


# points: a glyph box thinner than this either way draws nothing (a space's box is flat)
MIN_INK = 0.5


def inked_blanks(textpage: pdfium.PdfTextPage, frame: PageFrame, indices: list[int]) -> list[Box]:
    """Boxes (as displayed) of the characters at `indices`, read as no letter, whose glyph box
    has an area: a space's glyph box is flat, but a glyph a broken ToUnicode map sends to a
    space (an equation font's letters) keeps the box of the ink it draws."""
    handle = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    refs = [ctypes.byref(v) for v in (left, right, bottom, top)]
    out = []
    for i in indices:
        if _GET_BOX(handle, i, *refs) and right.value - left.value >= MIN_INK \
                and top.value - bottom.value >= MIN_INK:
            out.append(frame.box(left.value, bottom.value, right.value, top.value))
    return out


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
_GET_MATRIX = _bare(pdfium_c.FPDFText_GetMatrix, ctypes.c_int)
_GET_OBJECT = _bare(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)


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


def _flush_word(runs: list[Segment], chars: list[str], word, ink_top: float, ink_bottom: float) -> None:
    if chars and word is not None:
        ink = (ink_top + ink_bottom) / 2 if ink_bottom >= ink_top else None
        runs.append(Segment(Box(*word), clean_text("".join(chars)), ink))
    chars.clear()
    return None
