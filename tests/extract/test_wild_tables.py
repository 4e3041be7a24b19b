"""Records from tables of real PDFs outside the gold (../shared/corpus/wild), read from their pages."""

from kinerja.extract.tables import read_tables
from kinerja.schema import Meta, Part, Provenance
from tests.parsers.real_pdfs import FAST
from tests.parsers.test_pdf_wild_tables import _pages
from tests.parsing import parse

from ..conftest import PDFS


def test_a_table_split_into_twin_columns_names_each_indicator_not_its_unit(tmp_path):
    """An LKjIP's Tabel 3.4 whose lower part has other rulings: the grid splits 'Indikator Kinerja',
    'Realisasi' and 'Capaian' in two, and the lower rows' units fall into the second indicator
    column."""
    doc = parse(_pages("lkjip_2022_pemprov_sumut.pdf", [23], tmp_path / "p.pdf"), FAST)
    indicators, _ = read_tables(doc, [], Meta(year=2022))
    names = {r.indicator for r in indicators}
    assert not names & {"Poin", "Nilai", "Persen"}
    after_header = {r.measure: (r.value.value, r.unit) for r in indicators
                    if r.indicator.startswith("Persentase gangguan ketentraman")}
    assert after_header == {"target": (92.0, "%"), "realisasi": (100.0, "%"), "capaian": (108.69, "%")}


def test_a_plans_bare_target_column_names_no_year_not_the_plans_first(tmp_path):
    """A Renstra 2009-2014's 'Indikator Kinerja Tujuan' table: 'No. | Indikator | Rumus | Target'.
    The target is the plan's, tied to no one year; the document's year (its first) is not it."""
    doc = parse(_pages("renstra_2009_2014_dishub_jatim.pdf", [108], tmp_path / "p.pdf"), FAST)
    indicators, _ = read_tables(doc, [], Meta(doc_type="Renstra", year=2009))
    assert {(r.indicator, r.measure, r.value.value, r.year) for r in indicators} == {
        ("Rata-rata ketepatan waktu angkutan umum sampai tujuan", "target", 75.0, None)}


def test_a_part_of_a_report_headed_by_a_plans_name_keeps_the_reports_year(tmp_path):
    # an LKjIP's chapter opening 'Rencana Strategis ... Tahun 2010 - 2014' is read as a Renstra part
    doc = parse(_pages("renstra_2009_2014_dishub_jatim.pdf", [108], tmp_path / "p.pdf"), FAST)
    plan = Part(index=0, doc_type="Renstra", confidence=0.8, first_block=0, last_block=len(doc.blocks) - 1,
                provenance=Provenance(file=doc.source.path))
    indicators, _ = read_tables(doc, [plan], Meta(doc_type="LKjIP", year=2009))
    assert {r.year for r in indicators} == {2009}


def test_a_financing_table_under_a_heading_that_follows_a_cited_regulation_takes_the_headings_year(tmp_path):
    """'... Peraturan Pemerintah Nomor 12 Tahun 2019.' then 'ANGGARAN DAN REALISASI PEMBIAYAAN
    DAERAH TAHUN ANGGARAN 2022' over 'No | PENYERTAAN MODAL | ANGGARAN | REALISASI | (%)'."""
    doc = parse(_pages("lkjip_2022_pemprov_sumut.pdf", [60], tmp_path / "p.pdf"), FAST)
    _, budgets = read_tables(doc, [], Meta(year=2022))
    pdam = {(r.measure, r.value.value, r.year) for r in budgets if "PDAM" in r.item}
    assert pdam == {("anggaran", 12000000000.0, 2022), ("realisasi", 6682775231.0, 2022),
                    ("persen_realisasi", 56.0, 2022)}


def test_a_plans_column_headed_by_its_year_alone_holds_the_targets(tmp_path):
    """A Renja 2027's 'No | Tujuan | Indikator | Tahun 2027': the year's figures are its targets."""
    doc = parse(_pages("renja_rancangan_awal_2027_rsud_aloei_saboe_kota_gorontalo.pdf", [8], tmp_path / "p.pdf"), FAST)
    indicators, _ = read_tables(doc, [], Meta(doc_type="Renja", year=2027))
    assert {(r.indicator, r.measure, r.year, r.value.value) for r in indicators} >= {
        ("Jumlah kematian ibu", "target", 2027, 4.0), ("Jumlah kematian balita", "target", 2027, 31.0),
        ("Nilai SAKIP", "target", 2027, "B")}


