"""Which second reading of a table cell replaces the first (readings as tesseract gave them
on the rasterised LKjIP seed and the real Sulut scan)."""

from kinerja.parsers.ocr.reread import better_reading, restores_separator


def test_a_reading_that_restores_a_lost_decimal_point_is_taken():
    assert restores_separator("411", "4.11")


def test_a_reading_that_restores_a_thousands_separator_is_taken():
    assert restores_separator("Rp. 7838.434.333,-", "Rp. 7.838.434.333,-")


def test_a_reading_that_doubles_a_separator_is_not_taken():
    assert not restores_separator("Rp. 23.972.036.198,-", "Rp. 23.972,.036.198,-")


def test_a_reading_with_other_digits_is_no_restoration():
    assert not restores_separator("75", "1.5")


def test_an_empty_cell_takes_a_confident_second_reading():
    assert better_reading("", None, "1.", 0.8)
    assert not better_reading("", None, "Tn", 0.1)


def test_a_less_confident_second_reading_is_not_taken():
    assert not better_reading("1.2.1", 0.95, "12.1", 0.6)
