"""Sisa (remainder, efisiensi) recomputed as anggaran - realisasi from the same row; a sisa
printed as a percentage is recomputed as 100 - realisasi / anggaran x 100."""

from typing import Iterable

from kinerja.schema import BudgetValue, Extraction, Finding

from ..budget_rows import bases, figures, is_percent, rows
from ..evidence import evidence, place
from ..labels import when
from ..numbers import agrees, decimals, number, show, shown

CODE = "budget-sisa-mismatch"


def check(ex: Extraction) -> Iterable[Finding]:
    for row in rows(ex.budgets):
        for sisa in (b for b in row if b.measure == "sisa"):
            reals, allocs = figures(row, "realisasi", sisa), bases(row, sisa)
            if not reals or not allocs:
                continue
            if any(agrees(sisa.value, _expected(sisa, r, a)) for r in reals for a in allocs):
                continue
            yield _finding(sisa, reals[0], allocs[0])


def _expected(sisa: BudgetValue, r: BudgetValue, a: BudgetValue) -> float:
    real, alloc = number(r.value), number(a.value)
    return 100 - real / alloc * 100 if is_percent(sisa) else alloc - real


def _finding(sisa: BudgetValue, r: BudgetValue, a: BudgetValue) -> Finding:
    expected = _expected(sisa, r, a)
    formula = (f"100 - realisasi {shown(r.value)} / {a.measure} {shown(a.value)} x 100"
               if is_percent(sisa) else f"{a.measure} {shown(a.value)} - realisasi {shown(r.value)}")
    message = (
        f"sisa {shown(sisa.value)} printed; {formula} = {show(expected, max(decimals(sisa.value), 2))}"
        f" (\"{sisa.item}\", {when(sisa)}; at {place(sisa.value.provenance)})"
    )
    return Finding(code=CODE, severity="warning", message=message, subject=sisa.item,
                   expected=round(expected, 6), reported=number(sisa.value),
                   evidence=evidence([sisa.value, r.value, a.value]))
