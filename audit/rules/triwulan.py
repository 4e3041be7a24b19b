"""Quarterly (triwulan) targets against the annual target of the same indicator and year.

Quarterly targets either split the annual target (TW1 + ... + TW4 = annual) or are cumulative
(non-decreasing, the last quarter printed equals the annual). Neither -> an info finding: some
documents plan quarters in their own way, but an auditor should look.
"""

from collections import defaultdict
from typing import Iterable, Optional

from kinerja.schema import Extraction, Finding, IndicatorValue

from ..evidence import evidence, places
from ..names import clusters
from ..numbers import agrees, decimals, number, show, shown
from ..scopes import nearest

CODE = "triwulan-target-mismatch"
QUARTERS = ("TW1", "TW2", "TW3", "TW4")


def check(ex: Extraction) -> Iterable[Finding]:
    ids = clusters(r.indicator for r in ex.indicators)
    targets = [r for r in ex.indicators if r.measure == "target" and number(r.value) is not None]
    annual: dict[tuple, list[IndicatorValue]] = defaultdict(list)
    for r in targets:
        if r.period == "annual":
            annual[(ids[r.indicator], r.year)].append(r)
    for quarters, copies in _quarter_sets(targets, ids):
        first = next(iter(quarters.values()))
        (near,) = nearest(first, annual.get((ids[first.indicator], first.year), []))
        finding = _check_one(quarters, near, copies)
        if finding is not None:
            yield finding


def _quarter_sets(targets: list[IndicatorValue], ids: dict) -> list[tuple[dict, list]]:
    """Quarterly targets of one indicator and year as printed together (one table or part), with
    every other printing of the same quarters (a PK and its revisions repeat them): one finding
    covers them all. A set where one quarter has two values is left to the conflicting-values rule."""
    groups: dict[tuple, list[IndicatorValue]] = defaultdict(list)
    for r in targets:
        if r.period in QUARTERS:
            p = r.value.provenance
            where = (p.file, p.table) if p is not None and p.table is not None else ("part", r.part)
            groups[(ids[r.indicator], r.year, where)].append(r)
    merged: dict[tuple, tuple[dict, list]] = {}
    for (cluster, year, _), group in groups.items():
        quarters: dict[str, IndicatorValue] = {}
        if not all(quarters.setdefault(r.period, r).value.value == r.value.value for r in group):
            continue
        quarters = dict(sorted(quarters.items()))
        key = (cluster, year, tuple((k, number(q.value)) for k, q in quarters.items()))
        merged.setdefault(key, (quarters, []))[1].extend(group)
    return list(merged.values())


def _check_one(quarters: dict[str, IndicatorValue], annual: list[IndicatorValue],
               copies: list[IndicatorValue]) -> Optional[Finding]:
    if not annual or "TW4" not in quarters:
        return None
    values = [number(q.value) for q in quarters.values()]
    total = sum(values)
    split = len(quarters) == 4
    cumulative = all(a <= b for a, b in zip(values, values[1:]))
    for a in annual:
        if (split and agrees(a.value, total)) or (cumulative and agrees(a.value, values[-1])):
            return None
    return _finding(quarters, annual, copies, total, split, cumulative)


def _finding(quarters, annual, copies, total, split, cumulative) -> Finding:
    target, last = annual[0], quarters["TW4"]
    digits = max(decimals(q.value) for q in quarters.values())
    terms = " + ".join(f"{k} {shown(q.value)}" for k, q in quarters.items())
    summed = f"{terms} = {show(total, digits)}" + ("" if split else " (not all quarters printed)")
    shape = (f"read as cumulative they end at {shown(last.value)} (TW4), not at it either" if cumulative
             else "and they decrease, so they are not cumulative either")
    message = (
        f"quarterly targets of \"{target.indicator}\" {target.year}: {summed}, not the annual target"
        f" {shown(target.value)}; {shape}"
        f" (quarters at {places(q.value for q in copies)}; annual at {places(a.value for a in annual)})"
    )
    return Finding(code=CODE, severity="info", message=message, subject=target.indicator,
                   expected=number(target.value), reported=total if split else number(last.value),
                   evidence=evidence([q.value for q in copies] + [a.value for a in annual]))
