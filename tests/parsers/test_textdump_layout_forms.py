"""Standard forms in -layout dumps: 'Label : value' lines over a table are no part of it, and a
numbering row under the header says how many columns the table has."""

import pytest

from tests.forms import generate
from tests.parsing import parse


@pytest.fixture(scope="module")
def renstra_eval_pages(tmp_path_factory):
    """The Renstra evaluation form over two pages, its header repeated, as a layout dump: parsed
    once for the tests of its header."""
    g = generate("renstra_eval", "multipage", seed=0, out_dir=tmp_path_factory.mktemp("renstra_eval"))
    return parse(g.text_paths["layout"])


def test_label_value_lines_above_a_table_stay_out_of_its_header(tmp_path):
    # a DPA prints 'Urusan Pemerintahan : 1.12' and 'Organisasi : ...' over its table
    g = generate("dpa", "ruled", seed=0, out_dir=tmp_path)
    paths = parse(g.text_paths["layout"]).tables()[0].column_paths
    assert any("URAIAN" in p for p in paths)
    assert not any("Urusan Pemerintahan" in p or "Organisasi" in p for p in paths)


def test_a_numbering_row_decides_the_column_count_where_the_gaps_mislead(tmp_path):
    # a Rencana Aksi: '(1) ... (10)' under the header; the quarters' figures stand closer than
    # the header's labels would have the columns
    g = generate("rencana_aksi", "ruled", seed=0, out_dir=tmp_path)
    table = parse(g.text_paths["layout"]).tables()[0]
    assert table.n_cols == len(table.numbering_row) == 10
    assert [c.text for c in table.body[0]][4:9] == ["75", "18,75", "37,50", "56,25", "75"]


def test_a_numbering_row_whose_numbers_the_gaps_misplace_still_closes_the_header(tmp_path):
    # an IKU decree: '(1)' stands right of 'No', '(4) (5)' close together over a figure and a formula
    g = generate("iku", "ruled", seed=0, out_dir=tmp_path)
    table = parse(g.text_paths["layout"]).tables()[0]
    assert table.numbering_row and len(table.numbering_row) == table.n_cols == 7
    assert any("Formula" in p for p in table.column_paths)


def test_a_figure_run_on_into_the_next_columns_text_is_its_own_columns_value(tmp_path):
    # an IKU decree: the target, right-aligned, stands one space before the formula ('3,04
    # (Perhitungan ...', '48,08% waktu tempuh ...'); each indicator is its own row
    g = generate("iku", "ruled", seed=0, out_dir=tmp_path)
    table = parse(g.text_paths["layout"]).tables()[0]
    target = next(i for i, p in enumerate(table.column_paths) if "Target" in p and "Formula" not in p)
    cell = lambda row, col: next((c.text for c in row if c.col == col), "")  # noqa: E731
    assert [cell(row, target) for row in table.body] == ["3,04", "60%", "8 Unit", "48,08%", "53 Dokumen", "41 Laporan", "60%"]
    assert cell(table.body[0], target + 1).startswith("(Perhitungan Indeks KAMI")


def test_a_group_label_centred_over_its_sub_columns_names_them_all(tmp_path):
    # a Rencana Aksi: 'Triwulan' centred over 'I  II  III  IV' (the one over 'II' was the only one
    # named); 'II' under it is a sub-label of its own, not the label's last line
    g = generate("rencana_aksi", "ruled", seed=0, out_dir=tmp_path)
    paths = parse(g.text_paths["layout"]).tables()[0].column_paths
    assert [p for p in paths if "Triwulan" in p] == [f"Target Triwulan / {q}" for q in ("I", "II", "III", "IV")]


def test_a_period_group_split_by_the_gaps_of_its_sub_columns_names_all_its_periods(tmp_path):
    # the Renja evaluation form: 'Realisasi Kinerja Pada Triwulan' over 'I  II  III  IV', its words
    # standing over two of the quarters' columns
    g = generate("renja_eval", "header2", seed=1, out_dir=tmp_path)
    paths = parse(g.text_paths["layout"]).tables()[0].column_paths
    quarters = [p for p in paths if p.startswith("Realisasi Kinerja Pada Triwulan")]
    assert [q.rsplit(" / ", 1)[-1] for q in quarters] == ["I", "II", "III", "IV"]


