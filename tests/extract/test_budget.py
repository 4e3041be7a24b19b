"""Budget tables -> budget records: hierarchy, codes, levels, revisions, realisation, totals."""

from functools import lru_cache

import pytest

from kinerja.extract.tables import read_tables
from tests.parsing import parse
from kinerja.schema import Cell, Document, Meta, Provenance, SourceFile, Table

from ..conftest import CORPUS

MEDAN = CORPUS / "pk-2023-diskominfo-kota-medan.txt"
LKJIP = CORPUS / "lkjip-2024-diskominfo-prov-babel.txt"
YEARS = {MEDAN: 2023, LKJIP: 2024}


@lru_cache(maxsize=None)
def _read(path):
    doc = parse(path)
    return doc, read_tables(doc, [], Meta(year=YEARS[path]))[1]


def _from_table(path, caption_words: str):
    doc, budgets = _read(path)
    index = next(t.index for t in doc.tables() if t.caption and caption_words in t.caption)
    return [b for b in budgets if b.value.provenance.table == index]


def _by_item(records):
    out: dict = {}
    for r in records:
        out.setdefault(r.item, {})[r.measure] = r.value.value
    return out


def test_revision_table_gives_amounts_before_and_after_and_the_signed_difference():
    items = _by_item(_from_table(LKJIP, "Tabel II.3"))
    assert items["PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH PROVINSI"] == {
        "anggaran_sebelum": 10979407368.0, "anggaran_sesudah": 10579851147.0, "selisih": -399556221.0}
    assert items["Kegiatan Administrasi Keuangan Perangkat Daerah"]["selisih"] == 698148290.0


def test_a_dash_among_an_items_amounts_is_zero():
    items = _by_item(_from_table(LKJIP, "Tabel II.3"))
    assert items["Kegiatan Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah"][
        "anggaran_sesudah"] == 0.0
    assert items["Kegiatan Penetapan Pola Hubungan Komunikasi Sandi antar Perangkat Daerah Provinsi"][
        "selisih"] == 0.0


def test_codes_levels_and_parents_follow_the_program_kegiatan_hierarchy():
    records = _from_table(LKJIP, "Tabel II.3")
    rows = {(r.item, r.level, r.code, r.parent_code) for r in records}
    assert ("PROGRAM PENGELOLAAN APLIKASI INFORMATIKA", "program", "1.3", None) in rows
    assert ("Kegiatan Pengelolaan e-government di Lingkup Pemerintah Daerah Provinsi", "kegiatan", "1.3.2",
            "1.3") in rows


def test_totals_row_has_level_total_and_section_rows_give_no_items():
    records = _from_table(LKJIP, "Tabel II.3")
    totals = {r.item for r in records if r.level == "total"}
    assert totals == {"Total Anggaran yang Berkaitan Langsung dengan Pencapaian Sasaran"}
    assert not [r for r in records if r.item.startswith("URUSAN PEMERINTAHAN")]


def test_items_carry_the_sasaran_printed_above_them():
    records = _from_table(LKJIP, "Tabel II.3")
    name = "Kegiatan Penyelenggaraan Statistik Sektoral di Lingkup Daerah Provinsi"
    statistik = [r for r in records if r.item == name]
    assert {r.sasaran for r in statistik} == {"Termanfaatkannya data dan informasi statistik sektoral"}


def test_years_down_the_rows_make_each_spending_column_an_item():
    records = _from_table(LKJIP, "Tabel I.3")
    assert {(r.item, r.year, r.value.value) for r in records} == {
        ("Belanja Operasi", 2023, 26277025964.0), ("Belanja Modal", 2023, 1169930892.0),
        ("Jumlah", 2023, 27446956856.0), ("Belanja Operasi", 2024, 20459639747.0),
        ("Belanja Modal", 2024, 314090500.0), ("Jumlah", 2024, 20773730247.0)}
    assert {r.level for r in records if r.item == "Jumlah"} == {"total"}


