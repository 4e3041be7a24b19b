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
