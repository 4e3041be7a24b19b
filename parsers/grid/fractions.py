"""Stacked fractions in table cells: a numerator over a drawn bar over a denominator.

Word prints an equation's fraction as lines of text with a short rule between them; read line by
line the cell gives 'A B x 100' (numerator, what stands beside the bar, denominator). A rule that
floats inside a cell, clear of its borders, with text just above and just below it and as wide as
the wider of the two, is a fraction bar: its words become one word 'A / B x 100' in their place.
An underline is no bar: it runs through the descenders of the word above it.
"""

import re
from dataclasses import dataclass
from typing import Iterable

from kinerja.parsers.page.geometry import Box, union_all

CLEAR = 2.0        # points a bar keeps from the cell's borders
REACH = 1.0        # a numerator or denominator line starts within this many line heights of the bar
LINE_GAP = 0.6     # lines of one numerator are at most this many line heights apart
COVER = 0.6        # the wider of numerator and denominator spans at least this share of the bar
SAME = 1.5         # points: rules this close in extent are one width
MAX_BARS = 3       # a cell holds a formula or two (and a worked example), not a drawing
OPERATOR = re.compile(r"\s[-+−×x÷/]\s|[+×÷/]")


@dataclass(frozen=True)
class Bar:
    x0: float
    x1: float
    y: float


def bars_in(edges: Iterable, cell: Box) -> list[Bar]:
    """Horizontal rulings (page.geometry.Edge) lying inside the cell, touching none of its borders.
    Rules repeating one width at several heights are a form's lines or a paragraph's borders,
    and many rules are a drawing: neither holds fraction bars."""
    bars: list[Bar] = []
    for e in edges:
        if e.orientation == "h" and cell.y0 + CLEAR < e.y0 < cell.y1 - CLEAR \
                and cell.x0 + CLEAR / 2 < e.x0 and e.x1 < cell.x1 - CLEAR / 2:
            bar = Bar(e.x0, e.x1, e.y0)
            if not any(_same(bar, b) and abs(bar.y - b.y) <= SAME for b in bars):  # drawn twice
                bars.append(bar)
    bars = [b for b in bars if not any(_same(b, o) for o in bars if o is not b)]
    return sorted(bars, key=lambda b: b.y) if len(bars) <= MAX_BARS else []


def _same(a: Bar, b: Bar) -> bool:
    return abs(a.x0 - b.x0) <= SAME and abs(a.x1 - b.x1) <= SAME


def stack_fractions(words: list, bars: list[Bar], text_of, make_word) -> list:
    """`words` with each fraction's words replaced by one word reading 'numerator / denominator'
    followed by what is printed beside the bar. `text_of(words)` reads words as text,
    `make_word(box, text)` builds the replacement."""
    made: set[int] = set()  # fractions already read are not parts of the next one
    for bar in bars:
        loose = [w for w in words if id(w) not in made]
        over = _side(loose, bar, above=True)
        under = _side(loose, bar, above=False)
        if not over or not under or max(_width(over), _width(under)) < COVER * (bar.x1 - bar.x0):
            continue
        taken = {id(w) for w in over + under}
        beside = [w for w in words if id(w) not in taken and w.box.y0 <= bar.y <= w.box.y1
                  and w.box.x0 >= bar.x1 - 1]
        text = f"{_term(text_of(over))} / {_term(text_of(under))}"
        if beside:
            text = f"{text} {text_of(beside)}"
        parts = over + under + beside
        taken |= {id(w) for w in beside}
        fraction = make_word(union_all(w.box for w in parts), text)
        made.add(id(fraction))
        words = [w for w in words if id(w) not in taken] + [fraction]
    return words


def _side(words: list, bar: Bar, above: bool) -> list:
    """The lines stacked right above (or below) the bar, within its width, nearest first."""
    mine = [w for w in words if bar.x0 - 2 <= w.box.cx <= bar.x1 + 2
            and (w.box.y1 <= bar.y + 0.5 if above else w.box.y0 >= bar.y - 0.5)]
    mine.sort(key=lambda w: -w.box.y1 if above else w.box.y0)
    taken: list = []
    edge = bar.y
    for w in mine:
        height = w.box.height or 1.0
        distance = (edge - w.box.y1) if above else (w.box.y0 - edge)
        same_line = taken and any(t.box.y_overlap(w.box) >= 0.5 for t in taken)
        if same_line or distance <= (REACH if not taken else LINE_GAP) * height:
            taken.append(w)
            edge = min(edge, w.box.y0) if above else max(edge, w.box.y1)
        else:
            break
    return taken


def _width(words: list) -> float:
    return max(w.box.x1 for w in words) - min(w.box.x0 for w in words)


def _term(text: str) -> str:
    return f"({text})" if OPERATOR.search(text) else text