def test_spending_per_sasaran_gives_realisation_percentage_and_remainder():
    items = _by_item(_from_table(LKJIP, "Belanja Langsung per Sasaran"))
    assert items["Termanfaatkannya data dan informasi statistik sektoral"] == {
        "anggaran": 188020700.0, "realisasi": 186199929.0, "persen_realisasi": 99.03, "sisa": 1820771.0}
    # the totals row prints its efficiency as a percentage: that is no remainder in rupiah
    assert items["Total Belanja Langsung"] == {
        "anggaran": 10193879100.0, "realisasi": 10074555644.0, "persen_realisasi": 99.02}


def test_program_budget_of_a_pk_takes_the_document_year():
    records = _read(MEDAN)[1]
    assert {(r.item, r.year, r.level, r.value.value) for r in records} == {
        ("Program Aplikasi Informatika", 2023, "program", 26598218467.0),
        ("Program Pengelolaan Informasi dan Komunikasi Publik", 2023, "program", 207038232.0),
        ("Program Penyelenggaraan Statistik Sektor", 2023, "program", 812907500.0),
        ("Program Penyelenggaraan Persandian Untuk Pengamanan Informasi", 2023, "program", 530844662.0)}


def test_list_markers_before_program_names_are_dropped():
    records = _read(LKJIP)[1]
    assert not [r for r in records if r.item[:2] in ("a.", "b.")]
    assert "Program Pengelolaan Aplikasi Informatika" in {r.item for r in records}


def test_every_amount_keeps_raw_text_and_cell_provenance():
    for path in (MEDAN, LKJIP):
        for r in _read(path)[1]:
            prov = r.value.provenance
            assert r.value.raw and prov.table is not None and prov.row is not None and prov.col is not None
            assert prov.line_start is not None


# --- hand-built: Kemendagri codes and quarterly realisation ---------------------------------

def _doc(header: list[str], rows: list[list[str]], caption: str) -> Document:
    prov = Provenance(file="made.txt", line_start=1)
    table = Table(provenance=prov, caption=caption, n_cols=len(header), column_paths=header,
                  header_rows=[[Cell(text=h, row=0, col=i) for i, h in enumerate(header)]],
                  body=[[Cell(text=t, row=r + 1, col=c) for c, t in enumerate(row)] for r, row in enumerate(rows)])
    source = SourceFile(path="made.txt", sha256="0" * 64, format="text", size_bytes=0)
    return Document(source=source, blocks=[table])


QUARTERLY = _doc(
    ["Kode", "Program/Kegiatan/Sub Kegiatan", "Pagu Anggaran (Rp)", "Realisasi Anggaran / TW I",
     "Realisasi Anggaran / TW II", "Sisa Anggaran"],
    [["2.16.03", "Program Pengelolaan Aplikasi Informatika", "1.500.000.000", "300.000.000", "450.000.000",
      "750.000.000"],
     ["2.16.03.2.02", "Pengelolaan e-Government", "1.500.000.000", "300.000.000", "450.000.000", "750.000.000"],
     ["2.16.03.2.02.0013", "Penyelenggaraan Sistem Jaringan Intra Pemerintah Daerah", "900.000.000", "200.000.000",
      "250.000.000", "450.000.000"],
     ["30. 05", "Penunjang Urusan Pemerintahan", "100.000.000", "-", "25.000.000", "75.000.000"],
     ["", "Jumlah", "1.600.000.000", "300.000.000", "475.000.000", "825.000.000"]],
    caption="Tabel 3.7 Anggaran serta Realisasi Anggaran Tahun 2020",
)


def test_quarterly_realisation_columns_give_records_per_triwulan():
    _, budgets = read_tables(QUARTERLY, [], Meta())
    sub = {(r.measure, r.period, r.value.value) for r in budgets if r.code == "2.16.03.2.02.0013"}
    assert sub == {("anggaran", "annual", 900000000.0), ("realisasi", "TW1", 200000000.0),
                   ("realisasi", "TW2", 250000000.0), ("sisa", "annual", 450000000.0)}
    assert {r.year for r in budgets} == {2020}