def test_a_tall_header_opening_under_its_group_labels_names_the_years_of_the_plan(tmp_path):
    # a Renstra target matrix: 'Kondisi ... Kondisi' and 'Target Kinerja pada Tahun ke-' stand
    # over the 'No  Sasaran ...' line, and '(2017)  1  2  3  4  5  (2022)' closes the header
    g = generate("renstra_target", "years5", seed=1, out_dir=tmp_path)
    paths = parse(g.text_paths["layout"]).tables()[0].column_paths
    assert "Kondisi Awal / (2017)" in paths and "Kondisi Akhir (2022)" in paths
    assert [p for p in paths if p.startswith("Target Kinerja")] == [
        f"Target Kinerja pada Tahun ke- / {k}" for k in range(1, 6)]


def test_indicators_of_one_numbered_sasaran_in_a_table_of_text_are_rows_of_their_own(tmp_path):
    # an IKU with no target column: 'Persentase ...  Jumlah ...  Rekapitulasi ...  Sekretariat'
    # opens a record under the sasaran numbered above; its title lines stay out of the header
    g = generate("iku", "header1", seed=0, out_dir=tmp_path)
    table = parse(g.text_paths["layout"]).tables()[0]
    assert table.column_paths == ["No", "Sasaran Strategis", "Indikator Kinerja Utama", "Formula / Penjelasan",
                                  "Sumber Data", "Penanggung Jawab"]
    names = [next(c.text for c in row if c.col == 2) for row in table.body]
    assert names[:2] == ["Jumlah Aplikasi SPBE yang terhubung dengan Sistem Penghubung Layanan Pemerintah Daerah",
                         "Persentase Penanganan Sampah"]


def test_measures_over_cycles_of_years_each_name_their_own_cycle(tmp_path):
    # a Renstra evaluation: 'Target Renstra Perangkat Daerah', 'Realisasi Capaian' and 'Rasio
    # Capaian' each over '2019 2020 2021 2022', their words falling over the years' columns
    g = generate("renstra_eval", "grades", seed=0, out_dir=tmp_path)
    paths = parse(g.text_paths["layout"]).tables()[0].column_paths
    for measure in ("Target Renstra Perangkat Daerah", "Realisasi Capaian", "Rasio Capaian"):
        assert [p for p in paths if p.startswith(measure)] == [f"{measure} / {y}" for y in range(2019, 2023)]


def test_years_centred_over_repeating_sub_labels_each_name_their_own_three(tmp_path):
    # an LKjIP measurement table: '2013' ... '2017' each centred over 'Target  Realisasi  %'
    # ('2013' opens where 'Realisasi' does: it is no label at the left of its group)
    g = generate("lkjip_years", "header3", seed=0, out_dir=tmp_path)
    paths = parse(g.text_paths["layout"]).tables()[0].column_paths
    # (under 'Capaian Kinerja', the group label over all the years)
    assert [p.split(" / ")[-2:] for p in paths[4:]] == [[str(y), m] for y in range(2013, 2018)
                                                         for m in ("Target", "Realisasi", "%")]


def test_a_short_phrase_alone_atop_the_header_heads_all_the_columns_its_words_fall_over(tmp_path):
    # 'Capaian Kinerja' centred over '2017  2018', its two words over two columns of one year
    g = generate("lkjip_years", "multipage", seed=0, out_dir=tmp_path)
    paths = parse(g.text_paths["layout"]).tables()[0].column_paths
    assert paths[4:] == [f"Capaian Kinerja / {y} / {m}" for y in (2017, 2018) for m in ("Target", "Realisasi", "%")]


