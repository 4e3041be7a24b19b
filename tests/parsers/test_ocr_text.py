"""OCR word repairs: only confusions whose wrong reading is no word of these documents.
Readings are those tesseract gave on the rasterised seeds and the real Sulut scan."""

import pytest

from kinerja.parsers.ocr.words import repair_word


@pytest.mark.parametrize("read, printed", [("Yo", "%"), ("(Yo)", "(%)"), ("Yo,", "%,")])
def test_a_percent_sign_read_yo_is_a_percent_sign(read, printed):
    assert repair_word(read) == printed


@pytest.mark.parametrize("word", ["Yogyakarta", "yo", "Yoga"])
def test_words_beginning_with_yo_are_kept(word):
    assert repair_word(word) == word


@pytest.mark.parametrize("read, printed", [("1:3:2", "1.3.2"), ("1.3:2", "1.3.2"),
                                           ("2.16:1.02", "2.16.1.02")])
def test_a_hierarchical_code_read_with_colons_gets_its_dots_back(read, printed):
    assert repair_word(read) == printed


@pytest.mark.parametrize("word", ["10:30", "1:3", "1.3.2", "2,5"])
def test_times_ratios_and_numbers_are_kept(word):
    assert repair_word(word) == word


@pytest.mark.parametrize("read, printed", [(".2018", "2018"), ("‘45,68%", "45,68%"),
                                           (":75,42%", "75,42%"), ("“9", "9"), ("“2019”", "2019"),
                                           (".75,42%", "75,42%")])
def test_a_speck_read_before_a_figure_is_dropped(read, printed):
    """Readings of the generated scans: dust glued to a year label hid the year."""
    assert repair_word(read) == printed


@pytest.mark.parametrize("word", ["-5", "(3,6)", "...", "1,", ",5", ".25"])
def test_signs_brackets_lone_marks_and_decimals_that_lost_their_zero_are_kept(word):
    assert repair_word(word) == word
