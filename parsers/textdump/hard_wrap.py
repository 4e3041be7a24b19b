"""Hard-wrapped dumps (plain pdftotext): paragraphs printed as lines of the page's width with no
blank line between them, titles run straight into the text below.

In such a dump a line that stops well before the wrap width although the next line's first word
would have fitted ended its paragraph, and a run of capitalised lines (a title) is a paragraph
of its own. Markdown-ish exports, whose paragraphs are one long line each, are left alone: the
wrap width is only taken where most text lines end near one common length.
"""

import re
from typing import Optional

from kinerja.parsers.text.lines import mostly_upper

MIN_LINES = 20  # text lines needed to judge a dump's wrap width
MAX_WIDTH = 140  # longer typical lines: paragraphs are not wrapped by width
FULL = 0.8  # a line this close to the wrap width is a full (wrapped) line
EARLY = 0.85  # a line plus the next word shorter than this share of the width ended early
_GUTTER = re.compile(r"\S {3,}\S")  # a column gap: a table line of a -layout dump, not prose
_ITEM = re.compile(r"^(?:[a-z]|\d{1,2}|[ivx]{1,4})[.)]\s|^[-•*]\s")  # "a. ", "2) ", "• "
_JOINING = {"dan", "atau", "yang", "di", "ke", "dari", "pada", "dengan", "untuk", "serta"}


def wrap_width(lines: list[str]) -> Optional[int]:
    """The dump's wrap width in characters, or None when its paragraphs are not hard-wrapped.
    Judged on prose-like lines only (six words or more): table cells are short lines."""
    lengths = sorted(len(ln.rstrip()) for ln in lines
                     if len(ln.split()) >= 6 and "\t" not in ln and not _GUTTER.search(ln.strip()))
    if len(lengths) < MIN_LINES:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not 40 <= width <= MAX_WIDTH:
        return None
    full = sum(n >= FULL * width for n in lengths)
    return width if full >= 0.4 * len(lengths) else None


def split_paragraph(lines: list[tuple[int, str]], width: int) -> list[list[tuple[int, str]]]:
    """A paragraph's (line number, text) pairs cut where one paragraph or title ends."""
    parts = [[lines[0]]]
    for (_, prev), (no, cur) in zip(lines, lines[1:]):
        if _ends_here(prev, cur, width):
            parts.append([(no, cur)])
        else:
            parts[-1].append((no, cur))
    return parts


def _ends_here(prev: str, cur: str, width: int) -> bool:
    p, c = prev.strip(), cur.strip()
    if not p or not c:
        return False
    if mostly_upper(p) != mostly_upper(c):
        return True  # a title and its text
    if mostly_upper(p):
        return False  # a title printed over several lines ("BAB I" / "PENDAHULUAN")
    first = c.split()[0]
    ended_early = len(prev.rstrip()) + 1 + len(first) < EARLY * width
    joined = p.endswith((",", "-", "/")) or p.split()[-1].lower() in _JOINING
    return ended_early and not joined and (c[0].isupper() or c[0].isdigit() or bool(_ITEM.match(c)))
