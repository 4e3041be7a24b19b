"""conflicting-values: two values for one indicator or item, year, period and measure."""

from kinerja.audit.rules import conflicts

from .build import at, bud, extraction, ind, part

SPBE = "Indeks Domain Kebijakan Internal SPBE"
KAMI = "Indeks Kematangan Keamanan Informasi (KAMI)"


def test_the_same_value_printed_in_several_tables_is_not_flagged():
    rows = [ind(SPBE, "target", raw, 2.8, at(line=line, table=t, row=0))
            for raw, line, t in [("2.8", 478, 0), ("2.80", 681, 3), ("2,8", 1129, 7)]]
    assert list(conflicts.check(extraction(rows))) == []


def test_two_targets_for_one_year_are_flagged_naming_both_values_and_places():
    rows = [
        ind(SPBE, "target", "2.8", 2.8, at(line=478, table=0, row=0)),
        ind(SPBE, "target", "2.80", 2.8, at(line=681, table=3, row=0)),
        ind(SPBE, "target", "3.20", 3.2, at(line=40)),
    ]
    (f,) = conflicts.check(extraction(rows))
    assert f.code == "conflicting-values" and f.severity == "warning"
    assert f.expected == 2.8 and f.reported == 3.2  # the more often printed value first
    assert f.message.startswith(f'target 2024 of "{SPBE}" printed as 2.8')
    assert "and as 3.20 (line 40)" in f.message
    assert [p.line_start for p in f.evidence] == [478, 681, 40]


def test_three_values_give_a_finding_per_pair():
    rows = [ind(SPBE, "target", raw, v, at(line=line)) for raw, v, line in
            [("2.8", 2.8, 478), ("3.2", 3.2, 40), ("4.11", 4.11, 1046)]]
    assert len(list(conflicts.check(extraction(rows)))) == 3


def test_a_typo_in_the_name_does_not_hide_a_conflict():
    rows = [ind(SPBE, "target", "2.8", 2.8, at(line=478)),
            ind("Indeks Domian Kebijakan Internal SPBE", "target", "3,2", 3.2, at(line=1284))]
    assert len(list(conflicts.check(extraction(rows)))) == 1


def test_an_acronym_form_of_the_name_is_the_same_indicator():
    rows = [ind(KAMI, "realisasi", "3.6", 3.6, at(line=686, table=3, row=2)),
            ind("Indeks KAMI", "realisasi", "3.4", 3.4, at(line=64))]
    assert len(list(conflicts.check(extraction(rows)))) == 1


def test_a_broader_indicator_whose_name_the_other_contains_is_a_different_indicator():
    rows = [ind(SPBE, "target", "2.8", 2.8, at(line=478)),
            ind("Indeks SPBE", "target", "3.5", 3.5, at(line=20))]
    assert list(conflicts.check(extraction(rows))) == []


def test_values_of_different_years_periods_or_measures_are_not_compared():
    rows = [ind(KAMI, "target", "3", 3.0, at(line=480)),
            ind(KAMI, "target", "2.8", 2.8, at(line=1048), year=2023),
            ind(KAMI, "target", "25", 25.0, at(line=1329), period="TW4"),
            ind(KAMI, "realisasi", "3.6", 3.6, at(line=686))]
    assert list(conflicts.check(extraction(rows))) == []


def test_a_capaian_printed_rounded_is_the_same_capaian():
    rows = [ind(SPBE, "capaian", "146.79", 146.79, at(line=715)),
            ind(SPBE, "capaian", "147%", 147.0, at(line=681))]
    assert list(conflicts.check(extraction(rows))) == []


def test_a_measured_value_printed_without_decimals_is_not_taken_for_a_rounding():
    rows = [ind(KAMI, "realisasi", "3.4", 3.4, at(line=64)),
            ind(KAMI, "realisasi", "3", 3.0, at(line=1325))]
    assert len(list(conflicts.check(extraction(rows)))) == 1


