"""kinerja.audit: recalculation and consistency checks on an Extraction.

Reads only an Extraction (kinerja.schema); never the Document, the parsers or the extractors.
Each rule is one module with a stable ``CODE`` and ``check(ex) -> Iterable[Finding]``; every
finding names the figures involved and carries the provenance of each.

- capaian: capaian vs realisasi / target x 100 (or the inverse, for lower-is-better indicators)
- budget_percent, budget_sisa, budget_selisih: persen realisasi, sisa and selisih of a budget row
- budget_totals: a total row vs its programs, a coded row vs the rows its code prefixes
- score_totals, score_weights: a weighted-score table's totals vs its rows, nilai x bobot vs nilai times bobot
- triwulan: quarterly targets vs the annual target (info)
- conflicts: two values for one indicator or item, year, period and measure
- units: one indicator printed in two units (info)
- ambiguous, repaired: numbers read with doubt (info)

Checks rest on values read with confidence: the rules that recompute or compare see only values
of confidence >= DOUBTFUL_CONFIDENCE (schema.records), those that list doubtful reads
(``DOUBTS = True`` in their module) see all. A rule raising a storm of warnings from one table
gets one 'doubtful-table' note instead (storms.py); conflicts between two places that otherwise
agree (agreement.py) are listed up to a higher limit.

Rules live in ``audit/rules/`` (one module each); the modules beside them say how figures and
names are compared (numbers, names, units, scopes, budget_rows) and how findings cite what they
rest on (evidence, labels). ``run_checks(ex)`` runs every rule of ``RULES`` (code -> check) and
returns the findings; ``audit(ex)`` does the same for the pipeline, a rule that crashes becoming
a typed error on that rule while the other rules' findings stand.
Severity: "warning" for a figure that does not recompute or that another printing contradicts;
"info" for what an auditor should look at without it being wrong (quarterly plans that neither
split nor build up to the annual target, a PK revision, numbers read with doubt). Recomputed
figures agree when rounding or truncating them to the printed precision gives the printed figure.
"""

from dataclasses import dataclass, field
from typing import Iterable

from kinerja.schema import Extraction, Finding, StageError
from kinerja.schema.records import DOUBTFUL_CONFIDENCE

from . import storms
from .agreement import read_right
from .rules import DOUBT_RULES, RULES


SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass
class AuditResult:
    findings: list[Finding] = field(default_factory=list)
    failures: list[StageError] = field(default_factory=list)  # one per rule that crashed


def run_checks(ex: Extraction, rules: Iterable[str] | None = None) -> list[Finding]:
    """The findings of every rule (or of the named ones), errors and warnings first."""
    chosen, trusted = _chosen(rules), _trusted(ex)
    found = [f for code, check in chosen.items() for f in check(ex if code in DOUBT_RULES else trusted)]
    return _ordered(_weighed(ex, storms.contain(found, frozenset(read_right(trusted, found)))))


def audit(ex: Extraction, rules: Iterable[str] | None = None) -> AuditResult:
    """run_checks, each rule on its own: a rule that raises gives a StageError naming it and
    no findings; the others' findings stand."""
    result, trusted = AuditResult(), _trusted(ex)
    for code, check in _chosen(rules).items():
        try:
            result.findings += list(check(ex if code in DOUBT_RULES else trusted))
        except Exception as exc:  # noqa: BLE001 - one broken rule must not cost the file its records
            result.failures.append(StageError(stage="audit", error=type(exc).__name__,
                                              message=f"rule {code}: {exc}"))
    try:
        agreed = frozenset(read_right(trusted, result.findings))
    except Exception as exc:  # noqa: BLE001 - without it, storms are held at the stricter limit
        agreed = frozenset()
        result.failures.append(StageError(stage="audit", error=type(exc).__name__,
                                          message=f"agreement: {exc}"))
    result.findings = _ordered(_weighed(ex, storms.contain(result.findings, agreed)))
    return result


def _weighed(ex: Extraction, findings: list[Finding]) -> list[Finding]:
    """Each finding's confidence: the least of the values its evidence points at."""
    trust: dict[str, float] = {}
    for r in [*ex.indicators, *ex.budgets, *ex.scores]:
        if r.value.provenance is not None:
            key = r.value.provenance.model_dump_json()
            trust[key] = min(trust.get(key, 1.0), r.confidence)
    for f in findings:
        f.confidence = min((trust.get(e.model_dump_json(), 1.0) for e in f.evidence), default=1.0)
    return findings


def _trusted(ex: Extraction) -> Extraction:
    """The extraction without its doubtful reads."""
    return ex.model_copy(update={
        "indicators": [r for r in ex.indicators if r.confidence >= DOUBTFUL_CONFIDENCE],
        "budgets": [r for r in ex.budgets if r.confidence >= DOUBTFUL_CONFIDENCE],
        "scores": [r for r in ex.scores if r.confidence >= DOUBTFUL_CONFIDENCE]})


def _chosen(rules: Iterable[str] | None) -> dict:
    return RULES if rules is None else {code: RULES[code] for code in rules}


def _ordered(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])


__all__ = ["RULES", "AuditResult", "audit", "run_checks"]
