"""budget-selisih-mismatch: selisih recomputed as anggaran sesudah - anggaran sebelum."""

from kinerja.audit.rules import budget_selisih

from .build import at, bud, extraction

ITEM = "PROGRAM PENGELOLAAN APLIKASI INFORMATIKA"


def row(raw: str, change: float):
    where = at(line=535, table=2, row=11)
    return [
        bud(ITEM, "anggaran_sebelum", "5,753,235,900.00", 5753235900.0, where, code="1.3"),
        bud(ITEM, "anggaran_sesudah", "4,894,283,600.00", 4894283600.0, where, code="1.3"),
        bud(ITEM, "selisih", raw, change, where, code="1.3"),
    ]


def test_a_decrease_printed_in_brackets_agrees():
    assert list(budget_selisih.check(extraction(budgets=row("(858,952,300.00)", -858952300.0)))) == []


def test_a_change_printed_without_a_sign_agrees_by_magnitude():
    assert list(budget_selisih.check(extraction(budgets=row("858,952,300.00", 858952300.0)))) == []


def test_a_printed_decrease_where_the_allocation_grew_is_flagged():
    where = at(line=536, table=2, row=12)
    rows = [
        bud("Kegiatan X", "anggaran_sebelum", "4,894,283,600.00", 4894283600.0, where),
        bud("Kegiatan X", "anggaran_sesudah", "5,753,235,900.00", 5753235900.0, where),
        bud("Kegiatan X", "selisih", "(858,952,300.00)", -858952300.0, where),
    ]
    (f,) = budget_selisih.check(extraction(budgets=rows))
    assert f.expected == 858952300.0


def test_a_wrong_change_is_flagged():
    (f,) = budget_selisih.check(extraction(budgets=row("(858,000,000.00)", -858000000.0)))
    assert f.code == "budget-selisih-mismatch" and f.reported == -858000000.0
    assert "sesudah 4,894,283,600.00 - sebelum 5,753,235,900.00 = -858,952,300.00" in f.message
