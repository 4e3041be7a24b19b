"""Unruled forms (no rulings at all) from the form generator: a header that numbers its columns
keeps the rows under it in its table, however their cells wrap."""

from tests.forms import generate
from tests.parsing import parse


def test_rows_under_a_numbered_header_stay_in_its_table(tmp_path):
    # a PK lampiran: 'No | Sasaran | Indikator | Satuan | Target 2017' over '(1) ... (5)', then
    # rows whose names wrap over two and three lines
    g = generate("pk", "unruled", seed=0, out_dir=tmp_path)
    table = next(t for t in parse(g.pdf_path).tables() if t.numbering_row)
    assert any("Indikator" in p for p in table.column_paths)
    numbers = [c.text for row in table.body for c in row if c.col == 0 and c.text.strip()]
    assert numbers[:2] == ["1.", "2."]  # the first row under the header, and the rows after it


def test_two_records_under_one_number_are_two_rows_with_their_own_figures(tmp_path):
    # a Rencana Aksi: sasaran '1.' with two programs, each on its own line of figures
    # ('60 15 30 45 60', then '31 8 16 23 31'); their figures are never glued ('6031')
    g = generate("rencana_aksi", "unruled", seed=0, out_dir=tmp_path)
    table = parse(g.pdf_path).tables()[0]
    rows = [[c.text for c in row] for row in table.body]
    assert rows[0][-7:-2] == ["60", "15", "30", "45", "60"]
    assert rows[1][-7:-2] == ["31", "8", "16", "23", "31"]
    assert not any("6031" in t or "60 31" in t for row in rows for t in row)


def test_a_budget_table_printed_right_under_a_numbered_indicator_table_is_a_table_of_its_own(tmp_path):
    # the PK lampiran without rulings: 'No | Sasaran | Indikator | Satuan | Target' with its
    # '(1) ... (5)' row, then at once 'No | Program | Anggaran | Keterangan'
    tables = parse(generate("pk", "unruled", 0, tmp_path).pdf_path).tables()
    assert len(tables) == 2
    assert "Program" in " ".join(tables[1].column_paths)


def test_a_label_on_its_own_line_over_one_column_heads_that_column(tmp_path):
    # 'Target' stands a line above 'No | Sasaran | ... | Satuan', over the '2017' of its column;
    # 'Anggaran' a line above 'No | Program | Keterangan', over the '(Rp)' of its column
    indicators, budget = parse(generate("pk", "unruled", 0, tmp_path).pdf_path).tables()
    assert indicators.column_paths[-1].replace("/", " ").split() == ["Target", "2017"]
    assert any(p.startswith("Anggaran") and "(Rp)" in p for p in budget.column_paths)


def test_one_line_rows_under_a_header_set_tighter_than_them_are_a_row_each(tmp_path):
    # the budget table's rows are one line each, evenly spaced, under a header whose lines
    # overlap: every amount is a row of its own, not five programs in one cell
    budget = parse(generate("pk", "unruled", 0, tmp_path).pdf_path).tables()[1]
    amounts = [c.text for row in budget.body for c in row if c.text.endswith(",00")]
    assert len(amounts) == len(budget.body) == 6


def test_short_words_left_of_a_centred_label_with_nothing_under_it_are_its_column(tmp_path):
    # 'APBD' and '-' stand left-aligned in the Keterangan column, left of its centred label:
    # they are remarks, never an amount of the Anggaran column beside them
    budget = parse(generate("pk", "unruled", 0, tmp_path).pdf_path).tables()[1]
    remarks = {c.text for row in budget.body for c in row if c.text in ("APBD", "-")}
    assert remarks
    for row in budget.body:
        for c in row:
            if c.text in remarks:
                assert "Keterangan" in budget.column_paths[c.col]


def test_the_top_line_of_a_tall_label_set_higher_than_its_neighbours_stays_in_the_header(tmp_path):
    # the Renja evaluation form: 'Tingkat Capaian' stands a line above the other labels' first
    # lines, centred over 'Kinerja dan' / 'Realisasi Anggaran ...' over a K/Rp pair; it is the
    # label's first line (its measure: capaian), not a paragraph above the table
    g = generate("renja_eval", "unruled_multipage", seed=1, out_dir=tmp_path)
    doc = parse(g.pdf_path)
    paths = doc.tables()[0].column_paths
    assert [p for p in paths if p.startswith("Tingkat Capaian Kinerja")] == [
        f"Tingkat Capaian Kinerja dan Realisasi Anggaran Renja Perangkat Daerah yang Dievaluasi (%) / {m}"
        for m in ("K", "Rp")]
    assert not any(getattr(b, "text", "") == "Tingkat Capaian" for b in doc.blocks)


def test_a_kpair_with_only_dashes_under_a_narrow_quarter_label_is_two_columns(tmp_path):
    # a Renja evaluation over two pages whose 'Realisasi Kinerja Pada Triwulan IV' is still all
    # '-': the label's narrow lines ('Pada', 'IV') sit in the gutter between its 'K' and 'Rp',
    # which must stay two columns, or every later K/Rp column slides one place
    table = parse(generate("renja_eval", "unruled_multipage", 1, tmp_path).pdf_path).tables()[0]
    quarter = [p for p in table.column_paths if "Triwulan IV" in p]
    assert [p.rsplit("/", 1)[-1].strip() for p in quarter] == ["K", "Rp"]


def test_amounts_of_unequal_length_set_right_aligned_do_not_join_the_next_column(tmp_path):
    # a Renstra target matrix: 'Rp 763,000,739' and 'Rp 2,091,492,000' right-aligned under 'RP'
    # leave a dent inside their column; it is no gutter, so the amounts do not span it, and the
    # strip between them and the next year's K figures stays a gutter
    table = parse(generate("renstra_target", "unruled", 1, tmp_path).pdf_path).tables()[0]
    pair = [p.rsplit("/", 2)[-2:] for p in table.column_paths if "TAHUN-" in p]
    assert [[w.strip() for w in p] for p in pair[:4]] == [["TAHUN-1", "K"], ["TAHUN-1", "RP"],
                                                           ["TAHUN-2", "K"], ["TAHUN-2", "RP"]]
    row = [c.text for c in table.body[1]]
    assert row[5:7] == ["Rp 2,091,492,000", "3,179 Orang"]


def test_each_indicator_of_a_numbered_sasaran_with_its_own_target_is_a_row_of_its_own(tmp_path):
    # an IKU whose sasaran '2.' holds three indicators, each with a satuan and one target
    # ('100', then '775', then '95') on the line its name starts; the names wrap with no gap
    table = parse(generate("iku", "unruled", 1, tmp_path).pdf_path).tables()[0]
    starts = [next(c.text for c in row if c.text.strip()) for row in table.body]
    assert starts[1:4] == ["2.", "Jumlah ASN bidang komunikasi publik yang difasilitasi mengikuti bimtek/pelatihan",
                           "Prosentase Korban Bencana"]

