"""Selisih (bertambah/berkurang) recomputed as anggaran sesudah - anggaran sebelum, same row.

A document that prints the change without a sign ("Bertambah/Berkurang" as a magnitude) agrees
when the magnitude agrees; a printed sign must be the right one."""

import re
from typing import Iterable

from kinerja.schema import BudgetValue, Extraction, Finding

from ..budget_rows import figures, rows
from ..evidence import evidence, place
from ..labels import when
from ..numbers import agrees, decimals, number, show, shown

CODE = "budget-selisih-mismatch"
_SIGN = re.compile(r"[-(\u2212]")


def check(ex: Extraction) -> Iterable[Finding]:
    for row in rows(ex.budgets):
        for diff in (b for b in row if b.measure == "selisih"):
            before = figures(row, "anggaran_sebelum", diff)
            after = figures(row, "anggaran_sesudah", diff)
            if not before or not after:
                continue
            if any(_fits(diff, _change(b, a)) for b in before for a in after):
                continue
            yield _finding(diff, before[0], after[0])


def _change(before: BudgetValue, after: BudgetValue) -> float:
    return number(after.value) - number(before.value)


def _fits(diff: BudgetValue, expected: float) -> bool:
    if agrees(diff.value, expected):
        return True
    unsigned = not _SIGN.search(diff.value.raw)
    return unsigned and agrees(diff.value, abs(expected))


def _finding(diff: BudgetValue, before: BudgetValue, after: BudgetValue) -> Finding:
    expected = _change(before, after)
    message = (
        f"selisih {shown(diff.value)} printed; sesudah {shown(after.value)} - sebelum"
        f" {shown(before.value)} = {show(expected, decimals(diff.value))} (\"{diff.item}\", {when(diff)};"
        f" at {place(diff.value.provenance)})"
    )
    return Finding(code=CODE, severity="warning", message=message, subject=diff.item,
                   expected=round(expected, 6), reported=number(diff.value),
                   evidence=evidence([diff.value, before.value, after.value]))
