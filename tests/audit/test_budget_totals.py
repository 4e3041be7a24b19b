"""budget-total-mismatch: a total row against its programs; a coded row against its code's rows."""

from kinerja.audit.rules import budget_totals

from .build import ambiguous, at, bud, extraction

PROGRAMS = [("1.1", 10_979_407_368.0), ("1.2", 5_733_449_100.0), ("1.3", 5_753_235_900.0)]


def table(total: float, programs=PROGRAMS, measure="anggaran_sebelum"):
    rows = [bud(f"Program {c}", measure, f"{v:,.2f}", v, at(line=500 + i, table=2, row=i), code=c)
            for i, (c, v) in enumerate(programs)]
    rows.append(bud("Total Anggaran", measure, f"{total:,.2f}", total,
                    at(line=540, table=2, row=len(programs)), level="total"))
    return rows


def test_a_total_equal_to_the_sum_of_its_programs_is_not_flagged():
    assert list(budget_totals.check(extraction(budgets=table(22_466_092_368.0)))) == []


def test_a_total_that_is_not_the_sum_of_its_programs_is_flagged():
    (f,) = budget_totals.check(extraction(budgets=table(22_466_092_000.0)))
    assert f.code == "budget-total-mismatch" and f.subject == "Total Anggaran"
    assert f.expected == 22_466_092_368.0 and f.reported == 22_466_092_000.0
    assert "3 program rows sum to 22,466,092,368.00" in f.message
    assert len(f.evidence) == 4


def test_a_program_is_checked_against_the_kegiatan_its_code_prefixes():
    rows = [
        bud("Program Aplikasi", "anggaran", "5,753,235,900", 5_753_235_900.0, at(line=531, table=2, row=10), code="1.3"),
        bud("Kegiatan Domain", "anggaran", "367,920,000", 367_920_000.0, at(line=532, table=2, row=11),
            level="kegiatan", code="1.3.1"),
        bud("Kegiatan e-gov", "anggaran", "5,385,315,000", 5_385_315_000.0, at(line=533, table=2, row=12),
            level="kegiatan", code="1.3.2"),
    ]
    (f,) = budget_totals.check(extraction(budgets=rows))
    assert f.subject == "Program Aplikasi" and f.expected == 5_753_235_000.0
    assert "rows coded 1.3.*" in f.message


def test_nested_nomenclature_codes_sum_each_level_to_its_nearest_parent():
    rows = [
        bud("Program", "anggaran", "300", 300.0, at(table=1, row=0), code="2.16.02"),
        bud("Kegiatan", "anggaran", "300", 300.0, at(table=1, row=1), level="kegiatan", code="2.16.02.1.01"),
        bud("Sub A", "anggaran", "100", 100.0, at(table=1, row=2), level="sub_kegiatan", code="2.16.02.1.01.0001"),
        bud("Sub B", "anggaran", "200", 200.0, at(table=1, row=3), level="sub_kegiatan", code="2.16.02.1.01.0002"),
    ]
    assert list(budget_totals.check(extraction(budgets=rows))) == []


def test_rows_of_other_tables_or_measures_are_not_summed():
    rows = table(22_466_092_368.0) + table(1.0, measure="realisasi")[:-1] + [
        bud("Program 9", "anggaran_sebelum", "5", 5.0, at(line=900, table=7, row=0))]
    assert list(budget_totals.check(extraction(budgets=rows))) == []


def test_a_table_with_several_subtotals_is_not_summed_blindly():
    rows = table(22_466_092_368.0)
    rows.append(bud("Subtotal", "anggaran_sebelum", "1", 1.0, at(line=541, table=2, row=9), level="total"))
    assert list(budget_totals.check(extraction(budgets=rows))) == []


def test_a_table_with_an_amount_left_unread_is_not_summed():
    rows = table(22_466_092_368.0)
    rows[1] = rows[1].model_copy(update={"value": ambiguous("5.733.449. 100", [], at(line=501, table=2, row=1))})
    rows[-1] = bud("Total Anggaran", "anggaran_sebelum", "1", 1.0, at(line=540, table=2, row=3), level="total")
    assert list(budget_totals.check(extraction(budgets=rows))) == []


def test_a_mismatch_names_the_rows_between_its_parts_that_gave_no_amount():
    rows = table(22_466_092_368.0)
    del rows[1]  # the second program's amount was not read at all
    (f,) = budget_totals.check(extraction(budgets=rows))
    assert f.message.endswith("(no amount read from row 1)")