def test_a_year_column_outside_a_plan_holds_no_target(tmp_path):
    # a report's table of yearly figures: realised values or a history, not the year's target
    doc = parse(_pages("renja_rancangan_awal_2027_rsud_aloei_saboe_kota_gorontalo.pdf", [8], tmp_path / "p.pdf"), FAST)
    indicators, _ = read_tables(doc, [], Meta(doc_type="LKjIP", year=2027))
    assert indicators == []


def test_a_plans_k_under_each_year_is_that_years_target_beside_its_pagu(tmp_path):
    """A Renstra 2025-2030's 'BASELINE 2024 / K | RP', then '2025 / K | Rp' ... '2030 / K | Rp'."""
    doc = parse(_pages("renstra_2025_2029_setdprd_kab_banyuwangi.pdf", [71], tmp_path / "p.pdf"), FAST)
    indicators, budgets = read_tables(doc, [], Meta(doc_type="Renstra", year=2025))
    sakip = {(r.measure, r.year, r.value.value) for r in indicators if r.indicator.startswith("Nilai SAKIP")}
    assert {("baseline", 2024, 81.3), ("target", 2025, 82.0), ("target", 2030, 84.5)} <= sakip
    assert all(r.value.value > 1000 for r in budgets if r.measure == "anggaran")


def test_a_dpa_reads_each_items_total_not_its_spending_kinds(tmp_path):
    """'Jumlah / Tahun 2019 / Belanja Pegawai | Barang & Jasa | Modal | Jumlah(Rp)': only the last
    is the item's anggaran; the form's title above no longer makes every column money."""
    doc = parse(_pages("dpa_skpd_2019_dpmptsp_kab_wonosobo.pdf", [1], tmp_path / "p.pdf"), FAST)
    _, budgets = read_tables(doc, [], Meta(year=2019))
    program = {r.value.value for r in budgets if r.item == "Program Pelayanan Administrasi Perkantoran"}
    assert program == {446920000.0}
    assert not [r for r in budgets if r.value.value == 0]


def test_outcomes_listed_between_coded_items_are_no_budget_items(tmp_path):
    """'BIDANG URUSAN / PROGRAM / OUTCOME / KEGIATAN / SUBKEGIATAN OUTPUT': each coded item
    ('5.02.01.2.01 - Perencanaan, ...') prints its pagu, and the outcome under it ('Cakupan
    perencanaan, ...') prints the same pagu again beside its indicator's target."""
    doc = parse(_pages("renstra_2025_2029_bapenda_kab_banyuwangi.pdf", [58], tmp_path / "p.pdf"), FAST)
    _, budgets = read_tables(doc, [], Meta(doc_type="Renstra", year=2025))
    items = {r.item for r in budgets}
    assert "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah" in items
    assert not [i for i in items if i.startswith(("Cakupan", "Meningkatkan"))]


def test_an_achievement_column_in_a_table_of_budget_lines_is_the_share_spent(tmp_path):
    """A LAKIP's 'U R A I A N | CAPAIAN KINERJA (%) th 2014 | TARGET ANGGARAN th 2015 | REALISASI
    (Rp.) Th 2015 | CAPAIAN KINERJA (%) th 2015' over its pendapatan and belanja lines: the 2015
    percentage after the money is the realisasi over the anggaran, no indicator's capaian, and so
    is the same column for 2014 printed ahead of the money."""
    doc = parse(_pages("lakip_2015_dkp_kab_cianjur.pdf", [49], tmp_path / "p.pdf"), FAST)
    indicators, budgets = read_tables(doc, [], Meta(year=2015))
    assert indicators == []
    assert {(r.year, r.measure, r.value.value) for r in budgets if r.item == "Belanja Langsung"} == {
        (2014, "persen_realisasi", 91.3), (2015, "anggaran", 15052945500.0),
        (2015, "realisasi", 14835738968.0), (2015, "persen_realisasi", 98.56)}


