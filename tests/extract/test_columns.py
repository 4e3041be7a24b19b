"""Column roles from header paths, as printed in the seed documents."""

from functools import lru_cache

import pytest

from kinerja.extract.column_roles import classify_column, column_roles, header_paths
from tests.parsing import parse
from kinerja.schema import Cell, Provenance, Table

from ..conftest import CORPUS

LKJIP = CORPUS / "lkjip-2024-diskominfo-prov-babel.txt"


@lru_cache(maxsize=None)
def _doc(path):
    return parse(path)


def _table_with_caption(path, words: str) -> Table:
    return next(t for t in _doc(path).tables() if t.caption and words in t.caption)


@pytest.mark.parametrize("path, role, measure, year", [
    ("SASARAN STRATEGIS", "sasaran", None, None),
    ("INDIKATOR/META INDIKATOR", "indikator", None, None),
    ("Indikator Kinerja Sasaran Strategik", "indikator", None, None),
    ("SATUAN", "satuan", None, None),
    ("Baseline 2022", "measure", "baseline", 2022),
    ("BASE LINE 2022", "measure", "baseline", 2022),
    ("TARGET TAHUNAN / 2023", "measure", "target", 2023),
    ("TAHUN 2024 / TARGET", "measure", "target", 2024),
    ("TAHUN 2024 / REALISASI", "measure", "realisasi", 2024),
    ("TAHUN 2024 / PERSENTASE", "measure", "capaian", 2024),
    ("2023 / % Capaian", "measure", "capaian", 2023),
    ("Target Capaian Tahun / 2025", "measure", "target", 2025),
    ("Target Akhir Renstra (2026)", "measure", "target", 2026),
    ("TAHUN 2024 / KRITERIA/KODE", "kriteria", None, 2024),
    ("Triwulan", "triwulan", None, None),
    ("Program/Kegiatan", "program_kegiatan", None, None),
    ("Sebelum Perubahan / (Rp)", "measure", "anggaran_sebelum", None),
    ("Sesudah Perubahan / (Rp)", "measure", "anggaran_sesudah", None),
    ("Bertambah/Berkurang / (Rp)", "measure", "selisih", None),
    ("Efisiensi", "measure", "sisa", None),
    ("Tahun", "tahun", None, None),
    ("Tahun 2022 / Rp", "measure", "anggaran", 2022),
    ("Jumlah (Rp)", "measure", "anggaran", None),
    ("Kondisi Awal 2019", "measure", "baseline", 2019),
    ("REALISASI 2020", "measure", "realisasi", 2020),
    ("PAGU DIPA (Rp.) / AWAL", "measure", "anggaran_sebelum", None),
    ("PAGU DIPA (Rp.) / REVISI", "measure", "anggaran_sesudah", None),
    ("JENIS ANGGARAN/PROGRAM", "program_kegiatan", None, None),
    ("KEGIATAN / Uraian", "kegiatan", None, None),
    ("Bidang Urusan/Program/Outcome/ Kegiatan/Sub Kegiatan/Output", "program_kegiatan", None, None),
    ("Program/Outcome/Kegiatan/Output", "program_kegiatan", None, None),
    ("Program/Kegiatan/Keluaran", "program_kegiatan", None, None),
    ("Nama IKU", "indikator", None, None),
    ("RUMUS HITUNGAN", "formula", None, None),
    ("PENYERAPAN ANGGARAN (Rp)", "measure", "realisasi_anggaran", None),
    ("Hasil Th 2012", "measure", "realisasi", 2012),
    # a narrow cell breaks its words into pieces
    ("Indi ka tor Tu ju an", "indikator", None, None),
    ("Indi ka tor Pr og ra m", "indikator", None, None),
    # '(000)' states the money's scale, not a number in the label
    ("Anggaran pada Tahun ke- (000) / 2021", "measure", "anggaran", 2021),
    ("Persentase antara Realisasi dan Anggaran tahun ke- / 2021", "measure", "capaian", 2021),
    ("Thn Dsr 2024", "measure", "baseline", 2024),
    # the leading word names the column
    ("Target Indikat or SPM /NSPK/ LPPD", "measure", "target", None),
    ("Satuan Indikator", "satuan", None, None),
    ("Rencana Tahun 2024 / Capaian Target Kinerja", "measure", "target", 2024),
    # a percentage of the money is the share spent, never an amount
    ("Persentase Realisasi Anggaran", "measure", "capaian", None),
    # a lone 'Capaian Target' is how far the target was reached
    ("CAPAIAN TARGET", "measure", "capaian", None),
    # a plan's policy column under a group label spread over it is no target
    ("TARGET TAHUNAN STRATEGI PENCAPAIAN / KEBIJAKAN", "other", None, None),
    # what an asset is worth is no budget
    ("Nilai (Rp)", "other", None, None),
    ("Kebutuhan Dana / Nilai (Rp)", "measure", "anggaran", None),
    ("Nilai Belanja (Rp)", "measure", "anggaran", None),
    # 'Indikator Tujuan / Sasaran' printed in one cell, its slash spaced
    ("Indikator Tujuan / Sasaran", "indikator", None, None),
])
def test_header_path_names_the_column_role(path, role, measure, year):
    col = classify_column(0, path)
    assert (col.role, col.measure, col.year) == (role, measure, year)


