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