def test_a_dpa_whose_title_sits_inside_its_frame_takes_the_year_from_it(tmp_path):
    from kinerja.extract import extract_document
    doc = parse(_pages("dpa_skpd_2019_dpmptsp_kab_wonosobo.pdf", [1], tmp_path / "p.pdf"), FAST)
    assert extract_document(doc).meta.year == 2019


def test_a_baseline_printed_na_holds_its_place_and_the_row_stays_in_its_columns(tmp_path):
    """A Renstra's new indicator: '... Penunjang Perangkat Daerah | Nilai | NA | 94.71 | 33,403,866,765
    | 95.29 | ...': 'NA' is the baseline no one has, not a gap to close by shifting the row left."""
    doc = parse(_pages("renstra_2025_2029_satpolpp_kab_banyuwangi.pdf", [48, 49, 50], tmp_path / "p.pdf"), FAST)
    indicators, _ = read_tables(doc, [], Meta(doc_type="Renstra", year=2025))
    row = {(r.measure, r.year): r.value.value for r in indicators
           if r.indicator == "Persentase Pemenuhan Kebutuhan Penunjang Perangkat Daerah"}
    assert row[("target", 2025)] == 94.71 and row[("target", 2030)] == 97.57
    assert ("baseline", 2024) not in row and not [r for r in indicators if r.indicator == "Nilai"]


def test_a_banner_across_a_matrix_names_no_indicator_and_rows_below_keep_their_own(tmp_path):
    """A Renstra's 'Rencana Program ... dan Pendanaan': a row 'URUSAN PEMERINTAHAN BIDANG ...' spans
    the table; under it, indicators printed in the 'Indikator Sasaran' column beside an empty
    'Indikator Outcome / Output' own the targets of their rows."""
    doc = parse(_pages("renstra_2025_2029_satpolpp_kab_banyuwangi.pdf", [48], tmp_path / "p.pdf"), FAST)
    indicators, _ = read_tables(doc, [], Meta(doc_type="Renstra", year=2025))
    assert not [r for r in indicators if r.indicator.startswith("URUSAN")]
    ikm = {(r.measure, r.year): r.value.value for r in indicators if r.indicator == "Indeks Kepuasan Masyrakat"}
    assert ikm[("baseline", 2024)] == 90.0 and ikm[("target", 2030)] == 96.0


def test_a_figure_wrapped_inside_a_narrow_cell_is_one_value_of_one_row(tmp_path):
    """A Renstra's T-C.23 table with fifteen narrow year columns: '99,4' over '7%', '102,' over
    '14%' in one cell, beside a name of two lines, and a 'Rasio' column that is the capaian."""
    doc = parse(_pages("renstra_2025_2029_satpolpp_kab_banyuwangi.pdf", [26], tmp_path / "p.pdf"), FAST)
    indicators, _ = read_tables(doc, [], Meta(doc_type="Renstra", year=2025))
    first = {(r.measure, r.year): r.value.value for r in indicators
             if r.indicator.startswith("Persentase meningkatnya ketenteraman dan ketertiban umum")}
    assert (first[("realisasi", 2023)], first[("realisasi", 2026)]) == (99.47, 102.14)
    assert first[("capaian", 2023)] == 124.34
    assert not [r for r in indicators if r.indicator.startswith(("umum serta", "Minimal Layanan"))]


def test_a_page_opening_with_an_items_name_row_continues_the_table_before(tmp_path):
    """A Renstra matrix runs on to a page whose first row is 'Sub Kegiatan Pengadaan Mebel' alone,
    its figures empty, and whose left columns are not drawn: a body row, not a header of a new
    table."""
    doc = parse(_pages("renstra_2025_2029_satpolpp_kab_banyuwangi.pdf", [48, 53], tmp_path / "p.pdf"), FAST)
    indicators, budgets = read_tables(doc, [], Meta(doc_type="Renstra", year=2025))
    assert len(doc.tables()) == 1
    assert ("Sub Kegiatan Pengadaan Mebel", 2025, 10000000.0) in {(r.item, r.year, r.value.value) for r in budgets}
    assert ("baseline", 2024, 4.0) in {(r.measure, r.year, r.value.value) for r in indicators
                                       if r.indicator == "Jumlah Paket Mebel yang Disediakan"}


