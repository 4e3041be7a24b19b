"""capaian-mismatch: capaian recomputed as realisasi / target x 100 from the nearest figures."""

from kinerja.audit.rules import capaian
from kinerja.schema import CapaianFormula

from .build import ambiguous, at, extraction, ind

SPBE = "Indeks Domain Kebijakan Internal SPBE"


def row(capaian_raw: str, capaian_value: float, target=("2.80", 2.8), realisasi=("4.11", 4.11),
        name=SPBE, table=3, r=0):
    where = at(line=680, table=table, row=r)
    return [
        ind(name, "target", target[0], target[1], where),
        ind(name, "realisasi", realisasi[0], realisasi[1], where),
        ind(name, "capaian", capaian_raw, capaian_value, where),
    ]


def test_a_capaian_that_agrees_is_not_flagged():
    assert list(capaian.check(extraction(row("146.79", 146.79)))) == []


def test_a_capaian_rounded_to_its_printed_precision_is_not_flagged():
    assert list(capaian.check(extraction(row("147%", 147.0)))) == []


def test_a_capaian_truncated_to_its_printed_precision_is_not_flagged():
    assert list(capaian.check(extraction(row("146.78", 146.78)))) == []


def test_a_capaian_off_by_more_than_its_figures_printed_precision_is_flagged():
    # 4.11 / 2.80 may stand for 4.105 / 2.805 .. 4.115 / 2.795: 146.35 .. 147.23
    (f,) = capaian.check(extraction(row("147.5", 147.5)))
    assert f.expected is not None and abs(f.expected - 146.7857) < 1e-3


def test_a_capaian_computed_before_its_figures_were_rounded_is_not_flagged():
    # 0,34 / 0,53 is 64.15, but 0.3358 / 0.53 printed as 0,34 and 0,53 gives the printed 63,36
    assert list(capaian.check(extraction(row("63.36", 63.36, target=("0.53", 0.53), realisasi=("0.34", 0.34))))) == []


def test_a_lower_is_better_capaian_of_two_minus_the_ratio_is_not_flagged():
    # Permendagri 86/2017: (2 - 4.4 / 6) x 100 = 126.67
    assert list(capaian.check(extraction(row("126.7", 126.7, target=("6.000", 6.0), realisasi=("4.400", 4.4))))) == []


def test_a_contradicting_capaian_is_flagged_with_the_recomputation_and_all_three_places():
    (f,) = capaian.check(extraction(row("128.44", 128.44)))
    assert f.code == "capaian-mismatch" and f.subject == SPBE
    assert f.reported == 128.44
    assert "capaian 128.44 printed; realisasi 4.11 / target 2.80 = 146.79" in f.message
    assert len(f.evidence) == 1  # all three in one row: one place
    assert f.evidence[0].table == 3


def test_evidence_names_every_place_involved():
    cap = ind(SPBE, "capaian", "128.44%", 128.44, at(line=40))
    target = ind(SPBE, "target", "2.8", 2.8, at(line=478, table=0, row=0))
    real = ind(SPBE, "realisasi", "4.11", 4.11, at(line=681, table=3, row=0))
    (f,) = capaian.check(extraction([cap, target, real]))
    assert [p.line_start for p in f.evidence] == [40, 478, 681]


def test_prose_is_recomputed_from_the_figures_of_its_own_passage():
    # the passage says target 3.20, realisasi 4.11, capaian 128.44: consistent in itself; that a
    # table elsewhere prints another target is the conflicting-values rule's business
    prose = at(line=40)
    records = [
        ind(SPBE, "target", "3.20", 3.2, prose),
        ind(SPBE, "realisasi", "4.11", 4.11, prose),
        ind(SPBE, "capaian", "128.44%", 128.44, prose),
        *row("146.79", 146.79),
    ]
    assert list(capaian.check(extraction(records))) == []


def test_lower_is_better_indicators_fit_the_inverse_formula():
    records = row("125", 125.0, target=("10", 10.0), realisasi=("8", 8.0), name="Angka kemiskinan")
    assert list(capaian.check(extraction(records))) == []


def test_a_capaian_against_the_final_renstra_target_of_its_row_is_accepted():
    where = at(line=715, table=4, row=0)
    records = row("146.79", 146.79, table=4) + [
        ind(SPBE, "target", "3", 3.0, where, year=2026),
        ind(SPBE, "capaian", "137.00", 137.0, where),
    ]
    assert list(capaian.check(extraction(records))) == []


def test_figures_of_another_year_or_quarter_are_not_used():
    records = row("146.79", 146.79) + [
        ind(SPBE, "capaian", "116.30", 116.3, at(line=715, table=4, row=0), year=2023),
        ind(SPBE, "target", "10%", 10.0, at(line=1280, table=9, row=1), period="TW1"),
    ]
    assert list(capaian.check(extraction(records))) == []


def test_a_typo_in_the_indicator_name_still_finds_its_target():
    where = at(line=1129, table=7, row=0)
    records = [
        ind("Indeks Domian Kebijakan Internal SPBE", "target", "2,8", 2.8, where),
        ind(SPBE, "realisasi", "4.11", 4.11, where),
        ind(SPBE, "capaian", "120", 120.0, where),
    ]
    assert len(list(capaian.check(extraction(records)))) == 1


def test_an_ambiguous_figure_is_not_recomputed():
    where = at(line=680, table=3, row=0)
    records = row("146.79", 146.79)[:2] + [
        ind(SPBE, "capaian", "1.234", None, where).model_copy(
            update={"value": ambiguous("1.234", [(1234.0, "id"), (1.234, "en")], where)})
    ]
    assert list(capaian.check(extraction(records))) == []


def test_a_recomputation_many_times_off_the_printed_capaian_is_a_misread_note():
    # realisasi 464.971,75 orang over a target of 1 (a misread figure) against a printed 100 %
    (f,) = capaian.check(extraction(row("100", 100.0, target=("1", 1.0), realisasi=("464.971,75", 464971.75))))
    assert f.severity == "info"


def test_a_realisasi_printed_as_zero_does_not_let_any_capaian_fit():
    # 0,00 stands for -0.005 .. 0.005: target / realisasi over it spans everything
    (f,) = capaian.check(extraction(row("55", 55.0, target=("80", 80.0), realisasi=("0,00", 0.0))))
    assert f.code == "capaian-mismatch"


def _stating(ex, formula: str):
    ex.meta.capaian_formulas = [CapaianFormula(polarity="lower", formula=formula, raw="... rumus ...",
                                               provenance=at(line=300))]
    return ex


def test_where_the_document_states_its_lower_is_better_formula_another_one_is_flagged():
    # target / realisasi: 10 / 8 x 100 = 125, but the document says (2 - R/T) x 100: 120
    records = row("125", 125.0, target=("10", 10.0), realisasi=("8", 8.0), name="Angka kemiskinan")
    (f,) = capaian.check(_stating(extraction(records), "2-R/T"))
    assert "(2 - realisasi / target) x 100, stated at line 300, gives 120" in f.message
    assert 300 in [p.line_start for p in f.evidence]


def test_a_capaian_by_the_documents_own_formula_is_not_flagged():
    records = row("120", 120.0, target=("10", 10.0), realisasi=("8", 8.0), name="Angka kemiskinan")
    assert list(capaian.check(_stating(extraction(records), "2-R/T"))) == []
