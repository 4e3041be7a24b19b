"""Shaded cells: a box filled with the colour it lies on, or beside, draws no edge. Word shades a
cell and then each line of its text, or tiles the cell with a box per line and per padding;
only the sides that show are rulings."""

from tests.conftest import PDFS, WILD
from tests.parsing import parse

from .real_pdfs import one_page


def _rows(pdf) -> list[list[str]]:
    (table,) = parse(pdf).tables()
    return [[c.text for c in row] for row in table.body]


def test_a_shaded_row_whose_lines_are_shaded_again_stays_one_row(tmp_path):
    # Tabel 2.1, grey rows: 'Meningkatnya / infrastruktur / pendukung ekonomi' is one cell
    rows = _rows(one_page(WILD / "lkjip_2022_pemprov_sumut.pdf", 19, tmp_path / "p19.pdf"))
    assert len(rows) == 8
    assert ["4.", "Meningkatnya infrastruktur pendukung ekonomi", "Indeks Infrastruktur", "-", "-",
            "0,70", "0,74", "0,79"] in [[" ".join(t.split()) for t in r] for r in rows]


def test_a_figure_ending_in_a_dash_over_another_is_one_range_not_two_rows(tmp_path):
    rows = _rows(one_page(WILD / "lkjip_2022_pemprov_sumut.pdf", 19, tmp_path / "p19.pdf"))
    assert [" ".join(t.split()) for t in rows[0][5:]] == ["68,65- 69,15", "68,75- 69,25", "68,85- 69,35"]


def test_a_header_cell_tiled_with_boxes_of_its_colour_is_one_cell(tmp_path):
    # 'NO.' and 'JENIS ANGGARAN/PROGRAM' are each shaded as three tiles: padding, line, padding
    (table,) = parse(one_page(PDFS / "lkip_2016_disnakertrans_jabar.pdf", 24, tmp_path / "p24.pdf")).tables()
    first = [c.text for c in table.header_rows[0]]
    assert first[:2] == ["NO.", "JENIS ANGGARAN/PROGRAM"]
