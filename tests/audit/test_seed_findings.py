"""The checks on a real LKjIP: the inconsistencies a human auditor found are found.

../shared/corpus/gold/lkjip-2024-diskominfo-prov-babel.findings.md lists 15 findings. Each case
below is one of them (numbered as there) that an Extraction can show. Not checkable from an
Extraction, so not here: #4 and the second half of #6 (a "peningkatan sebesar 0.97%" that is an
absolute difference, a "kenaikan 170%" that is a ratio: the schema has no measure for a claimed
change), #15 (a table cited under the wrong number: captions are not in the Extraction) and the
second half of #14 (the "0.98% efisiensi" of the total row is not extracted as a sisa).
"""

from pathlib import Path

import pytest

from kinerja.audit import run_checks
from kinerja.pipeline import extract_file

from ..conftest import CORPUS

SEED = CORPUS / "lkjip-2024-diskominfo-prov-babel.txt"
SPBE, KAMI, LAJU = "Kebijakan Internal SPBE", "(KAMI)", "Laju pemanfaatan data sektoral"


@pytest.fixture(scope="module")
def findings():
    return run_checks(extract_file(Path(SEED)))


def found(findings, code, subject, a=None, b=None, period=None, year=None):
    """Findings of `code` about `subject` naming values a and b (either way round)."""
    out = []
    for f in findings:
        if f.code != code or subject.casefold() not in (f.subject or "").casefold():
            continue
        if a is not None and {f.expected, f.reported} != {a, b}:
            continue
        if period and f" {period} of" not in f.message or year and f" {year}" not in f.message:
            continue
        out.append(f)
    return out


# (human finding number, rule code, subject, value a, value b, period, year)
HUMAN = [
    ("1 target 2024 2.8 vs 3.2", "conflicting-values", SPBE, 2.8, 3.2, None, 2024),
    ("1 target 2024 2.8 vs 4.11", "conflicting-values", SPBE, 2.8, 4.11, None, 2024),
    ("2 target 2023 2.7 vs 3.14", "conflicting-values", SPBE, 2.7, 3.14, None, 2023),
    ("3 capaian 2024 146.79 vs 128.44", "conflicting-values", SPBE, 146.79, 128.44, None, 2024),
    ("5 realisasi 2024 3.6 vs 3.4", "conflicting-values", KAMI, 3.6, 3.4, None, 2024),
    ("5 realisasi 2024 3.6 vs 3", "conflicting-values", KAMI, 3.6, 3.0, None, 2024),
    ("6 realisasi 2023 2 vs 2.85", "conflicting-values", KAMI, 2.0, 2.85, None, 2023),
    ("7 target 2023 3 vs 2.8", "conflicting-values", KAMI, 3.0, 2.8, None, 2023),
    ("7 target 2024 3 vs 3.6", "conflicting-values", KAMI, 3.0, 3.6, None, 2024),
    ("7 target 2026 4 vs 100", "conflicting-values", KAMI, 4.0, 100.0, None, 2026),
    ("8 quarters 2.7 vs annual 2.8", "triwulan-target-mismatch", SPBE, 2.8, 2.7, None, 2024),
    ("9 target TW4 3 vs 25", "conflicting-values", KAMI, 3.0, 25.0, "TW4", 2024),
    ("9 quarters 5/15/20/25 vs annual 3", "triwulan-target-mismatch", KAMI, 3.0, 65.0, None, 2024),
    ("10 target TW2 20 vs 15", "conflicting-values", LAJU, 20.0, 15.0, "TW2", 2024),
    ("10 target TW3 30 vs 20", "conflicting-values", LAJU, 30.0, 20.0, "TW3", 2024),
    ("10 target TW4 10 vs 30", "conflicting-values", LAJU, 10.0, 30.0, "TW4", 2024),
    ("11 capaian 2023 100 vs 55", "conflicting-values", LAJU, 100.0, 55.0, None, 2023),
    ("11 capaian 2023 100 vs 80", "conflicting-values", LAJU, 100.0, 80.0, None, 2023),
    ("12 Nilai RB target 2024 83 vs 65", "conflicting-values", "Nilai RB", 83.0, 65.0, None, 2024),
    ("13 anggaran 5,753,235,900 vs 5,753,235,000", "conflicting-values", "Aplikasi Informatika",
     5753235900.0, 5753235000.0, None, 2024),
    ("13 anggaran 4,894,283,600 vs 5,894,283,600", "conflicting-values", "Aplikasi Informatika",
     4894283600.0, 5894283600.0, None, 2024),
    ("14 total 99.02 printed, 98.83 recomputed", "budget-percent-mismatch", "Total", None, None, None, 2024),
]


@pytest.mark.parametrize("case", HUMAN, ids=[h[0] for h in HUMAN])
def test_a_human_finding_is_found(findings, case):
    _, code, subject, a, b, period, year = case
    assert found(findings, code, subject, a, b, period, year), f"not found: {case[0]}"


def test_a_capaian_that_follows_from_a_differing_realisasi_is_said_on_the_realisasi(findings):
    # finding 5: realisasi 3.6 against 3.4, and so capaian 120 against 113.33: one inconsistency
    (f,) = found(findings, "conflicting-values", KAMI, 3.6, 3.4, None, 2024)
    assert "accordingly capaian 120.00 and 113.33" in f.message
    assert not found(findings, "conflicting-values", KAMI, 120.0, 113.33, None, 2024)


def test_the_total_percentage_is_recomputed_from_the_printed_amounts(findings):
    (f,) = found(findings, "budget-percent-mismatch", "Total")
    assert f.reported == 99.02 and round(f.expected, 2) == 98.83
    assert "realisasi 10,074,555,644 / anggaran 10,193,879,100 = 98.83" in f.message


def test_a_conflict_carries_the_lines_of_both_printings(findings):
    (f,) = found(findings, "conflicting-values", SPBE, 146.79, 128.44, None, 2024)
    lines = {p.line_start for p in f.evidence}
    assert {40, 715, 943} <= lines


def test_budget_tables_whose_sums_agree_raise_nothing(findings):
    # the structure table's programs, kegiatan, totals and changes all add up in this document
    assert found(findings, "budget-total-mismatch", "") == []
    assert found(findings, "budget-selisih-mismatch", "") == []
    assert found(findings, "budget-sisa-mismatch", "") == []