def test_a_phrase_closed_by_its_year_over_k_and_rp_is_one_label_over_both(tmp_path):
    # 'Target dan Pagu Indikatif 2017' one space apart, its words over the K and the Rp column
    g = generate("renstra_target", "kpair", seed=0, out_dir=tmp_path)
    paths = parse(g.text_paths["layout"]).tables()[0].column_paths
    assert [p for p in paths if p.startswith("Target dan Pagu Indikatif 2017")] == [
        "Target dan Pagu Indikatif 2017 / K", "Target dan Pagu Indikatif 2017 / Rp"]


def test_a_caption_centred_inside_a_wide_column_is_no_cell_text_of_the_table(tmp_path):
    # 'Tabel 3.1 Pengukuran Kinerja Tahun 2025' stands within the 'Indikator Kinerja' column's
    # width right above the unruled header: it is the table's caption, not its first row's text
    g = generate("lkjip", "unruled_multipage", seed=0, out_dir=tmp_path)
    table = parse(g.text_paths["layout"]).tables()[0]
    assert table.caption.startswith("Tabel 3.1") and "Indikator Kinerja" in table.column_paths


def test_a_header_opening_with_kode_under_group_labels_takes_its_row_of_years(tmp_path):
    # a Renstra programme matrix: 'Indikator Kinerja' and 'Target dan Pagu Indikatif' over the
    # 'Kode  Program dan Kegiatan ...' line, the years and the ends of tall labels under it
    g = generate("renstra_target", "header1", seed=0, out_dir=tmp_path)
    paths = parse(g.text_paths["layout"]).tables()[0].column_paths
    assert paths[0] == "Kode"
    assert [p for p in paths if p.startswith("Target dan Pagu")] == [
        f"Target dan Pagu Indikatif {y}" for y in range(2017, 2022)]


def test_k_and_rp_numbered_once_are_two_columns_and_a_rows_two_lines_one_row(tmp_path):
    # a Renja evaluation (Permendagri 86/2017): 'K  Rp' under each measure and triwulan, one
    # number over each pair; a row prints its K figures on one line, its rupiah on the next
    g = generate("renja_eval", "kpair", seed=0, out_dir=tmp_path)
    table = parse(g.text_paths["layout"]).tables()[0]
    paths = table.column_paths
    k, rp = paths.index("Realisasi Kinerja Pada Triwulan I / K"), paths.index("Realisasi Kinerja Pada Triwulan I / Rp")
    assert rp == k + 1
    row = table.body[0]
    cell = lambda col: next((c.text for c in row if c.col == col), "")  # noqa: E731
    assert cell(k) and not cell(k).startswith("Rp") and cell(rp).startswith("Rp")


def test_k_and_rp_figures_of_a_renja_evaluation_are_indicator_and_budget_values(tmp_path):
    from kinerja.evaluate.facts import to_facts
    from kinerja.evaluate.metrics import score_document
    from kinerja.pipeline import extract_file

    g = generate("renja_eval", "kpair", seed=0, out_dir=tmp_path)
    predicted = [f.model_dump() for f in to_facts(extract_file(g.text_paths["layout"]))]
    assert score_document(g.name, predicted, g.facts).overall.f1 >= 0.95


def test_numbers_over_the_target_columns_alone_name_years_not_columns(tmp_path):
    # a Renstra target matrix: '1 2 3 4 5' under 'Target ... pada Tahun ke-' only; grades
    # ('Level 5 (4,6)') leave the gaps too few for the numbers to be taken for the column count
    g = generate("renstra_target", "grades", seed=0, out_dir=tmp_path)
    table = parse(g.text_paths["layout"]).tables()[0]
    assert table.numbering_row is None and table.n_cols == 11
    assert table.column_paths[5].endswith("/ 1 (2017)")
    assert [c.text for c in table.body[0]][4:6] == ["80", "81,57"]


def test_the_end_of_a_tahun_ke_label_broken_over_lines_stays_in_the_header(renstra_eval_pages):
    # 'Tahun' / 'ke-1' / '2021' stacked under a measure: all three name the column
    table = renstra_eval_pages.tables()[0]
    assert "Rasio Capaian / Tahun ke-1 2021" in table.column_paths
    assert table.body[0][0].text == "1"