@pytest.mark.parametrize("path", [
    "Target (Nasional)", "Capaian s/d 2024 terhadap target 2026(%)", "PENJELASAN PROGRES TW I",
    "PENANGGUNG JAWAB (BIDANG)", "Dukungan Misi RPJMD Kota Medan", "Nilai Aset*",
])
def test_comparators_cumulative_progress_and_remarks_are_not_measures(path):
    assert classify_column(0, path).role != "measure"


@pytest.mark.parametrize("path", ["Tareget Renstra SKPD / (6+7)", "Realisasi / (5 - 6)", "Capaian / = (10/4)"])
def test_a_header_that_only_sums_or_divides_other_columns_is_no_years_measure(path):
    # Tabel 2.2 of a Renja: 'Target Renstra SKPD / Tahun 2013 | 2014 | 2015 | (6+7)'
    assert classify_column(0, path).role != "measure"


def test_plan_targets_are_marked_as_the_plan_end():
    assert classify_column(0, "TARGETRENSTRA").renstra_end
    assert classify_column(0, "Target Akhir Renstra").renstra_end
    assert not classify_column(0, "Target Tahunan").renstra_end


def test_revision_words_name_amounts_only_under_a_money_header():
    assert classify_column(0, "Target / Perubahan").measure == "target"
    assert classify_column(0, "Kondisi Kinerja / Awal").role != "measure"


def test_misspelt_header_still_matches_its_role():
    assert classify_column(0, "Realiasi").measure == "realisasi"
    assert classify_column(0, "Indikator Kinerja Utma").role == "indikator"


def test_triwulan_named_by_the_sub_column_outranks_the_group_label():
    monev = [t for t in _doc(LKJIP).tables() if any("TARGET TW I" in p for p in t.column_paths)]
    assert monev, "the TW I monitoring table"
    cols = column_roles(monev[0])
    periods = {c.path: c.period for c in cols if c.role == "measure" and c.period}
    assert periods == {"TRIWULAN II / TARGET TW I": "TW1", "TRIWULAN II / REALISASI TW I": "TW1",
                       "TRIWULAN II / %": "TW1"}


def test_performance_and_money_halves_of_one_table_are_told_apart():
    cols = column_roles(_table_with_caption(LKJIP, "Belanja Langsung per Sasaran"))
    assert [(c.measure, c.domain) for c in cols if c.role == "measure"] == [
        ("target", "kinerja"), ("realisasi", "kinerja"), ("capaian", "kinerja"),
        ("anggaran", "anggaran"), ("realisasi_anggaran", "anggaran"), ("persen_realisasi", "anggaran"),
        ("sisa", "anggaran"),
    ]


def test_a_percent_sign_split_from_its_word_over_two_header_rows_is_joined_again():
    assert classify_column(0, "Kinerja / % / Realisasi").measure == "capaian"
    assert classify_column(0, "Anggaran / % / Realisasi").domain == "anggaran"


