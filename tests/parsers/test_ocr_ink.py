"""Coloured ink (stamps, signatures) turned to paper before OCR; print kept."""

import numpy as np
from PIL import Image

from kinerja.parsers.ocr.ink import without_coloured_ink


def _read(*pixels: tuple[int, int, int]) -> list[int]:
    """The grayscale a row of RGB pixels is read as."""
    rgb = Image.fromarray(np.array([list(pixels)], dtype=np.uint8), "RGB")
    return np.asarray(without_coloured_ink(rgb.convert("L"), rgb))[0].tolist()


def test_a_purple_stamp_and_blue_ink_become_paper():
    assert _read((150, 90, 200), (60, 120, 230)) == [255, 255]


def test_black_and_grey_print_is_kept():
    assert _read((10, 10, 10), (128, 128, 128)) == [10, 128]


def test_dark_coloured_print_is_kept():
    # a navy heading: coloured, but as dark as print
    assert _read((20, 25, 80))[0] < 70


def test_a_page_with_colour_shaded_tables_is_left_as_it_is():
    # pink and blue row shading over a fifth of the page: colour there fringes the print
    pale_blue, ink_blue = (200, 225, 250), (60, 120, 230)
    rgb = Image.fromarray(np.array([[pale_blue] * 2 + [(255, 255, 255)] * 7 + [ink_blue]], dtype=np.uint8), "RGB")
    gray = rgb.convert("L")
    assert np.array_equal(np.asarray(without_coloured_ink(gray, rgb)), np.asarray(gray))


def test_a_red_mark_is_not_taken_for_a_stamp():
    # red print (a heading, a 'Rp' in red) stays: stamps and signatures are blue or violet
    assert _read((200, 40, 40))[0] < 255
