"""A rate broken after its slash over two grid rows is joined back into one row."""

from kinerja.parsers.grid.model import GridCell, TableGrid
from kinerja.parsers.page.geometry import Box
from kinerja.parsers.ruled.open_fractions import join_open_fractions


def _grid(rows: list[list[str]]) -> TableGrid:
    cells = [GridCell(r, c, text, Box(c * 50, r * 10, c * 50 + 50, r * 10 + 10))
             for r, row in enumerate(rows) for c, text in enumerate(row)]
    return TableGrid(1, Box(0, 0, 50 * len(rows[0]), 10 * len(rows)), len(rows), len(rows[0]), cells, "test")


def _texts(grid: TableGrid) -> list[list[str]]:
    return [[c.text for c in row] for row in grid.rows()]


def test_a_maternal_mortality_ratio_wrapped_after_its_slash_is_one_row():
    # the Dinkes Jabar LKIP 2016 (p. 65): 'Ratio / kematian ibu', '90/ / 100.000KH', ...
    grid = join_open_fractions(_grid([["Ratio", "90/", "88,10/", ""],
                                      ["kematian ibu", "100.000KH", "100.000KH", "102,11%"],
                                      ["Ratio kematian bayi", "6/1000 KH", "4,4/1000 KH", "126,7 %"]]))
    assert _texts(grid) == [["Ratio kematian ibu", "90/100.000KH", "88,10/100.000KH", "102,11%"],
                            ["Ratio kematian bayi", "6/1000 KH", "4,4/1000 KH", "126,7 %"]]


def test_a_slash_that_no_figure_continues_stays_where_it_is():
    rows = [["Kab/", "Kota"], ["Jumlah", "12"]]
    assert _texts(join_open_fractions(_grid(rows))) == rows
