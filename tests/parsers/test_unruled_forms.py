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


def test_two_rows_figures_stacked_in_one_cell_are_never_glued_into_one_number(tmp_path):
    # a Rencana Aksi whose second row runs into the first: '60' over '31' is not '6031'
    g = generate("rencana_aksi", "unruled", seed=0, out_dir=tmp_path)
    texts = {c.text for t in parse(g.pdf_path).tables() for row in t.body for c in row}
    assert "60 31" in texts and "6031" not in texts
