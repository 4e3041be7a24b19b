"""Lines of a layout text dump (`pdftotext -layout`) as positioned words.

A layout dump keeps a page's geometry in its spacing: a word's character column is its x
position, its line number its y position, and a run of two spaces or more separates the
segments of a line (columns, tab stops). Form feeds end pages. Small predicates on words and
lines (figures, years, capitals) are shared by the steps that read tables from these lines.
"""

import re
from dataclasses import dataclass
from typing import Optional

from kinerja.parsers.text.years import is_year

SEGMENT_GAP = 2  # spaces: a wider run of spaces separates two segments of a line

_WORD = re.compile(r"\S+")
NUMBER = re.compile(r"^[-+(]?(?:rp\.?)?\d[\d.,]*%?\)?[-,.;]*$", re.I)  # '84', '79,82%', '7.838,-'
CURRENCY = re.compile(r"^rp[.,]?$", re.I)  # 'Rp', 'Rp.' before an amount
_MARKED_AMOUNT = re.compile(r"(?i)^rp[.,]?\d")
UNIT = re.compile(r"^(%|[a-z]{1,8}\.?)$")  # what follows a figure in its cell: '%', 'km', 'buah'



@dataclass(frozen=True)
class Word:
    """A run of non-blank characters and where it stands."""

    line: int  # 1-based line number in the file
    x0: int  # first character column
    x1: int  # one past the last character column
    text: str

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class LayoutLine:
    """One line of a page: its number in the file and its words (none for a blank line)."""

    no: int
    words: list[Word]
    page: Optional[int] = None

    @property
    def segments(self) -> list[list[Word]]:
        """Its words in runs separated by two spaces or more."""
        out: list[list[Word]] = []
        for w in self.words:
            if out and w.x0 - out[-1][-1].x1 <= SEGMENT_GAP - 1:
                out[-1].append(w)
            else:
                out.append([w])
        return out

    @property
    def multi(self) -> bool:
        return len(self.segments) >= 2

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def line_words(no: int, text: str) -> list[Word]:
    """The words of line `no` with their character columns."""
    return [Word(no, m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def page_lines(lines: list[str], furniture: set[int] = frozenset()) -> list[list[LayoutLine]]:
    """Pages (split at form feeds) of positioned lines; furniture lines read as blank."""
    pages: list[list[LayoutLine]] = [[]]
    for no, text in enumerate(lines, start=1):
        parts = text.split("\f")
        for k, part in enumerate(parts):
            if k:
                pages.append([])
            if k < len(parts) - 1 and not part.strip():
                continue  # nothing before the form feed on this line
            words = [] if no in furniture or "\t" in part else line_words(no, part.expandtabs())
            pages[-1].append(LayoutLine(no, words, page=len(pages)))
    return pages


def has_value(line: LayoutLine) -> bool:
    """The line holds a figure other than a year."""
    return any(NUMBER.match(w.text) and not is_year(w.text) for w in line.words)


def has_figure(text: str) -> bool:
    """The text holds a figure other than a year."""
    return any(NUMBER.match(w) and not is_year(w) for w in text.split())


def capitals(text: str) -> bool:
    """Every letter is a capital (and there is one)."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def numeric_cell(words: list[Word]) -> bool:
    """A cell line of figures: '84 %', '2 buah', 'Rp. 7.838.434.333,-', not text citing one."""
    figures = sum(1 for w in words if NUMBER.match(w.text))
    marks = sum(1 for w in words if CURRENCY.match(w.text))  # 'Rp.' is the amount's
    return figures > 0 and 2 * figures >= len(words) - marks


def is_currency(text: str) -> bool:
    """'Rp', 'Rp.' or an amount written with its mark ('Rp2.319.693.000')."""
    return bool(CURRENCY.match(text) or _MARKED_AMOUNT.match(text))


def short_labels(line: LayoutLine, max_words: int) -> bool:
    """Segments of at most `max_words` words, each opening with a capital ('Target Renstra
    Perangkat Daerah   Realisasi Capaian'): labels side by side, not a sentence."""
    return all(len(seg) <= max_words and seg[0].text[:1].isupper() for seg in line.segments)