def test_bare_capaian_is_the_realised_value_when_no_realisasi_column_shares_its_year():
    cols = column_roles(_table_with_caption(LKJIP, "Capaian Kinerja Tahun 2024"))
    measures = {c.path: c.measure for c in cols if c.role == "measure"}
    assert measures["CAPAIAN 2023"] == "realisasi"
    assert measures["TAHUN 2024 / PERSENTASE"] == "capaian"


def test_each_measure_belongs_to_the_nearest_indicator_on_its_left():
    from kinerja.extract.column_roles import indicator_for
    monev = [t for t in _doc(LKJIP).tables() if "Indikator Kinerja Program" in t.column_paths][0]
    cols = column_roles(monev)
    targets = [c.index for c in cols if c.measure == "target"]
    owners = [cols[indicator_for(cols, i)].path for i in targets]
    assert owners == ["Indikator Kinerja Sasaran Strategik", "Indikator Kinerja Program",
                      "Indikator Kinerja Kegiatan"]


def test_paths_are_rebuilt_from_spanning_header_cells_when_the_parser_gives_none():
    prov = Provenance(file="x.txt", line_start=1)
    header = [
        [Cell(text="NO", row=0, col=0, row_span=2), Cell(text="TAHUN 2024", row=0, col=1, col_span=2)],
        [Cell(text="TARGET", row=1, col=1), Cell(text="REALISASI", row=1, col=2)],
    ]
    table = Table(provenance=prov, header_rows=header, n_cols=3,
                  body=[[Cell(text="1", row=2, col=0), Cell(text="2", row=2, col=1), Cell(text="3", row=2, col=2)]])
    assert header_paths(table) == ["NO", "TAHUN 2024 / TARGET", "TAHUN 2024 / REALISASI"]


@pytest.mark.parametrize("path, measure, domain, period, year_offset", [
    # Permendagri 86/2017 evaluation forms: the last label says K (kinerja) or Rp (money)
    ("Realisasi Kinerja dan Anggaran Triwulan / I / K", "realisasi", "kinerja", "TW1", 0),
    ("Realisasi Kinerja dan Anggaran Triwulan / I / Rp", "realisasi", "anggaran", "TW1", 0),
    ("Tingkat Capaian Kinerja dan Realisasi Anggaran / K", "capaian", "kinerja", None, 0),
    # a plan's columns by their place in its years: the third year is the first plus two
    ("Target Kinerja pada Tahun ke- / 3", "target", "kinerja", None, 2),
    ("Target Renstra / Tahun ke-5 / Rp", "target", "anggaran", None, 4),
    ("Prakiraan Maju / Target", "target", None, None, 1),
    # a year counted from the report's year n (LKjIP 'Perbandingan Realisasi Kinerja')
    ("REALISASI / Th. (n-1)", "realisasi", None, None, -1),
    ("REALISASI / Th. (n)", "realisasi", None, None, 0),
    ("Target / Tahun n+1", "target", None, None, 1),
])
def test_a_forms_header_gives_measure_domain_period_and_year_offset(path, measure, domain, period,
                                                                    year_offset):
    col = classify_column(0, path)
    assert (col.measure, col.domain, col.period, col.year_offset) == (measure, domain, period, year_offset)


def test_a_running_total_to_a_triwulan_is_no_measure():
    assert classify_column(0, "Realisasi Kinerja dan Anggaran Renja s/d Triwulan / K").role == "other"


def test_urusan_and_program_kegiatan_in_one_header_name_the_program_column():
    path = "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan"
    assert classify_column(0, path).role == "program_kegiatan"


@pytest.mark.parametrize("path, role, measure, period", [
    # a year or quarter under a measure qualifies it (Rencana Aksi: 'Target / Triwulan / I')
    ("Target / Tahun 2017", "measure", "target", None),
    ("Target / Triwulan / I", "measure", "target", "TW1"),
    ("Tahun", "tahun", None, None),
    # a generic name column takes what its group names
    ("Indikator Kinerja Utama / Uraian", "indikator", None, None),
    ("KEGIATAN / Uraian", "kegiatan", None, None),
])
def test_a_qualifier_or_a_generic_name_takes_its_role_from_the_label_above(path, role, measure, period):
    col = classify_column(0, path)
    assert (col.role, col.measure, col.period) == (role, measure, period)