def test_level_follows_code_depth_when_the_name_does_not_say_it():
    _, budgets = read_tables(QUARTERLY, [], Meta())
    levels = {r.code: (r.level, r.parent_code) for r in budgets if r.code}
    assert levels["2.16.03"] == ("program", None)
    assert levels["2.16.03.2.02"] == ("kegiatan", "2.16.03")
    assert levels["2.16.03.2.02.0013"] == ("sub_kegiatan", "2.16.03.2.02")
    assert "30.05" in levels
    assert {r.level for r in budgets if r.item == "Jumlah"} == {"total"}


def test_a_name_column_whose_header_was_lost_still_names_the_items():
    doc = _doc(["", "", "ANGGARAN"],
               [["1", "Program Pengelolaan Aplikasi Informatika", "Rp. 5.956.794.338,-"],
                ["2", "Program Penyelenggaraan Persandian Untuk Pengamanan Informasi", "Rp. 191.167.770,-"]],
               caption="Perjanjian Kinerja Tahun 2021")
    _, budgets = read_tables(doc, [], Meta())
    assert {(r.item, r.level, r.year, r.value.value) for r in budgets} == {
        ("Program Pengelolaan Aplikasi Informatika", "program", 2021, 5956794338.0),
        ("Program Penyelenggaraan Persandian Untuk Pengamanan Informasi", "program", 2021, 191167770.0)}


def test_generic_name_columns_take_their_level_from_the_group_header_and_repeated_headers_are_skipped():
    doc = _doc(["PROGRAM / Uraian", "KEGIATAN / Uraian", "Anggaran (Rp)"],
               [["Program Pengelolaan Sumber Daya Air", "Pembangunan Embung dan Penampung Air Lainnya",
                 "29.040.500.000,00"],
                ["Uraian", "Uraian", "Anggaran (Rp)"],
                ["", "Penyusunan Rencana Teknis Sumber Daya Air", "7.450.000.000,00"]],
               caption="Rencana Aksi Tahun 2022")
    _, budgets = read_tables(doc, [], Meta())
    assert {(r.item, r.level, r.value.value) for r in budgets} == {
        ("Pembangunan Embung dan Penampung Air Lainnya", "kegiatan", 29040500000.0),
        ("Penyusunan Rencana Teknis Sumber Daya Air", "kegiatan", 7450000000.0)}


def test_a_name_broken_over_two_rows_is_joined_but_a_section_row_is_not():
    doc = _doc(["No.", "Program", "Anggaran", "Keterangan"],
               [["1.", "Program Peningkatan Kapasitas Kelembagaan", "Rp. 16.500.250.000,-", "APBD"],
                ["", "dan Partisipasi Masyarakat", "", ""],
                ["2.", "Program Pemantapan Pemerintahan dan", "Rp. 4.150.000.000,-", "APBD"],
                ["", "Pembangunan Desa", "", ""],
                ["", "URUSAN PEMERINTAHAN BIDANG STATISTIK", "", ""],
                ["3.", "Program Penyelenggaraan Statistik Sektoral", "Rp. 221.390.200,-", "APBD"]],
               caption="Perjanjian Kinerja Tahun 2016")
    _, budgets = read_tables(doc, [], Meta())
    assert [r.item for r in budgets] == [
        "Program Peningkatan Kapasitas Kelembagaan dan Partisipasi Masyarakat",
        "Program Pemantapan Pemerintahan dan Pembangunan Desa",
        "Program Penyelenggaraan Statistik Sektoral"]


