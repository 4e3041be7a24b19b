"""Grid rows joined when a record's amounts were cut over two ruled rows (parsers/ruled/cut_rows.py)."""

from kinerja.parsers.grid.headers import resolve
from kinerja.parsers.grid.model import GridCell, TableGrid
from kinerja.parsers.page.geometry import Box
from kinerja.parsers.ruled.cut_rows import join_cut_rows


def _grid(rows: list[list[str]]) -> TableGrid:
    cells = [GridCell(r, c, text) for r, row in enumerate(rows) for c, text in enumerate(row)]
    return TableGrid(1, Box(0, 0, 100, 100), len(rows), len(rows[0]), cells, "pdfium-rules")


def _texts(grid: TableGrid) -> list[list[str]]:
    return [[c.text for c in row] for row in grid.rows()]


def test_an_amount_cut_over_two_rows_is_joined_with_its_names_continuation():
    grid = join_cut_rows(_grid([["Administrasi Kepegawaian", "108.600.00"], ["Perangkat Daerah", "0"]]))
    assert _texts(grid) == [["Administrasi Kepegawaian Perangkat Daerah", "108.600.000"]]


def test_a_decimal_over_a_small_figure_is_two_records():
    # '1.250,50' is a decimal: the row below is the next indicator's
    rows = [["PDRB per kapita", "1.250,50"], ["Jumlah wisatawan", "5"]]
    assert _texts(join_cut_rows(_grid(rows))) == rows


def test_a_figure_under_a_whole_figure_keeps_the_rows_apart():
    rows = [["Penyediaan ATK", "108.600.00", "100"], ["Penyediaan Mebel", "0", "85"]]
    assert _texts(join_cut_rows(_grid(rows))) == rows


def test_a_title_over_two_grid_rows_with_nothing_starting_in_the_second_is_no_crash():
    cells = [GridCell(0, 0, "TAHUN ANGGARAN 2022", col_span=3)] + \
        [GridCell(2, c, t) for c, t in enumerate(["No", "Uraian", "Anggaran"])] + \
        [GridCell(3, c, t) for c, t in enumerate(["1", "Program A", "100"])]
    table = resolve(TableGrid(1, Box(0, 0, 100, 100), 4, 3, cells, "pdfium-rules"))
    assert table.caption == "TAHUN ANGGARAN 2022"
