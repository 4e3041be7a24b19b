"""Capaian (achievement %) recomputed as realisasi / target x 100 from the figures printed nearest.

For indicators where lower is better the document may use target / realisasi x 100; a capaian
that fits either formula, at its printed precision, is accepted. A capaian in a table row that
fits a later year's target of the same row (the "capaian s/d tahun ini terhadap target akhir
Renstra" column) is accepted too.
"""

from collections import defaultdict
from typing import Iterable, Optional

from kinerja.schema import Extraction, Finding, IndicatorValue

from ..evidence import evidence, place
from ..labels import when
from ..names import clusters
from ..numbers import agrees, decimals, number, show, shown
from ..scopes import SAME_ROW, nearest, nearness

CODE = "capaian-mismatch"


def check(ex: Extraction) -> Iterable[Finding]:
    ids = clusters(r.indicator for r in ex.indicators)
    by_indicator: dict[int, list[IndicatorValue]] = defaultdict(list)
    for r in ex.indicators:
        if number(r.value) is not None:
            by_indicator[ids[r.indicator]].append(r)
    for same in by_indicator.values():
        for cap in (r for r in same if r.measure == "capaian"):
            finding = _check_one(cap, same)
            if finding is not None:
                yield finding


def _check_one(cap: IndicatorValue, same: list[IndicatorValue]) -> Optional[Finding]:
    this_year = [r for r in same if r.year == cap.year and r.period == cap.period]
    targets = [r for r in this_year if r.measure == "target" and number(r.value) != 0]
    reals = [r for r in this_year if r.measure == "realisasi"]
    targets, reals = nearest(cap, targets, reals)
    if not targets or any(_fits(cap, t, r) for t in targets for r in reals):
        return None
    later = [r for r in same if r.measure == "target" and r.year and cap.year and r.year > cap.year
             and nearness(cap, r) == SAME_ROW and number(r.value) != 0]
    if any(_fits(cap, t, r) for t in later for r in reals):
        return None
    return _finding(cap, targets[0], reals[0])


def _fits(cap: IndicatorValue, t: IndicatorValue, r: IndicatorValue) -> bool:
    target, real = number(t.value), number(r.value)
    if agrees(cap.value, real / target * 100):
        return True
    return real != 0 and agrees(cap.value, target / real * 100)  # lower is better


def _finding(cap: IndicatorValue, t: IndicatorValue, r: IndicatorValue) -> Finding:
    expected = number(r.value) / number(t.value) * 100
    message = (
        f"capaian {shown(cap.value)} printed; realisasi {shown(r.value)} / target {shown(t.value)}"
        f" = {show(expected, max(decimals(cap.value), 2))} (\"{cap.indicator}\", {when(cap)};"
        f" capaian at {place(cap.value.provenance)}, target at {place(t.value.provenance)},"
        f" realisasi at {place(r.value.provenance)})"
    )
    return Finding(code=CODE, severity="warning", message=message, subject=cap.indicator,
                   expected=round(expected, 6), reported=number(cap.value),
                   evidence=evidence([cap.value, t.value, r.value]))