def test_a_pk_and_its_revision_allocating_different_budgets_is_only_an_info_finding():
    parts = [part(0, "LKjIP"), part(1, "PK"), part(2, "PK-perubahan")]
    rows = [bud("Program Pengelolaan Aplikasi Informatika", "anggaran", "Rp 5.753.235.900", 5753235900.0,
                at(line=1138), part=1),
            bud("Pengelolaan Aplikasi Informatika", "anggaran", "Rp 4.894.283.600", 4894283600.0,
                at(line=1231), part=2)]
    (f,) = conflicts.check(extraction(budgets=rows, parts=parts))
    assert f.severity == "info" and "one as the original (the PK), the other as the revision" in f.message


def test_a_pk_budget_against_a_report_table_that_does_not_say_when_is_only_an_info_finding():
    # a report's realisation table carries the budget after perubahan without saying so
    parts = [part(0, "LKjIP"), part(1, "PK")]
    rows = [bud("Kegiatan Penyelenggaraan Jalan Kabupaten/Kota", "anggaran", "90.318.323.000", 90318323000.0,
                at(line=100), part=1),
            bud("Kegiatan Penyelenggaraan Jalan Kabupaten/Kota", "anggaran", "89.983.973.000", 89983973000.0,
                at(line=900), part=0)]
    (f,) = conflicts.check(extraction(budgets=rows, parts=parts))
    assert f.severity == "info"


def test_a_pk_budget_one_digit_off_a_report_table_is_a_misprint_warning():
    parts = [part(0, "LKjIP"), part(1, "PK")]
    rows = [bud("Program Pengelolaan Aplikasi Informatika", "anggaran", "5.753.235.900", 5753235900.0,
                at(line=518), part=0),
            bud("Program Pengelolaan Aplikasi Informatika", "anggaran", "5.753.235.000", 5753235000.0,
                at(line=1138), part=1)]
    (f,) = conflicts.check(extraction(budgets=rows, parts=parts))
    assert f.severity == "warning" and "misprint" in f.message


def test_figures_one_digit_apart_are_flagged_as_a_likely_misprint_even_across_a_revision():
    parts = [part(0, "LKjIP"), part(2, "PK-perubahan")]
    rows = [bud("PROGRAM PENGELOLAAN APLIKASI INFORMATIKA", "anggaran_sesudah", "4,894,283,600.00",
                4894283600.0, at(line=518, table=2, row=11), part=0),
            bud("Pengelolaan Aplikasi Informatika", "anggaran", "Rp. 5.894.283.600,-", 5894283600.0,
                at(line=1231, table=9, row=1), part=2)]
    (f,) = conflicts.check(extraction(budgets=rows, parts=parts))
    assert "likely misprint" in f.message and f.subject == "PROGRAM PENGELOLAAN APLIKASI INFORMATIKA"


def test_different_budget_items_with_similar_names_are_not_compared():
    rows = [bud("Kegiatan Administrasi Keuangan Perangkat Daerah", "anggaran", "1", 1.0, at(line=1)),
            bud("Kegiatan Administrasi Umum Perangkat Daerah", "anggaran", "2", 2.0, at(line=2))]
    assert list(conflicts.check(extraction(budgets=rows))) == []


def test_qualitative_values_are_compared_as_words():
    rows = [ind("Predikat keterbukaan informasi", "realisasi", "Informatif", "Informatif", at(line=5),
                kind="qualitative"),
            ind("Predikat keterbukaan informasi", "realisasi", "INFORMATIF", "Informatif", at(line=9),
                kind="qualitative"),
            ind("Predikat keterbukaan informasi", "realisasi", "Menuju Informatif", "Menuju Informatif",
                at(line=30), kind="qualitative")]
    (f,) = conflicts.check(extraction(rows))
    assert "printed as 'Informatif'" in f.message and "'Menuju Informatif'" in f.message


