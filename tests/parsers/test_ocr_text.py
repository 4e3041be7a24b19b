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


@pytest.mark.parametrize("read, printed", [("34:105,511", "34,105,511"), ("147:300.000", "147.300.000"),
                                           ("12:500.000,00", "12.500.000,00")])
def test_a_group_separator_read_as_a_colon_is_the_amounts_own_separator(read, printed):
    """A reading of the generated scans: 'Rp 34:105,511' was no amount at all."""
    assert repair_word(read) == printed


@pytest.mark.parametrize("word", ["10:30", "12:345", "1:25", "(1:250.000)", "1:100,000"])
def test_a_time_a_ratio_or_a_scale_with_a_colon_is_kept(word):
    assert repair_word(word) == word


def test_a_speck_read_as_a_stop_between_two_words_is_a_space():
    assert repair_word("Laporan.Keuangan") == "Laporan Keuangan"


@pytest.mark.parametrize("word", ["S.Pd", "M.Kom", "go.id", "Kab.Bogor", "dst.", "www.jabarprov.go.id"])
def test_titles_abbreviations_and_domains_keep_their_stop(word):
    assert repair_word(word) == word