def test_a_funding_table_headed_by_years_alone_gives_each_year_its_anggaran(tmp_path):
    """'Tabel 2. Indikasi Kebutuhan Pendanaan 2016-2020' over 'No | Program/Kegiatan/Keluaran | 2016
    | ... | 2020': the caption names the money; a kegiatan's letter ('a') is no part of its name."""
    doc = parse(_pages("renstra_2016_2020_bpk_perwakilan_sumbar.pdf", [32], tmp_path / "p.pdf"), FAST)
    _, budgets = read_tables(doc, [], Meta(doc_type="Renstra", year=2016))
    got = {(r.item, r.measure, r.year, r.value.value) for r in budgets}
    assert ("Manajemen SDM", "anggaran", 2016, 7373471000.0) in got
    assert ("Total", "anggaran", 2020, 38043354484.3) in got
    assert not [r for r in budgets if r.item == "a"]


def test_murni_and_perubahan_columns_under_a_budget_caption_are_before_and_after_the_revision(tmp_path):
    """An LKjIP's 'Rincian Anggaran Belanja Tahun 2024': 'URAIAN | (MURNI) | (PERUBAHAN)'."""
    doc = parse(_pages("lakip_2024_bakesbangpol_kota_bandung.pdf", [6], tmp_path / "p.pdf"), FAST)
    _, budgets = read_tables(doc, [], Meta(doc_type="LKjIP", year=2024))
    assert {(r.measure, r.value.value) for r in budgets if r.item == "JUMLAH"} == {
        ("anggaran_sebelum", 166048306993.0), ("anggaran_sesudah", 165510885994.0)}


def test_a_name_column_headed_by_what_it_lists_is_the_indicator_of_its_targets(tmp_path):
    """An LKjIP's sub-indices: 'Parameter | Target | Realisasi Kinerja (poin) | Capaian Kinerja (%)',
    the name spread over three twin columns, one name two columns wide."""
    doc = parse(_pages("lkjip_2022_pemprov_sumut.pdf", [41], tmp_path / "p.pdf"), FAST)
    indicators, _ = read_tables(doc, [], Meta(doc_type="LKjIP", year=2022))
    got = {(r.indicator, r.measure, r.value.value) for r in indicators}
    assert {("Indeks Kualitas Air (IKA)", "target", 53.81), ("Indeks Kualitas Air (IKA)", "capaian", 113.73),
            ("Indeks Kualitas Lingkungan Hidup", "realisasi", 74.11)} <= got
    assert ("Indeks Kualitas Air Laut (IKAL)", "target", 69.2) not in got


def test_a_budget_row_of_small_amounts_to_the_cent_is_a_row_of_its_own(tmp_path):
    """A LAKIP's budget table: 'Penyediaan Jasa Surat Menyurat 900.000,00 900.000,00 100,00' over
    a row of millions: no K figures with their rupiah on the next row, two rows."""
    doc = parse(_pages("lakip_2015_dkp_kab_cianjur.pdf", [50], tmp_path / "p.pdf"), FAST)
    _, budgets = read_tables(doc, [], Meta(doc_type="LKjIP", year=2015))
    got = {(r.item, r.measure, r.value.value) for r in budgets}
    assert {("Penyediaan Jasa Surat Menyurat", "anggaran", 900000.0),
            ("Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik", "realisasi", 39215417.0)} <= got


def test_an_indicator_takes_no_unit_from_a_neighbour_measuring_something_else(tmp_path):
    """A Renstra's IKU list: 'IKU 4.2 Jumlah laporan pemantauan penyelesaian kerugian negara | 40'
    beside 'IKU 4.3 Ketepatan waktu penyampaian laporan pemantauan ... | 100%': a count of reports
    is no percentage, however much of the name they share."""
    doc = parse(_pages("renstra_2016_2020_bpk_perwakilan_sumbar.pdf", [30], tmp_path / "p.pdf"), FAST)
    indicators, _ = read_tables(doc, [], Meta(doc_type="Renstra", year=2016))
    assert {r.unit for r in indicators if "4.2 Jumlah laporan pemantauan" in r.indicator} == {None}