def test_indicators_named_alike_in_different_units_are_different_indicators():
    rows = [ind("Jumlah Website Pemerintah daerah", "target", "100%", 100.0, at(line=246, table=1, row=0)),
            ind("Jumlah Website Pemerintah daerah yang dikelola", "target", "40 OPD", 40.0,
                at(line=250, table=1, row=4)).model_copy(update={"unit": "opd"})]
    assert list(conflicts.check(extraction(rows))) == []


def test_score_units_named_differently_are_one_unit():
    rows = [ind(KAMI, "target", "3", 3.0, at(line=480)).model_copy(update={"unit": "nilai"}),
            ind(KAMI, "target", "3.6", 3.6, at(line=1048)).model_copy(update={"unit": "indeks"})]
    assert len(list(conflicts.check(extraction(rows)))) == 1


def test_two_values_for_one_measure_in_one_row_are_a_misread_not_a_conflict():
    where = at(page=38, table=14, row=1)
    rows = [ind("Persentase pencari kerja bersertifikat", "target", raw, v, where, year=2017)
            for raw, v in [("0.14", 0.14), ("0.29", 0.29)]]
    assert list(conflicts.check(extraction(rows))) == []


def test_totals_of_different_tables_are_not_compared():
    rows = [bud("Jumlah", "anggaran", "23.972.036.198", 23972036198.0, at(page=3, table=1, row=4), level="total"),
            bud("Jumlah", "anggaran", "1.000.000", 1000000.0, at(page=9, table=5, row=7), level="total")]
    assert list(conflicts.check(extraction(budgets=rows))) == []


def test_a_revision_the_document_states_in_one_row_is_not_a_finding():
    row = at(line=518, table=2, row=12)
    rows = [bud("PROGRAM PENGELOLAAN APLIKASI INFORMATIKA", "anggaran_sebelum", "5,753,235,900.00",
                5753235900.0, row),
            bud("PROGRAM PENGELOLAAN APLIKASI INFORMATIKA", "anggaran_sesudah", "4,894,283,600.00",
                4894283600.0, row),
            bud("Pengelolaan Aplikasi Informatika", "anggaran", "Rp 5,753,235,900", 5753235900.0,
                at(line=564, table=3, row=1)),
            bud("Pengelolaan Aplikasi Informatika", "anggaran", "Rp 4,894,283,600", 4894283600.0,
                at(line=595, table=4, row=1))]
    assert list(conflicts.check(extraction(budgets=rows))) == []


def test_a_revision_beside_a_misprint_of_one_of_its_values_is_left_to_the_misprint():
    parts = [part(1, "PK"), part(2, "PK-perubahan")]
    rows = [bud("Program Aplikasi Informatika", "anggaran", raw, v, at(line=line), part=p)
            for raw, v, line, p in [("5.753.235.900", 5753235900.0, 564, 1),
                                    ("5.753.235.000", 5753235000.0, 1138, 1),
                                    ("4.894.283.600", 4894283600.0, 1231, 2)]]
    findings = list(conflicts.check(extraction(budgets=rows, parts=parts)))
    assert [f.severity for f in findings] == ["warning"]
    assert {findings[0].expected, findings[0].reported} == {5753235900.0, 5753235000.0}


def test_two_rows_of_one_table_are_two_items_not_one_figure_printed_twice():
    # a parent and its child cut alike ("Pendapatan dari Pengembalian" / "... Kelebihan"), or two
    # kegiatan of one name under two programs
    rows = [bud("Pendapatan dari Pengembalian", "realisasi", "1.065.961.695", 1065961695.0, at(page=99, table=90, row=10)),
            bud("Pendapatan dari Pengembalian Kelebihan", "realisasi", "9.439.454", 9439454.0, at(page=99, table=90, row=11))]
    assert list(conflicts.check(extraction(budgets=rows))) == []


def test_figures_of_no_known_year_are_not_compared():
    rows = [ind(KAMI, "target", "2", 2.0, at(line=10)), ind(KAMI, "target", "0.25", 0.25, at(line=90))]
    rows = [r.model_copy(update={"year": None}) for r in rows]
    assert list(conflicts.check(extraction(rows))) == []


