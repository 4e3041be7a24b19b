"""The table-structure benchmark's scores (bench/table_teds.py) and its ground truth."""

from bench.table_teds import TCell, match, n_cols, n_rows, teds
from bench.bench_table_structure import truth_tables

HEADER = [TCell("No"), TCell("Indikator Kinerja"), TCell("Target")]
ROWS = [[TCell("1"), TCell("Indeks Kepuasan Masyarakat"), TCell("80")],
        [TCell("2"), TCell("Nilai SAKIP"), TCell("BB")]]


def test_a_table_read_as_printed_scores_one():
    assert teds([HEADER, *ROWS], [HEADER, *ROWS]) == 1.0


def test_a_wrapped_label_read_as_an_extra_row_costs_that_row():
    split = [HEADER, ROWS[0], [TCell("2"), TCell("Nilai")], [TCell("SAKIP"), TCell("BB")]]
    assert 0.5 < teds([HEADER, *ROWS], split) < 1.0


def test_a_span_read_wrong_costs_the_cell_however_alike_its_text():
    spanned = [[TCell("Indikator", colspan=2), TCell("Target")], *ROWS]
    flat = [[TCell("Indikator"), TCell(""), TCell("Target")], *ROWS]
    assert teds(spanned, flat) < 1.0 and n_cols(spanned) == n_cols(flat) == 3


def test_tables_pair_one_to_one_best_first_and_not_below_half():
    other = [[TCell("Program"), TCell("Anggaran")], [TCell("Program X"), TCell("Rp 1.000")]]
    pairs = match([[HEADER, *ROWS], other], [other, [HEADER, *ROWS]])
    assert sorted((i, j) for i, j, _ in pairs) == [(0, 1), (1, 0)]
    assert match([[HEADER, *ROWS]], [[[TCell("Daftar Isi")]]]) == []


def test_the_ground_truth_is_the_generated_forms_grid_with_its_spans():
    (table, *_) = truth_tables("pk", "header3", 0)
    assert n_rows(table) >= 4 and any(c.colspan > 1 or c.rowspan > 1 for row in table[:3] for c in row)


def test_every_hand_read_real_page_is_a_grid_of_one_width():
    from bench.real_tables import load_all

    pages = load_all()  # raises, naming the file, when a table's rows differ in width
    assert len(pages) >= 30 and sum(len(p.tables) for p in pages) >= 30


def test_a_hand_read_row_wider_than_the_others_is_named():
    from bench.real_tables import grid_problems

    header = [{"text": "No", "rowspan": 2}, {"text": "Target", "colspan": 2}]
    assert grid_problems([header, [{"text": "2023"}, {"text": "2024"}]]) == []
    assert grid_problems([header, [{"text": "2023"}, {"text": "2024"}, {"text": "2025"}]]) == [
        "rows differ in width: [3, 4]"]
    assert grid_problems([header]) == ["row 0: a rowspan of 2 runs past the last row"]
