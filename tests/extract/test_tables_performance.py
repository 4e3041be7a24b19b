"""Performance tables of the seed documents -> indicator records."""

from functools import lru_cache

import pytest

from kinerja.extract.tables import caption_year, read_tables
from kinerja.pipeline import extract_file
from tests.forms import generate
from tests.parsing import parse
from kinerja.schema import Cell, Document, Heading, Meta, Paragraph, Provenance, SourceFile, Table

from ..conftest import CORPUS

MEDAN = CORPUS / "pk-2023-diskominfo-kota-medan.txt"
LKJIP = CORPUS / "lkjip-2024-diskominfo-prov-babel.txt"
IKU = CORPUS / "iku-2020-diskominfo-kab-bengkulu-selatan.txt"
YEARS = {MEDAN: 2023, LKJIP: 2024, IKU: 2020}


@lru_cache(maxsize=None)
def _read(path):
    doc = parse(path)
    indicators, budgets = read_tables(doc, [], Meta(year=YEARS[path]))
    return doc, indicators, budgets


def _table_index(path, caption_words: str) -> int:
    doc, _, _ = _read(path)
    return next(t.index for t in doc.tables() if t.caption and caption_words in t.caption)


def _from_table(path, index: int):
    return [r for r in _read(path)[1] if r.value.provenance.table == index]


def _facts(records, measure=None, period=None):
    return {(r.indicator, r.year, r.period, r.value.value, r.unit) for r in records
            if (measure is None or r.measure == measure) and (period is None or r.period == period)}


def test_two_numbered_indicators_in_one_cell_take_the_two_values_beside_them():
    first = _read(MEDAN)[0].tables()[0]
    targets = _facts(_from_table(MEDAN, first.index), "target")
    assert targets == {
        ("Indeks Transformasi Data Digital", 2023, "annual", 0.93, None),
        ("Nilai Keterbukaan Informasi Publik", 2023, "annual", "Informatif", None),
        ("Persentase layanan publik yang diselenggarakan secara online dan terintegrasi", 2023, "annual", 100.0, "%"),
        ("Indeks SPBE", 2023, "annual", 2.76, None),
        ("Cakupan Layanan Informasi Pemerintah Daerah yang Terlindungi dan Terjaga dengan Baik", 2023, "annual",
         68.0, "%"),
    }


def test_baselines_written_inside_cells_are_read_with_their_year():
    lampiran = _read(MEDAN)[0].tables()[2]
    baselines = {(r.indicator, r.year, r.value.value, r.unit)
                 for r in _from_table(MEDAN, lampiran.index) if r.measure == "baseline"}
    assert baselines == {
        ("Indeks Transformasi Data Digital", 2022, 0.83, None),
        ("Nilai Keterbukaan Informasi Publik", 2022, "Informatif", None),
        ("Persentase layanan publik yang diselenggarakan secara online dan terintegrasi", 2022, 120.0, "%"),
        ("Indeks SPBE", 2022, 2.76, None),
        ("Cakupan layanan informasi pemerintah daerah yang terlindungi dan terjaga dengan baik", 2022, 100.0, "%"),
    }


def test_renstra_matrix_gives_one_target_per_year_and_the_plan_end_for_its_last_column():
    records = _from_table(LKJIP, _table_index(LKJIP, "Tabel II.1"))
    spbe = {(r.year, r.value.value) for r in records
            if r.indicator == "Indeks Domain Kebijakan Internal SPBE" and r.measure == "target"}
    assert spbe == {(2023, 2.7), (2024, 2.8), (2025, 2.9), (2026, 3.0)}
    assert all(r.unit == "nilai" for r in records if r.indicator == "Indeks Domain Kebijakan Internal SPBE")