def test_a_signing_block_under_a_table_is_no_part_of_it(tmp_path):
    # a PK's budget table, then 'Barito Kuala, 12 Januari 2017', the signers and a NIP: the
    # date's year is no amount of the table, the signers no row of it
    g = generate("pk", "unruled", seed=0, out_dir=tmp_path)
    budget = parse(g.text_paths["layout"]).tables()[-1]
    texts = " ".join(c.text for row in budget.body for c in row)
    assert "JUMLAH" in texts
    assert "Januari" not in texts and "NIP" not in texts


def test_a_centred_label_over_nothing_heads_the_short_words_left_of_it(tmp_path):
    # 'APBD' and '-' stand left-aligned under 'Keterangan', centred in a wider column: one
    # column, headed Keterangan, so no dash is read as an amount of Anggaran
    g = generate("pk", "unruled", seed=0, out_dir=tmp_path)
    budget = parse(g.text_paths["layout"]).tables()[-1]
    assert budget.n_cols == 4
    col = next(c.col for row in budget.body for c in row if c.text == "APBD")
    assert "Keterangan" in budget.column_paths[col]


def test_a_unit_word_run_on_into_the_formula_stays_with_its_figure(tmp_path):
    # an IKU decree: '53 Dokumen Jumlah Organisasi ...', '8 Unit ∑ Sarana ...': the target's
    # unit stands one space before the formula; a unit of the lexicon goes back to its figure
    g = generate("iku", "ruled", seed=0, out_dir=tmp_path)
    table = parse(g.text_paths["layout"]).tables()[0]
    target = next(i for i, p in enumerate(table.column_paths) if "Target" in p and "Formula" not in p)
    formula = next(i for i, p in enumerate(table.column_paths) if "Formula" in p)
    cell = lambda row, col: next((c.text for c in row if c.col == col), "")  # noqa: E731
    assert "53 Dokumen" in [cell(row, target) for row in table.body]
    assert not any(cell(row, formula).startswith(("Dokumen", "Unit", "Laporan")) for row in table.body)


def test_a_footer_whose_number_counts_two_pages_is_no_row_of_the_table_it_interrupts(tmp_path):
    # an LKjIP table over two pages of a layout dump, each page ending 'LKjIP Dinas ... Tahun
    # 2022      1' (then 2): the footer is furniture, its page number no capaian of 1%
    g = generate("lkjip", "multipage_norepeat", seed=1, out_dir=tmp_path)
    doc = parse(g.text_paths["layout"])
    texts = " ".join(c.text for t in doc.tables() for row in t.body for c in row)
    assert "13." in texts  # the table's last row, on the second page, is read
    assert "LKjIP Dinas" not in texts
    assert any("footer" in w for w in doc.warnings)


def test_a_text_columns_first_word_one_space_after_a_figure_opens_that_columns_cell(tmp_path):
    # a Rencana Aksi: the fourth quarter's target, right-aligned, one space before the left-aligned
    # 'Sub Bagian Umum dan Kepegawaian' of the next column; 'Sub' stood left of the cut
    g = generate("rencana_aksi", "ruled", seed=1, out_dir=tmp_path)
    row = [c.text for c in parse(g.text_paths["layout"]).tables()[0].body[0]]
    assert row[9:11] == ["43", "Sub Bagian Umum dan Kepegawaian"]


def test_a_rows_rupiah_on_the_line_under_its_k_figures_is_that_rows(tmp_path):
    # a Renstra target matrix: '5.489 Jiwa' over 'Rp 106.000.000' in each year's cell; the rupiah
    # line is no row of its own, and the programme's name wrapped beside it stays whole
    g = generate("renstra_target", "unruled", seed=0, out_dir=tmp_path)
    row = [c.text for c in parse(g.text_paths["layout"]).tables()[0].body[0]]
    assert row[1] == "Program Pembangunan, Pemeliharaan dan Perbaikan Prasarana dan Fasilitas"
    assert row[4] == "5.489 Jiwa Rp 106.000.000"