@pytest.mark.parametrize("path, domain", [
    # under a group naming a figure and money, the leaf says which
    ("TARGET DAN PAGU INDIKATIF TAHUN / 2026 / TARGET", "kinerja"),
    ("TARGET DAN PAGU INDIKATIF TAHUN / 2026 / PAGU", "anggaran"),
    ("TARGET KINERJA / KUANTITAS", "kinerja"),
])
def test_the_leaf_under_a_mixed_group_says_figure_or_money(path, domain):
    assert classify_column(0, path).domain == domain


def test_codes_of_each_level_under_kode_are_code_columns():
    assert [classify_column(0, p).role for p in ("KODE / PROGRAM", "KODE / KEGIATAN")] == ["kode", "kode"]


def test_a_close_spelling_that_swaps_a_word_is_another_label():
    # 'Realisasi dalam' (a caption's words mixed into the header) is no 'Realisasi dana'
    assert classify_column(0, "Realisasi dalam").measure == "realisasi"


def _table(paths: list[str], first_rows: list[list[str]]) -> Table:
    body = [[Cell(text=t, row=r, col=c) for c, t in enumerate(row) if t] for r, row in enumerate(first_rows)]
    header = [[Cell(text=p, row=0, col=c) for c, p in enumerate(paths)]]
    return Table(provenance=Provenance(file="x"), header_rows=header, body=body, n_cols=len(paths),
                 column_paths=paths)


def test_rows_of_years_and_plan_years_left_in_the_body_finish_the_header():
    # 'Kondisi Awal | Target Kinerja pada Tahun ke- (over four columns) | Kondisi Akhir' over
    # 'Tahun 2021 | 1 | 2 | 3 | 4 | Tahun 2025' over '(2022) | (2023) | (2024) | (2025)'
    paths = ["Indikator", "Kondisi Awal"] + ["Target Kinerja pada Tahun ke-"] * 4 + ["Kondisi Akhir"]
    table = _table(paths, [["", "Tahun 2021", "1", "2", "3", "4", "Tahun 2025"],
                           ["", "", "(2022)", "(2023)", "(2024)", "(2025)", ""],
                           ["Indeks SPBE", "2,1", "2,3", "2,5", "2,7", "2,9", "2,9"]])
    cols = column_roles(table)
    assert [c.year for c in cols[1:]] == [2021, 2022, 2023, 2024, 2025, 2025]


def test_a_column_numbering_row_is_no_year_row():
    paths = ["No", "Indikator", "Target", "Realisasi"]
    table = _table(paths, [["1", "2", "3", "4"], ["1.", "Indeks SPBE", "2,5", "2,6"]])
    assert [c.path for c in column_roles(table)] == paths


def test_a_plans_nth_year_counts_from_the_plans_first_year():
    col = classify_column(0, "Target Kinerja pada Tahun ke- / 3")
    assert col.year_from(2024, plan_start=2021) == 2023 and col.year_from(2021) == 2023


def test_a_year_printed_over_one_member_of_a_repeated_group_names_the_whole_group():
    from kinerja.extract.column_roles import with_year_groups
    paths = ["Indikator", "Target", "2013 / Realisasi", "%", "Target", "2014 / Realisasi", "%"]
    assert with_year_groups(paths)[1:] == ["2013 / Target", "2013 / Realisasi", "2013 / %",
                                           "2014 / Target", "2014 / Realisasi", "2014 / %"]
    assert with_year_groups(["No", "Target", "Realisasi", "Capaian"]) == ["No", "Target", "Realisasi", "Capaian"]


@pytest.mark.parametrize("path, measure", [
    ("2016 / REAL ISASI", "realisasi"), ("TAR GET", "target")])
def test_a_header_word_a_narrow_column_broke_in_pieces_names_its_measure(path, measure):
    assert classify_column(0, path).measure == measure


