"""Positioned words (from a text layer or OCR, with OCR's confidence) and their reading order."""

import re
from dataclasses import dataclass
from typing import Optional

from kinerja.parsers.page.geometry import Box
from kinerja.parsers.text.lines import join_lines


@dataclass(slots=True)
class Word:
    box: Box
    text: str
    confidence: Optional[float] = None
    # the middle height of its line's ink where the text layer tells it (page.lines.Segment):
    # a ruled cell takes the words whose ink it holds
    ink_cy: Optional[float] = None

    @property
    def cy(self) -> float:
        """The height at which a ruling decides the word's row."""
        return self.box.cy if self.ink_cy is None else self.ink_cy


def word_lines(words: list[Word]) -> list[list[Word]]:
    """Words grouped into lines by their centres, top to bottom."""
    out: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.box.cy, w.box.x0)):
        if out and abs(out[-1][0].box.cy - w.box.cy) <= 0.5 * w.box.height:
            out[-1].append(w)
        else:
            out.append([w])
    return out


def words_text(words: list[Word], cell: Optional[Box] = None) -> tuple[str, Optional[float]]:
    """Words in reading order: lines by vertical overlap, left to right. A line that ends
    flush with the cell's right edge in the middle of a word (a long word wrapped by
    characters in a narrow column) is joined to the next line without a space."""
    if not words:
        return "", None
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.box.cy, w.box.x0)):
        if lines and _line_box(lines[-1]).y_overlap(w.box) >= 0.5:
            lines[-1].append(w)
        else:
            lines.append([w])
    texts = []
    for i, line in enumerate(lines):
        line.sort(key=lambda w: w.box.x0)
        text = " ".join(w.text for w in line)
        if texts and cell is not None and _broken_word(lines[i - 1], line, cell):
            texts[-1] += text
        else:
            texts.append(text)
    confs = [w.confidence for w in words if w.confidence is not None]
    return join_lines(texts), (sum(confs) / len(confs) if confs else None)


def _line_box(line: list[Word]) -> Box:
    box = line[0].box
    for w in line[1:]:
        box = box.union(w.box)
    return box


# a figure wrapped inside a narrow cell: '99,4' over '7%', '102,' over '14%', '124,34' over '%'
FIGURE_HEAD = re.compile(r"^\d{1,3}(?:[.,]\d{3})*(?:[.,]\d*)$")
FIGURE_TAIL = re.compile(r"^\d{0,2}%$")


# a figure cut right after its decimal or thousands mark ('85,' over '41%', '91,' over '67'): no
# figure ends so, the digits below are its own
OPEN_FIGURE = re.compile(r"^\d{1,3}(?:[.,]\d{3})*[.,]$")
OPEN_TAIL = re.compile(r"^\d{1,3}%?$")


def figure_runs_on(line: str, below: str, whole: bool = False) -> bool:
    """A line that is the start of a figure, the next line its last digits and percent sign (or
    its digits after a mark the line ends on); `whole`: the start may be a whole number ('10' over
    '0%', in a cell it fills)."""
    if OPEN_FIGURE.match(line) and OPEN_TAIL.match(below):
        return True
    head = FIGURE_HEAD.match(line) or (whole and line.isdigit() and len(line) <= 3)
    return bool(head and FIGURE_TAIL.match(below))


def _broken_word(prev: list[Word], line: list[Word], cell: Box) -> bool:
    """A word too long for its column, wrapped by characters: the fragment alone fills the
    cell's inner width (a word that merely ends near the edge leaves the wrap to the next word,
    so it is usually clearly narrower than the cell). A figure wrapped so is joined too."""
    last, first = prev[-1], line[0]
    if len(prev) == 1 and len(line) == 1 and figure_runs_on(last.text, first.text, whole=True):
        return bool(OPEN_FIGURE.match(last.text)) or _fills(last, cell)
    if len(prev) != 1 or not last.text[-1:].isalpha() or not first.text[:1].isalpha():
        return False
    fills = _fills(last, cell)
    # only a lone short remainder ('TARGE' / 'T', 'Kabupat' / 'en'), never a next word
    # ('TARGET' / 'TW I', 'Persentase' / 'kesesuaian' in a centred cell)
    if len(line) != 1 or not fills:
        return False
    if first.text[0].islower():
        return len(first.text) <= 3
    return last.text[-1].isupper() and len(first.text) <= 2


def _fills(word: Word, cell: Box) -> bool:
    """The word alone fills the cell's inner width: the line broke inside it."""
    padding = max(0.0, word.box.x0 - cell.x0)
    inner = cell.x1 - cell.x0 - 2 * padding
    char_w = word.box.width / max(1, len(word.text))
    return inner > 0 and word.box.width >= 0.9 * inner and (inner - word.box.width) <= 1.2 * char_w