def test_a_remark_after_a_rupiah_amount_is_the_next_columns_and_the_total_a_row_of_its_own(tmp_path):
    # a PK's budget page: 'Rp. 2.700.000.000,- APBD', the Keterangan set left of its label under
    # the amount's column; 'JUMLAH' under the last programme is a row of its own
    g = generate("pk", "grades", seed=0, out_dir=tmp_path)
    rows = [[c.text for c in row] for row in parse(g.text_paths["layout"]).tables()[1].body]
    assert [row[2:] for row in rows[:4]] == [["Rp. 1.991.000.835,-", "APBD"], ["Rp. 2.731.000.000,-", "-"],
                                             ["Rp. 3.199.000.000,-", ""], ["Rp. 2.700.000.000,-", "APBD"]]
    assert [t for t in rows[-1] if t] == ["JUMLAH", "Rp. 10.621.000.835,-"]


def test_group_labels_in_title_case_a_blank_line_above_the_header_head_it(renstra_eval_pages):
    # the Renstra evaluation form: 'Target Renstra Perangkat Daerah  Realisasi Capaian  Rasio
    # Capaian' over a blank line, then 'No  Indikator Kinerja  Tahun ...': one table, its groups
    paths = renstra_eval_pages.tables()[0].column_paths
    assert [p.split(" / ")[0] for p in paths[2:]] == (
        ["Target Renstra Perangkat Daerah"] * 4 + ["Realisasi Capaian"] * 4 + ["Rasio Capaian"] * 4)


def test_years_in_cycles_give_each_group_its_own_cycle_when_a_label_wraps_higher(renstra_eval_pages):
    # 'Tahun ke-1 / 2021' under the targets, 'Tahun / ke-1 / 2021' (a line higher) under the
    # ratios: the cycles end on one line, so the third group label names the third cycle
    paths = renstra_eval_pages.tables()[0].column_paths
    ratios = [p for p in paths if p.startswith("Rasio Capaian")]
    assert [p.rsplit(" ", 1)[-1] for p in ratios] == ["2021", "2022", "2023", "2024"]


def test_a_repeated_header_keeps_the_wrapped_ends_of_its_labels_and_its_years(renstra_eval_pages):
    # on the next page, 'ke-1  ke-2 ...' under 'Tahun  Tahun ...' and the row of years under it are
    # still header lines, though every column has its label: no row of years in the body
    rows = [[c.text for c in row] for t in renstra_eval_pages.tables() for row in t.body]
    assert not any("2021" in cells and "2022" in cells for cells in rows)
    assert any(cells[:2] == ["18", "Jumlah lbarang yang sudah diperoleh"] for cells in rows)  # (page 2)


def test_a_numbering_row_cuts_its_columns_at_gutters_not_between_words_of_a_name(tmp_path):
    # a landscape Rencana Aksi: '(1)' over 'No', '(2)' over the sasaran; the space inside
    # 'Meningkatnya infrastruktur' is no column edge, nor is the blank under a centred '(4)'
    g = generate("rencana_aksi", "landscape", seed=0, out_dir=tmp_path)
    table = parse(g.text_paths["layout"]).tables()[0]
    first = [c.text for c in table.body[0]]
    assert first[:4] == ["1.", "Meningkatnya infrastruktur pendukung ekonomi",
                         "Layanan penyediaan koneksi internet untuk komunitas TIK", "Titik Akses"]


def test_a_row_of_ordinals_beside_the_last_word_of_a_tall_label_closes_the_header(tmp_path):
    # a Renstra target matrix: 'KINERJA  1  2  3  4  5' ('INDIKATOR' / 'KINERJA' beside the
    # plan's year ordinals), then '(2020) ... (2024)': both header lines, each target its year
    g = generate("renstra_target", "unruled_multipage", seed=1, out_dir=tmp_path)
    paths = parse(g.text_paths["layout"]).tables()[0].column_paths
    assert "INDIKATOR KINERJA" in paths
    assert [p.rsplit(" / ", 1)[-1] for p in paths if p.startswith("TARGET KINERJA")] == [
        f"{k} ({2019 + k})" for k in range(1, 6)]


