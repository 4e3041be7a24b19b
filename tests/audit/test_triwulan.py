"""triwulan-target-mismatch: quarterly targets split or build up to the annual target."""

from kinerja.audit.rules import triwulan

from .build import at, extraction, ind

SPBE = "Indeks Domain Kebijakan Internal SPBE"


def pk_table(annual: tuple[str, float], quarters: dict, name=SPBE, table=4):
    rows = [ind(name, "target", annual[0], annual[1], at(line=547, table=table, row=0))]
    rows += [ind(name, "target", raw, v, at(line=547 + i, table=table, row=i), period=tw)
             for i, (tw, (raw, v)) in enumerate(quarters.items(), start=1)]
    return rows


def test_quarters_that_sum_to_the_annual_target_are_not_flagged():
    q = {"TW1": ("0.5", 0.5), "TW2": ("0.6", 0.6), "TW3": ("0.7", 0.7), "TW4": ("1.0", 1.0)}
    assert list(triwulan.check(extraction(pk_table(("2.8", 2.8), q)))) == []


def test_cumulative_quarters_ending_at_the_annual_target_are_not_flagged():
    q = {"TW1": ("10", 10.0), "TW2": ("30", 30.0), "TW3": ("50", 50.0), "TW4": ("70", 70.0)}
    assert list(triwulan.check(extraction(pk_table(("70", 70.0), q)))) == []


def test_a_single_last_quarter_equal_to_the_annual_target_is_not_flagged():
    q = {"TW4": ("3", 3.0)}
    assert list(triwulan.check(extraction(pk_table(("3", 3.0), q)))) == []


def test_quarters_that_neither_sum_nor_build_up_to_the_annual_target_are_an_info_finding():
    q = {"TW1": ("0.5", 0.5), "TW2": ("0.6", 0.6), "TW3": ("0.7", 0.7), "TW4": ("0.9", 0.9)}
    (f,) = triwulan.check(extraction(pk_table(("2.8", 2.8), q)))
    assert f.code == "triwulan-target-mismatch" and f.severity == "info"
    assert "TW1 0.5 + TW2 0.6 + TW3 0.7 + TW4 0.9 = 2.7, not the annual target 2.8" in f.message
    assert f.expected == 2.8 and abs(f.reported - 2.7) < 1e-9
    assert len(f.evidence) == 5


def test_the_annual_target_of_another_table_is_used_when_the_quarters_table_has_none():
    q = {"TW1": ("5", 5.0), "TW2": ("15", 15.0), "TW3": ("20", 20.0), "TW4": ("25", 25.0)}
    rows = pk_table(("3", 3.0), q, table=20)[1:]
    rows.append(ind(SPBE, "target", "3", 3.0, at(line=480, table=0, row=2)))
    (f,) = triwulan.check(extraction(rows))
    assert f.evidence[-1].table == 0


def test_quarters_without_an_annual_target_are_not_judged():
    q = {"TW1": ("5", 5.0), "TW4": ("25", 25.0)}
    assert list(triwulan.check(extraction(pk_table(("3", 3.0), q)[1:]))) == []


def test_the_same_quarters_repeated_in_a_pk_and_its_revisions_give_one_finding():
    q = {"TW1": ("0.5", 0.5), "TW2": ("0.6", 0.6), "TW3": ("0.7", 0.7), "TW4": ("0.9", 0.9)}
    rows = pk_table(("2.8", 2.8), q, table=11) + pk_table(("2.8", 2.8), q, table=13)
    (f,) = triwulan.check(extraction(rows))
    assert {p.table for p in f.evidence} == {11, 13}