def test_triwulan_rows_belong_to_the_indicator_and_sasaran_above_them():
    records = _from_table(LKJIP, _table_index(LKJIP, "Tabel II.4"))
    laju = [r for r in records if r.indicator == "Laju pemanfaatan data sektoral (%)"]
    assert {(r.period, r.value.value) for r in laju} == {
        ("annual", 70.0), ("TW1", 10.0), ("TW2", 20.0), ("TW3", 30.0), ("TW4", 10.0)}
    assert {r.year for r in laju} == {2024}
    assert {r.unit for r in laju} == {"%"}
    assert {r.sasaran for r in laju} == {"Termanfaatkannya data dan informasi statistik sektoral"}


def test_label_value_pairs_of_a_monev_table_go_to_the_indicator_group_in_order():
    doc, indicators, _ = _read(LKJIP)
    program = [r for r in indicators
               if r.indicator == "Presentase masyarakat yang menyadari sasaran pelayanan informasi publik"]
    assert {(r.measure, r.period, r.value.value, r.unit) for r in program} == {
        ("target", "annual", 100.0, "%"), ("realisasi", "annual", 100.0, "%"),
        ("target", "TW1", 10.0, "%"), ("target", "TW2", 20.0, "%"),
        ("target", "TW3", 35.0, "%"), ("target", "TW4", 50.0, "%"),
    }


def test_a_row_whose_cells_slid_sideways_is_read_in_its_columns():
    # row 2 of the monev table lost its Tujuan cell: its targets sit one column left of the header
    _, indicators, _ = _read(LKJIP)
    kegiatan = {(r.measure, r.period, r.value.value) for r in indicators
                if r.indicator == "Presentase perangkat daerah yang menggunakan layanan pusat data pemerintah"}
    assert ("target", "annual", 50.0) in kegiatan and ("realisasi", "annual", 50.0) in kegiatan
    assert ("target", "TW4", 20.0) in kegiatan


def test_iku_matrix_over_a_plan_period_ties_targets_to_no_year_and_keeps_printed_units():
    _, indicators, _ = _read(IKU)
    assert indicators and {r.year for r in indicators} == {None}
    by_name = {r.indicator: (r.value.value, r.unit) for r in indicators}
    assert by_name["Jumlah OPD yang memiliki layanan Koneksi Jaringan Digital"] == (40.0, "opd")
    assert by_name["Layanan penyediaan koneksi internet untuk komunitas TIK"] == (4.0, "titik akses")
    assert by_name["tercapainya pengetahuan peserta diklat tentang rahasia kedinasan"] == (40.0, "kepala opd")
    # this row's cells are shifted one column right in the source
    assert by_name["Jumlah Pelayanan Informasi yang di sampaikan ke Masyarakat"] == (40.0, "opd")


def test_unit_a_table_leaves_out_comes_from_the_same_indicator_elsewhere_in_the_document():
    records = _from_table(LKJIP, _table_index(LKJIP, "Tabel III.4"))
    spbe = [r for r in records if r.indicator == "Indeks Domain Kebijakan Internal SPBE" and r.measure != "capaian"]
    assert spbe and {r.unit for r in spbe} == {"nilai"}
    assert {r.unit for r in records if r.measure == "capaian"} == {"%"}


def test_comparator_columns_and_cumulative_progress_give_no_records():
    records = _from_table(LKJIP, _table_index(LKJIP, "Tabel III.5"))
    assert {r.column_path for r in records} == {"Target (PD)", "Realisasi (PD)", "Capaian (PD)"}
    progress = _from_table(LKJIP, _table_index(LKJIP, "Tabel III.4"))
    assert not [r for r in progress if "terhadap target" in (r.column_path or "")]


def test_different_values_for_one_indicator_year_and_measure_are_all_kept():
    _, indicators, _ = _read(LKJIP)
    targets_2024 = {r.value.value for r in indicators if r.measure == "target" and r.year == 2024
                    and r.period == "annual" and r.indicator.startswith("Indeks Domain Kebijakan Internal SPBE")}
    assert {2.8, 3.2, 4.11} <= targets_2024


def test_a_ratio_that_is_no_number_is_kept_as_printed():
    _, indicators, _ = _read(LKJIP)
    kami_2023 = [r for r in indicators if r.value.raw == "367/2.6"]
    assert len(kami_2023) == 1
    assert kami_2023[0].measure == "realisasi" and kami_2023[0].year == 2023
    assert kami_2023[0].value.value in (None, "367/2.6")  # never a number the document does not state