def test_wrapped_label_ends_over_a_line_of_k_and_rp_marks_stay_in_the_header(tmp_path):
    # a Renstra funding matrix: 'dan Kegiatan  (2016)  Akhir (2021)' under 'Program dan
    # Kegiatan', then 'K  Rp  K  Rp ...': the marks are header, each pair under its year
    g = generate("renstra_target", "kpair", seed=0, out_dir=tmp_path)
    table = parse(g.text_paths["layout"]).tables()[0]
    assert not any(c.text in ("K", "Rp", "K Rp", "(2016)") for row in table.body for c in row)
    assert "Kondisi Awal (2016)" in " ".join(table.column_paths)


def test_a_headless_part_on_the_next_page_maps_its_trailing_figure_columns_in_order(tmp_path):
    # a DPA running over a page without its header, set at other margins: the code columns of
    # figures at its left ('05  01') do not keep the amounts from their years' columns
    g = generate("dpa", "multipage_norepeat", seed=0, out_dir=tmp_path)
    table = parse(g.text_paths["layout"]).tables()[0]
    year_2021 = next(i for i, p in enumerate(table.column_paths) if p.endswith("Tahun 2021"))
    row = next(r for r in table.body if any(c.text.startswith("Program Pembangunan dan Peningkatan") for c in r))
    assert next(c.text for c in row if c.col == year_2021) == "Rp 481,500,971"


def test_a_headless_part_maps_its_figures_to_the_labels_and_its_remark_after_them(tmp_path):
    # a Rencana Aksi over a page without its header: the first page printed each quarter's
    # right-aligned figures as two columns under one label, the next page as one, and the last
    # quarter stands one space before the 'Penanggung Jawab' ('70 Sub Bagian Umum ...')
    g = generate("rencana_aksi", "multipage_norepeat", seed=0, out_dir=tmp_path)
    table = parse(g.text_paths["layout"]).tables()[0]
    by_path = _row_by_path(table, "Presentase Peningkatan Masyarakat")
    assert by_path["Satuan"] == "persen"
    assert by_path["Target 2020"] == "70" and by_path["Target TW IV"] == "70"
    assert by_path["Penanggung Jawab"] == "Sub Bagian Umum dan Kepegawaian"


def test_a_headless_part_whose_figure_columns_stand_as_the_tables_keeps_each_quarters_k_and_rp(tmp_path):
    # a Renja evaluation over a page without its header and without its last, empty 'Keterangan'
    # column: the part's K and Rp columns are the table's in order, not shifted by a pair
    g = generate("renja_eval", "multipage_norepeat", seed=0, out_dir=tmp_path)
    table = parse(g.text_paths["layout"]).tables()[0]
    by_path = _row_by_path(table, "Indeks kerukunan beragama")
    assert by_path["Realisasi Kinerja Pada Triwulan III / K"] == "3,01"
    assert by_path["Realisasi Kinerja Pada Triwulan III / Rp"] == "314.125.000,00"
    assert by_path["Unit Perangkat Daerah Penanggung Jawab"] == "Sub Bagian Umum dan Kepegawaian"


def test_a_headless_parts_code_columns_printed_narrower_go_one_each(tmp_path):
    # a DPA over a page without its header, printed narrower: '05   01' are the program's and the
    # kegiatan's codes, and the location stays apart from the name
    g = generate("dpa", "multipage_norepeat", seed=0, out_dir=tmp_path)
    table = parse(g.text_paths["layout"]).tables()[0]
    row = next(r for r in table.body if any(c.text == "Sosialisasi Program Transmigrasi" for c in r))
    texts = [c.text for c in sorted(row, key=lambda c: c.col) if c.text]
    assert texts[:4] == ["05", "01", "Sosialisasi Program Transmigrasi", "Kabupaten/Kota Grobogan"]


