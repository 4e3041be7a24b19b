"""Column-numbering rows: the row of column numbers printed under a table's header,
'1 | 2 | 3 ...', '(1) (2) (3) ...', or with a column's formula '... | 9=8/7*100%'.

Such a row closes the header (everything above it is header) and says how many columns the
table has; every input path (a PDF grid, a tab-separated dump, a -layout dump, plain
pdftotext cell runs) reads it by the same rule."""

import re
from typing import Iterable, Optional

# '3', '(3)', '3.', '( 3 )', '9=8/7*100%' (a column number with the formula of its figures), '-3'
# (a spreadsheet's '(3)' in accounting format: the text layer holds the negative number)
_NUMBER_CELL = re.compile(r"^(?:\(?\s*|-)(\d{1,2})\s*\)?\.?(?:\s*=\s*\S.*)?$")
MIN_CELLS = 3
ROW_NUMBER = re.compile(r"^\d{1,3}[.)]?$")  # a row's own number in its first cell: '1', '2.', '3)'


def column_number(text: str) -> Optional[int]:
    """The column number a cell prints, or None."""
    m = _NUMBER_CELL.match(text.strip())
    return int(m.group(1)) if m else None


MISREAD_LEN = 8  # characters: a numeral OCR misread ('li' for 11, '» by Ja' for 17) is short
VALUE_MARK = re.compile(r"%|\d[.,]\d")  # a percentage or a decimal is a value, never a numeral
MISREAD_SHARE = 0.2  # of a read page's numbering cells, at most this many misread


def is_numbering_row(texts: list[str], ocr: bool = False) -> bool:
    """Filled cells (at least two, and at least half the row) all column numbers, the first 0, 1
    or 2, none lower than the one before (a column number printed twice is a typo, not a value).
    `ocr`: the row was read from an image, where a few short cells may be numerals misread
    ('li' for 11, '1' for 7), when the numbers read around them run 1, 2, 3 ... in order."""
    filled = [t.strip() for t in texts if t.strip()]
    if len(filled) < max(2, 0.5 * len(texts)):
        return False
    numbers = [column_number(t) for t in filled]
    if None not in numbers and numbers[0] <= 2 and all(b >= a for a, b in zip(numbers, numbers[1:])):
        return True
    return ocr and _misread_numerals(filled, numbers)


PLACE_SLACK = 2  # a column number read stands this near its place among the filled cells


def _misread_numerals(filled: list[str], numbers: list[Optional[int]]) -> bool:
    """The numbers that rise in order (the longest such run), each near its place in the row
    ('7' in the seventh filled cell: a row's figures, '70 71 72', are not), are most of the
    row, from 0, 1 or 2; every other cell is short and no value."""
    placed = [(i, n) for i, n in enumerate(numbers) if n is not None and abs(n - (i + 1)) <= PLACE_SLACK]
    rising = _longest_rise(placed)
    kept = {i for i, _ in rising}
    misread = [t for i, t in enumerate(filled) if i not in kept]
    return (len(rising) >= 2 * MIN_CELLS and rising[0][1] <= 2
            and len(misread) <= MISREAD_SHARE * len(filled)
            and all(len(t) <= MISREAD_LEN and not VALUE_MARK.search(t) for t in misread))


def _longest_rise(numbered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of (place, number) whose numbers strictly rise (n is a row's width:
    the quadratic search is cheap)."""
    best: list[list[tuple[int, int]]] = []
    for k, (i, n) in enumerate(numbered):
        before = [run for run in best[:k] if run[-1][1] < n]
        best.append(max(before, key=len, default=[]) + [(i, n)])
    return max(best, key=len, default=[])


def numbering_width(texts: Iterable[str]) -> int:
    """How many texts from the first count 1, 2, 3 ... (a numbering row written one cell a
    line); 0 when fewer than three do. Read lazily: it stops at the first other text."""
    n = 0
    for text in texts:
        if column_number(text) != n + 1:
            break
        n += 1
    return n if n >= MIN_CELLS else 0
