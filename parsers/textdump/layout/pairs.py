"""K/Rp pairs in a layout dump: the Permendagri 86/2017 evaluation forms put a K (kinerja) and an
Rp (rupiah) column under each measure ('Target ... Tahun Berjalan', 'Triwulan I', ...) and number
the pair once, so the numbering row and the gaps read each pair as one column. The header line
of K and Rp marks tells where each pair divides; divided, a row's K figures (its first line) and
its rupiah (its second line) land in columns of their own and join into one row.
"""

import re
from dataclasses import replace
from typing import Optional

from kinerja.parsers.textdump.layout.columns import column_of
from kinerja.parsers.textdump.layout.labels import Label
from kinerja.parsers.textdump.layout.lines import LayoutLine, Word

_K = re.compile(r"^\(?k\)?$", re.I)
_RP = re.compile(r"^\(?rp\.?\)?$", re.I)
MIN_PAIRS = 2


def mark_words(header: list[LayoutLine]) -> list[tuple[LayoutLine, Word]]:
    """The K and Rp marks of the header lines holding MIN_PAIRS of each or more (a line may also
    hold the last words of a taller label: '(output)   K   Rp   K   Rp')."""
    out = []
    for ln in header:
        ks = [w for w in ln.words if _K.match(w.text)]
        rps = [w for w in ln.words if _RP.match(w.text)]
        if min(len(ks), len(rps)) >= MIN_PAIRS:
            out += [(ln, w) for w in ks + rps]
    return out


def without_marks(header: list[LayoutLine], marks: list[tuple[LayoutLine, Word]]) -> list[LayoutLine]:
    """The header lines less the marks: what the other labels are read from."""
    taken = {id(w) for _, w in marks}
    return [replace(ln, words=[w for w in ln.words if id(w) not in taken]) for ln in header]


def divide(columns: list[tuple[float, float]], marks: list[tuple[LayoutLine, Word]], body: list[LayoutLine]
           ) -> Optional[tuple[list[tuple[float, float]], list[int]]]:
    """Each column holding one K mark left of one Rp mark, cut between them where the fewest body
    words cross; returns the columns and, per new column, the old one it came from. None when no
    column divides."""
    words = [w for _, w in marks]
    out: list[tuple[float, float]] = []
    origin: list[int] = []
    for c, (a, b) in enumerate(columns):
        inside = sorted((w for w in words if column_of(w.cx, columns) == c), key=lambda w: w.x0)
        if len(inside) == 2 and _K.match(inside[0].text) and _RP.match(inside[1].text):
            cut = _cut(inside[0], inside[1], body)
            out += [(a, cut), (cut, b)]
            origin += [c, c]
        else:
            out.append((a, b))
            origin.append(c)
    return (out, origin) if len(out) > len(columns) else None


def _cut(k: Word, rp: Word, body: list[LayoutLine]) -> float:
    """Between the K mark's end and the Rp mark's start, the character column the fewest body
    words cross (the latest of equals: K figures are right-aligned towards their Rp)."""
    def crossing(x: float) -> int:
        return sum(1 for ln in body for w in ln.words if w.x0 < x < w.x1)
    return min((x + 0.5 for x in range(k.x1 - 1, rp.x0)), key=lambda x: (crossing(x), -x))


def pair_labels(labels: list[Label], origin: list[int], marks: list[tuple[LayoutLine, Word]],
                columns: list[tuple[float, float]]) -> list[Label]:
    """The labels of the undivided columns over both halves of their pair, and each mark a
    label of its half."""
    first = {c: origin.index(c) for c in set(origin)}
    last = {c: len(origin) - 1 - origin[::-1].index(c) for c in set(origin)}
    out = [replace(lab, first=first[lab.first], last=last[lab.last]) for lab in labels]
    for ln, w in marks:
        c = column_of(w.cx, columns)
        if sum(column_of(v.cx, columns) == c for _, v in marks) == 1:  # a half of a divided pair
            out.append(Label(w.text, c, c, ln.no, ln.no, w.cx, w.x0))
    return out