def test_a_headless_part_keeps_its_quarters_under_theirs_where_the_first_page_split_one(tmp_path):
    # an unruled Rencana Aksi over pages without its header: the first page printed the last
    # quarter's right-aligned figures as columns of their own; the next pages' quarters still
    # go to their own quarters, one each, not one quarter along
    g = generate("rencana_aksi", "unruled_multipage", seed=0, out_dir=tmp_path)
    table = parse(g.text_paths["layout"]).tables()[0]
    by_path = _row_by_path(table, "Persentase Fasilitasi Kerjasama Desa")
    assert by_path["Target / Tahunan"] == "85"
    assert [by_path[f"Target Triwulan / {q}"] for q in ("I", "II", "III")] == ["21,25", "42,50", "63,75"]


def test_a_names_wrapped_line_under_its_row_stays_in_it_where_both_alignments_fit(tmp_path):
    # a Renstra evaluation: each row's number, name and figures on its first line, the name
    # wrapping below ('Jumlah Jabatan ASN Kota' / 'Pasuruan'); a centred reading fits as well, and
    # would open the next row's name with 'Pasuruan'
    g = generate("renstra_eval", "grades", seed=0, out_dir=tmp_path)
    table = parse(g.text_paths["layout"]).tables()[0]
    names = [row[1].text for row in table.body]
    assert names[0] == "Jumlah Jabatan ASN Kota Pasuruan"
    assert names[1] == "Indeks Sistem Pemerintahan Berbasis Elektronik (SPBE)"


def test_a_bare_amount_under_a_target_in_its_column_is_the_rows_pagu(tmp_path):
    # a Renstra target matrix: 'TARGET DAN PAGU INDIKATIF 2018' prints '36 Laporan' over
    # '967.000.942' (no 'Rp'); the amount is the row's second line, not a row of its own
    g = generate("renstra_target", "years1", seed=1, out_dir=tmp_path)
    table = parse(g.text_paths["layout"]).tables()[0]
    row = next(r for r in table.body if any(c.text == "3.22.01.2.01" for c in r))
    target = next(i for i, p in enumerate(table.column_paths) if "PAGU" in p)
    assert next(c.text for c in row if c.col == target) == "36 Laporan 967.000.942"
    assert len(table.body) == 5


def test_a_quantity_printed_one_space_before_its_unit_goes_back_to_the_kuantitas_column(tmp_path):
    # a DPA's 'TARGET KINERJA: KUANTITAS | SATUAN': pdftotext sets the right-aligned quantity one
    # space before its unit ('2 Dokumen', '100 %'), all under SATUAN, KUANTITAS left empty
    g = generate("dpa", "ruled", seed=0, out_dir=tmp_path)
    table = parse(g.text_paths["layout"]).tables()[0]
    quantity = next(i for i, p in enumerate(table.column_paths) if p.endswith("KUANTITAS"))
    row = next(r for r in table.body if any(c.text.startswith("Pemeliharaan Barang Milik Daerah") for c in r))
    cells = {c.col: c.text for c in row}
    assert (cells[quantity], cells[quantity + 1]) == ("2", "Dokumen")


def test_a_no_line_of_two_labels_under_group_labels_opens_the_header(tmp_path):
    # a Renstra evaluation of one year: 'No   Indikator Kinerja' stands under 'Target Renstra' /
    # 'Realisasi Capaian   Rasio Capaian' and over 'Tahun ke-1' / '2016'; the other columns'
    # labels are on lines of their own, so the 'No' line holds only two
    g = generate("renstra_eval", "years1", seed=1, out_dir=tmp_path)
    table = parse(g.text_paths["layout"]).tables()[0]
    assert table.column_paths[:2] == ["No", "Indikator Kinerja"]
    assert any(p.startswith("Realisasi Capaian") and p.endswith("2016") for p in table.column_paths)
    assert [c.text for c in table.body[0]][:2] == ["1", "Jumlah Dokumen Hasil Kegiatan"]


def _row_by_path(table, text: str) -> dict[str, str]:
    """The filled cells of the body row holding a cell `text`, by their column paths."""
    row = next(r for r in table.body if any(c.text == text for c in r))
    return {table.column_paths[c.col]: c.text for c in row if c.text}


