"""The audit rules, one module each with a stable ``CODE`` and ``check(ex) -> Iterable[Finding]``."""

from typing import Callable, Iterable

from kinerja.schema import Extraction, Finding

from . import (
    ambiguous, budget_percent, budget_selisih, budget_sisa, budget_totals, capaian, conflicts,
    repaired, score_totals, score_weights, triwulan, units,
)

Check = Callable[[Extraction], Iterable[Finding]]
RULES: dict[str, Check] = {
    m.CODE: m.check
    for m in (capaian, budget_percent, budget_sisa, budget_selisih, budget_totals, score_totals,
              score_weights, triwulan, conflicts, units, ambiguous, repaired)
}
# the rules that list doubtful reads: they see every value, the others only trusted ones
DOUBT_RULES = {m.CODE for m in (ambiguous, repaired)}