def test_renstra_program_matrix_gives_yearly_targets_and_funding_and_the_plan_end():
    group, end = "Target Kinerja Program dan Kerangka Pendanaan", "Kondisi Kinerja pada akhir periode Renstra"
    doc = _doc(
        ["Kode", "Program dan Kegiatan", "Indikator Kinerja Program (outcome) dan Kegiatan (output)",
         "Data Capaian pada Tahun Awal Perencanaan", f"{group} / Tahun 2019 / Target", f"{group} / Tahun 2019 / Rp",
         f"{group} / Tahun 2020 / Target", f"{group} / Tahun 2020 / Rp", f"{end} / Target", f"{end} / Rp"],
        [["2.16.03", "Program Pengelolaan Aplikasi Informatika", "Indeks SPBE", "2,1", "2,5", "1.500.000.000", "2,8",
          "1.750.000.000", "3,0", "3.250.000.000"]],
        caption="Tabel 6.1 Rencana Program, Kegiatan dan Pendanaan Indikatif 2019-2023")
    indicators, budgets = read_tables(doc, [], Meta(year=2019))
    assert {(r.measure, r.year, r.value.value) for r in indicators} == {
        ("baseline", None, 2.1), ("target", 2019, 2.5), ("target", 2020, 2.8), ("target", 2023, 3.0)}
    # the plan-period total belongs to no single year
    assert {(r.item, r.level, r.year, r.value.value) for r in budgets} == {
        ("Program Pengelolaan Aplikasi Informatika", "program", 2019, 1500000000.0),
        ("Program Pengelolaan Aplikasi Informatika", "program", 2020, 1750000000.0),
        ("Program Pengelolaan Aplikasi Informatika", "program", None, 3250000000.0)}


def test_amounts_under_a_header_in_juta_rupiah_are_recorded_in_rupiah(tmp_path):
    # a budget table whose header reads 'Anggaran (Juta Rupiah)': 1.250,5 is 1.250.500.000 rupiah,
    # its printed text kept beside it
    from kinerja.pipeline import extract_file

    dump = tmp_path / "renja.txt"
    dump.write_text("No\tProgram\tAnggaran (Juta Rupiah)\tKeterangan\n"
                    "1\tProgram Penunjang Urusan Pemerintahan Daerah\t1.250,5\tAPBD\n"
                    "2\tProgram Pengelolaan Pendapatan Daerah\t980,0\tAPBD\n", encoding="utf-8")
    budgets = extract_file(dump).budgets
    assert [b.value.value for b in budgets] == [1_250_500_000, 980_000_000]
    assert budgets[0].value.raw == "1.250,5" and "juta" in budgets[0].value.read_as


def test_pagu_of_a_renja_funding_table_belongs_to_the_coded_program_or_kegiatan_not_its_indicator():
    """'Bidang Urusan/Program/Outcome/Kegiatan/Sub Kegiatan/Output | Indikator Outcome/Output |
    Target | Pagu' (Rencana Kerja dan Pendanaan): the pagu is the kegiatan's, its name printed
    after its code and a dash ('1.02.01.2.10 – Peningkatan Pelayanan BLUD')."""
    from ..conftest import WILD
    path = WILD / "renja_rancangan_awal_2027_rsud_aloei_saboe_kota_gorontalo.pdf"
    if not path.exists():
        pytest.skip(f"real PDF not found at {path}")
    _, budgets = read_tables(parse(path), [], Meta(year=2027))
    coded = {(r.code, r.item, r.level) for r in budgets if r.code}
    assert ("1.02.01.2.10", "Peningkatan Pelayanan BLUD", "kegiatan") in coded
    assert ("1.02.01.2.10.0001", "Pelayanan dan Penunjang Pelayanan BLUD", "sub_kegiatan") in coded
    assert not [r for r in budgets if r.item.startswith(("Persentase", "Jumlah BLUD"))]