def test_a_grade_under_a_name_pointing_at_two_scales_reads_on_the_one_it_lies_on(tmp_path):
    """'IKU 5.1 Hasil evaluasi Itama atas akuntabilitas kinerja BPK Perwakilan ... | A | A | ...':
    the name speaks of SAKIP's grades and of the BPK; 'A' is a SAKIP grade, no BPK opinion."""
    doc = parse(_pages("renstra_2016_2020_bpk_perwakilan_sumbar.pdf", [31], tmp_path / "p.pdf"), FAST)
    indicators, _ = read_tables(doc, [], Meta(doc_type="Renstra", year=2016))
    assert {(r.year, r.value.value) for r in indicators if "IKU 5.1" in r.indicator} == {
        (year, "A") for year in range(2016, 2021)}


def test_a_renjas_projection_for_its_own_year_is_that_years_target(tmp_path):
    """A Renja's 'Pencapaian Kinerja Pelayanan': '... Realisasi Capaian / Tahun 2013, 2014 |
    Proyeksi / Tahun 2015, Tahun 2016 | Catatan'."""
    doc = parse(_pages("renja_2016_dkp_kab_cianjur.pdf", [22], tmp_path / "p.pdf"), FAST)
    indicators, _ = read_tables(doc, [], Meta(doc_type="Renja", year=2016))
    assert ("target", 2016, 2.0) in {(r.measure, r.year, r.value.value) for r in indicators
                                     if r.indicator == "Jumlah RTH Persatuan Wilayah"}


def test_an_amount_mistyped_two_ways_is_read_the_way_its_rows_share_spent_agrees(tmp_path):
    """'Penataan RTH | 133.825.00,00 | 131.050.000,00 | 97,93': 13.382.500 or 133.825.000; only the
    second gives 131.050.000 / x = 97,93 %."""
    doc = parse(_pages("lakip_2015_dkp_kab_cianjur.pdf", [54], tmp_path / "p.pdf"), FAST)
    _, budgets = read_tables(doc, [], Meta(doc_type="LKjIP", year=2015))
    (pagu,) = [r for r in budgets if r.item == "Penataan RTH" and r.measure == "anggaran"]
    assert pagu.value.value == 133825000.0 and "chosen by relation" in pagu.value.read_as


def test_a_renjas_kebutuhan_dana_is_the_reviewed_anggaran(tmp_path):
    """A Renja's review of the RKPD draft: 'Rancangan Awal RKPD / ... / Pagu Indikatif' beside 'Hasil
    Analisis Kebutuhan / ... / Kebutuhan Dana': two amounts of the year, both anggaran."""
    doc = parse(_pages("renja_2024_bakesbangpol_kota_bandung.pdf", [35], tmp_path / "p.pdf"), FAST)
    _, budgets = read_tables(doc, [], Meta(doc_type="Renja", year=2024))
    assert {r.value.value for r in budgets if r.item.startswith("Pengadaan Pakaian Dinas")
            and r.measure == "anggaran"} == {108600000.0, 91101500.0}


def test_a_plans_end_column_counting_the_period_is_no_second_target_of_its_last_year(tmp_path):
    """A Renstra Perubahan's T-C.27 matrix: 'Terlaksananya rapat persiapan | 2021: 7 | 2022: 7 | 2023:
    7 | Pada Akhir Periode Renstra: 24 rapat': 24 is the period's count, not 2023's target."""
    doc = parse(_pages("renstra_perubahan_2018_2023_bakesbangpol_kota_bandung.pdf", [65, 66], tmp_path / "p.pdf"),
                FAST)
    indicators, _ = read_tables(doc, [], Meta(doc_type="Renstra", year=2018))
    assert {(r.year, r.value.value) for r in indicators if r.indicator == "Terlaksananya rapat persiapan"} == {
        (2021, 7.0), (2022, 7.0), (2023, 7.0)}


