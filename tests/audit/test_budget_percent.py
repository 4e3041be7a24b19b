"""budget-percent-mismatch: persen realisasi recomputed as realisasi / anggaran x 100, same row."""

from kinerja.audit.rules import budget_percent

from .build import at, bud, extraction

TOTAL = "Total Belanja Langsung"


def total_row(percent_raw: str, percent: float, base_measure: str = "anggaran"):
    where = at(line=934, table=12, row=3)
    return [
        bud(TOTAL, base_measure, "10.193.879.100", 10193879100.0, where, level="total"),
        bud(TOTAL, "realisasi", "10.074.555.644", 10074555644.0, where, level="total"),
        bud(TOTAL, "persen_realisasi", percent_raw, percent, where, level="total", kind="percent"),
    ]


def test_a_percentage_that_agrees_is_not_flagged():
    assert list(budget_percent.check(extraction(budgets=total_row("98.83%", 98.83)))) == []


def test_a_percentage_rounded_to_a_whole_number_is_not_flagged():
    assert list(budget_percent.check(extraction(budgets=total_row("99%", 99.0)))) == []


def test_a_wrong_percentage_is_flagged_with_the_recomputation():
    (f,) = budget_percent.check(extraction(budgets=total_row("99.02%", 99.02)))
    assert f.code == "budget-percent-mismatch" and f.subject == TOTAL
    assert f.reported == 99.02 and abs(f.expected - 98.8294) < 1e-3
    assert "persen realisasi 99.02 printed; realisasi 10,074,555,644 / anggaran 10,193,879,100 = 98.83" \
        in f.message


def test_the_revised_allocation_is_a_base_when_the_row_prints_no_plain_anggaran():
    assert list(budget_percent.check(extraction(budgets=total_row("98.83", 98.83, "anggaran_sesudah")))) == []


def test_figures_of_another_row_are_not_combined():
    rows = total_row("98.83%", 98.83)
    other = bud("Program X", "realisasi", "1", 1.0, at(line=935, table=12, row=4))
    assert list(budget_percent.check(extraction(budgets=rows + [other]))) == []


def test_a_quarterly_percentage_uses_the_quarters_realisasi_and_the_annual_anggaran():
    where = at(line=900, table=10, row=1)
    rows = [
        bud("Program X", "anggaran", "1.000.000", 1_000_000.0, where),
        bud("Program X", "realisasi", "250.000", 250_000.0, where, period="TW1"),
        bud("Program X", "persen_realisasi", "25%", 25.0, where, period="TW1", kind="percent"),
        bud("Program X", "realisasi", "900.000", 900_000.0, where),
    ]
    assert list(budget_percent.check(extraction(budgets=rows))) == []