def test_pagu_on_an_outputs_row_belongs_to_the_sub_kegiatan_named_on_the_row_above():
    """A Renstra funding matrix: 'Sub Kegiatan ...' (or a coded name) alone on its row, then its
    output statement, indicator, target and pagu on the next; an indicator starting 'Jumlah' is
    no total row."""
    doc = _doc(["Program/Outcome/Kegiatan/Sub Kegiatan/Output", "Indikator Outcome/Output", "Satuan",
                "Target dan Pagu / 2025 / Target", "Target dan Pagu / 2025 / Pagu (Rp)"],
               [["Sub Kegiatan Penyediaan Gaji dan Tunjangan ASN", "", "", "", ""],
                ["Tersedianya gaji dan tunjangan ASN", "Jumlah orang yang menerima gaji dan tunjangan ASN",
                 "Orang/Bulan", "1.920", "27,753,669,146"],
                ["7.01.01.2.08.0001 Penyediaan Jasa Surat Menyurat", "", "", "", ""],
                ["", "Jumlah Laporan Penyediaan Jasa Surat Menyurat", "laporan", "1", "2,000,000"]],
               caption="Tabel 4.2 Rencana Program, Kegiatan, Sub Kegiatan dan Pendanaan")
    _, budgets = read_tables(doc, [], Meta())
    assert {(r.item, r.level, r.code, r.value.value) for r in budgets} == {
        ("Sub Kegiatan Penyediaan Gaji dan Tunjangan ASN", "sub_kegiatan", None, 27753669146.0),
        ("Penyediaan Jasa Surat Menyurat", "sub_kegiatan", "7.01.01.2.08.0001", 2000000.0)}


def test_a_heading_names_no_amounts_past_the_next_item_named_on_its_own_row():
    doc = _doc(["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Pagu (Rp)"],
               [["1.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", "", ""],
                ["1.01.01", "Perencanaan Perangkat Daerah", "Jumlah dokumen", "100.000.000"],
                ["", "", "Jumlah laporan evaluasi", "50.000.000"]],
               caption="Rencana Program dan Pendanaan 2024")
    _, budgets = read_tables(doc, [], Meta())
    assert not [b for b in budgets if b.item.startswith("PROGRAM PENUNJANG")]


def test_a_bare_jumlah_in_the_indicator_column_is_the_tables_total():
    doc = _doc(["No", "Indikator", "Anggaran (Rp)", "Realisasi (Rp)"],
               [["1", "Persentase layanan", "100.000.000", "90.000.000"],
                ["", "JUMLAH", "100.000.000", "90.000.000"]],
               caption="Anggaran per Indikator Tahun 2024")
    _, budgets = read_tables(doc, [], Meta())
    assert {(b.item, b.level) for b in budgets if b.item == "JUMLAH"} == {("JUMLAH", "total")}


def test_a_table_of_money_alone_reads_its_bare_realisasi_and_percent_as_the_money_spent():
    # 'Penyertaan Modal' names no program, but nothing in the table is a performance measure
    doc = _doc(["No", "Penyertaan Modal", "Anggaran", "Realisasi", "(%)"],
               [["1", "Penyertaan Modal pada Bank Daerah", "100.000.000.000,00", "100.000.000.000,00", "100"],
                ["2", "Penyertaan Modal pada PDAM", "12.000.000.000,00", "6.682.775.231,00", "56"]],
               caption="Anggaran dan Realisasi Pembiayaan Daerah Tahun Anggaran 2022")
    _, records = read_tables(doc, [], Meta())
    assert {(r.item, r.measure, r.value.value) for r in records if r.item.endswith("PDAM")} == {
        ("Penyertaan Modal pada PDAM", "anggaran", 12000000000.0),
        ("Penyertaan Modal pada PDAM", "realisasi", 6682775231.0),
        ("Penyertaan Modal pada PDAM", "persen_realisasi", 56.0)}