def test_every_value_keeps_raw_text_and_cell_provenance():
    for path in (MEDAN, LKJIP, IKU):
        _, indicators, _ = _read(path)
        for r in indicators:
            prov = r.value.provenance
            assert r.value.raw and prov.file.endswith(path.name)
            assert prov.table is not None and prov.row is not None and prov.col is not None
            assert prov.line_start is not None


# --- hand-built tables ------------------------------------------------------------------------

def _doc(header: list[str], rows: list[list[str]], caption=None, heading=None) -> Document:
    prov = Provenance(file="made.txt", line_start=1)
    table = Table(provenance=prov, caption=caption, n_cols=len(header), column_paths=header,
                  header_rows=[[Cell(text=h, row=0, col=i) for i, h in enumerate(header)]],
                  body=[[Cell(text=t, row=r + 1, col=c) for c, t in enumerate(row)] for r, row in enumerate(rows)])
    blocks = ([Heading(text=heading, provenance=prov)] if heading else []) + [table]
    source = SourceFile(path="made.txt", sha256="0" * 64, format="text", size_bytes=0)
    return Document(source=source, blocks=blocks)


def test_unit_is_not_guessed_from_the_indicator_name():
    doc = _doc(["No", "Indikator Kinerja", "Target"], [["1", "Persentase desa terhubung internet", "70"]],
               caption="Tabel 2.1 Perjanjian Kinerja Tahun 2022")
    indicators, _ = read_tables(doc, [], Meta())
    assert [(r.value.value, r.unit) for r in indicators] == [(70.0, None)]


def test_year_comes_from_the_caption_when_the_document_year_is_unknown():
    doc = _doc(["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi"],
               [["1", "Indeks Kepuasan Masyarakat", "indeks", "3,5", "3,62"]],
               caption="Tabel 3.2 Capaian Kinerja Tahun 2021")
    indicators, _ = read_tables(doc, [], Meta())
    assert {(r.measure, r.year, r.value.value, r.unit) for r in indicators} == {
        ("target", 2021, 3.5, "indeks"), ("realisasi", 2021, 3.62, "indeks")}


def test_a_caption_naming_a_plan_period_ties_values_to_no_year():
    doc = _doc(["No", "Indikator Kinerja", "Target"], [["1", "Indeks SPBE", "3"]],
               caption="Indikator Kinerja Utama Tahun 2021-2026")
    indicators, _ = read_tables(doc, [], Meta(year=2021))
    assert [r.year for r in indicators] == [None]


RUNNING_TEXT = ("Pengukuran kinerja dilakukan dengan membandingkan target dan realisasi indikator "
                "kinerja sasaran yang telah ditetapkan dalam Perjanjian Kinerja, sebagaimana "
                "disajikan dalam tabel berikut ini beserta analisis capaiannya.")


def _with_text(doc: Document, *paragraphs: str) -> Document:
    """The document with paragraphs before its table, running text between (no caption)."""
    prov = Provenance(file="made.txt", line_start=1)
    text = [Paragraph(text=t, provenance=prov) for t in (*paragraphs, RUNNING_TEXT)]
    return doc.model_copy(update={"blocks": text + doc.blocks})


def test_a_plan_end_column_takes_the_last_year_of_the_renstra_the_report_states():
    doc = _with_text(_doc(["No", "Indikator Kinerja", "Target Akhir Renstra"], [["1", "Prevalensi Hipertensi", "29,08%"]]),
                     "Rencana Strategis Kementerian Kesehatan Tahun 2010 - 2014 menjadi acuan.",
                     "RENCANA STRATEGIS (RENSTRA) TAHUN 2013 - 2018")
    indicators, _ = read_tables(doc, [], Meta(year=2016))
    assert [(r.measure, r.year) for r in indicators] == [("target", 2018)]


