"""Weighted-score totals: a total row of a weighted-score table (bobot, nilai, nilai x bobot)
against the sum of the rows it totals.

A total sums the components printed since the previous total; a total with no component of its
own right above it sums the subtotals before it ('Total Komponen Pengungkit', 'Total Komponen
Hasil', then 'Indeks RB (Pengungkit + Hasil)'), across the tables of one series (a form cut by a
page). A total is not checked for a measure some of its rows leave unprinted: a blank is no zero.
"""

from typing import Iterable

from kinerja.schema import Extraction, Finding

from ..evidence import evidence, place
from ..numbers import agrees_within, decimals, half_step, number, show, shown
from ..score_rows import Row, series_rows

CODE = "score-total-mismatch"
MIN_PARTS = 2  # a 'total' over one row is a heading repeated, not a sum


def check(ex: Extraction) -> Iterable[Finding]:
    for rows in series_rows(ex.scores):
        yield from _totals(rows)


def _totals(rows: list[Row]) -> Iterable[Finding]:
    pending: list[Row] = []    # components since the last total
    subtotals: list[Row] = []  # totals not yet summed by a total of their own
    for row in rows:
        if row.level == "component":
            pending.append(row)
            continue
        if pending:
            parts, pending = pending, []
        elif len(subtotals) >= MIN_PARTS:
            parts, subtotals = subtotals, []
        else:
            subtotals.append(row)
            continue
        if len(parts) >= MIN_PARTS:
            yield from _summed(row, parts)
        subtotals.append(row)


def _summed(total: Row, parts: list[Row]) -> Iterable[Finding]:
    for key, printed in total.values.items():
        if number(printed.value) is None:
            continue
        values = [p.values.get(key) for p in parts]
        if any(v is None or number(v.value) is None for v in values):
            continue  # a row leaves it blank or unread: no sum to trust
        low = sum(number(v.value) - half_step(v.value) for v in values)
        high = sum(number(v.value) + half_step(v.value) for v in values)
        if agrees_within(printed.value, low, high):
            continue
        measure, year = key
        expected = sum(number(v.value) for v in values)
        label = measure.replace("_", " ") + (f" {year}" if year is not None else "")
        yield Finding(
            code=CODE, severity="warning", subject=printed.item,
            message=(f'{label} of "{printed.item}" is {shown(printed.value)} at {place(printed.value.provenance)}, '
                     f"but its {len(values)} rows sum to {show(expected, max(decimals(v.value) for v in values))}"),
            expected=expected, reported=number(printed.value),
            evidence=evidence([printed.value, *(v.value for v in values)]))