def test_a_bare_realisasi_beside_money_stays_a_performance_value_where_the_table_has_a_target():
    doc = _doc(["No", "Sasaran", "Target", "Realisasi", "Anggaran"],
               [["1", "Panjang jalan dibangun", "12", "10", "1.500.000.000"]], caption="Tahun 2022")
    indicators, records = read_tables(doc, [], Meta())
    assert {r.measure for r in records} == {"anggaran"}


# 'Realisasi / Jumlah | Jumlah': a header that repeats its label over the share spent
REPEATED_JUMLAH = ["No", "Kegiatan", "Pagu Anggaran Tahun 2019", "Realisasi / Jumlah", "Realisasi / Jumlah"]
SHARE_ROWS = [("Kegiatan Pembinaan Ideologi", "943.980.000,00", "686.873.940,00"),
              ("Kegiatan Pendidikan Bela Negara", "500.000.000,00", "480.200.000,00"),
              ("Kegiatan Forum Komunikasi", "200.000.000,00", "177.540.000,00")]


def _shares_read(last_column: list[str], header=REPEATED_JUMLAH, rows=SHARE_ROWS) -> set[tuple]:
    """(item, value) of the shares spent read off SHARE_ROWS with `last_column` beside them."""
    body = [[str(i + 1), *row, last] for i, (row, last) in enumerate(zip(rows, last_column))]
    _, records = read_tables(_doc(header, body, caption="Realisasi Anggaran Tahun 2019"), [], Meta())
    return {(r.item, r.value.value) for r in records if r.measure == "persen_realisasi"}


def test_a_share_spent_under_a_repeated_money_label_is_read_where_each_row_agrees_with_its_amounts():
    assert _shares_read(["72,76", "96,04", "88,77"]) == {
        ("Kegiatan Pembinaan Ideologi", 72.76), ("Kegiatan Pendidikan Bela Negara", 96.04),
        ("Kegiatan Forum Komunikasi", 88.77)}


def test_small_figures_in_a_money_column_that_are_no_rows_share_stay_unread_as_shares():
    assert _shares_read(["12", "4", "9"]) == set()


def test_a_grade_in_a_share_column_is_no_figure_of_it():
    # the rows that print a figure agree: the column is the share spent, and the grade no figure of it
    assert {v for _, v in _shares_read(["Baik", "96,04", "88,77"])} == {96.04, 88.77}


def test_a_physical_progress_beside_the_share_spent_stays_the_items_capaian():
    # 'REALISASI KEUANGAN (Rp) | % | REALISASI FISIK (%)': the last is no second share spent
    doc = _doc(["No", "Kegiatan", "Anggaran (Rp)", "Realisasi Keuangan (Rp)", "%", "Realisasi Fisik (%)"],
               [["1", "Akreditasi Lembaga Pelatihan Kerja", "200.000.000", "157.940.000", "78,97", "79,03"]],
               caption="Realisasi Anggaran Tahun 2016")
    indicators, records = read_tables(doc, [], Meta())
    assert {(r.measure, r.value.value) for r in records if r.measure == "persen_realisasi"} == {
        ("persen_realisasi", 78.97)}


def test_a_share_spent_printed_in_whole_numbers_under_a_thousands_header_is_read():
    header = ["No", "Kegiatan", "Anggaran (Rp 000)", "Realisasi / Jumlah (Rp 000)", "Realisasi / Jumlah (Rp 000)"]
    rows = [("Kegiatan Pembinaan Ideologi", "4.755.593", "3.474.583"),
            ("Kegiatan Pendidikan Bela Negara", "1.500.000", "1.440.600"),
            ("Kegiatan Forum Komunikasi", "2.200.000", "1.952.940")]
    assert _shares_read(["73", "96", "89"], header, rows) == {
        ("Kegiatan Pembinaan Ideologi", 73.0), ("Kegiatan Pendidikan Bela Negara", 96.0),
        ("Kegiatan Forum Komunikasi", 89.0)}