def test_each_indicators_pagu_under_one_merged_sasaran_is_the_indicators(tmp_path):
    """An LKjIP's 'Alokasi Anggaran Untuk Setiap Tujuan Dan Sasaran': 'TUJUAN/SASARAN STRATEGIS |
    INDIKATOR KINERJA | ANGGARAN', one sasaran merged over five indicators, each with its pagu,
    running on to the next page where the end of the third indicator's name sits under the
    repeated header; the tujuan above, in its own row, keeps its own pagu."""
    doc = parse(_pages("lkjip_2019_dishub_jatim.pdf", [50, 51, 52, 53, 54], tmp_path / "p.pdf"), FAST)
    _, budgets = read_tables(doc, [], Meta(doc_type="LKjIP", year=2019))
    pagu = {(r.item, r.value.value) for r in budgets if r.measure == "anggaran"}
    assert {("Meningkatkan kualitas pelayanan sektor transportasi", 221962719258.0),
            ("Indeks Kepuasan Masyarakat pengguna kendaraan umum AKDP", 30049883500.0),
            ("Persentase pemenuhan SDM Penguji Kendaraan Bermotor dibandingkan kebutuhan", 2500700000.0),
            ("Jumlah rute pelayanan mudik balik gratis laut", 10868669500.0)} <= pagu
    assert not [r for r in budgets if r.item.startswith("Meningkatnya pelayanan perhubungan")]


def test_a_ratio_of_realisasi_to_anggaran_is_a_share_though_its_header_names_the_money(tmp_path):
    """A Renstra's 'Matrik Anggaran dan Realisasi Pendanaan': 'Rasio antara Realisasi dan Anggaran /
    2020 ...' prints '93.98': a percentage, not an amount of ninety-four rupiah."""
    doc = parse(_pages("renstra_2025_2029_kec_muncar_kab_banyuwangi.pdf", [31], tmp_path / "p.pdf"), FAST)
    _, budgets = read_tables(doc, [], Meta(doc_type="Renstra", year=2025))
    assert ("persen_realisasi", 2020, 93.98) in {(r.measure, r.year, r.value.value) for r in budgets
                                                  if r.item == "JUMLAH"}


def test_a_table_of_places_is_no_table_of_indicators(tmp_path):
    """An LKIP's 'Tabel 3.1 Persentase Penduduk yang memiliki Akses terhadap Air Minum ...': 'NO |
    KABUPATEN / KOTA | CAPAIAN PROGRAM TAHUN / 2014 ...': each row one region's figure of the one
    indicator the caption names, no indicator named 'KABUPATEN BOGOR'."""
    from tests.parsers.real_pdfs import one_page, real_path
    doc = parse(one_page(real_path("lkip_2016_dinkes_jabar.pdf"), 61, tmp_path / "p.pdf"), FAST)
    indicators, _ = read_tables(doc, [], Meta(doc_type="LKjIP", year=2016))
    assert not [r for r in indicators if r.indicator.startswith(("KABUPATEN", "KOTA", "JAWA BARAT"))]


def test_a_budget_tables_physical_progress_is_no_indicators_value(tmp_path):
    """An LKjIP's 'KODE REKENING | PROGRAM/KEGIATAN | LOKASI | ANGGARAN | REALISASI KEUANGAN (Rp) |
    % | REALISASI FISIK (%)': the work done on each budget line is no indicator's capaian (nor a
    budget measure); its money is read."""
    doc = parse(_pages(PDFS / "lkip_2016_disnakertrans_jabar.pdf", [47], tmp_path / "p.pdf"), FAST)
    indicators, budgets = read_tables(doc, [], Meta(doc_type="LKjIP", year=2016))
    assert indicators == []
    assert {(r.measure, r.value.value) for r in budgets if r.item == "Akreditasi Lembaga Pelatihan Kerja (LPK)"} \
        >= {("anggaran", 384750000.0), ("realisasi", 303827000.0), ("persen_realisasi", 78.97)}


