"""run_checks and the RULES registry: every rule a module with a stable code."""

import importlib

from kinerja.audit import RULES, run_checks

from .build import at, bud, extraction, ind

EXPECTED_CODES = {
    "capaian-mismatch", "budget-percent-mismatch", "budget-sisa-mismatch", "budget-selisih-mismatch",
    "budget-total-mismatch", "triwulan-target-mismatch", "conflicting-values", "ambiguous-number",
    "repaired-number", "unit-mismatch", "score-total-mismatch", "score-weight-mismatch",
}


def test_the_registry_holds_every_rule_under_its_stable_code():
    assert set(RULES) == EXPECTED_CODES


def test_each_rule_is_a_module_with_a_code_and_a_check():
    for code, check in RULES.items():
        module = importlib.import_module(check.__module__)
        assert module.CODE == code and module.check is check


def test_an_empty_extraction_has_no_findings():
    assert run_checks(extraction()) == []


def test_findings_come_warnings_first_then_info():
    where = at(line=10, table=1, row=0)
    ex = extraction(
        [ind("Indeks A", "target", "2.8", 2.8, at(line=1, table=0, row=0)),
         ind("Indeks A", "target", "1", 1.0, at(line=2, table=0, row=1), period="TW4"),
         ind("Indeks A", "target", "3.2", 3.2, at(line=40))],
        [bud("Total", "anggaran", "100", 100.0, where, level="total"),
         bud("Total", "realisasi", "50", 50.0, where, level="total"),
         bud("Total", "persen_realisasi", "50%", 50.0, where, level="total", kind="percent")])
    findings = run_checks(ex)
    assert [f.code for f in findings] == ["conflicting-values", "triwulan-target-mismatch"]


def test_run_checks_can_run_only_the_named_rules():
    ex = extraction([ind("Indeks A", "target", "2.8", 2.8, at(line=1)),
                     ind("Indeks A", "target", "3.2", 3.2, at(line=40))])
    assert run_checks(ex, rules=["capaian-mismatch"]) == []
    assert len(run_checks(ex, rules=["conflicting-values"])) == 1
