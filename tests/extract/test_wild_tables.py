"""Records from tables of real PDFs outside the gold (../shared/corpus/wild), read from their pages."""

from kinerja.extract.tables import read_tables
from kinerja.schema import Meta, Part, Provenance
from tests.parsers.real_pdfs import FAST
from tests.parsers.test_pdf_wild_tables import _pages
from tests.parsing import parse


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
    percentage after the money is the realisasi over the anggaran, no indicator's capaian (the
    2014 one, before any money, is left as it reads)."""
    doc = parse(_pages("lakip_2015_dkp_kab_cianjur.pdf", [49], tmp_path / "p.pdf"), FAST)
    indicators, budgets = read_tables(doc, [], Meta(year=2015))
    assert 2015 not in {r.year for r in indicators}
    assert {(r.year, r.measure, r.value.value) for r in budgets if r.item == "Belanja Langsung"} == {
        (2015, "anggaran", 15052945500.0), (2015, "realisasi", 14835738968.0), (2015, "persen_realisasi", 98.56)}


def test_a_dpa_whose_title_sits_inside_its_frame_takes_the_year_from_it(tmp_path):
    from kinerja.extract import extract_document
    doc = parse(_pages("dpa_skpd_2019_dpmptsp_kab_wonosobo.pdf", [1], tmp_path / "p.pdf"), FAST)
    assert extract_document(doc).meta.year == 2019