def test_uncoded_items_under_a_header_naming_outputs_stay_items():
    # 'Program/Kegiatan/Keluaran' over items printed without codes: no row is an output repeating a pagu
    doc = _doc(["No", "Program/Kegiatan/Keluaran", "Pagu (Rp)"],
               [["1", "Program Pelayanan Administrasi Perkantoran", "300.000.000"],
                ["", "Penyediaan Jasa Surat Menyurat", "100.000.000"],
                ["", "Penyediaan Alat Tulis Kantor", "200.000.000"]], caption="Tahun 2019")
    _, records = read_tables(doc, [], Meta())
    assert {r.item for r in records} == {"Program Pelayanan Administrasi Perkantoran",
                                         "Penyediaan Jasa Surat Menyurat", "Penyediaan Alat Tulis Kantor"}


def test_an_output_between_coded_items_with_a_pagu_of_its_own_stays_an_item():
    doc = _doc(["Program/Outcome/Kegiatan/Output", "Pagu (Rp)"],
               [["5.02.01 - Program Penunjang", "300.000.000"],
                ["Meningkatnya penunjang urusan", "300.000.000"],
                ["5.02.01.2.01 - Perencanaan", "125.000.000"],
                ["Pengadaan tambahan", "50.000.000"]], caption="Tahun 2026")
    _, records = read_tables(doc, [], Meta())
    assert {r.item for r in records} == {"Program Penunjang", "Perencanaan", "Pengadaan tambahan"}


def test_a_capaian_before_an_items_money_stays_the_items_capaian():
    doc = _doc(["No", "Program", "Capaian Kinerja (%)", "Anggaran (Rp)", "Realisasi (Rp)"],
               [["1", "Program Pelayanan Administrasi", "105,2", "1.000.000.000", "900.000.000"]],
               caption="Tahun 2021")
    indicators, records = read_tables(doc, [], Meta())
    assert [(r.measure, r.value.value) for r in indicators] == [("capaian", 105.2)]
    assert "persen_realisasi" not in {r.measure for r in records}


def test_a_realisasi_before_the_money_of_a_sasaran_table_is_no_money():
    doc = _doc(["No", "Sasaran", "Realisasi", "Anggaran (Rp)"],
               [["1", "Meningkatnya kemantapan jalan", "10", "1.500.000.000"]], caption="Tahun 2021")
    _, records = read_tables(doc, [], Meta())
    assert {r.measure for r in records} == {"anggaran"}


def test_coded_names_under_a_lost_header_name_the_pagu_their_outcome_rows_repeat():
    # an OCR'd Renstra matrix: the name column's header came out garbled ('URUSAN PROGRAM / OUTCOME 1
    # SUBKEGIATAN OUTPUT'); the coded sub-kegiatan carries the pagu, the output under it repeats it
    doc = _doc(["URUSAN PROGRAM / OUTCOME 1 SUBKEGIATAN OUTPUT", "Indikator", "Target / 2026",
                "Pagu / 2026"],
               [["6.01.01.2.06.0005 - Penyediaan Barang Cetakan dan Penggandaan", "", "", "10.000.000"],
                ["Tersedianya Barang Cetakan dan Penggandaan", "Jumlah Paket Barang Cetakan", "1", "10.000.000"],
                ["6.01.01.2.06.0006 - Penyediaan Bahan Bacaan dan Peraturan", "", "", "5.000.000"],
                ["Tersedianya Bahan Bacaan", "Jumlah Dokumen Bahan Bacaan", "2", "5.000.000"]],
               caption="Tabel 4.2 Rencana Program, Kegiatan, dan Pendanaan")
    _, budgets = read_tables(doc, [], Meta(doc_type="Renstra", year=2026))
    assert {(b.item, b.code, b.value.value) for b in budgets if b.measure == "anggaran"} == {
        ("Penyediaan Barang Cetakan dan Penggandaan", "6.01.01.2.06.0005", 10000000.0),
        ("Penyediaan Bahan Bacaan dan Peraturan", "6.01.01.2.06.0006", 5000000.0)}
