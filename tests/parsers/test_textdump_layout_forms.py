"""Standard forms in -layout dumps: 'Label : value' lines over a table are no part of it, and a
numbering row under the header says how many columns the table has."""

from tests.forms import generate
from tests.parsing import parse


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