def test_a_value_printed_only_in_rows_that_print_the_other_is_another_column():
    # 'realisasi 3,76' in four tables, and '7,46' (last year's, in the next column) in one of those rows
    rows = [ind(KAMI, "realisasi", "3.76", 3.76, at(page=30, table=24, row=2)),
            ind(KAMI, "realisasi", "3.76", 3.76, at(page=31, table=25, row=3)),
            ind(KAMI, "realisasi", "7.46", 7.46, at(page=30, table=24, row=2))]
    assert list(conflicts.check(extraction(rows))) == []


def _two_printings(first: tuple[str, str], second: tuple[str, str]):
    """Realisasi and capaian of one indicator printed in two tables: (realisasi, capaian) each."""
    rows = []
    for (real, cap), where in zip((first, second), (at(page=34, table=4, row=15), at(page=66, table=34, row=0))):
        rows += [ind("Prevalensi Hipertensi", "realisasi", real, float(real.rstrip("%").replace(",", ".")), where),
                 ind("Prevalensi Hipertensi", "capaian", cap, float(cap.replace(",", ".")), where)]
    return list(conflicts.check(extraction(rows)))


def test_a_capaian_printed_differently_because_its_realisasi_is_is_said_on_the_realisasi():
    # one misprinted realisasi, its capaian recomputed from it: one inconsistency, not two
    (f,) = _two_printings(("40,74%", "81,15"), ("32,59%", "98,58"))
    assert f.message.startswith("realisasi 2024") and "accordingly capaian 81.15 and 98.58" in f.message


def test_a_capaian_printed_differently_beside_the_same_figures_is_its_own_finding():
    (f,) = _two_printings(("32,59%", "98,58"), ("32,59%", "117,5"))
    assert f.message.startswith("capaian 2024")


def test_one_indicator_printed_in_two_units_is_an_info_note():
    from kinerja.audit.rules import units

    rows = [ind("Jumlah dokumen perencanaan", "target", "100 %", 100.0, at(page=3, table=1, row=2)),
            ind("Jumlah dokumen perencanaan", "target", "4 dokumen", 4.0, at(page=40, table=9, row=0))]
    rows[1] = rows[1].model_copy(update={"unit": "dokumen"})
    (f,) = units.check(extraction(rows))
    assert f.severity == "info" and "'%'" in f.message and "'dokumen'" in f.message


def test_two_units_one_row_prints_side_by_side_are_two_columns_not_a_mismatch():
    from kinerja.audit.rules import units

    where = at(page=52, table=3, row=2)
    rows = [ind("Jumlah PMKS yang ditangani", "realisasi", "95 %", 95.0, where),
            ind("Jumlah PMKS yang ditangani", "target", "464.971 orang", 464971.0, where)]
    rows[1] = rows[1].model_copy(update={"unit": "orang"})
    assert list(units.check(extraction(rows))) == []


def test_a_renstra_target_beside_the_years_own_target_is_only_an_info_finding():
    # Tabel 2.2 'Target Renstra SKPD / Tahun 2013' 3 % against the Renja evaluation's
    # 'Target Renja tahun 2013' 7 %: the year's plan may set another figure than the Renstra
    renstra = ind("Persentase Penanganan Sampah", "target", "3%", 3.0, at(page=22, table=2, row=0))
    renja = ind("Persentase Penanganan Sampah", "target", "7%", 7.0, at(page=19, table=1, row=1))
    renstra = renstra.model_copy(update={"column_path": "Tareget Renstra SKPD / Tahun 2013"})
    renja = renja.model_copy(update={"column_path": "Target dan Realisasi Kinerja / Target Renja tahun 2013"})
    (f,) = conflicts.check(extraction([renstra, renja]))
    assert f.severity == "info" and "the Renstra's target for the year" in f.message
    both_renja = renstra.model_copy(update={"column_path": renja.column_path})
    assert [f.severity for f in conflicts.check(extraction([both_renja, renja]))] == ["warning"]
