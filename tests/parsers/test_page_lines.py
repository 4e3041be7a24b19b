"""Words grouped into lines (parsers/page/lines.py): a skewed scan's line stays one line, and
the lines of labels centred in one header row, half a line apart, stay apart."""

from kinerja.parsers.page.geometry import Box
from kinerja.parsers.page.lines import Segment, lines_from_runs


def _word(x: float, y: float, text: str, width: float = 30.0, height: float = 9.0) -> Segment:
    return Segment(Box(x, y, x + width, y + height), text)


def test_a_table_row_of_a_skewed_scan_stays_one_line_across_wide_gutters():
    # a slope of 0.015 (about 0.9 degrees), cells 150 pt apart: the last word sits more than
    # half a line lower than the first
    words = [_word(x, 100 + 0.015 * x, f"w{x}") for x in (50, 250, 400, 550)]
    assert [ln.text for ln in lines_from_runs(words, 1)] == ["w50 w250 w400 w550"]


def test_labels_centred_in_one_header_row_half_a_line_apart_are_separate_lines():
    # a two-line label beside a three-line one, each centred in the row: their lines alternate
    # 5.4 pt apart (half the 10.8 pt pitch of 9 pt text)
    left = [_word(50, 100 + 10.8 * k, f"a{k}") for k in range(2)]
    right = [_word(150, 94.6 + 10.8 * k, f"b{k}") for k in range(3)]
    texts = [ln.text for ln in lines_from_runs(left + right, 1)]
    assert texts == ["b0", "a0", "b1", "a1", "b2"]
