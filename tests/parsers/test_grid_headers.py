"""Header rows of a grid: what is a label, what a value, and which row numbers the columns.
Cell texts are those OCR gave on the generated scans (a Renstra target matrix, a landscape
Renja evaluation) and on printed forms."""

import pytest

from kinerja.parsers.grid.headers import is_value
from kinerja.parsers.text.numbering import is_numbering_row

# the numbering row of a landscape Renja evaluation as OCR read it: 11 read 'li', 13 '. 13',
# 17 '» by Ja'
OCR_NUMBERING = ["1", "2", "3", "4", "5", "6", "", "7", "", "8", "", "9", "", "10", "", "li", "",
                 "12", "", ". 13", "", "14", "", "15", "", "16", "", "» by Ja", "18"]


@pytest.mark.parametrize("text", ["(2022)", "2021"])
def test_a_year_is_a_label_bracketed_too(text):
    """'Tahun ke- 1 (2022)': the bracketed year names the column."""
    assert not is_value(text)


@pytest.mark.parametrize("text", [",", ".", "Rp."])
def test_a_lone_mark_is_no_value(text):
    """A numeral 'I' OCR read as ',' left the quarter row out of the header."""
    assert not is_value(text)


@pytest.mark.parametrize("text", ["1.234", "(3,157)", "85 %", "Rp 4.348.653.721"])
def test_figures_are_values(text):
    assert is_value(text)


def test_a_numbering_row_read_by_ocr_with_misread_numerals_closes_the_header():
    assert is_numbering_row(OCR_NUMBERING, ocr=True)


def test_a_text_layer_numbering_row_admits_no_misreading():
    assert not is_numbering_row(OCR_NUMBERING)


def test_a_row_of_percentages_is_no_misread_numbering():
    row = ["1", "2", "3", "4", "5", "6", "7", "8", "85,5 %", "10"]
    assert not is_numbering_row(row, ocr=True)


def test_misreadings_may_be_only_a_few():
    row = ["1", "2", "ab", "4", "cd", "6", "ef", "8", "gh", "10", "ij", "12"]
    assert not is_numbering_row(row, ocr=True)


def test_a_numeral_read_as_another_number_is_a_misreading_too():
    """'1' for 7: every cell a number, yet not in order."""
    assert is_numbering_row(["1", "2", "3", "4", "5", "6", "1", "8", "9", "10"], ocr=True)


@pytest.mark.parametrize("row", [
    ["1", "IPM", "70", "71", "72", "73", "74", "75", "76", "77"],
    ["2", "PAD", "10", "12", "15", "18", "20", "22", "25"],
])
def test_a_data_row_of_rising_figures_beside_a_short_name_is_no_numbering(row):
    """The figures stand far from their places' numbers: a row's targets, not column numbers."""
    assert not is_numbering_row(row, ocr=True)


def _grid(cells: list[tuple], n_rows: int, n_cols: int, method: str = "pdfium-rules"):
    """(row, col, text, row_span, col_span) cells of a grid."""
    from kinerja.parsers.grid.model import GridCell, TableGrid
    from kinerja.parsers.page.geometry import Box
    return TableGrid(page=1, box=Box(0, 0, 100, 100), n_rows=n_rows, n_cols=n_cols, method=method,
                     cells=[GridCell(row=r, col=c, text=t, row_span=rs, col_span=cs) for r, c, t, rs, cs in cells])


def test_a_group_label_beside_a_column_that_spans_down_is_the_header_not_a_title():
    from kinerja.parsers.grid.headers import resolve
    grid = _grid([(0, 0, "Capaian Kinerja Tahun 2023", 1, 4), (0, 4, "Keterangan", 2, 1),
                  (1, 0, "Indikator", 1, 1), (1, 1, "Target", 1, 1), (1, 2, "Realisasi", 1, 1), (1, 3, "%", 1, 1),
                  (2, 0, "Indeks SPBE", 1, 1), (2, 1, "3,2", 1, 1), (2, 2, "3,5", 1, 1), (2, 3, "109", 1, 1),
                  (2, 4, "-", 1, 1)], 3, 5)
    table = resolve(grid)
    assert table.caption is None
    assert table.column_paths()[1] == "Capaian Kinerja Tahun 2023 / Target"


def test_a_wide_title_over_no_labels_leaves_the_title_across_the_table_the_caption():
    from kinerja.parsers.grid.headers import resolve
    grid = _grid([(0, 0, "REALISASI ANGGARAN TAHUN 2022", 1, 4), (1, 0, "Program dan kegiatan", 1, 3),
                  (2, 0, "Program A", 1, 1), (2, 1, "1.000.000", 1, 1), (2, 2, "900.000", 1, 1), (2, 3, "90", 1, 1)],
                 3, 4)
    assert resolve(grid).caption == "REALISASI ANGGARAN TAHUN 2022"


def test_a_group_label_that_whitespace_columns_stretch_to_the_left_edge_is_no_title():
    # an unruled Renja table: 'Indikator Kinerja' over the output columns, 'Pagu Indikatif (Rp)' beside it
    from kinerja.parsers.grid.headers import resolve
    grid = _grid([(0, 0, "Indikator Kinerja", 1, 4), (0, 4, "Pagu Indikatif (Rp)", 1, 2),
                  (1, 0, "Kode", 1, 1), (1, 1, "Program/Kegiatan", 1, 1), (1, 2, "Tolok Ukur", 1, 1),
                  (1, 3, "Target", 1, 1), (1, 4, "APBD", 1, 1), (1, 5, "Prakiraan Maju", 1, 1),
                  (2, 0, "2.23.01", 1, 1), (2, 1, "Program A", 1, 1), (2, 2, "Jumlah dokumen", 1, 1),
                  (2, 3, "42", 1, 1), (2, 4, "Rp 3.214.159.436", 1, 1), (2, 5, "Rp 2.269.146.101", 1, 1)],
                 3, 6, method="whitespace-columns")
    table = resolve(grid)
    assert table.caption is None and table.column_paths()[4] == "Pagu Indikatif (Rp) / APBD"
