"""Persen realisasi recomputed as realisasi / anggaran x 100 from the same row; a percentage
within PERCENT_SLIP points of it is a slip in its last digit, not a finding."""

from typing import Iterable

from kinerja.schema import BudgetValue, Extraction, Finding

from ..budget_rows import bases, figures, rows
from ..evidence import evidence, place
from ..labels import when
from ..numbers import agrees, close_percent, decimals, number, show, shown

CODE = "budget-percent-mismatch"


def check(ex: Extraction) -> Iterable[Finding]:
    for row in rows(ex.budgets):
        for pct in (b for b in row if b.measure == "persen_realisasi"):
            reals, allocs = figures(row, "realisasi", pct), bases(row, pct)
            reals = [r for r in reals if r is not pct]
            if not reals or not allocs:
                continue
            if any(agrees(pct.value, _ratio(r, a)) or close_percent(pct.value, _ratio(r, a))
                   for r in reals for a in allocs):
                continue
            yield _finding(pct, reals[0], allocs[0])


def _ratio(r: BudgetValue, a: BudgetValue) -> float:
    return number(r.value) / number(a.value) * 100


def _finding(pct: BudgetValue, r: BudgetValue, a: BudgetValue) -> Finding:
    expected = _ratio(r, a)
    message = (
        f"persen realisasi {shown(pct.value)} printed; realisasi {shown(r.value)} / {a.measure}"
        f" {shown(a.value)} = {show(expected, max(decimals(pct.value), 2))}"
        f" (\"{pct.item}\", {when(pct)}; at {place(pct.value.provenance)})"
    )
    return Finding(code=CODE, severity="warning", message=message, subject=pct.item,
                   expected=round(expected, 6), reported=number(pct.value),
                   evidence=evidence([pct.value, r.value, a.value]))