def _layout_table(tmp_path, text: str):
    path = tmp_path / "dump.layout.txt"
    path.write_text(text, encoding="utf-8")
    return parse(path).tables()[0]


HEADER = ("No   Indikator Kinerja              Satuan        Target pada Tahun ke-\n"
          "                                                 1     2     3     4     5\n")


def test_a_first_row_of_targets_one_to_five_beside_a_name_is_a_body_row(tmp_path):
    # cumulative targets that rise by one a year: 'Jumlah Inovasi Daerah  Inovasi  1 2 3 4 5' is
    # a row of the body, though it reads like the plan's year ordinals beside a label
    table = _layout_table(tmp_path, HEADER + (
        "     Jumlah Inovasi Daerah          Inovasi       1     2     3     4     5\n"
        "2    Nilai Indeks Reformasi         Nilai        61    63    65    67    70\n"))
    assert [c.text for c in table.body[0]][1:3] == ["Jumlah Inovasi Daerah", "Inovasi"]


def test_a_line_of_title_case_phrases_over_the_no_column_is_no_group_label_row(tmp_path):
    # a page's running head a blank line above a table: its phrases name no columns
    table = _layout_table(tmp_path, (
        "Laporan Kinerja Tahun 2022          Dinas Kesehatan          Kabupaten Bogor\n\n"
        "No   Indikator Kinerja              Target      Realisasi     Capaian\n"
        "1    Persentase balita gizi baik     90 %        92 %          102 %\n"
        "2    Angka kematian ibu              80          75            106 %\n"))
    assert table.column_paths == ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]


def test_a_lines_figures_drifting_off_their_columns_go_one_per_label_in_order(tmp_path):
    # a Rencana Aksi under a three-row header: pdftotext squeezes each line's spaces its own way,
    # so '12  3  6  9  12' under '2018 | I | II | III | IV' had opened a column no label names and
    # put '6' under III; the last figure stands a space before 'UPTD'
    g = generate("rencana_aksi", "header3", seed=0, out_dir=tmp_path)
    table = parse(g.text_paths["layout"]).tables()[0]
    quarters = [i for i, p in enumerate(table.column_paths) if "Triwulan" in p]
    assert [table.column_paths[i].rsplit(" / ", 1)[-1] for i in quarters] == ["I", "II", "III", "IV"]
    cell = lambda row, col: next((c.text for c in row if c.col == col), "")  # noqa: E731
    assert [[cell(row, q) for q in quarters] for row in table.body] == [
        ["23,75", "47,50", "71,25", "95"], ["3", "6", "9", "12"], ["15", "30", "45", "60"],
        ["19,67", "39,34", "59,01", "78,68"]]


def test_a_totals_label_a_line_above_its_figures_opens_the_total_row(tmp_path):
    # a Renja evaluation: 'Jumlah Total' sits centred a line above its amounts, right under the
    # wrapped name of the last kegiatan; it is the total's row, not the end of that name
    g = generate("renja_eval", "ruled", seed=0, out_dir=tmp_path)
    table = parse(g.text_paths["layout"]).tables()[0]
    names = [next((c.text for c in row if c.col == 3), "") for row in table.body]
    assert names[-1] == "Jumlah Total"
    assert not any(n.endswith("Jumlah Total") for n in names[:-1])


def test_a_unit_word_in_lower_case_does_not_keep_a_new_indicator_in_the_one_above(tmp_path):
    # an IKU decree: a second indicator under the same sasaran opens on a line whose Satuan reads
    # 'persen' (lower case, like a wrapped line's text); the line still opens a record
    g = generate("iku", "header2", seed=0, out_dir=tmp_path)
    table = parse(g.text_paths["layout"]).tables()[0]
    col = next(i for i, p in enumerate(table.column_paths) if p.endswith("Uraian"))
    names = [next((c.text for c in row if c.col == col), "") for row in table.body]
    assert any(n.startswith("Terpenuhinya kebutuhan") for n in names)
