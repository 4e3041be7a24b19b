"""Page numbers pdftotext set at the end of a page's last (or first) line of content.

A table that runs to the foot of its page leaves its page number on the line of its last row,
far right ('yang handal          ...          20'): read as a cell, it becomes a value of that row
and keeps the table running into the next page. Such a number is taken for the page's when the
pages around number themselves in step with it (their own page-number lines, or numbers at their
lines' ends the same way), and is blanked out, the line's other characters left where they are.
"""

import re
from typing import Callable, Optional

from kinerja.parsers.text.running import is_page_number

# a number set far apart at the end of a line of other text
TRAILING = re.compile(r"\S\s{12,}(\d{1,4})\s*$")
REACH = 3  # pages either side whose numbering may confirm a page's
EDGE = 3  # lines at a page's foot or top where its number may stand


def blank_trailing_folios(lines: list[str], furniture: set[int] = frozenset()
                          ) -> tuple[list[str], list[int]]:
    """The lines with such page numbers blanked out, and the numbers of the lines changed; a
    running footer (`furniture`) ending in its page number is left out already."""
    pages = page_line_numbers(lines)
    own = {i: n for i, page in enumerate(pages) if (n := _own_number(lines, page)) is not None}
    trailing = {i: t for i, page in enumerate(pages)
                if i not in own and (t := _trailing(lines, page)) and t[0] not in furniture}
    numbered = {**own, **{i: v for i, (_, v, _) in trailing.items()}}
    out, changed = list(lines), []
    for i, (no, value, start) in trailing.items():
        if any(numbered.get(j) == value + (j - i) for j in range(i - REACH, i + REACH + 1) if j != i):
            line = out[no - 1]
            out[no - 1] = line[:start] + " " * (len(line) - start)
            changed.append(no)
    return out, changed


def page_line_numbers(lines: list[str], keep: Callable[[str], bool] = lambda part: True) -> list[list[int]]:
    """Line numbers (1-based) of each page's lines (pages parted by form feeds) holding text
    that `keep` keeps."""
    pages: list[list[int]] = [[]]
    for no, line in enumerate(lines, start=1):
        for k, part in enumerate(line.split("\f")):
            if k:
                pages.append([])
            if part.strip() and keep(part):
                pages[-1].append(no)
    return pages


def _own_number(lines: list[str], page: list[int]) -> Optional[int]:
    """The page's number on a line of its own at its top or foot."""
    for no in page[:2] + page[-2:]:
        text = lines[no - 1].replace("\f", "").strip()
        if text.isdigit() and is_page_number(text):
            return int(text)
    return None


def _trailing(lines: list[str], page: list[int]) -> Optional[tuple[int, int, int]]:
    """(line, number, where it starts) of a number set apart at the end of one of the page's
    last or first lines of text (a running footer may follow it)."""
    for no in page[-EDGE:][::-1] + page[:EDGE]:
        line = lines[no - 1]
        m = TRAILING.search(line)
        if m and is_page_number(m.group(1)):
            return no, int(m.group(1)), m.start(1)
    return None
