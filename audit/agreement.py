"""Which conflicts lie between places that otherwise agree.

A table read under a wrong column role, or with a year taken for another, disagrees with the
other printings of its figures almost everywhere; two tables read right agree on most figures
they both print, and where they differ the document differs from itself. So a conflict between
two places (tables, or the running text) that agree on at least AGREEMENT of the at least
MIN_COMPARED figures they share is read right (storms.py lists such conflicts up to a higher
limit). Places are weighed two by two: two copies of one misread table agree with each other
and with nothing else, and a conflict between them and a third place is still doubtful.
"""

from collections import Counter
from itertools import combinations

from kinerja.schema import Extraction, Finding

from .numbers import number
from .rules.conflicts import CODE, printings, same_figure

MIN_COMPARED = 5  # figures two places both print before their agreement says anything
AGREEMENT = 0.7  # share of them shown alike for the two places to agree


def read_right(ex: Extraction, findings: list[Finding]) -> set[int]:
    """id() of the conflict findings whose two sides were printed in places that agree."""
    agreeing = _agreeing_places(ex)
    if not agreeing:
        return set()
    at = {r.value.provenance.model_dump_json(): r for r in [*ex.indicators, *ex.budgets]
          if r.value.provenance is not None}
    out = set()
    for f in findings:
        if f.code != CODE or f.expected is None or f.reported is None:
            continue
        sides = _sides(f, at)
        if any(frozenset((x, y)) in agreeing for x in sides[0] for y in sides[1] if x != y):
            out.add(id(f))
    return out


def _agreeing_places(ex: Extraction) -> set[frozenset]:
    """Pairs of places that agree on at least AGREEMENT of the figures they both print."""
    shared: Counter = Counter()
    alike: Counter = Counter()
    for records, name in ((ex.indicators, lambda r: r.indicator), (ex.budgets, lambda r: r.item)):
        for group in printings(records, name).values():
            by_place: dict[tuple, list] = {}
            for r in group:
                by_place.setdefault(_place(r), []).append(r)
            for x, y in combinations(by_place, 2):
                pair = frozenset((x, y))
                shared[pair] += 1
                alike[pair] += any(same_figure(a, b) for a in by_place[x] for b in by_place[y])
    return {p for p, n in shared.items() if n >= MIN_COMPARED and alike[p] >= AGREEMENT * n}


def _sides(f: Finding, at: dict) -> tuple[set, set]:
    """The places of the finding's evidence printing its `expected` value, and its `reported`."""
    a, b = set(), set()
    for p in f.evidence:
        r = at.get(p.model_dump_json())
        x = number(r.value) if r is not None else None
        if x is not None:
            (a if abs(x - f.expected) <= abs(x - f.reported) else b).add(_place(r))
    return a, b


def _place(r) -> tuple:
    """(file, table) of a record; (file, None) for the running text."""
    p = r.value.provenance
    return (p.file, p.table) if p is not None else (None, None)
