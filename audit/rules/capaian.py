"""Capaian (achievement %) recomputed as realisasi / target x 100 from the figures printed nearest.

For indicators where lower is better the document may use target / realisasi x 100 or
(2 - realisasi / target) x 100 (Permendagri 86/2017); a capaian that fits any of them is
accepted (only realisasi / target when the indicator's catalogue entry says higher is better,
only the other two when it says lower is better; where the document states its own formula for
lower is better, extract/capaian_rule.py, that one instead of the two), each recomputed over what the printed figures stand for ('0,34' is 0.335 to 0.345: a
capaian computed before rounding them is right). A capaian in a table row that
fits a later year's target of the same row (the "capaian s/d tahun ini terhadap target akhir
Renstra" column) is accepted too.
"""

from collections import defaultdict
from typing import Iterable, Optional

from kinerja.normalize.catalogue import shipped_index
from kinerja.schema import CapaianFormula, Extraction, Finding, IndicatorValue

from ..evidence import evidence, place
from ..labels import when
from ..names import clusters
from ..numbers import agrees_within, decimals, half_step, number, show, shown
from ..scopes import SAME_PASSAGE, SAME_ROW, nearest, nearness

CODE = "capaian-mismatch"


def check(ex: Extraction) -> Iterable[Finding]:
    stated = {f.polarity: f for f in ex.meta.capaian_formulas}
    ids = clusters(r.indicator for r in ex.indicators)
    by_indicator: dict[int, list[IndicatorValue]] = defaultdict(list)
    for r in ex.indicators:
        if number(r.value) is not None:
            by_indicator[ids[r.indicator]].append(r)
    for same in by_indicator.values():
        for cap in (r for r in same if r.measure == "capaian"):
            finding = _check_one(cap, same, stated)
            if finding is not None:
                yield finding


def _check_one(cap: IndicatorValue, same: list[IndicatorValue], stated: dict) -> Optional[Finding]:
    this_year = [r for r in same if r.year == cap.year and r.period == cap.period]
    targets = [r for r in this_year if r.measure == "target" and number(r.value) != 0]
    reals = [r for r in this_year if r.measure == "realisasi"]
    targets, reals = nearest(cap, targets, reals)
    formulas = _formulas(cap, stated)
    if not targets or any(_fits(cap, t, r, formulas) for t in targets for r in reals):
        return None
    later = [r for r in same if r.measure == "target" and r.year and cap.year and r.year > cap.year
             and nearness(cap, r) == SAME_ROW and number(r.value) != 0]
    if any(_fits(cap, t, r, formulas) for t in later for r in reals):
        return None
    return _finding(cap, targets[0], reals[0], stated.get("lower") if formulas != FORMULAS[:1] else None)


FORMULAS = (
    lambda real, target: real / target * 100,
    lambda real, target: target / real * 100,          # lower is better
    lambda real, target: (2 - real / target) * 100,    # lower is better, Permendagri 86/2017
)


BY_POLARITY = {"higher": FORMULAS[:1], "lower": FORMULAS[1:]}
BY_NAME = {"R/T": FORMULAS[0], "T/R": FORMULAS[1], "2-R/T": FORMULAS[2]}


def _formulas(cap: IndicatorValue, stated: dict) -> tuple:
    """The formulas the indicator's polarity allows: all of them when the catalogue does not know
    it. Where the document states its formula for indicators where lower is better, that one alone
    stands for them."""
    entry = shipped_index().entry(cap.canonical.id) if cap.canonical and cap.canonical.id else None
    allowed = BY_POLARITY.get(entry.polarity if entry else None, FORMULAS)
    lower = stated.get("lower")
    if lower is None or allowed == BY_POLARITY["higher"]:
        return allowed
    return tuple(f for f in allowed if f is FORMULAS[0]) + (BY_NAME[lower.formula],)


def _fits(cap: IndicatorValue, t: IndicatorValue, r: IndicatorValue, formulas: tuple) -> bool:
    target, real = number(t.value), number(r.value)
    ht, hr = half_step(t.value), half_step(r.value)
    corners = [(real + dr, target + dt) for dr in (-hr, hr) for dt in (-ht, ht)]
    # each formula is monotonic in each figure over an interval that keeps its sign: an interval
    # across zero ('0,00') would let any capaian fit
    if not _one_sign([y for _, y in corners]):
        return False
    for formula in formulas:
        if formula is not FORMULAS[0] and not _one_sign([x for x, _ in corners]):
            continue  # divides by a realisasi that may be zero
        values = [formula(x, y) for x, y in corners]
        if agrees_within(cap.value, min(values), max(values)):
            return True
    return False


def _one_sign(xs: list[float]) -> bool:
    return all(x > 0 for x in xs) or all(x < 0 for x in xs)


MISREAD_FACTOR = 5  # a recomputation this many times off the printed capaian is a figure misread


def _absurd(cap: IndicatorValue, expected: float) -> bool:
    printed = number(cap.value)
    if not printed or not expected:
        return False
    ratio = abs(expected / printed)
    return ratio > MISREAD_FACTOR or ratio < 1 / MISREAD_FACTOR


SHOWN = {"R/T": "realisasi / target x 100", "T/R": "target / realisasi x 100",
         "2-R/T": "(2 - realisasi / target) x 100"}


def _finding(cap: IndicatorValue, t: IndicatorValue, r: IndicatorValue,
             stated: Optional[CapaianFormula] = None) -> Finding:
    """A warning when the three figures share a table or a passage; figures gathered from
    elsewhere in the file (another table, another part) may be another row's or year's: an info.
    Where the document states its formula for indicators where lower is better, the message gives
    what that formula makes of the figures too."""
    expected = number(r.value) / number(t.value) * 100
    near = max(nearness(cap, t), nearness(cap, r)) <= SAME_PASSAGE and not _absurd(cap, expected)
    message = (
        f"capaian {shown(cap.value)} printed; realisasi {shown(r.value)} / target {shown(t.value)}"
        f" = {show(expected, max(decimals(cap.value), 2))} (\"{cap.indicator}\", {when(cap)};"
        f" capaian at {place(cap.value.provenance)}, target at {place(t.value.provenance)},"
        f" realisasi at {place(r.value.provenance)})"
        + ("" if near else "; recomputed from figures printed elsewhere in the file, or misread")
        + (_by_stated(stated, t, r, cap) if stated else "")
    )
    extra = [stated.provenance] if stated and stated.provenance else []
    return Finding(code=CODE, severity="warning" if near else "info", message=message, subject=cap.indicator,
                   expected=round(expected, 6), reported=number(cap.value),
                   evidence=evidence([cap.value, t.value, r.value]) + extra)


def _by_stated(stated: CapaianFormula, t: IndicatorValue, r: IndicatorValue, cap: IndicatorValue) -> str:
    real, target = number(r.value), number(t.value)
    if not real:
        return ""
    value = BY_NAME[stated.formula](real, target)
    where = f", stated at {place(stated.provenance)}" if stated.provenance else ""
    return (f"; the document's formula where lower is better, {SHOWN[stated.formula]}{where},"
            f" gives {show(value, max(decimals(cap.value), 2))}")