def test_a_lone_capaian_target_column_holds_how_far_each_target_was_reached(tmp_path):
    # 'No | INDIKATOR KINERJA | PROGRAM ... | CAPAIAN TARGET' under '... mewujudkan misi dan tujuan
    # Renstra 2013-2018 / Hasil pengukuran pada 23 indikator': the plan's span in the prose above
    # dates the plan, the report's year the achievements
    doc = parse(_pages(PDFS / "lkip_2016_bpbd_jabar.pdf", [3], tmp_path / "p.pdf"), FAST)
    indicators, _ = read_tables(doc, [], Meta(doc_type="LKjIP", year=2016))
    assert indicators and {(r.measure, r.value.value, r.year) for r in indicators} == {("capaian", 100.0, 2016)}


def test_a_kegiatans_pagu_printed_on_its_first_sub_kegiatans_row_is_the_kegiatans(tmp_path):
    """A Rencana Aksi: 'Kegiatan | ... | Sub Kegiatan | ... | Anggaran', the kegiatan's amount on
    its first row only, its other sub-kegiatan rows without one."""
    doc = parse(_pages(PDFS / "rencana_aksi_2022_dpupr_kab_grobogan.pdf", [1], tmp_path / "p.pdf"), FAST)
    _, budgets = read_tables(doc, [], Meta(doc_type="other", year=2022))
    pagu = {r.item for r in budgets if r.value.value == 29040500000.0}
    assert pagu == {"Pengelolaan SDA dan Bangunan Pengaman Pantai pada Wilayah Sungai (WS) dalam 1 (Satu) "
                    "Daerah Kabupaten/Kota"}


def test_a_row_with_dashes_in_its_unfunded_years_stays_in_its_columns(tmp_path):
    """A Renstra's 'Indikator Sub Kegiatan | Satuan | BASELINE 2024 K | Rp | 2025 K | Rp | ...':
    '- ' in the Rp of unfunded years holds its place; the row had been shifted a column left (the
    unit taken for the indicator, the pagu for targets)."""
    doc = parse(_pages("renstra_2025_2029_setdprd_kab_banyuwangi.pdf", [73], tmp_path / "p.pdf"), FAST)
    indicators, _ = read_tables(doc, [], Meta(doc_type="Renstra", year=2025))
    got = {(r.measure, r.year, r.value.value) for r in indicators
           if r.indicator == "Jumlah orang yang mengikuti medical chek up DPRD"}
    assert got == {("baseline", 2024, 45.0), ("target", 2025, 0.0), ("target", 2026, 0.0), ("target", 2027, 0.0),
                   ("target", 2028, 0.0), ("target", 2029, 50.0), ("target", 2030, 50.0)}


def test_a_figure_wrapped_after_its_decimal_comma_is_one_figure(tmp_path):
    # a Renstra's review of the last plan: 'Realisasi Tahun ke-1' printed '85,' over '41%' in a
    # narrow cell the fragment does not fill: no figure ends on its comma
    doc = parse(_pages("renstra_2025_2029_bapenda_kab_banyuwangi.pdf", [25], tmp_path / "p.pdf"), FAST)
    indicators, _ = read_tables(doc, [], Meta(doc_type="Renstra", year=2025))
    got = {(r.year, r.value.value) for r in indicators
           if r.indicator == "Persentase Realisasi Pendapatan Asli Daerah" and r.measure == "realisasi"}
    assert (2020, 85.41) in got


def test_a_numbered_row_of_amounts_in_thousands_is_no_second_line_of_the_row_above(tmp_path):
    """A Renstra's 'Anggaran pada Tahun ke- (000)': row '3' prints amounts of one group
    ('106.175'), so it seemed to print no money; row '4' under it is a row of its own, not the
    rupiah line of row 3's K figures."""
    doc = parse(_pages("renstra_2025_2029_dpmd_kab_banyuwangi.pdf", [31], tmp_path / "p.pdf"), FAST)
    _, budgets = read_tables(doc, [], Meta(doc_type="Renstra", year=2025))
    items = {r.item for r in budgets}
    assert any(i.startswith("Peningkatan Kerjasama Desa") for i in items)
    assert any(i.startswith("Administrasi Pemerintahan Desa") for i in items)