def test_a_plan_end_column_has_no_year_when_the_report_states_two_plans_over_its_year():
    doc = _with_text(_doc(["No", "Indikator Kinerja", "Target Akhir Renstra"], [["1", "Prevalensi Hipertensi", "29,08%"]]),
                     "Renstra 2013-2018", "Renstra 2016-2021")
    indicators, _ = read_tables(doc, [], Meta(year=2016))
    assert [r.year for r in indicators] == [None]


def test_a_bare_renstra_target_column_takes_no_year_from_the_text():
    # 'Target Renstra' beside this year's realisasi may be this year's target or the plan's end
    doc = _with_text(_doc(["No", "Indikator Kinerja", "Target Renstra"], [["1", "Prevalensi Hipertensi", "29,08%"]]),
                     "RENCANA STRATEGIS (RENSTRA) TAHUN 2013 - 2018")
    indicators, _ = read_tables(doc, [], Meta(year=2016))
    assert [r.year for r in indicators] == [None]


def test_sasaran_left_empty_is_carried_down_to_the_next_indicator():
    doc = _doc(["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
               [["1", "Meningkatnya kualitas layanan", "Indeks A", "2"],
                ["", "", "Indeks B", "3"]], caption="Tahun 2022")
    indicators, _ = read_tables(doc, [], Meta())
    assert {(r.indicator, r.sasaran) for r in indicators} == {
        ("Indeks A", "Meningkatnya kualitas layanan"), ("Indeks B", "Meningkatnya kualitas layanan")}


def test_a_value_spread_over_several_columns_is_read_once_in_the_column_it_starts():
    prov = Provenance(file="made.txt", line_start=1)
    header = ["NO", "INDIKATOR KINERJA", "", "TARGET"]
    body = [[Cell(text="1", row=1, col=0), Cell(text="Persentase desa mandiri", row=1, col=1, col_span=2),
             Cell(text="45%", row=1, col=3)]]
    table = Table(provenance=prov, caption="Tahun 2016", n_cols=4, column_paths=header, body=body,
                  header_rows=[[Cell(text=h, row=0, col=i) for i, h in enumerate(header)]])
    source = SourceFile(path="made.txt", sha256="0" * 64, format="text", size_bytes=0)
    indicators, _ = read_tables(Document(source=source, blocks=[table]), [], Meta())
    assert [(r.indicator, r.year, r.value.value, r.unit) for r in indicators] == [
        ("Persentase desa mandiri", 2016, 45.0, "%")]


def test_a_row_of_triwulan_labels_left_in_the_body_gives_the_target_columns_their_period():
    doc = _doc(["NO", "INDIKATOR KINERJA", "Target Kinerja", "Target Kinerja", "Target Kinerja", "Target Kinerja"],
               [["", "", "Trw I", "Trw II", "Trw III", "Trw IV"],
                ["1", "Jumlah wirausaha baru", "250", "500", "750", "1000"]],
               caption="Rencana Aksi Tahun 2017")
    indicators, _ = read_tables(doc, [], Meta())
    assert {(r.period, r.year, r.value.value) for r in indicators} == {
        ("TW1", 2017, 250.0), ("TW2", 2017, 500.0), ("TW3", 2017, 750.0), ("TW4", 2017, 1000.0)}


def test_target_realisasi_and_capaian_that_agree_under_one_reading_settle_an_ambiguous_value():
    # '1.000' alone could be 1000 or 1.0; only 1000 / 800 x 100 gives the printed 125
    doc = _doc(["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"],
               [["1", "Jumlah peserta pelatihan", "800", "1.000", "125"]], caption="Tahun 2021")
    indicators, _ = read_tables(doc, [], Meta())
    values = {r.measure: r.value for r in indicators}
    assert values["realisasi"].value == 1000.0 and not values["realisasi"].ambiguous


@pytest.mark.parametrize("caption, year", [
    ("Tabel III.2. Capaian Kinerja Tahun 2024", 2024),
    ("Capaian IKU Tahun 2021 (RPJMD 2016-2021)", 2021),
    ("MISI : MENINGKATKAN KUALITAS SISTEM INFORMASI TAHUN ANGGARAN 2016 2021", None),
    ("Tabel I.3 Perbandingan Anggaran Tahun 2023 dan 2024", None),
    ("Tabel II.1 Sasaran Strategis Dinas Komunikasi dan Informatika, 2023-2026", None),
    ("diamanatkan Pasal 88 ayat (1) Peraturan Pemerintah Nomor 12 Tahun 2019. "
     "ANGGARAN DAN REALISASI PEMBIAYAAN DAERAH TAHUN ANGGARAN 2022", 2022),
])
def test_caption_ties_a_table_to_one_year_or_to_a_period(caption, year):
    assert caption_year(caption) == year


def test_a_monev_row_holding_the_names_and_the_first_triwulan_gives_both():
    # a PDF prints the group's names and its "TW 1 | 15" pair in one row: the names are read first
    doc = _doc(["No", "Sasaran", "Indikator Kinerja", "Target", "Realisasi", "", ""],
               [["1", "Meningkatnya layanan A", "Persentase A", "60%", "65%", "TW 1", "10"],
                ["", "", "", "", "", "TW 2", "20"],
                ["2", "Meningkatnya layanan B", "Persentase B", "85%", "85%", "TW 1", "15"],
                ["", "", "", "", "", "TW 2", "25"]],
               caption="Monev Rencana Aksi Tahun 2024")
    indicators, _ = read_tables(doc, [], Meta())
    assert {(r.measure, r.period, r.value.value) for r in indicators if r.indicator == "Persentase B"} == {
        ("target", "annual", 85.0), ("realisasi", "annual", 85.0), ("target", "TW1", 15.0), ("target", "TW2", 25.0)}


def test_a_dpa_summary_states_each_kegiatans_output_target_under_the_kegiatans_name(tmp_path):
    # 'Uraian | Target Kinerja / Kuantitas | Satuan | Jumlah (Rp)': no indicator column
    from kinerja.pipeline import extract_file
    from tests.forms import generate
    g = generate("dpa", "ruled", seed=0, out_dir=tmp_path)
    ex = extract_file(g.text_paths["markdown"])
    expected = {(f["indicator"], f["value"]) for f in g.facts if f["kind"] == "indicator"}
    assert expected and {(i.indicator, i.value.value) for i in ex.indicators} == expected


def test_an_indicator_whose_figures_print_rupiah_is_stated_in_rupiah():
    # a LAKIP's retribusi indicators: realisasi 'Rp. 555.760.000,-' in a kinerja column
    from kinerja.pipeline import extract_file
    from ..conftest import WILD
    lakip = WILD / "lakip_2015_dkp_kab_cianjur.pdf"
    if not lakip.is_file():
        pytest.skip(f"real PDF not found at {lakip}")
    money = [i for i in extract_file(lakip).indicators if i.value.raw.lower().startswith("rp")]
    assert money and all(i.unit == "rp" for i in money)


def test_a_figure_under_a_money_header_that_prints_no_rupiah_is_not_stated_in_rupiah():
    # a Renja's 'Target dan Pagu' columns: '100' under a header naming (Rp) is a K, not money
    from kinerja.pipeline import extract_file
    from ..conftest import WILD
    renja = WILD / "renja_rancangan_awal_2027_rsud_aloei_saboe_kota_gorontalo.pdf"
    if not renja.is_file():
        pytest.skip(f"real PDF not found at {renja}")
    indicators = extract_file(renja).indicators
    assert indicators and not any(i.unit == "rp" for i in indicators)


def test_a_figure_no_column_evidence_decides_is_a_count_under_a_satuan_of_whole_things(tmp_path):
    # a Renstra matrix whose 'Orang' row prints '2.156', '2.224' ... among rows of '57', '18',
    # '100': the other cells say nothing of the decimal mark, the satuan does
    g = generate("renstra_target", "header2", 0, tmp_path)
    ex = extract_file(g.inputs["markdown"])
    asn = {i.year: i.value.value for i in ex.indicators if i.indicator.startswith("Jumlah pegawai ASN")
           and i.measure == "target"}
    assert asn[2017] == 2224 and asn[2021] == 4171


def test_a_figure_no_column_evidence_decides_is_a_percentage_for_a_share(tmp_path):
    # a Renja's '9,983' alone under its year, its indicator a 'Persentase ...': 9983 % is none
    doc = _doc(["No", "Indikator Kinerja", "Target 2027"],
               [["1", "Persentase capaian indikator nasional mutu", "9,983"],
                ["2", "Hasil capaian ASPAK (kemkes.go.id)", "7,914"]])
    indicators, _ = read_tables(doc, [], Meta(year=2027))
    values = {r.indicator: r.value.value for r in indicators}
    assert values["Persentase capaian indikator nasional mutu"] == 9.983
    assert values.get("Hasil capaian ASPAK (kemkes.go.id)") is None  # (no share: still undecided)


def test_a_lone_letter_under_a_reformasi_birokrasi_score_is_its_predikat(tmp_path):
    # 'Nilai Reformasi Birokrasi Perangkat Daerah | Nilai | B | AA | AA | BB | A': the RB
    # evaluation grades on the letters and bands of the SAKIP one, so 'B' and 'A' are grades
    g = generate("lkjip_years", "grades", 0, tmp_path)
    ex = extract_file(g.inputs["markdown"])
    rb = {(i.measure, i.year): i.value.value for i in ex.indicators if "Reformasi Birokrasi" in i.indicator}
    assert rb[("realisasi", 2022)] == "B" and rb[("realisasi", 2025)] == "A"


def test_a_total_per_sasaran_row_names_no_indicator():
    doc = _doc(["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"],
               [["1", "Persentase penanganan konflik sosial", "100", "100", "100"],
                ["", "TOTAL PER SASARAN", "100", "100", "100"]], caption="Tahun 2024")
    indicators, _ = read_tables(doc, [], Meta())
    assert {r.indicator for r in indicators} == {"Persentase penanganan konflik sosial"}


def test_a_row_whose_values_fill_every_year_is_not_shifted_onto_the_numbered_list_beside_it():
    """A Renstra matrix: INDIKATOR | DEFINISI | 2009 ... 2014 | KEBIJAKAN (a numbered list) | PROGRAM."""
    years = [f"Target / {y}" for y in range(2009, 2015)]
    doc = _doc(["INDIKATOR", "DEFINISI OPERASIONAL & FORMULA", *years, "KEBIJAKAN", "PROGRAM"],
               [["Prosentase Kesesuaian Waktu Tempuh", "indicator yang digunakan untuk mengevaluasi kinerja",
                 "85", "85", "85", "85", "85", "85", "1", "Survei load factor"],
                ["", "", "", "", "", "", "", "", "2", "Pembangunan Bandara Udara"]], caption="Renstra 2009-2014")
    indicators, _ = read_tables(doc, [], Meta())
    assert {(r.indicator, r.year, r.value.value) for r in indicators} == {
        ("Prosentase Kesesuaian Waktu Tempuh", y, 85.0) for y in range(2009, 2015)}


def test_a_wrapped_program_names_second_line_keeps_the_indicator_of_its_first():
    doc = _doc(["No", "Program", "Indikator", "Target", "Realisasi"],
               [["1", "Program Peningkatan Kualitas", "Persentase ASN terlatih", "", ""],
                ["", "Pelayanan Publik", "", "80", "85"]], caption="Tahun 2023")
    indicators, _ = read_tables(doc, [], Meta())
    assert {(r.indicator, r.measure, r.value.value) for r in indicators} == {
        ("Persentase ASN terlatih", "target", 80.0), ("Persentase ASN terlatih", "realisasi", 85.0)}


def test_a_caption_whose_only_year_is_a_cited_regulation_leaves_the_table_the_documents_year():
    doc = _doc(["No", "Indikator Kinerja", "Target"], [["1", "Persentase desa terhubung internet", "70"]],
               caption="Sesuai Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017")
    indicators, _ = read_tables(doc, [], Meta(year=2022))
    assert [r.year for r in indicators] == [2022]
