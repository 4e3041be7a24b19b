"""budget-sisa-mismatch: sisa recomputed as anggaran - realisasi (or 100 - % for a percent sisa)."""

from kinerja.audit.rules import budget_sisa

from .build import at, bud, extraction

ITEM = "Meningkatnya Pemanfaatan Teknologi Informasi"


def row(sisa_raw: str, sisa: float, kind: str = "money"):
    where = at(line=931, table=12, row=0)
    return [
        bud(ITEM, "anggaran", "9,961,858,400", 9961858400.0, where, level="sasaran"),
        bud(ITEM, "realisasi", "9,844,704,641", 9844704641.0, where, level="sasaran"),
        bud(ITEM, "sisa", sisa_raw, sisa, where, level="sasaran", kind=kind),
    ]


def test_a_remainder_that_agrees_is_not_flagged():
    assert list(budget_sisa.check(extraction(budgets=row("117,153,759.00", 117153759.0)))) == []


def test_a_wrong_remainder_is_flagged():
    (f,) = budget_sisa.check(extraction(budgets=row("117,153,000.00", 117153000.0)))
    assert f.code == "budget-sisa-mismatch" and f.expected == 117153759.0
    assert "anggaran 9,961,858,400 - realisasi 9,844,704,641 = 117,153,759.00" in f.message


def test_a_remainder_printed_as_a_percentage_is_recomputed_as_a_percentage():
    assert list(budget_sisa.check(extraction(budgets=row("1.18%", 1.18, kind="percent")))) == []


def test_a_wrong_percentage_remainder_is_flagged():
    (f,) = budget_sisa.check(extraction(budgets=row("0.98%", 0.98, kind="percent")))
    assert abs(f.expected - 1.176) < 1e-3 and f.reported == 0.98