def test_a_dated_column_before_one_measures_quarters_is_that_measures_annual_value(tmp_path):
    # a Rencana Aksi as a layout dump: 'Target' centred over 'Tahun 2017' and 'Triwulan I..IV'
    # lands on the quarters alone; 'Tahun / 2017' holds the year's target, not the rows' years
    from tests.forms import generate

    g = generate("rencana_aksi", "ruled", seed=0, out_dir=tmp_path)
    cols = column_roles(parse(g.text_paths["layout"]).tables()[0])
    annual = next(c for c in cols if c.year == 2017)
    assert (annual.role, annual.measure, annual.period) == ("measure", "target", None)
    assert [c.period for c in cols[annual.index + 1:annual.index + 5]] == ["TW1", "TW2", "TW3", "TW4"]


def test_a_column_of_the_rows_years_stays_a_column_of_years():
    # 'Tahun' with no year in its header holds each row's year: never a measure
    table = Table(text="", index=0, n_rows=1, n_cols=3, provenance=Provenance(file="t", table=0),
                  column_paths=["Tahun", "Target / TW I", "Target / TW II"])
    cols = column_roles(table)
    assert cols[0].role == "tahun"


def test_a_target_group_spread_over_the_next_groups_first_year_reads_no_second_target(tmp_path):
    # a Renstra evaluation as a layout dump: 'TAHUN KE-1 TAHUN KE-2 ...' printed single-spaced
    # under 'TARGET RENSTRA', 'REALISASI', 'RASIO'; the target label reaches the realisasi's 2016
    from tests.forms import generate

    g = generate("renstra_eval", "ruled", seed=1, out_dir=tmp_path)
    cols = column_roles(parse(g.text_paths["layout"]).tables()[0])
    targets = [c.year for c in cols if c.role == "measure" and c.measure == "target"]
    assert targets == [2016, 2017, 2018, 2019, 2020]


def _paths_table(paths: list[str]) -> Table:
    return Table(provenance=Provenance(file="made.txt"), n_cols=len(paths), column_paths=paths,
                 header_rows=[], body=[])


GROUP = "TARGET DAN PAGU INDIKATIF TAHUN"


def test_year_labels_lost_between_two_printed_years_are_filled_in_order():
    # an OCR'd Renstra header: 2026 and 2030 read, the three years between lost
    paths = ["Program", f"{GROUP} / 2026 / TARGET", f"{GROUP} / 2026 / PAGU"] \
        + [f"{GROUP} / TARGET", f"{GROUP} / PAGU"] * 3 + [f"{GROUP} / 2030 / TARGET", f"{GROUP} / 2030 / PAGU"]
    cols = column_roles(_paths_table(paths))
    assert [(c.measure, c.year) for c in cols[1:]] == [
        (m, y) for y in range(2026, 2031) for m in ("target", "anggaran")]


def test_undated_columns_a_gap_of_years_cannot_explain_are_dropped_not_given_the_document_year():
    paths = ["Program", f"{GROUP} / 2026 / PAGU", f"{GROUP} / PAGU", f"{GROUP} / 2030 / PAGU"]
    cols = column_roles(_paths_table(paths))
    assert cols[2].role != "measure"
    assert (cols[1].year, cols[3].year) == (2026, 2030)


def test_a_bare_percentage_beside_only_money_columns_is_the_share_spent():
    # 'BELANJA' spans ANGGARAN and REALISASI; the '(%)' stands outside it
    cols = column_roles(_paths_table(["NO", "PERANGKAT DAERAH", "BELANJA / ANGGARAN", "BELANJA / REALISASI", "(%)"]))
    assert (cols[4].measure, cols[4].domain) == ("persen_realisasi", "anggaran")


def test_a_bare_percentage_beside_an_indicators_target_and_realisation_stays_its_capaian():
    cols = column_roles(_paths_table(["No", "Indikator", "Target", "Realisasi", "%"]))
    assert (cols[4].measure, cols[4].domain) == ("capaian", "kinerja")


def test_the_ratio_of_realisation_to_budget_is_the_share_spent():
    cols = column_roles(_paths_table(["NO", "URAIAN", "ANGGARAN", "REALISASI", "RASIO ANTARA REALISASI DAN ANGGARAN"]))
    assert (cols[4].measure, cols[4].domain) == ("persen_realisasi", "anggaran")


