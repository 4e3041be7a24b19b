"""kinerja.audit: recalculation and consistency checks on an Extraction.

Reads only an Extraction (kinerja.schema); never the Document, the parsers or the extractors.
Each rule is one module with a stable ``CODE`` and ``check(ex) -> Iterable[Finding]``; every
finding names the figures involved and carries the provenance of each.

- capaian: capaian vs realisasi / target x 100 (or the inverse, for lower-is-better indicators)
- budget_percent, budget_sisa, budget_selisih: persen realisasi, sisa and selisih of a budget row
- budget_totals: a total row vs its programs, a coded row vs the rows its code prefixes
- triwulan: quarterly targets vs the annual target (info)
- conflicts: two values for one indicator or item, year, period and measure
- ambiguous, repaired: numbers read with doubt (info)

``run_checks(ex)`` runs every rule of ``RULES`` (code -> check) and returns the findings.
Severity: "warning" for a figure that does not recompute or that another printing contradicts;
"info" for what an auditor should look at without it being wrong (quarterly plans that neither
split nor build up to the annual target, a PK revision, numbers read with doubt). Recomputed
figures agree when rounding or truncating them to the printed precision gives the printed figure.
"""

from typing import Callable, Iterable

from kinerja.schema import Extraction, Finding

from . import (
    ambiguous,
    budget_percent,
    budget_selisih,
    budget_sisa,
    budget_totals,
    capaian,
    conflicts,
    repaired,
    triwulan,
)

Check = Callable[[Extraction], Iterable[Finding]]
RULES: dict[str, Check] = {
    m.CODE: m.check
    for m in (capaian, budget_percent, budget_sisa, budget_selisih, budget_totals, triwulan,
              conflicts, ambiguous, repaired)
}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def run_checks(ex: Extraction, rules: Iterable[str] | None = None) -> list[Finding]:
    """The findings of every rule (or of the named ones), errors and warnings first."""
    chosen = RULES if rules is None else {code: RULES[code] for code in rules}
    findings = [f for check in chosen.values() for f in check(ex)]
    return sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])


__all__ = ["RULES", "run_checks"]