def test_a_share_spent_named_outright_is_kept_without_money_columns_beside_it():
    cols = column_roles(_paths_table(["No", "Program", "Persentase Penyerapan Anggaran"]))
    assert (cols[2].measure, cols[2].domain) == ("persen_realisasi", "anggaran")


def test_a_renstra_target_of_the_plans_nth_year_is_that_year_not_the_plans_end():
    col = classify_column(0, "Target Renstra Perangkat Daerah Tahun ke- / 3")
    assert (col.measure, col.year_offset, col.nth_year, col.renstra_end) == ("target", 2, True, False)


def test_a_planned_achievement_beside_the_targets_is_no_target():
    table = _table(["Indikator", "TARGET KINERJA PADA TAHUN KE- / 2024", "TARGET CAPAIAN PADA TAHUN KE- / 2024"],
                   [["Indeks Kepuasan Masyarakat", "89,55", "100%"]])
    assert [(c.role, c.measure) for c in column_roles(table)][1:] == [("measure", "target"), ("other", None)]


def test_a_target_capaian_alone_is_the_target():
    table = _table(["Indikator", "Target Capaian Setiap Tahun / 2024"], [["Indeks Kepuasan Masyarakat", "89,55"]])
    assert column_roles(table)[1].measure == "target"


def test_a_year_that_breaks_its_run_of_years_is_mended():
    # an OCR'd header: '2029' read as '2023' between 2028 and 2030
    years = ["2025", "2026", "2027", "2028", "2023", "2030"]
    table = _table(["Indikator"] + [f"Target / {y}" for y in years], [["Indeks Desa", "1", "2", "3", "4", "5", "6"]])
    assert [c.year for c in column_roles(table)[1:]] == [2025, 2026, 2027, 2028, 2029, 2030]


def test_years_that_are_no_run_are_kept_as_printed():
    years = ["2019", "2020", "2023", "2024"]
    table = _table(["Indikator"] + [f"Target / {y}" for y in years], [["Indeks Desa", "1", "2", "3", "4"]])
    assert [c.year for c in column_roles(table)[1:]] == [2019, 2020, 2023, 2024]


def test_a_misprinted_year_above_k_and_rp_columns_is_mended_for_both():
    years = ["2025", "2026", "2027", "2028", "2023", "2030"]
    paths = [f"Target dan Pagu / {y} / {leaf}" for y in years for leaf in ("K", "Rp")]
    table = _table(["Indikator"] + paths, [["Indeks Desa"] + ["1", "1.000.000"] * 6])
    cols = column_roles(table)[1:]
    assert [c.year for c in cols if c.measure == "target"] == [2025, 2026, 2027, 2028, 2029, 2030]
    assert [c.year for c in cols if c.measure == "anggaran"] == [2025, 2026, 2027, 2028, 2029, 2030]


def test_a_bare_year_that_starts_a_run_of_years_under_a_head_is_under_that_head():
    # 'TARGET KINERJA' centred over 2022 .. 2026 spans only 2023 .. 2026 in the grid
    paths = ["Indikator", "2022"] + [f"TARGET KINERJA / {y}" for y in range(2023, 2027)]
    table = _table(paths, [["Indeks Kepuasan Masyarakat", "89,47", "89,50", "89,55", "89,60", "89,65"]])
    assert [(c.measure, c.year) for c in column_roles(table)[1:]] == [("target", y) for y in range(2022, 2027)]


def test_a_bare_year_beside_one_dated_column_keeps_no_head():
    # a report's history '2020 | 2021' beside 'Target / 2022': the years are no targets
    table = _table(["Indikator", "2020", "2021", "Target / 2022"], [["Indeks Kepuasan Masyarakat", "80", "81", "82"]])
    assert [c.measure for c in column_roles(table)[1:]] == [None, None, "target"]


def test_a_bare_year_after_a_run_of_years_keeps_no_head():
    # a Renja's 'Realisasi / 2022 .. 2024' then the plan year '2025': the run does not reach back over it
    paths = ["Indikator"] + [f"Realisasi / {y}" for y in range(2022, 2025)] + ["2025"]
    table = _table(paths, [["Indeks Kepuasan Masyarakat", "80", "81", "82", "83"]])
    assert column_roles(table)[4].measure is None
